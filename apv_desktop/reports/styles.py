"""The look of the report: colours that survive a grey printer, number formats that show one
decimal in the reader's own locale, safe cell writing and the page setup every sheet shares."""

from __future__ import annotations

import math
from collections.abc import Mapping
from copy import copy
from functools import cache, lru_cache
from typing import Any

from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.judgement import GREEN, RED, YELLOW
from apv_desktop.core.story import marker
from apv_desktop.reports.data import ReportData

# Excel's own pale traffic-light fills: the number stays readable on them, also in print.
LIGHT_FILLS = {
    GREEN: PatternFill("solid", fgColor="C6EFCE"),
    YELLOW: PatternFill("solid", fgColor="FFEB9C"),
    RED: PatternFill("solid", fgColor="FFC7CE"),
}
LIGHT_FONTS = {
    GREEN: Font(color="006100"),
    YELLOW: Font(color="7F6000"),
    RED: Font(color="9C0006"),
}
PRESSURE_FONT = Font(color="9C0006", bold=True)  # bold so a grey print still shows it
HIDDEN_FILL = PatternFill("solid", fgColor="E7E6E6")
HIDDEN_FONT = Font(color="595959", italic=True)
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(color="FFFFFF", bold=True)
ORG_FILL = PatternFill("solid", fgColor="DDEBF7")
INPUT_FILL = PatternFill("solid", fgColor="FFFFF2")  # the cells the committee fills in
TITLE_FONT = Font(size=16, bold=True, color="1F4E78")
SUBTITLE_FONT = Font(size=12, bold=True, color="1F4E78")
SMALL_SUBTITLE_FONT = Font(size=9, bold=True, color="1F4E78")
QUESTION_FONT = Font(size=11, bold=True, color="1F4E78")
BOLD = Font(bold=True)
NOTE_FONT = Font(italic=True, color="595959")
LINK_FONT = Font(color="0563C1", underline="single")
THIN = Side(style="thin", color="BFBFBF")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center")
LEFT = Alignment(horizontal="left")
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center")

# Formats, not rounded text: Excel shows the locale's decimal comma ("61,3" in Danish Excel).
SCORE_FORMAT = "0.0"
# A score on a light carries its grey-safe symbol in the format, so the cell stays a number.
MARKED_SCORE_FORMATS = {
    (light, pressure): f'"{marker(light, pressure)} "0.0'
    for light in (GREEN, YELLOW, RED) for pressure in (False, True)
}
GAP_FORMAT = "+0.0;-0.0;0.0"
PERCENT_FORMAT = "0%"
COUNT_FORMAT = "0"
DATE_FORMATS = {"da": "dd-mm-yyyy", "sv": "yyyy-mm-dd", "en": "d mmm yyyy"}

MAX_CELL_TEXT = 32_000  # Excel's limit is 32,767 characters
MAX_ROW_HEIGHT = 409  # points: Excel's limit; a taller row is cut
DEFAULT_WIDTH = 8.43  # characters: Excel's default column width
LINE_HEIGHT = 15  # points per line of 11-point text
MAX_HEADER_TEXT = 80  # header/footer sections share a 255-character limit


def clean_text(text: str) -> str:
    """Text as a cell may hold it: no control characters (invalid XML), within Excel's limit."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_TEXT]


def put(
    ws: Worksheet,
    row: int,
    column: int,
    value: Any,
    *,
    number_format: str | None = None,
    font: Font | None = None,
    fill: PatternFill | None = None,
    alignment: Alignment | None = None,
    border: Border | None = None,
) -> Cell:
    """Write one cell: text is cleaned and never taken for a formula (a comment may start
    with '='), numbers stay numbers."""
    # A big report writes some 80,000 cells: openpyxl's ws.cell() and value setter check again
    # what is known here, so the cell is made and filled directly, as openpyxl itself does.
    cell = ws._cells.get((row, column))
    if cell is None:
        cell = Cell(ws, row=row, column=column)
        ws._add_cell(cell)  # type: ignore[attr-defined]  # openpyxl's own way to place a cell
    # Only a merged range's top-left cell takes a value (openpyxl refuses one on the others).
    assert isinstance(cell, Cell), f"{cell.coordinate} is inside a merged range"
    _set_value(cell, value)
    if number_format is None and font is None and fill is None and alignment is None \
            and border is None:
        return cell
    # openpyxl hashes every style object on every assignment, which dominates a big report;
    # the combined style is worked out once per combination and copied onto later cells.
    cache: dict[tuple[int, ...], tuple[tuple[object, ...], StyleArray]] = ws.parent.__dict__ \
        .setdefault("_apv_style_cache", {})
    parts = (number_format, font, fill, alignment, border)
    key = (id(number_format), id(font), id(fill), id(alignment), id(border))
    known = cache.get(key)
    if known is not None:
        # _style (the cell's style array) is in StyleableObject.__slots__ but types-openpyxl
        # does not declare it; it is the only way to copy a finished style without rehashing.
        cell._style = StyleArray(known[1])  # type: ignore[attr-defined]
        return cell
    if number_format is not None:
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if alignment is not None:
        cell.alignment = alignment
    if border is not None:
        cell.border = border
    # the parts are kept so their ids stay unique; _style: see above
    cache[key] = (parts, copy(cell._style))  # type: ignore[attr-defined]
    return cell


def _set_value(cell: Cell, value: Any) -> None:
    """What openpyxl's value setter does for text and numbers (the kinds a report writes by the
    ten thousand), without its second check of cleaned text; other kinds go through it."""
    kind = type(value)
    if isinstance(value, str):  # a str subclass too (an enum's value): plain, cleaned text
        text = clean_text(value)
        cell._value = text  # type: ignore[attr-defined]  # Cell.__slots__; see above
        # Text never becomes a formula; openpyxl's error words (#N/A) stay what it makes them.
        cell.data_type = "e" if text in ERROR_CODES else "s"
    elif kind is int or kind is float or value is None:
        cell._value = value  # type: ignore[attr-defined]
        cell.data_type = "n"
    else:
        cell.value = value


@cache
def indented(level: int) -> Alignment:
    """A shared alignment per indent level (the tree depth of a unit), at the top of its row
    like the wrapped texts beside it."""
    return Alignment(indent=min(level, 6), vertical="top")


def score_format(light: str | None, pressure_point: bool = False) -> str:
    """The number format of a score on its light: the light's symbol before the number."""
    return MARKED_SCORE_FORMATS.get((light or "", pressure_point), SCORE_FORMAT)


@lru_cache(maxsize=4096)  # the same labels recur on every unit's sheet
def text_lines(text: str, width: float) -> int:
    """How many lines `text` takes wrapped between words in a column `width` characters wide
    (each line break starts a new one); generous, as printers' fonts run wider than screens'."""
    per_line = max(width * 1.1 - 1.0, 1.0)  # an average letter is narrower than a digit
    lines = 0
    for part in text.split("\n"):
        lines += 1
        used = 0
        for word in part.split():
            if used and used + 1 + len(word) > per_line:
                lines += 1
                used = 0
            if len(word) > per_line:  # a long word breaks where it must
                lines += math.ceil(len(word) / per_line) - 1
                used = len(word) % int(per_line)
            else:
                used += (1 if used else 0) + len(word)
    return lines


def fit_height(ws: Worksheet, row: int, texts: list[tuple[str, float]]) -> None:
    """Give a row room for its wrapped texts ((text, column width) pairs): spreadsheet programs
    do not grow rows of a written file by themselves, so long labels would overlap. Never
    beyond Excel's 409 points (cell text is cut to fit it)."""
    lines = max((text_lines(text, width) for text, width in texts if text), default=1)
    if lines > 1:
        ws.row_dimensions[row].height = min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)


def paragraph(ws: Worksheet, row: int, text: str, width: float, *, first_column: int = 1,
              last_column: int | None = None, font: Font | None = None,
              fill: PatternFill | None = None) -> int:
    """Wrapped text from `row`, merged over first..last column (`width` characters together),
    each row as high as its lines; a text too long for one row (409 points) continues in the
    rows below, split between words. Returns the last row written."""
    capacity = (int(MAX_ROW_HEIGHT // LINE_HEIGHT) - 2) * max(int(width), 1)
    pieces = _split(clean_text(text), capacity)
    for number, piece in enumerate(pieces):
        current = row + number
        put(ws, current, first_column, piece, font=font, fill=fill, alignment=WRAP)
        if last_column is not None and last_column > first_column:
            ws.merge_cells(start_row=current, start_column=first_column, end_row=current,
                           end_column=last_column)
        fit_height(ws, current, [(piece, width)])
    return row + len(pieces) - 1


def _split(text: str, capacity: int) -> list[str]:
    pieces = []
    while len(text) > capacity:
        cut = text.rfind(" ", 0, capacity)
        cut = cut if cut > capacity // 2 else capacity
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*pieces, text]


def rounded(value: float | None) -> float | None:
    """Scores are stored as shown (one decimal), so sums in Excel match what the reader sees."""
    return None if value is None else round(value, 1)


def header_row(ws: Worksheet, row: int, titles: list[str], first_column: int = 1) -> None:
    """Column titles, wrapped; the row grows to hold the tallest one at the columns' widths
    (set the widths first; an unset column counts as Excel's default)."""
    lines = 1
    for offset, title in enumerate(titles):
        column = first_column + offset
        put(ws, row, column, title, font=HEADER_FONT, fill=HEADER_FILL,
            alignment=HEADER_ALIGNMENT, border=GRID)
        dimension = ws.column_dimensions.get(get_column_letter(column))  # get: adds no column
        width = dimension.width if dimension is not None and dimension.width else DEFAULT_WIDTH
        lines = max(lines, text_lines(title, width))
    height = min(LINE_HEIGHT * lines + 3, MAX_ROW_HEIGHT)
    row_dimension = ws.row_dimensions.get(row)  # get: makes no dimension object for nothing
    current = row_dimension.height if row_dimension is not None else None
    if lines > 1 and (current is None or current < height):
        ws.row_dimensions[row].height = height


def title_block(ws: Worksheet, title: str, subtitle: str = "") -> None:
    put(ws, 1, 1, title, font=TITLE_FONT)
    ws.row_dimensions[1].height = 24
    if subtitle:
        put(ws, 2, 1, subtitle, font=NOTE_FONT)


def set_widths(ws: Worksheet, widths: Mapping[str, float]) -> None:
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width


def date_format(data: ReportData) -> str:
    return DATE_FORMATS.get(data.language, DATE_FORMATS["en"])


def _header_text(text: str) -> str:
    # '&' starts a code in Excel's header language; a literal one is written twice.
    return text[:MAX_HEADER_TEXT].replace("&", "&&")


def prepare_print(
    ws: Worksheet, data: ReportData, *, title_rows: str | None = None, landscape: bool = True
) -> None:
    """A4, one page wide, repeated headings, organisation/round/page numbers on every page."""
    tr = data.tr
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    page_setup = ws.sheet_properties.pageSetUpPr
    assert page_setup is not None  # WorksheetProperties makes one; nothing here removes it
    page_setup.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    if title_rows:
        ws.print_title_rows = title_rows
    # HeaderFooter makes all six parts; nothing here removes one.
    for header in (ws.oddHeader, ws.evenHeader, ws.firstHeader):
        assert header is not None
        header.left.text = _header_text(data.organisation_name)
        header.right.text = _header_text(tr("APV, runde {round}", round=data.results.round))
    for footer in (ws.oddFooter, ws.evenFooter, ws.firstFooter):
        assert footer is not None
        footer.left.text = "&A"
        footer.center.text = tr("Side {page} af {pages}", page="&P", pages="&N")
        footer.right.text = _header_text(data.report_date.isoformat())
