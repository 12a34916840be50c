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
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from apv_desktop.core.progress import Progress, no_progress
from apv_desktop.errors import InputError
from apv_desktop.i18n import tr, trn
from apv_desktop.interchange import limits
from apv_desktop.interchange.limits import excerpt
from apv_desktop.interchange.text_encoding import implausible_at
from apv_desktop.interchange.xlsx_reader import XlsxWorkbook, read_sheet_rows

if TYPE_CHECKING:  # openpyxl is imported lazily at run time
    # _WorksheetLike is types-openpyxl's type of Workbook.worksheets: a read-only workbook
    # holds ReadOnlyWorksheets, whose stub borrows iter_rows from Worksheet and so cannot
    # be called on them when named directly.
    pass

CSV_SUFFIXES = (".csv", ".tsv")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
ACCEPTED_SUFFIXES = CSV_SUFFIXES + EXCEL_SUFFIXES
ACCEPTED_DESCRIPTION = "CSV (.csv) or Excel workbook (.xlsx)"

# Order decides ties: Danish Excel writes ';', and a header with as many ';' as ',' is Danish.
_DELIMITERS = (";", "\t", ",")
# A free-text answer can be long; the csv module's default limit (128 kB) is not a file error.
_FIELD_SIZE_LIMIT = 16 * 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"


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

    The sentence gives the count and the first problem; InputError keeps the first few."""
    count = len(problems)
    raise InputError(trn("{source}: {n} problem{consequence}; {first}",
                         "{source}: {n} problemer{consequence}; {first}", count, source=source,
                         consequence=consequence, first=excerpt(problems[0], 300)), problems)


def read_table(path: Path, sheet: str | None = None, progress: Progress = no_progress) -> Table:
    """Read the header row and data rows of a CSV file or of one sheet of an XLSX workbook.

    Raises InputError (one sentence naming the file) for a file that cannot be read as a table.
    """
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        hint = " (an old Excel format; save it as .xlsx)" if suffix == ".xls" else ""
        raise InputError(
            "{name} er ikke en filtype, APV Desktop kan læse{hint}; brug en "
            "{ACCEPTED_DESCRIPTION}.",
            name=name, hint=hint, ACCEPTED_DESCRIPTION=ACCEPTED_DESCRIPTION
        )
    if suffix in CSV_SUFFIXES:
        progress(0.0, name)
        records = _csv_records(_read_bytes(path), name)
        _check_csv_limits(records, name)
        return _build_table(records, name)
    title, records = _excel_records(path, sheet, progress)
    return _build_table(records, f"{name}, sheet {title}")


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > limits.MAX_UNCOMPRESSED_BYTES:
            raise InputError(tr("{file} afvises: den fylder {size} MB (højst {limit} MB).",
                                file=path.name, size=size // 2**20,
                                limit=limits.MAX_UNCOMPRESSED_BYTES // 2**20))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("{name} blev ikke fundet i {path}.", name=path.name, path=path) from None
    except IsADirectoryError:
        raise InputError("{path} er en mappe, ikke en fil.", path=path) from None
    except OSError as exc:
        raise InputError(
            "{name} kan ikke læses (er den åben i et andet program?): {strerror}.",
            name=path.name, strerror=exc.strerror
        ) from exc
    if not raw.strip(b" \t\r\n\x00" + codecs.BOM_UTF8):
        raise InputError("{name} er tom; vælg filen med indholdet.", name=path.name)
    return raw


# ---------------------------------------------------------------------------------- CSV


def _decode_bytes(raw: bytes, name: str) -> tuple[str, bool]:
    """The text, and whether it was read by the Windows-1252 fallback."""
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[len(codecs.BOM_UTF8) :].decode("utf-8"), False
        except UnicodeDecodeError as exc:
            raise InputError(
                "{name} er markeret som UTF-8, men byte {value} er ikke gyldig UTF-8; gem den "
                "igen som UTF-8.", name=name, value=exc.start + 3
            ) from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" export.
        try:
            return raw.decode("utf-16"), False
        except UnicodeDecodeError:
            raise InputError("{name} er markeret som UTF-16, men er ikke gyldig UTF-16; gem den "
                             "igen som UTF-8.", name=name) from None
    if raw.startswith(_ZIP_MAGIC):
        raise InputError("{name} er en Excel-projektmappe, ikke en CSV-fil; omdøb den til .xlsx.",
                         name=name)
    if b"\x00" in raw:
        raise InputError("{name} er ikke en CSV-tekstfil (den indeholder binære data).", name=name)
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), True
    except UnicodeDecodeError as exc:
        text = raw.decode("cp1252", errors="replace")
        at = len(raw[: exc.start].decode("cp1252", "replace"))
        raise _wrongly_encoded(name, text, at) from None


def _decode(raw: bytes, name: str) -> str:
    text, from_windows_1252 = _decode_bytes(raw, name)
    wrong = implausible_at(text, from_windows_1252)
    if wrong is not None:
        raise _wrongly_encoded(name, text, wrong)
    return text


def _wrongly_encoded(name: str, text: str, wrong: int) -> InputError:
    """The refusal of a file whose character at `wrong` shows it is not UTF-8 or Windows-1252."""
    line = text.count("\n", 0, wrong) + 1
    line_start = text.rfind("\n", 0, wrong) + 1
    around = (text[max(line_start, wrong - 20) : wrong + 20].splitlines() or [""])[0]
    if not around.isprintable():
        around = around.encode("unicode_escape").decode("ascii")
    return InputError(tr(
        "{file} er ikke gemt som UTF-8 eller Windows-1252 (linje {line} bliver til '{sample}'); "
        "gem den i Excel som 'CSV UTF-8 (kommasepareret)' og indlæs den igen.",
        file=name, line=line, sample=excerpt(around)))


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


def _csv_records(raw: bytes, name: str) -> list[tuple[int, list[str]]]:
    text = _decode(raw, name)
    delimiter, text = _split_separator_line(text)
    if delimiter is None:
        header_line = _header_line(text)
        if not header_line:
            raise InputError("{name} har ingen overskriftsrække; den indeholder slet ingen "
                             "værdier.", name=name)
        delimiter = _detect_delimiter(header_line)
    if csv.field_size_limit() < _FIELD_SIZE_LIMIT:
        csv.field_size_limit(_FIELD_SIZE_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        # Excel shows each record as one row, even one whose quoted cell spans lines.
        records = list(enumerate(reader, start=1))
    except csv.Error as exc:
        raise InputError(
            "{name} kan ikke læses som CSV nær linje {line_num}: {exc}.",
            name=name, line_num=reader.line_num, exc=exc
        ) from None
    return records


def _check_csv_limits(records: list[tuple[int, list[str]]], name: str) -> None:
    """The limits an .xlsx is held to (xlsx_reader), for a CSV file's records."""
    cells = 0
    for number, record in records:
        cells = limits.check_row(name, number, record, cells)


# ---------------------------------------------------------------------------------- XLSX


def _excel_records(
    path: Path, sheet: str | None, progress: Progress
) -> tuple[str, list[tuple[int, list[str]]]]:
    def pick(workbook: XlsxWorkbook) -> str:
        return _pick_sheet(workbook.sheet_titles, path.name, sheet)

    title, rows = read_sheet_rows(path, pick, progress)
    return title, [(number, [_cell_text(value) for value in values]) for number, values in rows]


def _pick_sheet(titles: list[str], name: str, sheet: str | None) -> str:
    if not titles:
        raise InputError("{name} har ingen regneark.", name=name)
    if sheet is None:
        return titles[0]
    for candidate in titles:
        if candidate == sheet:
            return candidate
    for candidate in titles:
        if candidate.strip().casefold() == sheet.strip().casefold():
            return candidate
    raise InputError(
        "{name} har intet ark, der hedder »{sheet}«; dens ark er: {value}.",
        name=name, sheet=sheet, value=', '.join(titles)
    )


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
        raise InputError("{source} har ingen overskriftsrække; den indeholder slet ingen værdier.",
                         source=source)

    width = max([len(headers), *map(len, rows)])
    headers = headers + [""] * (width - len(headers))
    unnamed = [i for i, header in enumerate(headers) if not header]
    for index in unnamed:
        for number, row in zip(numbers, rows, strict=True):
            if index < len(row) and row[index]:
                raise InputError(
                    "{source}: kolonnen {value} har værdier (første i række {number}), men ingen "
                    "overskrift; giv den en overskrift.",
                    source=source, value=column_letter(index), number=number
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
    raise InputError("{source} har den samme kolonneoverskrift mere end én gang: {described}; "
                     "omdøb eller slet dubletterne.", source=source, described=described)
