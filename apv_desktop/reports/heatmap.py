"""Heatmap: units as rows (the organisation on top), dimensions as columns grouped by domain,
each with its direction (↑ high is good, ↓ high is bad), each score on its traffic-light fill
with the light's grey-safe symbol; hidden scores say why instead of leaving a blank. With a
previous round, the change since it follows in the same columns (minus = worse)."""

from __future__ import annotations

from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.results import Score, UnitResult
from apv_desktop.core.story import direction_symbol
from apv_desktop.core.trend import NOISE
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.styles import (
    BOLD,
    CENTER,
    COUNT_FORMAT,
    GAP_FORMAT,
    GRID,
    HEADER_FILL,
    HEADER_FONT,
    HIDDEN_FILL,
    HIDDEN_FONT,
    LIGHT_FILLS,
    LIGHT_FONTS,
    NOTE_FONT,
    ORG_FILL,
    PRESSURE_FONT,
    SMALL_SUBTITLE_FONT,
    SUBTITLE_FONT,
    indented,
    prepare_print,
    put,
    rounded,
    score_format,
    set_widths,
    title_block,
)
from apv_desktop.reports.wording import direction_text, hidden_short

DOMAIN_ROW, HEADER_ROW, DIRECTION_ROW, ORG_ROW = 3, 4, 5, 6
FIRST_DIMENSION_COLUMN = 3
SCORE_WIDTH = 8.5  # "▼! 61.3"
ROTATED = Alignment(text_rotation=90, wrap_text=True, horizontal="center", vertical="bottom")
NOISE_FONTS = {True: Font(color="9C0006", bold=True), False: Font(color="006100", bold=True)}


def write_heatmap(ws: Worksheet, data: ReportData) -> None:
    tr = data.tr
    title_block(ws, tr("Heatmap"),
                tr("Score 0–100 for hver enhed og dimension; farven og tegnet er trafiklyset "
                   "(● grøn, ◆ gul, ▼ rød, ! pressionspunkt i fed), pilen under navnet siger, "
                   "om høj score er god (↑) eller dårlig (↓). n er antal svar. »for få« er skjult "
                   "for få svar, »beskyttet« skjult for at beskytte en mindre gruppe."))
    _headers(ws, data)
    row = ORG_ROW
    _unit_row(ws, data, row, data.organisation, is_org=True)
    for unit in data.units:
        row += 1
        _unit_row(ws, data, row, unit, is_org=False)
    last_column = get_column_letter(FIRST_DIMENSION_COLUMN + len(data.dimensions) - 1)
    ws.freeze_panes = ws.cell(row=ORG_ROW + 1, column=FIRST_DIMENSION_COLUMN).coordinate
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{row}"
    if data.previous_round is not None:
        _changes(ws, data, row + 2)
    set_widths(ws, {"A": 36, "B": 6})
    for column in range(FIRST_DIMENSION_COLUMN, FIRST_DIMENSION_COLUMN + len(data.dimensions)):
        ws.column_dimensions[get_column_letter(column)].width = SCORE_WIDTH
    prepare_print(ws, data, title_rows=f"{DOMAIN_ROW}:{DIRECTION_ROW}")
    ws.print_title_cols = "A:B"


def _headers(ws: Worksheet, data: ReportData) -> None:
    tr = data.tr
    put(ws, HEADER_ROW, 1, tr("Enhed"), font=HEADER_FONT, fill=HEADER_FILL, border=GRID,
        alignment=Alignment(vertical="bottom"))
    put(ws, HEADER_ROW, 2, tr("n"), font=HEADER_FONT, fill=HEADER_FILL, border=GRID,
        alignment=Alignment(horizontal="center", vertical="bottom"))
    ws.row_dimensions[HEADER_ROW].height = 150
    ws.row_dimensions[DOMAIN_ROW].height = 30
    put(ws, DIRECTION_ROW, 1, tr("Retning: ↑ høj er god, ↓ høj er dårlig"),
        font=NOTE_FONT, border=GRID)
    put(ws, DIRECTION_ROW, 2, None, border=GRID)
    start = FIRST_DIMENSION_COLUMN
    for offset, dimension in enumerate(data.dimensions):
        column = FIRST_DIMENSION_COLUMN + offset
        cell = put(ws, HEADER_ROW, column, dimension.name, font=HEADER_FONT, fill=HEADER_FILL,
                   border=GRID, alignment=ROTATED)
        cell.comment = Comment(f"{dimension.name} ({dimension.code}): "
                               f"{direction_text(tr, dimension.direction)}", "APV Desktop")
        put(ws, DIRECTION_ROW, column, direction_symbol(dimension.direction), font=BOLD,
            border=GRID, alignment=CENTER)
        following = data.dimensions[offset + 1] if offset + 1 < len(data.dimensions) else None
        if following is None or following.domain != dimension.domain:
            _domain_header(ws, data.domain_name(dimension.domain), start, column)
            start = column + 1


def _domain_header(ws: Worksheet, name: str, first: int, last: int) -> None:
    put(ws, DOMAIN_ROW, first, name, font=SMALL_SUBTITLE_FONT, border=GRID,
        alignment=Alignment(horizontal="center", vertical="center", wrap_text=True))
    if last > first:
        ws.merge_cells(start_row=DOMAIN_ROW, start_column=first, end_row=DOMAIN_ROW,
                       end_column=last)


def _unit_row(ws: Worksheet, data: ReportData, row: int, unit: UnitResult, *,
              is_org: bool) -> None:
    fill = ORG_FILL if is_org else None
    put(ws, row, 1, data.display_name(unit.code), fill=fill, border=GRID,
        font=BOLD if is_org or unit.depth <= 1 else None,
        alignment=indented(unit.depth))
    put(ws, row, 2, unit.responses, number_format=COUNT_FORMAT, fill=fill, border=GRID,
        alignment=CENTER)
    for offset, dimension in enumerate(data.dimensions):
        score_cell(ws, row, FIRST_DIMENSION_COLUMN + offset, data,
                   data.score(unit.code, dimension.code))


def score_cell(ws: Worksheet, row: int, column: int, data: ReportData, score: Score) -> None:
    """A score on its light with the light's symbol, or why it is hidden: never a blank that
    looks like no data."""
    if score.suppressed or score.mean is None:
        put(ws, row, column, hidden_short(data.tr, score.hidden_reason), fill=HIDDEN_FILL,
            font=HIDDEN_FONT, border=GRID, alignment=CENTER)
        return
    light = score.light or ""
    put(ws, row, column, rounded(score.mean),
        number_format=score_format(light, score.pressure_point),
        fill=LIGHT_FILLS.get(light), border=GRID, alignment=CENTER,
        font=PRESSURE_FONT if score.pressure_point else LIGHT_FONTS.get(light))


def change_cell(ws: Worksheet, row: int, column: int, data: ReportData, unit: str,
                dimension: str) -> None:
    """The change since the previous round (minus = worse), bold when it is 5 points or more;
    '–' where the rounds do not compare or a score of either is hidden."""
    trend = data.trend(unit, dimension)
    if trend is None:
        put(ws, row, column, "–", font=HIDDEN_FONT, border=GRID, alignment=CENTER)
        return
    change = rounded(trend[1])
    assert change is not None
    put(ws, row, column, change, number_format=GAP_FORMAT, border=GRID, alignment=CENTER,
        font=NOISE_FONTS[change < 0] if abs(change) >= NOISE else None)


def _changes(ws: Worksheet, data: ReportData, row: int) -> int:
    """The change since the previous round for every unit, in the heatmap's columns."""
    tr = data.tr
    put(ws, row, 1, tr("Udvikling siden {round} (point; minus er dårligere, ligesom Forskel)",
                       round=data.previous_round), font=SUBTITLE_FONT)
    for unit in [data.organisation, *data.units]:
        row += 1
        is_org = unit.code == data.organisation.code
        put(ws, row, 1, data.display_name(unit.code), fill=ORG_FILL if is_org else None,
            border=GRID, font=BOLD if is_org or unit.depth <= 1 else None,
            alignment=indented(unit.depth))
        put(ws, row, 2, None, border=GRID)
        for offset, dimension in enumerate(data.dimensions):
            change_cell(ws, row, FIRST_DIMENSION_COLUMN + offset, data, unit.code,
                        dimension.code)
    return row
