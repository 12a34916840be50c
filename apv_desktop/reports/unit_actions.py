"""A unit sheet's action plan: the actions recorded for the unit in this round (problem, action,
responsible, deadline, status, follow-up), so a manager reads the plan beside the scores."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.results import UnitResult
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.styles import (
    GRID,
    HEADER_ALIGNMENT,
    HEADER_FILL,
    HEADER_FONT,
    NOTE_FONT,
    SUBTITLE_FONT,
    WRAP,
    date_format,
    fit_height,
    put,
)
from apv_desktop.vocabulary import status_names

# The fields in the unit sheet's columns: (first column, last column, width in characters);
# the wide texts span several of the score table's narrow columns.
PROBLEM, ACTION, RESPONSIBLE, DEADLINE, STATUS, FOLLOW_UP = (
    (1, 1, 40), (2, 7, 47), (8, 8, 10), (9, 9, 10), (10, 10, 8), (11, 14, 43))


def write_unit_actions(ws: Worksheet, data: ReportData, unit: UnitResult, row: int) -> int:
    """The unit's actions from `row`; returns the last row written. Every field is the
    committee's own text, written as text."""
    tr = data.tr
    put(ws, row, 1, tr("Enhedens handlinger"), font=SUBTITLE_FONT)
    actions = [a for a in data.actions if a.unit == unit.code]
    if not actions:
        put(ws, row + 1, 1, tr("Handlingsplanen har ingen handlinger for denne enhed endnu."),
            font=NOTE_FONT)
        return row + 1
    row += 1
    titles = [tr("Problem"), tr("Handling"), tr("Ansvarlig"), tr("Frist"), tr("Status"),
              tr("Opfølgning")]
    for (first, last, _), title in zip(FIELDS, titles, strict=True):
        put(ws, row, first, title, font=HEADER_FONT, fill=HEADER_FILL,
            alignment=HEADER_ALIGNMENT, border=GRID)
        _span(ws, row, first, last)
    statuses = status_names(tr)
    dates = date_format(data)
    for action in actions:
        row += 1
        dimension = next((d.name for d in data.dimensions if d.code == action.dimension), "")
        problem = f"{dimension}: {action.problem}" if dimension else action.problem
        values: list[object] = [problem, action.action, action.responsible, action.deadline,
                                statuses.get(action.status, action.status),
                                action.follow_up_notes]
        for (first, last, _), value in zip(FIELDS, values, strict=True):
            put(ws, row, first, value, border=GRID, alignment=WRAP,
                number_format=dates if first == DEADLINE[0] else None)
            _span(ws, row, first, last)
        fit_height(ws, row, [(str(v or ""), width) for (_, _, width), v in zip(
            FIELDS, values, strict=True) if isinstance(v, str)])
    return row


FIELDS = (PROBLEM, ACTION, RESPONSIBLE, DEADLINE, STATUS, FOLLOW_UP)


def _span(ws: Worksheet, row: int, first: int, last: int) -> None:
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
