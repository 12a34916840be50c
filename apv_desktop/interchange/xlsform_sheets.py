"""Open an XLSForm workbook and hold its sheets as plain rows, refusing files that are not one.

Everything is read into memory inside one guarded block: openpyxl's read-only mode parses sheet
XML lazily, so a damaged sheet would otherwise fail later with a parser error of its own.
"""

from __future__ import annotations

import difflib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from apv_desktop.errors import ApvError, InputError
from apv_desktop.interchange.xlsform_columns import Column, cell_text, parse_header

ACCEPTED_SUFFIXES = (".xlsx", ".xlsm")
KNOWN_SHEETS = ("survey", "choices", "settings", "dimensions")


@dataclass
class SheetRow:
    number: int  # the row number Excel shows
    values: tuple[object, ...]

    def value(self, column: Column | None) -> object:
        if column is None or column.index >= len(self.values):
            return None
        return self.values[column.index]

    def text(self, column: Column | None) -> str:
        return cell_text(self.value(column))


@dataclass
class Sheet:
    """A sheet's header (its first non-blank row) and the non-blank rows below it."""

    title: str  # as written in the file, for messages
    columns: list[Column] = field(default_factory=list)
    rows: list[SheetRow] = field(default_factory=list)

    def column(self, *bases: str) -> Column | None:
        """The first plain (language-less) column whose name is one of `bases`."""
        for base in bases:
            for column in self.columns:
                if column.base == base and column.language is None:
                    return column
        return None

    def language_columns(self, base: str) -> list[Column]:
        """Columns `base`, `base::lang`, ...; plain columns first so that an explicit language
        column wins when both hold text for the same language."""
        matching = [c for c in self.columns if c.base == base]
        return sorted(matching, key=lambda c: c.language is not None)


@dataclass
class Workbook:
    file_name: str
    sheets: dict[str, Sheet]  # by normalised name: "survey", "choices", ...
    warnings: list[str] = field(default_factory=list)


def sheet_key(title: str) -> str:
    return "_".join(title.replace("\u00a0", " ").split()).casefold()


def load_workbook(path: Path) -> Workbook:
    """Every sheet of the workbook at `path`; raises InputError for anything that is not a
    readable .xlsx/.xlsm workbook."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputError(
            f"{name} is in the old Excel format (.xls); open it in Excel and save it as .xlsx."
        )
    if suffix not in ACCEPTED_SUFFIXES:
        raise InputError(
            f"{name} is not an Excel workbook (.xlsx); open it in Excel and save it as .xlsx."
        )
    if not path.is_file():
        raise InputError(f"{path} does not exist or is not a file.")
    try:
        is_zip = zipfile.is_zipfile(path)
    except OSError as error:
        raise InputError(f"{name} cannot be read: {error.strerror or error}.") from error
    if not is_zip:
        raise InputError(
            f"{name} is not an Excel workbook inside (it is not a .xlsx file); "
            "open it in Excel and save it as .xlsx."
        )
    try:
        raw_sheets = _read_all_sheets(path)
    except ApvError:
        raise
    except Exception as error:  # any failure while parsing a user's file means a damaged file
        raise InputError(
            f"{name} cannot be read as an Excel workbook: it is damaged or truncated; "
            "open it in Excel and save it again as .xlsx."
        ) from error
    workbook = Workbook(file_name=name, sheets={})
    for title, rows in raw_sheets:
        key = sheet_key(title)
        if key in workbook.sheets:
            workbook.warnings.append(
                f"sheet '{title}' has the same name as sheet '{workbook.sheets[key].title}'; "
                "only the first is read."
            )
            continue
        workbook.sheets[key] = _build_sheet(title, rows)
    _warn_about_misspelt_sheets(workbook)
    return workbook


def _read_all_sheets(path: Path) -> list[tuple[str, list[SheetRow]]]:
    import openpyxl  # imported here: it is slow to import and the GUI starts without it

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [(sheet.title, list(_non_blank_rows(sheet.iter_rows(values_only=True))))
                for sheet in book.worksheets]
    finally:
        book.close()


def _non_blank_rows(rows: Iterator[tuple[object, ...]]) -> Iterator[SheetRow]:
    # Sheets saved by some tools claim a million rows and a thousand columns; keep only rows
    # that hold something, and drop trailing empty cells.
    for number, values in enumerate(rows, start=1):
        if not values:
            continue
        texts = [cell_text(v) for v in values]
        if not any(texts):
            continue
        last = max(i for i, text in enumerate(texts) if text)
        yield SheetRow(number=number, values=tuple(values[: last + 1]))


def _build_sheet(title: str, rows: list[SheetRow]) -> Sheet:
    if not rows:
        return Sheet(title=title)
    header, *data = rows
    columns = [parse_header(value, i) for i, value in enumerate(header.values)]
    return Sheet(title=title, columns=[c for c in columns if c.base], rows=data)


def _warn_about_misspelt_sheets(workbook: Workbook) -> None:
    for key, sheet in workbook.sheets.items():
        if key in KNOWN_SHEETS:
            continue
        close = difflib.get_close_matches(key, KNOWN_SHEETS, n=1, cutoff=0.8)
        if close and close[0] not in workbook.sheets:
            workbook.warnings.append(
                f"sheet '{sheet.title}' is not read; did you mean '{close[0]}'?"
            )
