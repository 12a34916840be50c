"""One sheet per shown department or team, for its manager: its scores (full dimension names,
which way is good, the light's symbol) against its parent, the organisation, the reference and
the previous round, with an editable Excel bar chart beside the table; its pressure points, its
actions, how it answered each question, and its comments where the comment threshold allows."""

from __future__ import annotations

import math
from functools import partial

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.reference import DummyWorksheet
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.model import Item
from apv_desktop.core.results import Score, UnitResult
from apv_desktop.core.story import direction_symbol, marker
from apv_desktop.i18n import Translate
from apv_desktop.reports.chart_copies import copied
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.styles import (
    BOLD,
    CENTER,
    COUNT_FORMAT,
    GAP_FORMAT,
    GRID,
    HIDDEN_FILL,
    HIDDEN_FONT,
    LEFT,
    LIGHT_FILLS,
    LIGHT_FONTS,
    NOTE_FONT,
    PERCENT_FORMAT,
    PRESSURE_FONT,
    SCORE_FORMAT,
    SUBTITLE_FONT,
    WRAP,
    fit_height,
    header_row,
    paragraph,
    prepare_print,
    put,
    rounded,
    set_widths,
    title_block,
)
from apv_desktop.reports.unit_actions import write_unit_actions
from apv_desktop.reports.wording import hidden_reason, hidden_word, light_name

SCORE_HEADER_ROW = 8
ROW_HEIGHT_CM = 0.53  # Excel's default row (15 points)
TABLE_COLUMNS = 14
LABEL_WIDTH = 40
# Columns of the score table the chart plots.
UNIT_COLUMN, PARENT_COLUMN, ORG_COLUMN = 3, 8, 9
PREVIOUS_COLUMN, CHANGE_COLUMN, NOTE_COLUMN = 12, 13, 14
WIDTHS = {"A": LABEL_WIDTH, "B": 8, "C": 9, "D": 9, "E": 7, "F": 7, "G": 7, "H": 10, "I": 10,
          "J": 8, "K": 8, "L": 8, "M": 9, "N": 18}
CHART_WIDTH_CM = 15
COMMENT_WIDTH = 110  # characters across A:L
QUESTION_WIDTH = 25  # characters across M:N


def write_unit_sheet(ws: Worksheet, data: ReportData, unit: UnitResult) -> None:
    tr = data.tr
    parent = data.parent_code(unit)
    set_widths(ws, WIDTHS)  # first: header rows grow to fit their titles at these widths
    title_block(ws, data.display_name(unit.code),
                tr("APV, runde {round}", round=data.results.round))
    facts: list[tuple[str, object, str | None]] = [
        (tr("Overordnet enhed"), data.display_name(parent), None),
        (tr("Antal svar"), unit.responses, COUNT_FORMAT),
        (tr("Svarprocent"), unit.response_rate, PERCENT_FORMAT),
    ]
    for row, (label, value, number_format) in enumerate(facts, start=3):
        put(ws, row, 1, label, font=BOLD)
        put(ws, row, 2, value, number_format=number_format,
            alignment=LEFT)
    last = _score_table(ws, data, unit, parent)
    bottom = _chart(ws, data, unit, parent, last)
    row = max(last, bottom) + 2
    row = _in_words(ws, data, row, tr("Enhedens pressionspunkter"),
                    [f"{marker(s.light, True)} {data.wording.pressure_point(s)}"
                     for s in data.unit_pressure_points(unit.code)],
                    tr("Ingen pressionspunkter for denne enhed.")) + 2
    row = _in_words(ws, data, row, tr("Enhedens gode erfaringer"),
                    [f"{marker(s.light)} {data.wording.strength(s)}"
                     for s in data.strengths if s.unit == unit.code],
                    tr("Ingen dimensioner ligger markant over organisationen for denne enhed.")
                    ) + 2
    row = write_unit_actions(ws, data, unit, row)
    ws.row_breaks.append(Break(id=row + 1))  # the answers start a page of their own
    row = _distributions(ws, data, unit, row + 2) + 2
    _comments(ws, data, unit, row)
    ws.freeze_panes = ws.cell(row=3, column=1).coordinate
    prepare_print(ws, data, title_rows="1:1")


def _in_words(ws: Worksheet, data: ReportData, row: int, title: str, lines: list[str],
              empty: str) -> int:
    """A heading and one sentence per line across the table's width; returns the last row."""
    put(ws, row, 1, title, font=SUBTITLE_FONT)
    if not lines:
        put(ws, row + 1, 1, empty, font=NOTE_FONT)
        return row + 1
    for line in lines:
        row = paragraph(ws, row + 1, line, COMMENT_WIDTH, last_column=TABLE_COLUMNS)
    return row


def _score_table(ws: Worksheet, data: ReportData, unit: UnitResult, parent: str) -> int:
    tr = data.tr
    put(ws, SCORE_HEADER_ROW - 1, 1, tr("Scorer pr. dimension"), font=SUBTITLE_FONT)
    put(ws, SCORE_HEADER_ROW - 1, 3,
        tr("↑ høj score er god, ↓ høj score er dårlig; Forskel og Udvikling: minus er "
           "dårligere."), font=NOTE_FONT)
    header_row(ws, SCORE_HEADER_ROW, [
        tr("Dimension"), tr("Retning"), data.display_name(unit.code)[:40], tr("Lys"), tr("n"),
        tr("Interval fra"), tr("Interval til"), data.display_name(parent)[:40], tr("Organisation"),
        tr("Reference"), tr("Forskel"), tr("Forrige runde"), tr("Udvikling"), tr("Bemærkning"),
    ])
    row = SCORE_HEADER_ROW
    for dimension in data.dimensions:
        row += 1
        own = data.score(unit.code, dimension.code)
        above = data.score(parent, dimension.code)
        org = data.score(data.organisation.code, dimension.code)
        put(ws, row, 1, dimension.name, border=GRID, alignment=WRAP)
        fit_height(ws, row, [(dimension.name, LABEL_WIDTH)])
        put(ws, row, 2, direction_symbol(dimension.direction), border=GRID, alignment=CENTER)
        _own_score(ws, row, data, own)
        for column, other in ((PARENT_COLUMN, above), (ORG_COLUMN, org)):
            _compared(ws, row, column, other)
        put(ws, row, 10, dimension.reference, number_format=SCORE_FORMAT, border=GRID)
        put(ws, row, 11, rounded(own.gap), number_format=GAP_FORMAT, border=GRID)
        trend = data.trend(unit.code, dimension.code)
        previous, change = trend if trend is not None else (None, None)
        put(ws, row, PREVIOUS_COLUMN, rounded(previous), number_format=SCORE_FORMAT,
            border=GRID)
        put(ws, row, CHANGE_COLUMN, rounded(change), number_format=GAP_FORMAT, border=GRID)
        note = hidden_reason(tr, own) if own.suppressed else ""
        put(ws, row, NOTE_COLUMN, note, border=GRID, font=NOTE_FONT, alignment=WRAP)
        if note:
            fit_height(ws, row, [(dimension.name, LABEL_WIDTH), (note, WIDTHS["N"])])
    return row


def _own_score(ws: Worksheet, row: int, data: ReportData, score: Score) -> None:
    if score.suppressed or score.mean is None:
        # The score cell stays empty so the chart shows no bar; the light column says why.
        put(ws, row, UNIT_COLUMN, None, fill=HIDDEN_FILL, border=GRID)
        put(ws, row, 4, hidden_word(data.tr), fill=HIDDEN_FILL, font=HIDDEN_FONT, border=GRID)
        for column in (5, 6, 7):
            put(ws, row, column, None, fill=HIDDEN_FILL, border=GRID)
        return
    light = score.light or ""
    font = PRESSURE_FONT if score.pressure_point else LIGHT_FONTS.get(light)
    put(ws, row, UNIT_COLUMN, rounded(score.mean), number_format=SCORE_FORMAT,
        fill=LIGHT_FILLS.get(light), font=font, border=GRID)
    put(ws, row, 4, f"{marker(light, score.pressure_point)} {light_name(data.tr, light)}",
        fill=LIGHT_FILLS.get(light), font=font, border=GRID)
    put(ws, row, 5, score.n, number_format=COUNT_FORMAT, border=GRID)
    put(ws, row, 6, rounded(score.ci_low), number_format=SCORE_FORMAT, border=GRID)
    put(ws, row, 7, rounded(score.ci_high), number_format=SCORE_FORMAT, border=GRID)


def _compared(ws: Worksheet, row: int, column: int, score: Score) -> None:
    if score.suppressed or score.mean is None:
        put(ws, row, column, None, fill=HIDDEN_FILL, border=GRID)
    else:
        put(ws, row, column, rounded(score.mean), number_format=SCORE_FORMAT, border=GRID)


def _chart(ws: Worksheet, data: ReportData, unit: UnitResult, parent: str, last: int) -> int:
    """A native bar chart over the score table's own cells, to the right of the table; returns
    the last row it covers. Drawn once per workbook and copied (reports/chart_copies.py)."""
    models = ws.parent.__dict__.setdefault("_apv_chart_models", {})
    title = data.tr("{unit} sammenlignet", unit=data.display_name(unit.code)[:60])
    chart = copied(models, (last, data.language), partial(draw_chart, tr=data.tr, last=last),
                   ws.title, title)
    # Beside the table, so a manager reads each dimension's bar next to its row.
    ws.add_chart(chart, f"{get_column_letter(TABLE_COLUMNS + 2)}{SCORE_HEADER_ROW}")
    return SCORE_HEADER_ROW + math.ceil(chart.height / ROW_HEIGHT_CM) + 1


def draw_chart(sheet: DummyWorksheet, title: str, *, tr: Translate, last: int) -> BarChart:
    """The unit's scores, its parent's and the organisation's as bars, from the score table
    (rows SCORE_HEADER_ROW..last) of the sheet called `sheet.title`."""
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.title = title
    # A sheet known by its name: openpyxl's own DummyWorksheet (its stubs allow only a real one).
    categories = Reference(sheet, min_col=1, min_row=SCORE_HEADER_ROW + 1,  # type: ignore[call-overload]
                           max_row=last)
    for column in (UNIT_COLUMN, PARENT_COLUMN, ORG_COLUMN):
        values = Reference(sheet, min_col=column,  # type: ignore[call-overload]
                           min_row=SCORE_HEADER_ROW, max_row=last)
        chart.add_data(values, titles_from_data=True)
    chart.set_categories(categories)
    chart.x_axis.scaling.orientation = "maxMin"  # the first dimension at the top, as in the table
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.y_axis.majorUnit = 20
    chart.y_axis.title = tr("Score 0–100")
    chart.y_axis.number_format = "0"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.gapWidth = 60
    dimensions = last - SCORE_HEADER_ROW
    chart.height = max(8.0, 0.55 * dimensions + 3.5)
    chart.width = CHART_WIDTH_CM
    return chart


def _distributions(ws: Worksheet, data: ReportData, unit: UnitResult, row: int) -> int:
    """How the unit answered each question (shares per choice); offensive-behaviour questions
    are left to their own sheet, which shows them only in aggregate."""
    tr = data.tr
    put(ws, row, 1, tr("Svarfordeling pr. spørgsmål"), font=SUBTITLE_FONT)
    put(ws, row + 1, 1, tr("Andel af svarene på hvert spørgsmål; ved flere valg kan andelene "
                           "give mere end 100 %."), font=NOTE_FONT)
    row += 1
    current_list: str | None = None
    for item in data.distribution_items:
        if data.is_offensive_item(item):
            continue
        if item.list_name != current_list:
            current_list = item.list_name
            row += 2
            _choice_header(ws, data, item, row)
        row += 1
        distribution_row(ws, data, unit.code, item, row)
    return row


def _choice_header(ws: Worksheet, data: ReportData, item: Item, row: int) -> None:
    choices = data.questionnaire.choices_for(item)
    labels = [c.label(data.language) for c in choices.choices] if choices else []
    tr = data.tr
    header_row(ws, row, [tr("Spørgsmål"), tr("n"), *labels])


def distribution_row(ws: Worksheet, data: ReportData, unit: str, item: Item, row: int,
                     label: str | None = None) -> None:
    distribution = data.distributions[(unit, item.name)]
    text = label if label is not None else item.label(data.language)
    put(ws, row, 1, text, border=GRID, alignment=WRAP)
    fit_height(ws, row, [(text, LABEL_WIDTH)])
    shares = distribution.shares()
    if distribution.suppressed or shares is None:
        word = hidden_word(data.tr) if distribution.suppressed else "–"
        put(ws, row, 2, word, fill=HIDDEN_FILL, font=HIDDEN_FONT, border=GRID)
        return
    put(ws, row, 2, distribution.n, number_format=COUNT_FORMAT, border=GRID)
    for offset, share in enumerate(shares):
        put(ws, row, 3 + offset, share, number_format=PERCENT_FORMAT, border=GRID)


def _comments(ws: Worksheet, data: ReportData, unit: UnitResult, row: int) -> None:
    tr = data.tr
    put(ws, row, 1, tr("Kommentarer"), font=SUBTITLE_FONT)
    comments = data.comments(unit.code)
    if not unit.comments_shown:
        put(ws, row + 1, 1, tr("Kommentarer vises kun for grupper med mindst {n} svar.",
                               n=data.results.rules.comment_min_n), font=NOTE_FONT)
        return
    if not comments:
        put(ws, row + 1, 1, tr("Ingen kommentarer."), font=NOTE_FONT)
        return
    questions = {i.name: i.label(data.language) for i in data.questionnaire.items()}
    for comment in comments:
        row += 1
        first = row
        row = paragraph(ws, row, comment.text, COMMENT_WIDTH, last_column=TABLE_COLUMNS - 2)
        question = questions.get(comment.item, comment.item)
        put(ws, first, TABLE_COLUMNS - 1, question, font=NOTE_FONT, alignment=WRAP)
        ws.merge_cells(start_row=first, start_column=TABLE_COLUMNS - 1, end_row=first,
                       end_column=TABLE_COLUMNS)
        if first == row:  # the question may need more lines than a short comment
            fit_height(ws, first, [(comment.text, COMMENT_WIDTH), (question, QUESTION_WIDTH)])
