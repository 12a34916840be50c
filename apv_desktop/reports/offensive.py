"""Krænkende handlinger: offensive behaviour in aggregate only, as the share who experienced each
kind at all (any frequency; core.occurrence), then each question's answers. Rows appear only
for the levels (organisation, departments, teams) whose answers the disclosure shows at the
stricter threshold; smaller groups are not listed at all, not even as hidden."""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.model import Item
from apv_desktop.core.occurrence import occurrence_rule
from apv_desktop.core.results import UnitResult
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.styles import (
    BOLD,
    COUNT_FORMAT,
    GRID,
    HIDDEN_FILL,
    HIDDEN_FONT,
    NOTE_FONT,
    PERCENT_FORMAT,
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
from apv_desktop.reports.wording import hidden_word

COLUMN_WIDTH = 11  # the shares, counts and answer choices


def write_offensive(ws: Worksheet, data: ReportData) -> None:
    tr = data.tr
    dimensions = data.offensive_dimensions
    strict = max((d.min_n for d in dimensions), default=data.results.rules.min_n)
    title_block(ws, tr("Krænkende handlinger"),
                tr("Kun samlede tal, og kun for grupper med mindst {n} svar.", n=strict))
    set_widths(ws, {"A": 46, "B": COLUMN_WIDTH})
    prepare_print(ws, data)
    if not dimensions:
        put(ws, 4, 1, tr("Spørgeskemaet har ingen spørgsmål om krænkende handlinger."),
            font=NOTE_FONT)
        return
    sick_leave = data.sick_leave_dimension
    elsewhere = {i.name for i in data.section_items(sick_leave.domain)} if sick_leave else set()
    items = [i for i in data.distribution_items
             if data.is_offensive_item(i) and i.name not in elsewhere]
    row = _experienced(ws, data, items, 4)
    for item in items:
        row = distribution_block(ws, data, item, row + 2)


def _experienced(ws: Worksheet, data: ReportData, items: list[Item], row: int) -> int:
    """Per level where the answers may be shown: the share who experienced each kind at all
    (any frequency), with n. Returns the last row written."""
    tr = data.tr
    offensive = {d.code for d in data.offensive_dimensions}
    rules = [(item, occurrence_rule(data.questionnaire, item)) for item in items
             if item.dimension in offensive]
    scored = [(item, rule) for item, rule in rules if rule is not None]
    put(ws, row, 1, tr("Andel, der har oplevet det (uanset hvor ofte)"), font=SUBTITLE_FONT)
    if not scored:
        return row
    row += 1
    titles = [tr("Enhed")]
    for item, _ in scored:
        name = _kind(data, item)
        titles += [tr("{kind}: % oplevet", kind=name), tr("n")]
    for column in range(2, 2 + 2 * len(scored)):
        ws.column_dimensions[get_column_letter(column)].width = COLUMN_WIDTH
    header_row(ws, row, titles)
    for unit in _levels(data):
        found = [rule.of(data.distributions[(unit.code, item.name)]) for item, rule in scored]
        if all(f is None for f in found):
            continue  # not shown at all: not listed, not even as hidden
        row += 1
        put(ws, row, 1, data.display_name(unit.code), border=GRID,
            alignment=indented(unit.depth),
            font=BOLD if unit.code == data.organisation.code else None)
        for offset, share in enumerate(found):
            column = 2 + 2 * offset
            if share is None:
                put(ws, row, column, hidden_word(tr), fill=HIDDEN_FILL, font=HIDDEN_FONT,
                    border=GRID)
                put(ws, row, column + 1, None, border=GRID)
                continue
            put(ws, row, column, share.share, number_format=PERCENT_FORMAT, border=GRID)
            put(ws, row, column + 1, share.answered, number_format=COUNT_FORMAT, border=GRID)
    return row


def _kind(data: ReportData, item: Item) -> str:
    """The question's dimension name (Mobning, Seksuel chikane …), else its label."""
    dimension = next((d for d in data.dimensions if d.code == item.dimension), None)
    return dimension.name if dimension is not None else item.label(data.language)


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
    shown = [u for u in _levels(data) if not data.distributions[(u.code, item.name)].suppressed]
    if not shown:
        put(ws, row + 1, 1, tr("Ingen grupper er store nok til at vise svarene."), font=NOTE_FONT)
        return row + 1
    for unit in shown:
        row += 1
        distribution_row(ws, data, unit.code, item, row, label=data.display_name(unit.code))
    return row
