"""Read a table (a header row and rows of text cells) from a CSV file or an Excel sheet.

The org-unit and response readers sit on top of this; they only ever see strings. CSV is read
the way Danish and Swedish Excel writes it: `;` between fields, Windows-1252 or UTF-8 (with or
without a byte-order mark), quoted fields that may hold line breaks.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apv_desktop.errors import InputError

CSV_SUFFIXES = (".csv", ".tsv")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
ACCEPTED_SUFFIXES = CSV_SUFFIXES + EXCEL_SUFFIXES
ACCEPTED_DESCRIPTION = "CSV (.csv) or Excel workbook (.xlsx)"

# Order decides ties: Danish Excel writes ';', and a header with as many ';' as ',' is Danish.
_DELIMITERS = (";", "\t", ",")
# A free-text answer can be long; the csv module's default limit (128 kB) is not a file error.
_FIELD_SIZE_LIMIT = 16 * 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"
MAX_PROBLEMS_SHOWN = 50


@dataclass
class Table:
    """Every cell as stripped text ('' for empty); rows have exactly len(headers) cells."""

    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)  # 1-based row in the file or sheet
    source: str = ""  # "answers.csv" or "org.xlsx, sheet Ark1", for messages

    def column(self, index: int) -> list[str]:
        return [row[index] for row in self.rows]


def column_letter(index: int) -> str:
    """Excel's name for a 0-based column index: 0 -> A, 26 -> AA."""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def normalise_header(text: str) -> str:
    """The form in which two headers count as the same: case and spacing ignored."""
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def short_header(header: str, limit: int = 40) -> str:
    """A header short enough for a message (question texts used as headers can be long)."""
    if len(header) <= limit:
        return header
    cut = header[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def refuse_problems(source: str, problems: list[str], consequence: str = "") -> None:
    """Raise InputError for a file with cell problems (already in reading order).

    The sentence gives the count and the first problem; `problems` keeps the first 50.
    """
    count = len(problems)
    shown = problems[:MAX_PROBLEMS_SHOWN]
    if count > MAX_PROBLEMS_SHOWN:
        shown.append(f"... and {count - MAX_PROBLEMS_SHOWN} more")
    noun = "problem" if count == 1 else "problems"
    raise InputError(f"{source}: {count} {noun}{consequence}; {problems[0]}", shown)


def read_table(path: Path, sheet: str | None = None) -> Table:
    """Read the header row and data rows of a CSV file or of one sheet of an XLSX workbook.

    Raises InputError (one sentence naming the file) for a file that cannot be read as a table.
    """
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        hint = " (an old Excel format; save it as .xlsx)" if suffix == ".xls" else ""
        raise InputError(
            f"{name} is not a file type APV Desktop can read{hint}; use a {ACCEPTED_DESCRIPTION}."
        )
    raw = _read_bytes(path)
    if suffix in CSV_SUFFIXES:
        records = _csv_records(raw, name)
        return _build_table(records, name)
    title, records = _excel_records(raw, name, sheet)
    return _build_table(records, f"{name}, sheet {title}")


def _read_bytes(path: Path) -> bytes:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path.name} was not found at {path}.") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder, not a file.") from None
    except OSError as exc:
        raise InputError(
            f"{path.name} cannot be read (is it open in another program?): {exc.strerror}."
        ) from exc
    if not raw.strip(b" \t\r\n\x00" + codecs.BOM_UTF8):
        raise InputError(f"{path.name} is empty.")
    return raw


# ---------------------------------------------------------------------------------- CSV


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name} is marked as UTF-8 but byte {exc.start + 3} is not valid UTF-8."
            ) from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" export.
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name} is marked as UTF-16 but is not valid UTF-16.") from None
    if raw.startswith(_ZIP_MAGIC):
        raise InputError(f"{name} is an Excel workbook, not a CSV file; rename it to .xlsx.")
    if b"\x00" in raw:
        raise InputError(f"{name} is not a CSV text file (it holds binary data).")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is neither UTF-8 nor Windows-1252 text (byte {exc.start} cannot be read)."
        ) from None


def _split_separator_line(text: str) -> tuple[str | None, str]:
    """Excel honours (and writes, on request) a first line `sep=;` naming the delimiter."""
    first, _, rest = text.partition("\n")
    line = first.rstrip("\r")  # not strip(): the delimiter itself may be a tab
    if line.lower().startswith("sep=") and len(line) == 5:
        return line[4], rest
    return None, text


def _header_line(text: str) -> str:
    """The first non-blank line, with quoted parts (which may hold line breaks) kept whole."""
    start = 0
    length = len(text)
    while start < length:
        in_quotes = False
        end = start
        while end < length:
            char = text[end]
            if char == '"':
                in_quotes = not in_quotes
            elif char in "\r\n" and not in_quotes:
                break
            end += 1
        line = text[start:end]
        if line.strip(" \t;,"):
            return line
        start = end + 1
    return ""


def _detect_delimiter(header_line: str) -> str:
    counts = dict.fromkeys(_DELIMITERS, 0)
    in_quotes = False
    for char in header_line:
        if char == '"':
            in_quotes = not in_quotes
        elif not in_quotes and char in counts:
            counts[char] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])  # max keeps the first of equals
    return best if counts[best] else ","


def _csv_records(raw: bytes, name: str) -> Iterable[tuple[int, list[str]]]:
    text = _decode(raw, name)
    delimiter, text = _split_separator_line(text)
    if delimiter is None:
        header_line = _header_line(text)
        if not header_line:
            raise InputError(f"{name} has no header row; it holds no values at all.")
        delimiter = _detect_delimiter(header_line)
    if csv.field_size_limit() < _FIELD_SIZE_LIMIT:
        csv.field_size_limit(_FIELD_SIZE_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return _streamed(reader, name)


def _streamed(reader: Any, name: str) -> Iterator[tuple[int, list[str]]]:
    """The records one by one (the table keeps only its stripped rows, not a second copy).
    Excel shows each record as one row, even one whose quoted cell spans lines."""
    try:
        yield from enumerate(reader, start=1)
    except csv.Error as exc:
        raise InputError(
            f"{name} cannot be read as CSV near line {reader.line_num}: {exc}."
        ) from None


# ---------------------------------------------------------------------------------- XLSX


def _excel_records(
    raw: bytes, name: str, sheet: str | None
) -> tuple[str, list[tuple[int, list[str]]]]:
    import openpyxl  # lazily: keeps program start fast

    with warnings.catch_warnings():
        # openpyxl warns about workbook features it drops (data validation, styles); harmless.
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        except Exception as exc:  # any failure to open means the bytes are not a workbook
            raise InputError(
                f"{name} is not a readable Excel workbook (.xlsx); it may be damaged or "
                "another kind of file."
            ) from exc
        try:
            worksheet = _pick_sheet(workbook, name, sheet)
            title = worksheet.title
            worksheet.reset_dimensions()  # some writers store a wrong size; read what is there
            try:
                records = [
                    (number, [_cell_text(value) for value in values])
                    for number, values in enumerate(
                        worksheet.iter_rows(min_row=1, min_col=1, values_only=True), start=1
                    )
                ]
            except Exception as exc:  # a damaged sheet part inside a valid zip
                raise InputError(
                    f"{name}, sheet {title} cannot be read; the workbook may be damaged."
                ) from exc
        finally:
            workbook.close()
    return title, records


def _pick_sheet(workbook: object, name: str, sheet: str | None) -> object:
    worksheets = list(workbook.worksheets)  # type: ignore[attr-defined]
    if not worksheets:
        raise InputError(f"{name} has no worksheets.")
    if sheet is None:
        return worksheets[0]
    for candidate in worksheets:
        if candidate.title == sheet:
            return candidate
    for candidate in worksheets:
        if candidate.title.strip().casefold() == sheet.strip().casefold():
            return candidate
    titles = ", ".join(ws.title for ws in worksheets)
    raise InputError(f"{name} has no sheet named '{sheet}'; its sheets are: {titles}.")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


# ---------------------------------------------------------------------------------- shape


def _build_table(records: Iterable[tuple[int, list[str]]], source: str) -> Table:
    """Header = the first non-blank row; blank rows and empty columns without a header go."""
    headers: list[str] | None = None
    rows: list[list[str]] = []
    numbers: list[int] = []
    for number, record in records:
        cells = list(map(str.strip, record))
        if not any(cells):
            continue
        if headers is None:
            headers = cells
            continue
        rows.append(cells)
        numbers.append(number)
    if headers is None:
        raise InputError(f"{source} has no header row; it holds no values at all.")

    width = max([len(headers), *map(len, rows)])
    headers = headers + [""] * (width - len(headers))
    unnamed = [i for i, header in enumerate(headers) if not header]
    for index in unnamed:
        for number, row in zip(numbers, rows, strict=True):
            if index < len(row) and row[index]:
                raise InputError(
                    f"{source}: column {column_letter(index)} has values (first in row "
                    f"{number}) but no header."
                )
    _refuse_duplicate_headers(headers, source)

    keep = [i for i, header in enumerate(headers) if header]
    if len(keep) == width and all(len(row) == width for row in rows):
        return Table(headers, rows, numbers, source)
    # Rows may be short (Excel omits trailing empty cells) or carry unnamed empty columns.
    padded = [row + [""] * (width - len(row)) if len(row) < width else row for row in rows]
    if len(keep) < width:
        padded = [[row[i] for i in keep] for row in padded]
    return Table([headers[i] for i in keep], padded, numbers, source)


def _refuse_duplicate_headers(headers: list[str], source: str) -> None:
    seen: dict[str, list[int]] = {}
    for index, header in enumerate(headers):
        if header:
            seen.setdefault(normalise_header(header), []).append(index)
    duplicates = [indexes for indexes in seen.values() if len(indexes) > 1]
    if not duplicates:
        return
    described = "; ".join(
        f"'{headers[indexes[0]]}' (columns " + ", ".join(column_letter(i) for i in indexes) + ")"
        for indexes in duplicates
    )
    raise InputError(f"{source} has the same column header more than once: {described}.")
