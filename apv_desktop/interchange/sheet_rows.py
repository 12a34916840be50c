"""Saving a workbook with the cells written as plain text: the same bytes as openpyxl's own
writer, five to ten times faster.

openpyxl builds an XML element per cell and serialises it through the standard library's
incremental writer; for a report of some 80,000 cells that is most of the time the report takes
(issue 18). Here openpyxl writes each sheet as usual but with an empty <sheetData>, and the rows
are formatted here and put in its place. Only what a report writes takes the fast way: text,
numbers, booleans, dates, error words and empty styled cells. A sheet with any other cell (a
formula, rich text) is written by openpyxl alone. tests/unit/test_sheet_rows.py holds the
output to openpyxl's, byte for byte.
"""

from __future__ import annotations

from datetime import timedelta
from io import BytesIO
from typing import Any

from openpyxl.cell.rich_text import CellRichText
from openpyxl.comments.comment_sheet import CommentRecord
from openpyxl.compat import safe_string
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel, to_ISO8601
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

# What openpyxl's writers leave where the rows go: the standard library's (et_xmlfile) and lxml's.
_EMPTY_SHEET_DATA = (b"<sheetData></sheetData>", b"<sheetData/>", b"<sheetData />")
_XML_SPACE = ' xml:space="preserve"'
_FAST_TYPES = frozenset("nsbed")  # number, text, boolean, error word, date
_TYPES = {"s": ' t="inlineStr"', "n": ' t="n"', "b": ' t="b"', "e": ' t="e"', "d": ' t="d"'}


class RowsExcelWriter(ExcelWriter):
    """openpyxl's ExcelWriter, with each worksheet's rows written by `sheet_data`."""

    def write_worksheet(self, ws: Worksheet) -> None:
        if self.workbook.write_only:
            super().write_worksheet(ws)
            return
        # As ExcelWriter.write_worksheet, with the sheet written to memory and its rows spliced.
        drawing = SpreadsheetDrawing()
        drawing.charts = ws._charts  # type: ignore[attr-defined]
        drawing.images = ws._images  # type: ignore[attr-defined]
        ws._drawing = drawing  # type: ignore[attr-defined]
        out = BytesIO()
        rows_writer = _RowsWriter(ws, out=out)
        rows_writer.write()
        content = rows_writer.spliced(out.getvalue())
        writer: WorksheetWriter = rows_writer
        if content is None:  # a cell of another kind: openpyxl writes the whole sheet
            out = BytesIO()
            writer = WorksheetWriter(ws, out=out)
            writer.write()
            content = out.getvalue()
        ws._rels = writer._rels  # type: ignore[attr-defined]
        self._archive.writestr(ws.path[1:], content)  # type: ignore[attr-defined]
        self.manifest.append(ws)


class _RowsWriter(WorksheetWriter):
    rows_xml: str | None = None

    def write_rows(self) -> None:
        self.rows_xml = sheet_data(self.ws, self.rows())
        xf: Any = self.xf.send(True)
        with xf.element("sheetData"):
            pass
        self.xf.send(None)

    def spliced(self, written: bytes) -> bytes | None:
        """The sheet's XML with the rows in place, or None when openpyxl must write them."""
        if self.rows_xml is None:
            return None
        for empty in _EMPTY_SHEET_DATA:
            if written.count(empty) == 1:
                return written.replace(empty, self.rows_xml.encode("utf-8"))
        return None


def sheet_data(ws: Any, rows: list[tuple[int, list[Any]]]) -> str | None:
    """The <sheetData> element openpyxl writes for `rows` (WorksheetWriter.rows()), and the
    sheet's comments and hyperlinks noted as its writer notes them; None when a cell is of a
    kind left to openpyxl (then nothing is noted)."""
    parts = ["<sheetData>"]
    add = parts.append
    dimensions = ws.row_dimensions
    styles = ws.parent._cell_styles
    style_ids: dict[bytes, str] = {}  # a style array's bytes -> its s="…" ('' for none)
    letters: dict[int, str] = {}
    comments: list[CommentRecord] = []
    links: list[Any] = []
    for row_index, cells in rows:
        dimension = dimensions.get(row_index)
        if dimension is None:
            add(f'<row r="{row_index}">')
        else:
            attributes = {"r": f"{row_index}"}
            attributes.update(dimension)
            add(f"<row{_attributes(attributes)}>")
        for cell in cells:
            if cell._comment is not None:
                comments.append(CommentRecord.from_cell(cell))
            array = cell._style
            style = ""
            if array is not None:
                key = array.tobytes()
                known = style_ids.get(key)
                if known is None:  # openpyxl's has_style and style_id
                    known = style_ids[key] = f' s="{styles.add(array)}"' if any(array) else ""
                style = known
            value = cell._value
            if value is None and not style and not cell._comment:
                continue
            kind = cell.data_type
            if kind == "d":
                kind, value = _date(ws.parent, value)
            elif kind not in _FAST_TYPES:
                return None
            column = cell.column
            letter = letters.get(column)
            if letter is None:
                letter = letters[column] = get_column_letter(column)
            start = f'<c r="{letter}{row_index}"{style}{_TYPES[kind]}'
            if cell.hyperlink:
                links.append(cell.hyperlink)
            if value is None or value == "":
                add(start + " />")
            elif kind == "s":
                if isinstance(value, CellRichText):
                    return None
                stripped = value.strip()
                space = _XML_SPACE if stripped and stripped != value else ""
                add(f"{start}><is><t{space}>{_escaped(value)}</t></is></c>")
            else:
                text = safe_string(value)
                add(f"{start}><v>{_escaped(text)}</v></c>" if text else f"{start}><v /></c>")
        add("</row>")
    add("</sheetData>")
    ws._comments.extend(comments)
    ws._hyperlinks.extend(links)
    return "".join(parts)


def _date(workbook: Workbook, value: Any) -> tuple[str, Any]:
    """A date's cell type and value, as openpyxl writes them (_set_attributes)."""
    if getattr(value, "tzinfo", None) is not None:
        raise TypeError("Excel does not support timezones in datetimes.")
    if workbook.iso_dates and not isinstance(value, timedelta):
        return "d", to_ISO8601(value)
    return "n", to_excel(value, workbook.epoch)


def _escaped(text: str) -> str:
    """Character data as the standard library escapes it."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _attributes(attributes: dict[str, str]) -> str:
    return "".join(f' {key}="{_escaped_attribute(value)}"' for key, value in attributes.items())


def _escaped_attribute(text: str) -> str:
    for plain, escaped in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"),
                           ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if plain in text:
            text = text.replace(plain, escaped)
    return text
