"""Handlingsplan: one row per pressure point (or per action already recorded for it), then the
other recorded actions, then empty rows; problem, cause, action, responsible, deadline, status
and follow-up, with a drop-down for status and date checks, ready to fill in and hand back."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.results import Score
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.styles import (
    COUNT_FORMAT,
    GRID,
    INPUT_FILL,
    LIGHT_FILLS,
    SCORE_FORMAT,
    WRAP,
    date_format,
    fit_height,
    header_row,
    prepare_print,
    put,
    rounded,
    set_widths,
    title_block,
)
from apv_desktop.reports.wording import status_names
from apv_desktop.store.records import ActionItem

HEADER_ROW = 4
EMPTY_ROWS = 15
EXCEL_DATE_2000 = 36526  # 1 January 2000 as an Excel date number
# Columns: Nr, unit, dimension, score | problem, cause, action, responsible, deadline, status,
# follow-up date, follow-up and effect (the committee fills in from 5 on).
FIRST_INPUT_COLUMN = 5
DEADLINE, STATUS, FOLLOW_UP = 9, 10, 11
LAST_COLUMN = 12


def write_action_plan(ws: Worksheet, data: ReportData) -> None:
    tr = data.tr
    title_block(ws, tr("Handlingsplan"),
                tr("Udfyld de lyse felter: problem, årsag, handling, ansvarlig, frist og status; "
                   "følg op på, om handlingen virkede."))
    header_row(ws, HEADER_ROW, [
        tr("Nr."), tr("Enhed"), tr("Dimension"), tr("Score"), tr("Problem"), tr("Årsag"),
        tr("Handling"), tr("Ansvarlig"), tr("Frist"), tr("Status"), tr("Opfølgningsdato"),
        tr("Opfølgning og effekt"),
    ])
    ws.row_dimensions[HEADER_ROW].height = 30
    statuses = status_names(tr)
    used: set[int] = set()
    row = HEADER_ROW
    number = 0
    for score in data.pressure_points:
        matching = [a for a in data.actions
                    if a.unit == score.unit and a.dimension == score.dimension]
        for action in matching or [None]:
            row += 1
            number += 1
            _score_columns(ws, data, row, number, score)
            _action_columns(ws, data, row, action, statuses, score)
            if action is not None:
                used.add(action.id)
    for action in data.actions:
        if action.id in used:
            continue
        row += 1
        number += 1
        put(ws, row, 1, number, number_format=COUNT_FORMAT, border=GRID)
        put(ws, row, 2, data.display_name(action.unit) if action.unit in _codes(data) else "",
            border=GRID, alignment=WRAP)
        put(ws, row, 3, _dimension_name(data, action.dimension), border=GRID, alignment=WRAP)
        put(ws, row, 4, None, border=GRID)
        _action_columns(ws, data, row, action, statuses, None)
    for _ in range(EMPTY_ROWS):
        row += 1
        number += 1
        put(ws, row, 1, number, number_format=COUNT_FORMAT, border=GRID)
        for column in (2, 3, 4):
            put(ws, row, column, None, border=GRID, fill=INPUT_FILL)
        _action_columns(ws, data, row, None, statuses, None)
    _validations(ws, data, list(statuses.values()), row)
    set_widths(ws, {"A": 5, "B": 32, "C": 32, "D": 7, "E": 32, "F": 28, "G": 32, "H": 16,
                    "I": 11, "J": 13, "K": 12, "L": 30})
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=2)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(LAST_COLUMN)}{row}"
    prepare_print(ws, data, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")


def _codes(data: ReportData) -> set[str]:
    return {u.code for u in data.results.units} | {data.organisation.code}


def _dimension_name(data: ReportData, code: str | None) -> str:
    return next((d.name for d in data.dimensions if d.code == code), code or "")


def _score_columns(ws: Worksheet, data: ReportData, row: int, number: int, score: Score) -> None:
    put(ws, row, 1, number, number_format=COUNT_FORMAT, border=GRID)
    put(ws, row, 2, data.display_name(score.unit), border=GRID, alignment=WRAP)
    put(ws, row, 3, _dimension_name(data, score.dimension), border=GRID, alignment=WRAP)
    put(ws, row, 4, rounded(score.mean), number_format=SCORE_FORMAT, border=GRID,
        fill=LIGHT_FILLS.get(score.light or ""))


def _action_columns(ws: Worksheet, data: ReportData, row: int, action: ActionItem | None,
                    statuses: dict[str, str], score: Score | None) -> None:
    tr = data.tr
    if action is not None:
        follow_up = "\n".join(t for t in (action.follow_up_notes, action.effect) if t)
        texts = [action.problem, action.cause, action.action, action.responsible]
        deadline, status, follow_date = (
            action.deadline, statuses.get(action.status, action.status), action.follow_up_date)
    else:
        problem = (tr("Pressionspunkt: {dimension}",
                      dimension=_dimension_name(data, score.dimension)) if score else "")
        texts, follow_up = [problem, "", "", ""], ""
        deadline, status, follow_date = None, statuses["not_started"], None
    for offset, text in enumerate(texts):
        put(ws, row, FIRST_INPUT_COLUMN + offset, text, fill=INPUT_FILL, border=GRID,
            alignment=WRAP)
    put(ws, row, DEADLINE, deadline, number_format=date_format(data), fill=INPUT_FILL,
        border=GRID)
    put(ws, row, STATUS, status, fill=INPUT_FILL, border=GRID)
    put(ws, row, FOLLOW_UP, follow_date, number_format=date_format(data), fill=INPUT_FILL,
        border=GRID)
    put(ws, row, LAST_COLUMN, follow_up, fill=INPUT_FILL, border=GRID, alignment=WRAP)
    unit, dimension = ws.cell(row=row, column=2).value, ws.cell(row=row, column=3).value
    fit_height(ws, row, [(str(unit or ""), 32), (str(dimension or ""), 32), (texts[0], 32),
                         (texts[1], 28), (texts[2], 32), (follow_up, 30)])


def _validations(ws: Worksheet, data: ReportData, statuses: list[str], last_row: int) -> None:
    tr = data.tr
    # A list in the formula itself: commas separate the entries, so none may hold a comma.
    listed = ",".join(s.replace(",", " ").replace('"', "'") for s in statuses)
    status = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
    status.errorTitle = tr("Ukendt status")
    status.error = tr("Vælg en status fra listen.")
    status.promptTitle = tr("Status")
    status.prompt = tr("Vælg fra listen.")
    status.showErrorMessage = True
    status.showInputMessage = True
    dates = DataValidation(type="date", operator="greaterThan", formula1=str(EXCEL_DATE_2000),
                           allow_blank=True)
    dates.errorTitle = tr("Ikke en dato")
    dates.error = tr("Skriv en dato, fx 31-12-2025.")
    dates.showErrorMessage = True
    ws.add_data_validation(status)
    ws.add_data_validation(dates)
    first = HEADER_ROW + 1
    status.add(f"{get_column_letter(STATUS)}{first}:{get_column_letter(STATUS)}{last_row}")
    for column in (DEADLINE, FOLLOW_UP):
        letter = get_column_letter(column)
        dates.add(f"{letter}{first}:{letter}{last_row}")
