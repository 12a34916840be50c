"""Handlingsplan: one row per pressure point (or per action already recorded for it), then the
other recorded actions, then empty rows; problem, cause, action, responsible, deadline, status
and follow-up, with a drop-down for status and date checks, ready to fill in and hand back.

Hidden columns (interchange/actionplan_layout.py) let interchange/actionplan_sheet.py read the
filled-in sheet back: which item each row is, and whether its identity or content changed."""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.records import ActionItem
from apv_desktop.core.results import Score
from apv_desktop.interchange.actionplan_layout import (
    CONTENT,
    DATE_FIELDS,
    DEADLINE,
    DIMENSION,
    DIMENSION_CODE,
    EFFECT,
    FINGERPRINT,
    FOLLOW_UP_DATE,
    HEADER_ROW,
    HIDDEN_KEYS,
    ITEM_ID,
    LAST_COLUMN,
    LAST_VISIBLE,
    PROBLEM,
    ROUND,
    STATUS,
    TEXT_FIELDS,
    UNIT,
    UNIT_CODE,
    content_fingerprint,
    identity_fingerprint,
)
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.styles import (
    BOLD,
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
from apv_desktop.vocabulary import status_names

EMPTY_ROWS = 15
EXCEL_DATE_2000 = 36526  # 1 January 2000 as an Excel date number


def write_action_plan(ws: Worksheet, data: ReportData) -> None:
    tr = data.tr
    title_block(ws, tr("Handlingsplan"),
                tr("Udfyld de lyse felter: problem, årsag, handling, ansvarlig, frist og status; "
                   "følg op på, om handlingen virkede."))
    put(ws, HEADER_ROW - 1, FOLLOW_UP_DATE, tr("Opfølgning og effekt"), font=BOLD,
        alignment=Alignment(horizontal="center"))
    ws.merge_cells(start_row=HEADER_ROW - 1, start_column=FOLLOW_UP_DATE,
                   end_row=HEADER_ROW - 1, end_column=EFFECT)
    header_row(ws, HEADER_ROW, [
        tr("Nr."), tr("Enhed"), tr("Dimension"), tr("Score"), tr("Problem"), tr("Årsag"),
        tr("Handling"), tr("Ansvarlig"), tr("Frist"), tr("Status"), tr("Opfølgningsdato"),
        tr("Opfølgning"), tr("Vurdering af effekt"),
    ])
    for column, key in HIDDEN_KEYS.items():
        put(ws, HEADER_ROW, column, key)
        ws.column_dimensions[get_column_letter(column)].hidden = True
    ws.row_dimensions[HEADER_ROW].height = 30
    statuses = status_names(tr)
    round_name = data.results.round
    used: set[int] = set()
    row = HEADER_ROW
    number = 0
    for score in data.pressure_points:
        matching: list[ActionItem | None] = [
            a for a in data.actions if a.unit == score.unit and a.dimension == score.dimension]
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
        put(ws, row, UNIT,
            data.display_name(action.unit) if action.unit in _codes(data) else "",
            border=GRID, alignment=WRAP)
        put(ws, row, DIMENSION, _dimension_name(data, action.dimension), border=GRID,
            alignment=WRAP)
        put(ws, row, 4, None, border=GRID)
        _action_columns(ws, data, row, action, statuses, None)
    for _ in range(EMPTY_ROWS):
        row += 1
        number += 1
        put(ws, row, 1, number, number_format=COUNT_FORMAT, border=GRID)
        for column in (UNIT, DIMENSION, 4):
            put(ws, row, column, None, border=GRID, fill=INPUT_FILL)
        _action_columns(ws, data, row, None, statuses, None)
        put(ws, row, ROUND, round_name)  # a new item written here belongs to this round
    _validations(ws, data, list(statuses.values()), row)
    set_widths(ws, {"A": 5, "B": 32, "C": 32, "D": 7, "E": 32, "F": 28, "G": 32, "H": 16,
                    "I": 11, "J": 13, "K": 12, "L": 30, "M": 26})
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=2).coordinate
    # The filter covers the hidden columns too, so sorting keeps each row's id with it.
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(LAST_COLUMN)}{row}"
    ws.print_area = f"A1:{get_column_letter(LAST_VISIBLE)}{row}"
    prepare_print(ws, data, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")


def _codes(data: ReportData) -> set[str]:
    return {u.code for u in data.results.units} | {data.organisation.code}


def _dimension_name(data: ReportData, code: str | None) -> str:
    return next((d.name for d in data.dimensions if d.code == code), code or "")


def _score_columns(ws: Worksheet, data: ReportData, row: int, number: int, score: Score) -> None:
    put(ws, row, 1, number, number_format=COUNT_FORMAT, border=GRID)
    put(ws, row, UNIT, data.display_name(score.unit), border=GRID, alignment=WRAP)
    put(ws, row, DIMENSION, _dimension_name(data, score.dimension), border=GRID, alignment=WRAP)
    put(ws, row, 4, rounded(score.mean), number_format=SCORE_FORMAT, border=GRID,
        fill=LIGHT_FILLS.get(score.light or ""))


def _action_columns(ws: Worksheet, data: ReportData, row: int, action: ActionItem | None,
                    statuses: dict[str, str], score: Score | None) -> None:
    tr = data.tr
    texts: dict[str, str]
    if action is not None:
        texts = {name: getattr(action, name) for name in TEXT_FIELDS}
        deadline, status, follow_date = action.deadline, action.status, action.follow_up_date
    else:
        problem = (tr("Pressionspunkt: {dimension}",
                      dimension=_dimension_name(data, score.dimension)) if score else "")
        texts = {name: "" for name in TEXT_FIELDS} | {"problem": problem}
        deadline, status, follow_date = None, "not_started", None
    for name, column in TEXT_FIELDS.items():
        # An item's problem is part of its identity: changed in the program, not the sheet.
        fill = None if action is not None and column == PROBLEM else INPUT_FILL
        put(ws, row, column, texts[name], fill=fill, border=GRID, alignment=WRAP)
    for column, value in ((DEADLINE, deadline), (FOLLOW_UP_DATE, follow_date)):
        put(ws, row, column, value, number_format=date_format(data), fill=INPUT_FILL,
            border=GRID)
    put(ws, row, STATUS, statuses.get(status, status), fill=INPUT_FILL, border=GRID)
    unit, dimension = ws.cell(row=row, column=UNIT).value, ws.cell(row=row, column=DIMENSION).value
    if action is not None or score is not None:
        _hidden_columns(ws, row, data.results.round, action, score, status)
    fit_height(ws, row, [(str(unit or ""), 32), (str(dimension or ""), 32),
                         (texts["problem"], 32), (texts["cause"], 28), (texts["action"], 32),
                         (texts["follow_up_notes"], 30), (texts["effect"], 26)])


def _hidden_columns(ws: Worksheet, row: int, round_name: str, action: ActionItem | None,
                    score: Score | None, status: str) -> None:
    """The row's identity and a fingerprint of what it shows, from the cells as written."""
    def cell(column: int) -> object:
        return ws.cell(row=row, column=column).value

    if action is not None:
        item_id, round_name = str(action.id), action.round
        unit, dimension = action.unit or "", action.dimension or ""
    else:
        assert score is not None
        item_id, unit, dimension = "", score.unit, score.dimension
    fields: dict[str, object] = {name: cell(column) for name, column in TEXT_FIELDS.items()}
    fields |= {name: cell(column) for name, column in DATE_FIELDS.items()}
    fields["status"] = status
    identity = identity_fingerprint(item_id, round_name, unit, dimension, cell(UNIT),
                                    cell(DIMENSION),
                                    cell(PROBLEM) if action is not None else None)
    for column, value in ((ITEM_ID, item_id), (ROUND, round_name), (UNIT_CODE, unit),
                          (DIMENSION_CODE, dimension), (FINGERPRINT, identity),
                          (CONTENT, content_fingerprint(fields))):
        put(ws, row, column, value)


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
    for column in (DEADLINE, FOLLOW_UP_DATE):
        letter = get_column_letter(column)
        dates.add(f"{letter}{first}:{letter}{last_row}")
