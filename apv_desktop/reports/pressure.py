"""Pressionspunkter: the ranked pressure points with what they are measured against, and apart
from them the strengths (gode erfaringer). Every row is a shown score of `results`."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.results import Score
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
    header_row,
    prepare_print,
    put,
    rounded,
    set_widths,
    title_block,
)
from apv_desktop.reports.wording import light_name

TABLE_START = 4


def score_table_titles(data: ReportData, with_trend: bool = False) -> list[str]:
    tr = data.tr
    titles = [tr("Nr."), tr("Enhed"), tr("Dimension"), tr("Score"), tr("Lys"),
              tr("Organisation"), tr("Reference"), tr("Forskel"), tr("n"),
              tr("Interval fra"), tr("Interval til")]
    return titles + [tr("Forrige runde"), tr("Udvikling")] if with_trend else titles


def write_pressure_points(ws: Worksheet, data: ReportData) -> None:
    tr = data.tr
    title_block(ws, tr("Pressionspunkter og gode erfaringer"),
                tr("Forskel er i point, vendt så et minus altid er dårligere end "
                   "sammenligningsgrundlaget. Rækkefølgen er efter, hvor langt scoren er fra god."))
    put(ws, TABLE_START - 1, 1, tr("Pressionspunkter"), font=SUBTITLE_FONT)
    with_trend = data.previous_round is not None
    if with_trend:
        put(ws, TABLE_START - 1, 3,
            tr("Forrige runde er {round}; udviklingen vises kun, hvor dimensionen er målt med de "
               "samme spørgsmål, og begge scorer kan vises. Ændringer under 5 point er støj.",
               round=data.previous_round) + " " + tr(
                "En enhed, der ikke består af de samme enheder som i forrige runde, er ikke "
                "sammenlignelig."), font=NOTE_FONT)
    row = score_rows(ws, data, data.pressure_points, TABLE_START,
                     empty=tr("Ingen pressionspunkter i denne runde."), with_trend=with_trend)
    put(ws, row + 2, 1, tr("Gode erfaringer"), font=SUBTITLE_FONT)
    score_rows(ws, data, data.strengths, row + 3,
               empty=tr("Ingen enheder ligger markant over organisationen i denne runde."))
    ws.freeze_panes = ws.cell(row=TABLE_START + 1, column=1).coordinate
    last = "M" if with_trend else "K"
    ws.auto_filter.ref = (
        f"A{TABLE_START}:{last}{max(TABLE_START + len(data.pressure_points), 5)}")
    set_widths(ws, {"A": 5, "B": 36, "C": 36, "D": 8, "E": 8, "F": 12, "G": 10, "H": 9,
                    "I": 6, "J": 10, "K": 10, "L": 10, "M": 10})
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
        dimension = next(d for d in data.dimensions if d.code == score.dimension)
        org = data.score(data.organisation.code, score.dimension)
        light = score.light or ""
        values: list[tuple[object, str | None]] = [
            (rank, COUNT_FORMAT),
            (data.display_name(score.unit) if with_unit else "", None),
            (dimension.name, None),
            (rounded(score.mean), SCORE_FORMAT),
            (light_name(data.tr, score.light), None),
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
            if data.not_comparable(score.unit, score.dimension):
                values += [(data.tr("ikke sammenlignelig"), None), (None, None)]
            else:
                values += [(rounded(previous), SCORE_FORMAT), (rounded(change), SCORE_FORMAT)]
        for column, (value, number_format) in enumerate(values, start=1):
            put(ws, row, column, value, number_format=number_format, border=GRID)
        score_font = PRESSURE_FONT if score.pressure_point else LIGHT_FONTS.get(light)
        for column in (4, 5):
            cell = ws.cell(row=row, column=column)
            if light in LIGHT_FILLS:
                cell.fill = LIGHT_FILLS[light]
            if score_font is not None:
                cell.font = score_font
    return row
