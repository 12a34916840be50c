"""Pressionspunkter: the ranked pressure points with what they are measured against, and apart
from them the strengths (gode erfaringer). Every row is a shown score of `results`."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.results import Score
from apv_desktop.core.story import direction_symbol, direction_words, marker
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.styles import (
    COUNT_FORMAT,
    GAP_FORMAT,
    GRID,
    LIGHT_FILLS,
    LIGHT_FONTS,
    NOTE_FONT,
    PRESSURE_FONT,
    SCORE_FORMAT,
    SUBTITLE_FONT,
    WRAP,
    fit_height,
    header_row,
    prepare_print,
    put,
    rounded,
    score_format,
    set_widths,
    title_block,
)
from apv_desktop.reports.wording import light_name

TABLE_START = 4
SCORE_COLUMN = 5  # the score; the light's name beside it


def score_table_titles(data: ReportData, with_trend: bool = False) -> list[str]:
    tr = data.tr
    titles = [tr("Nr."), tr("Enhed"), tr("Dimension"), tr("Retning"), tr("Score"), tr("Lys"),
              tr("Organisation"), tr("Reference"), tr("Forskel"), tr("n"),
              tr("Interval fra"), tr("Interval til")]
    return titles + [tr("Forrige runde"), tr("Udvikling")] if with_trend else titles


def write_pressure_points(ws: Worksheet, data: ReportData) -> None:
    tr = data.tr
    title_block(ws, tr("Pressionspunkter og gode erfaringer"),
                tr("Forskel og Udvikling er i point, vendt så et minus altid er dårligere, "
                   "uanset om høj score er god (↑) eller dårlig (↓). Rækkefølgen er efter, hvor "
                   "langt scoren er fra god."))
    put(ws, TABLE_START - 1, 1, tr("Pressionspunkter"), font=SUBTITLE_FONT)
    with_trend = data.previous_round is not None
    if with_trend:
        put(ws, TABLE_START - 1, 3,
            tr("Forrige runde er {round}; udviklingen vises kun, hvor dimensionen er målt med de "
               "samme spørgsmål, og begge scorer kan vises. Ændringer under 5 point er støj.",
               round=data.previous_round), font=NOTE_FONT)
    row = score_rows(ws, data, data.pressure_points, TABLE_START,
                     empty=tr("Ingen pressionspunkter i denne runde."), with_trend=with_trend)
    put(ws, row + 2, 1, tr("Gode erfaringer"), font=SUBTITLE_FONT)
    score_rows(ws, data, data.strengths, row + 3,
               empty=tr("Ingen enheder ligger markant over organisationen i denne runde."),
               with_trend=with_trend)
    ws.freeze_panes = ws.cell(row=TABLE_START + 1, column=1).coordinate
    last = "N" if with_trend else "L"
    ws.auto_filter.ref = (
        f"A{TABLE_START}:{last}{max(TABLE_START + len(data.pressure_points), 5)}")
    set_widths(ws, {"A": 5, "B": 36, "C": 36, "D": 16, "E": 9, "F": 9, "G": 12, "H": 10,
                    "I": 9, "J": 6, "K": 10, "L": 10, "M": 10, "N": 10})
    prepare_print(ws, data, title_rows=f"{TABLE_START}:{TABLE_START}")


def score_rows(ws: Worksheet, data: ReportData, scores: list[Score], row: int, *,
               empty: str, with_unit: bool = True, with_trend: bool = False) -> int:
    """A header and one row per score from `row`; returns the last row written. `with_trend`
    adds the previous round's score and the change, blank where they do not compare."""
    header_row(ws, row, score_table_titles(data, with_trend))
    ws.row_dimensions[row].height = 30
    if not scores:
        put(ws, row + 1, 1, empty, font=NOTE_FONT)
        return row + 1
    for rank, score in enumerate(scores, start=1):
        row += 1
        dimension = data.dimension(score.dimension)
        org = data.score(data.organisation.code, score.dimension)
        light = score.light or ""
        values: list[tuple[object, str | None]] = [
            (rank, COUNT_FORMAT),
            (data.display_name(score.unit) if with_unit else "", None),
            (dimension.name, None),
            (f"{direction_symbol(dimension.direction)} "
             f"{direction_words(data.tr, dimension.direction)}", None),
            (rounded(score.mean), score_format(light, score.pressure_point)),
            (f"{marker(light, score.pressure_point)} {light_name(data.tr, light)}".strip(), None),
            (rounded(org.mean), SCORE_FORMAT),
            (dimension.reference, SCORE_FORMAT),
            (rounded(score.gap), GAP_FORMAT),
            (score.n, COUNT_FORMAT),
            (rounded(score.ci_low), SCORE_FORMAT),
            (rounded(score.ci_high), SCORE_FORMAT),
        ]
        if with_trend:
            trend = data.trend(score.unit, score.dimension) if not score.suppressed else None
            previous, change = trend if trend is not None else (None, None)
            values += [(rounded(previous), SCORE_FORMAT), (rounded(change), GAP_FORMAT)]
        score_font = PRESSURE_FONT if score.pressure_point else LIGHT_FONTS.get(light)
        for column, (value, number_format) in enumerate(values, start=1):
            lit = column in (SCORE_COLUMN, SCORE_COLUMN + 1)
            put(ws, row, column, value, number_format=number_format, border=GRID,
                alignment=WRAP if column in (2, 3) else None,
                fill=LIGHT_FILLS.get(light) if lit else None, font=score_font if lit else None)
        fit_height(ws, row, [(data.display_name(score.unit) if with_unit else "", 36),
                             (dimension.name, 36)])
    return row
