"""Open an XLSForm workbook and hold its sheets as plain rows, refusing files that are not one.

Every sheet is read into memory through the one xlsx reader (xlsx_reader), which checks the
file's size, its XML and each row against the limits before and while reading.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from apv_desktop.core.progress import Progress, no_progress, scaled
from apv_desktop.errors import InputError
from apv_desktop.i18n import tr
from apv_desktop.interchange.xlsform_columns import Column, cell_text, parse_header
from apv_desktop.interchange.xlsx_reader import guarded, open_xlsx

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


def load_workbook(path: Path, progress: Progress = no_progress) -> Workbook:
    """Every sheet of the workbook at `path`; raises InputError for anything that is not a
    readable .xlsx/.xlsm workbook."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputError(
            "{name} er i det gamle Excel-format (.xls); åbn den i Excel og gem den som .xlsx.",
            name=name
        )
    if suffix not in ACCEPTED_SUFFIXES:
        raise InputError(
            "{name} er ikke en Excel-projektmappe (.xlsx); åbn den i Excel og gem den som .xlsx.",
            name=name
        )
    raw_sheets = _read_all_sheets(path, progress)
    workbook = Workbook(file_name=name, sheets={})
    for title, rows in raw_sheets:
        key = sheet_key(title)
        if key in workbook.sheets:
            workbook.warnings.append(
                tr("arket »{title}« har samme navn som arket »{title2}«; kun det første læses.",
                   title=title, title2=workbook.sheets[key].title)
            )
            continue
        workbook.sheets[key] = _build_sheet(title, rows)
    _warn_about_misspelt_sheets(workbook)
    return workbook


def _read_all_sheets(path: Path, progress: Progress) -> list[tuple[str, list[SheetRow]]]:
    sheets: list[tuple[str, list[SheetRow]]] = []
    with open_xlsx(path) as book:
        titles = book.sheet_titles
        for step, title in enumerate(titles):
            sheet_progress = scaled(progress, step / len(titles), (step + 1) / len(titles))

            def read(title: str = title, sheet_progress: Progress = sheet_progress
                     ) -> list[SheetRow]:
                return list(_non_blank_rows(book.rows(title, sheet_progress)))

            sheets.append((title, guarded(book, read)))
    return sheets


def _non_blank_rows(rows: Iterator[tuple[int, tuple[object, ...]]]) -> Iterator[SheetRow]:
    # Keep only rows that hold something, and drop trailing empty cells.
    for number, values in rows:
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
                tr("arket »{title}« læses ikke; mente du »{close}«?",
                   title=sheet.title, close=close[0])
            )
