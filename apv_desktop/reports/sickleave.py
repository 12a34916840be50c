"""Sygefravær: the sick-leave question per unit beside the unit's indicators (sick-leave days,
turnover, caseload) and its pressure points, with a column for the committee's assessment of
whether the work environment contributes (the law's 'inddragelse af sygefravær')."""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.results import UnitResult
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.heatmap import score_cell
from apv_desktop.reports.offensive import distribution_block
from apv_desktop.reports.styles import (
    BOLD,
    CENTER,
    COUNT_FORMAT,
    GRID,
    HIDDEN_FILL,
    HIDDEN_FONT,
    INPUT_FILL,
    NOTE_FONT,
    SUBTITLE_FONT,
    WRAP,
    fit_height,
    header_row,
    indented,
    prepare_print,
    put,
    set_widths,
    title_block,
)
from apv_desktop.reports.wording import hidden_word
from apv_desktop.vocabulary import indicator_name

HEADER_ROW = 5
INDICATOR_FORMAT = "0.0"
NUMBER_WIDTH, POINTS_WIDTH, ASSESSMENT_WIDTH = 13, 40, 50
CENTERED_HEADER = Alignment(wrap_text=True, vertical="center", horizontal="center")


def latest_indicator_periods(data: ReportData) -> list[tuple[str, str]]:
    """(kind, period) columns: each kind that has figures, at its latest period."""
    latest: dict[str, str] = {}
    for indicator in data.indicators:
        if indicator.period > latest.get(indicator.kind, ""):
            latest[indicator.kind] = indicator.period
    return sorted(latest.items())


def write_sick_leave(ws: Worksheet, data: ReportData) -> None:
    tr = data.tr
    title_block(ws, tr("Sygefravær"),
                tr("Bidrager forhold i arbejdsmiljøet til sygefraværet? Skriv udvalgets vurdering "
                   "i den gule kolonne."))
    dimension = data.sick_leave_dimension
    columns = latest_indicator_periods(data)
    values = {(i.unit, i.kind, i.period): i.value for i in data.indicators}
    put(ws, HEADER_ROW - 1, 1, tr("Sygefravær pr. enhed"), font=SUBTITLE_FONT)
    titles = [tr("Enhed"), tr("n")]
    if dimension is not None:
        titles.append(dimension.name)
    titles += [f"{indicator_name(tr, kind)} ({period})" for kind, period in columns]
    titles += [tr("Enhedens pressionspunkter"), tr("Udvalgets vurdering")]
    last_column = len(titles)
    widths = {"A": 40, "B": 6}
    for column in range(3, last_column - 1):
        widths[get_column_letter(column)] = NUMBER_WIDTH
    widths[get_column_letter(last_column - 1)] = POINTS_WIDTH
    widths[get_column_letter(last_column)] = ASSESSMENT_WIDTH
    set_widths(ws, widths)  # first: the header row grows to fit its titles at these widths
    header_row(ws, HEADER_ROW, titles)
    for column in range(2, last_column - 1):  # numbers sit centred under their titles
        ws.cell(row=HEADER_ROW, column=column).alignment = CENTERED_HEADER
    row = HEADER_ROW
    for unit in [data.organisation, *data.reportable_units]:
        row += 1
        column = _unit_columns(ws, data, unit, row)
        for kind, period in columns:
            put(ws, row, column, values.get((unit.code, kind, period)),
                number_format=INDICATOR_FORMAT, border=GRID, alignment=CENTER)
            column += 1
        points = ", ".join(data.dimension(s.dimension).name
                           for s in data.unit_pressure_points(unit.code))
        assessment = data.assessments.get(unit.code, "")
        put(ws, row, column, points, border=GRID, alignment=WRAP)
        put(ws, row, column + 1, assessment, fill=INPUT_FILL, border=GRID, alignment=WRAP)
        fit_height(ws, row, [(data.display_name(unit.code), 40), (points, POINTS_WIDTH),
                             (assessment, ASSESSMENT_WIDTH)])
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=2).coordinate
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(last_column)}{row}"
    if not columns:
        row += 1
        put(ws, row, 1, tr("Projektet har ingen tal for sygefravær, personaleomsætning eller "
                           "sagsmængde; de kan tilføjes i programmet."), font=NOTE_FONT)
    prepare_print(ws, data, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")


def write_sick_leave_answers(ws: Worksheet, data: ReportData) -> None:
    """The sick-leave questions' answers per unit, on a sheet of their own: their columns mean
    other things than the indicator table's, whose headings repeat on every printed page."""
    tr = data.tr
    title_block(ws, tr("Sygefravær, svar"),
                tr("Svarene på spørgsmålene om sygefravær pr. enhed."))
    set_widths(ws, {"A": 46, "B": 8, **{get_column_letter(c): 11 for c in range(3, 12)}})
    dimension = data.sick_leave_dimension
    # Each question's answers are shown where the disclosure shows them, at its own threshold.
    items = data.section_items(dimension.domain) if dimension is not None else []
    row = 3
    if not items:
        put(ws, row + 1, 1, tr("Spørgeskemaet har ingen spørgsmål om sygefravær."),
            font=NOTE_FONT)
    for item in items:
        row = distribution_block(ws, data, item, row + 2)
    prepare_print(ws, data)


def _unit_columns(ws: Worksheet, data: ReportData, unit: UnitResult, row: int) -> int:
    """Name, n and the sick-leave score; returns the next free column."""
    put(ws, row, 1, data.display_name(unit.code), border=GRID,
        alignment=indented(unit.depth),
        font=BOLD if unit.code == data.organisation.code else None)
    put(ws, row, 2, unit.responses, number_format=COUNT_FORMAT, border=GRID)
    dimension = data.sick_leave_dimension
    if dimension is None:
        return 3
    if unit.suppressed:
        put(ws, row, 3, hidden_word(data.tr), fill=HIDDEN_FILL, font=HIDDEN_FONT, border=GRID)
    else:
        score_cell(ws, row, 3, data, data.score(unit.code, dimension.code))
    return 4
