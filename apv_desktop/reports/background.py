"""One sheet per background question: each shown unit's rows by group, dimensions as columns,
every score on its light as in the heatmap. Which cells are shown is decided by
core.disclosure_linked with the tree's pattern, so the sheet and the rest of the report together
give no small group away."""

from __future__ import annotations

from collections.abc import Callable

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.breakdown import Breakdown, background_items, compute_breakdown
from apv_desktop.core.model import Item
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.heatmap import score_cell
from apv_desktop.reports.sheetnames import SheetNames
from apv_desktop.reports.styles import (
    BOLD,
    GRID,
    HEADER_FILL,
    HEADER_FONT,
    ORG_FILL,
    prepare_print,
    put,
    set_widths,
    title_block,
)

HEADER_ROW, FIRST_ROW, FIRST_DIMENSION_COLUMN = 4, 5, 3

SheetWriter = Callable[[Worksheet], None]


def background_sheets(data: ReportData, names: SheetNames) -> list[tuple[str, str, SheetWriter]]:
    """(sheet name, description, writer) per background question of the round."""
    tr = data.tr
    planned: list[tuple[str, str, SheetWriter]] = []
    for item in background_items(data.questionnaire):
        label = item.label(data.language)
        name = names.allocate(tr("Pr. {question}", question=label), fallback=item.name)

        def write(ws: Worksheet, item: Item = item) -> None:
            breakdown = compute_breakdown(data.questionnaire, data.org_units, data.responses,
                                          data.results, item.name, language=data.language)
            write_background_sheet(ws, data, item, breakdown)

        planned.append((name, tr("Resultater pr. gruppe: {question}", question=label), write))
    return planned


def write_background_sheet(ws: Worksheet, data: ReportData, item: Item,
                           breakdown: Breakdown) -> None:
    tr = data.tr
    title_block(ws, item.label(data.language),
                tr("Score 0–100 pr. gruppe for enheder med mindst {n} svar. Grupper med for få "
                   "svar, og grupper der ellers kunne regnes ud, er skjult.",
                   n=data.results.rules.breakdown_floor()))
    headers = [tr("Enhed"), tr("Gruppe"), *(d.name for d in data.dimensions)]
    for column, text in enumerate(headers, start=1):
        rotated = column >= FIRST_DIMENSION_COLUMN
        put(ws, HEADER_ROW, column, text, font=HEADER_FONT, fill=HEADER_FILL, border=GRID,
            alignment=Alignment(text_rotation=90 if rotated else 0, wrap_text=True,
                                vertical="bottom", horizontal="center" if rotated else None))
    ws.row_dimensions[HEADER_ROW].height = 150
    row = FIRST_ROW
    organisation = data.organisation.code
    for unit in breakdown.units:
        for group, label in zip(breakdown.groups, breakdown.labels, strict=True):
            fill = ORG_FILL if unit == organisation else None
            put(ws, row, 1, data.display_name(unit), fill=fill, border=GRID, font=BOLD)
            put(ws, row, 2, label, fill=fill, border=GRID)
            for offset, dimension in enumerate(data.dimensions):
                score_cell(ws, row, FIRST_DIMENSION_COLUMN + offset, data,
                           breakdown.cell(unit, group, dimension.code).score)
            row += 1
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=FIRST_DIMENSION_COLUMN).coordinate
    set_widths(ws, {"A": 30, "B": 24})
    for offset in range(len(data.dimensions)):
        ws.column_dimensions[get_column_letter(FIRST_DIMENSION_COLUMN + offset)].width = 6.5
    prepare_print(ws, data, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
