"""Heatmap: units as rows (the organisation on top), dimensions as columns grouped by domain,
each score on its traffic-light fill; hidden scores say so instead of leaving a blank."""

from __future__ import annotations

from openpyxl.comments import Comment
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.judgement import direction_text
from apv_desktop.core.results import Score, UnitResult
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.styles import (
    BOLD,
    CENTER,
    COUNT_FORMAT,
    GRID,
    HEADER_FILL,
    HEADER_FONT,
    HIDDEN_FILL,
    HIDDEN_FONT,
    LIGHT_FILLS,
    LIGHT_FONTS,
    ORG_FILL,
    PRESSURE_FONT,
    SCORE_FORMAT,
    SMALL_SUBTITLE_FONT,
    indented,
    prepare_print,
    put,
    rounded,
    set_widths,
    title_block,
)
from apv_desktop.reports.wording import hidden_word

DOMAIN_ROW, HEADER_ROW, ORG_ROW = 3, 4, 5
FIRST_DIMENSION_COLUMN = 3


def write_heatmap(ws: Worksheet, data: ReportData) -> None:
    tr = data.tr
    title_block(ws, tr("Heatmap"),
                tr("Score 0–100 for hver enhed og dimension; farven er trafiklyset (se "
                   "Forside), fed rød er et pressionspunkt. n er antal svar."))
    _headers(ws, data)
    row = ORG_ROW
    _unit_row(ws, data, row, data.organisation, is_org=True)
    for unit in data.units:
        row += 1
        _unit_row(ws, data, row, unit, is_org=False)
    last_column = get_column_letter(FIRST_DIMENSION_COLUMN + len(data.dimensions) - 1)
    ws.freeze_panes = ws.cell(row=ORG_ROW + 1, column=FIRST_DIMENSION_COLUMN).coordinate
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{row}"
    set_widths(ws, {"A": 36, "B": 6})
    for column in range(FIRST_DIMENSION_COLUMN, FIRST_DIMENSION_COLUMN + len(data.dimensions)):
        ws.column_dimensions[get_column_letter(column)].width = 6.5
    prepare_print(ws, data, title_rows=f"{DOMAIN_ROW}:{HEADER_ROW}")
    ws.print_title_cols = "A:B"


def _headers(ws: Worksheet, data: ReportData) -> None:
    tr = data.tr
    put(ws, HEADER_ROW, 1, tr("Enhed"), font=HEADER_FONT, fill=HEADER_FILL, border=GRID,
        alignment=Alignment(vertical="bottom"))
    put(ws, HEADER_ROW, 2, tr("n"), font=HEADER_FONT, fill=HEADER_FILL, border=GRID,
        alignment=Alignment(horizontal="center", vertical="bottom"))
    ws.row_dimensions[HEADER_ROW].height = 150
    ws.row_dimensions[DOMAIN_ROW].height = 30
    start = FIRST_DIMENSION_COLUMN
    for offset, dimension in enumerate(data.dimensions):
        column = FIRST_DIMENSION_COLUMN + offset
        cell = put(ws, HEADER_ROW, column, dimension.name, font=HEADER_FONT, fill=HEADER_FILL,
                   border=GRID, alignment=Alignment(text_rotation=90, wrap_text=True,
                                                    horizontal="center", vertical="bottom"))
        cell.comment = Comment(f"{dimension.name} ({dimension.code}): "
                               f"{direction_text(tr, dimension.direction)}", "APV Desktop")
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
    """A score on its light, or the word for hidden: never a blank that looks like no data."""
    if score.suppressed or score.mean is None:
        put(ws, row, column, hidden_word(data.tr), fill=HIDDEN_FILL, font=HIDDEN_FONT,
            border=GRID, alignment=CENTER)
        return
    light = score.light or ""
    put(ws, row, column, rounded(score.mean), number_format=SCORE_FORMAT,
        fill=LIGHT_FILLS.get(light), border=GRID, alignment=CENTER,
        font=PRESSURE_FONT if score.pressure_point else LIGHT_FONTS.get(light))
