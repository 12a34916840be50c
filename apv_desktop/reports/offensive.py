"""Krænkende handlinger: offensive behaviour in aggregate only. Rows appear only for the levels
(organisation, departments, teams) whose figures meet the stricter threshold; smaller groups
are not listed at all, not even as hidden."""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.model import Item
from apv_desktop.core.results import UnitResult
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.heatmap import score_cell
from apv_desktop.reports.styles import (
    BOLD,
    COUNT_FORMAT,
    GRID,
    NOTE_FONT,
    QUESTION_FONT,
    SUBTITLE_FONT,
    header_row,
    indented,
    prepare_print,
    put,
    set_widths,
    title_block,
)
from apv_desktop.reports.unitsheet import distribution_row


def write_offensive(ws: Worksheet, data: ReportData) -> None:
    tr = data.tr
    dimensions = data.offensive_dimensions
    strict = max((d.min_n for d in dimensions), default=data.results.rules.min_n)
    title_block(ws, tr("Krænkende handlinger"),
                tr("Kun samlede tal, og kun for grupper med mindst {n} svar.", n=strict))
    set_widths(ws, {"A": 46, "B": 8})
    prepare_print(ws, data)
    if not dimensions:
        put(ws, 4, 1, tr("Spørgeskemaet har ingen spørgsmål om krænkende handlinger."),
            font=NOTE_FONT)
        return
    row = 4
    put(ws, row, 1, tr("Score pr. enhed (0 = ingen har oplevet det)"), font=SUBTITLE_FONT)
    row += 1
    header_row(ws, row, [tr("Enhed"), tr("n"), *[d.name for d in dimensions]])
    ws.row_dimensions[row].height = 30
    for unit in _levels(data):
        if all(data.score(unit.code, d.code).suppressed for d in dimensions):
            continue
        row += 1
        put(ws, row, 1, data.display_name(unit.code), border=GRID,
            alignment=indented(unit.depth),
            font=BOLD if unit.code == data.organisation.code else None)
        put(ws, row, 2, unit.responses, number_format=COUNT_FORMAT, border=GRID)
        for offset, dimension in enumerate(dimensions):
            score_cell(ws, row, 3 + offset, data, data.score(unit.code, dimension.code))
    for column in range(3, 3 + len(dimensions)):
        ws.column_dimensions[get_column_letter(column)].width = 14
    items = [i for i in data.distribution_items if data.is_offensive_item(i)]
    for item in items:
        row = distribution_block(ws, data, item, row + 2)


def _levels(data: ReportData) -> list[UnitResult]:
    return [data.organisation, *data.units]


def distribution_block(ws: Worksheet, data: ReportData, item: Item, row: int) -> int:
    """The question, then its answer shares for every level where they may be shown; returns
    the last row written."""
    tr = data.tr
    put(ws, row, 1, item.label(data.language), font=QUESTION_FONT,
        alignment=Alignment(wrap_text=False))
    choices = data.questionnaire.choices_for(item)
    labels = [c.label(data.language) for c in choices.choices] if choices else []
    row += 1
    header_row(ws, row, [tr("Enhed"), tr("n"), *labels])
    ws.row_dimensions[row].height = 45
    shown = [u for u in _levels(data) if not data.distributions[(u.code, item.name)].suppressed]
    if not shown:
        put(ws, row + 1, 1, tr("Ingen grupper er store nok til at vise svarene."), font=NOTE_FONT)
        return row + 1
    for unit in shown:
        row += 1
        distribution_row(ws, data, unit.code, item, row, label=data.display_name(unit.code))
    return row
