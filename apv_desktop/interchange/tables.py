"""Read a table (a header row and rows of text cells) from a CSV file or an Excel sheet.

The org-unit and response readers sit on top of this; they only ever see strings. CSV is read
the way Danish and Swedish Excel writes it (csv_records.py). The shape rules (which row is the
header, which rows and columns go) are coded_table.py's, which also keeps a large answer file
as one small number per cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from apv_desktop.core.progress import Progress, no_progress
from apv_desktop.errors import InputError, Phrase
from apv_desktop.i18n import N_, tr, trn
from apv_desktop.interchange.csv_records import csv_records
from apv_desktop.interchange.limits import excerpt

if TYPE_CHECKING:  # the workbook reader (zipfile, XML) is imported when a workbook is read
    from apv_desktop.interchange.xlsx_reader import XlsxWorkbook

CSV_SUFFIXES = (".csv", ".tsv")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
ACCEPTED_SUFFIXES = CSV_SUFFIXES + EXCEL_SUFFIXES
ACCEPTED_DESCRIPTION = N_("CSV-fil (.csv) eller Excel-projektmappe (.xlsx)")


@dataclass
class Table:
    """Every cell as stripped text ('' for empty); rows have exactly len(headers) cells."""

    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)  # 1-based row in the file or sheet
    source: str = ""  # "answers.csv" or "org.xlsx, sheet Ark1", for messages
    # header -> (the text it repeats, its place among the columns so headed, how many there
    # are): see number_repeated_headers
    repeated: dict[str, tuple[str, int, int]] = field(default_factory=dict)

    def column(self, index: int) -> list[str]:
        return list(map(itemgetter(index), self.rows))

    def distinct(self, index: int) -> set[str]:
        """The different non-blank values of column `index`."""
        return set(self.column(index)) - {""}


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
    """A header short enough for a message (question texts used as headers can be long).

    A grid's column ("Krav i arbejdet [Kommer du bagud med arbejdet?]", as Google Forms and
    LimeSurvey write it) is known by its statement: that is kept, in its brackets, rather
    than the grid's title that every column of the grid shares."""
    if len(header) <= limit:
        return header
    title, bracket, statement = header.rstrip().partition(" [")
    if bracket and statement.endswith("]") and title:
        return "[" + _cut(statement[:-1], limit - 2) + "]"
    return _cut(header, limit)


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def refuse_problems(source: str, problems: list[str], consequence: str = "") -> None:
    """Raise InputError for a file with cell problems (already in reading order).

    The sentence gives the count and the first problem; InputError keeps the first few."""
    count = len(problems)
    raise InputError(trn("{source}: {n} problem{consequence}; {first}",
                         "{source}: {n} problemer{consequence}; {first}", count, source=source,
                         consequence=consequence, first=excerpt(problems[0], 300)), problems)


def wanted_columns(columns: list[tuple[str, str]]) -> Phrase:
    """The missing columns (field, its Danish header) for a sentence: "'code' (eller 'kode')
    og 'name' (eller 'navn')", rendered in the reader's language with it."""
    wanted: Phrase | None = None
    for name, header in columns:
        column = Phrase(N_("'{field}' (eller '{header}')"), {"field": name, "header": header})
        wanted = column if wanted is None else Phrase(N_("{first} og {second}"),
                                                       {"first": wanted, "second": column})
    assert wanted is not None, "no column is missing"
    return wanted


def read_table(path: Path, sheet: str | None = None, progress: Progress = no_progress, *,
               repeated_headers: bool = False) -> Table:
    """Read the header row and data rows of a CSV file or of one sheet of an XLSX workbook.

    Raises InputError (one sentence naming the file) for a file that cannot be read as a table.
    `repeated_headers`: number repeated headers (number_repeated_headers) instead of refusing.
    """
    # coded_table builds on this module (Table, the header helpers); imported here, not above.
    from apv_desktop.interchange.coded_table import coded_table

    source, records = table_records(Path(path), sheet, progress)
    return coded_table(records, source, repeated_headers=repeated_headers).to_table()


def table_records(
    path: Path, sheet: str | None = None, progress: Progress = no_progress
) -> tuple[str, Iterable[tuple[int, list[str]]]]:
    """The name of the file (and sheet) for messages, and its records: (row number, cells as
    text). A CSV file's records come one at a time as they are read, an XLSX sheet's at once.

    Raises InputError (one sentence naming the file) for a file that cannot be read as a table.
    """
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        old_excel = Phrase(N_(" (et gammelt Excel-format; gem den som .xlsx)"))
        hint = old_excel if suffix == ".xls" else ""
        raise InputError(
            "{name} er ikke en filtype, APV Desktop kan læse{hint}; brug en "
            "{ACCEPTED_DESCRIPTION}.",
            name=name, hint=hint, ACCEPTED_DESCRIPTION=Phrase(ACCEPTED_DESCRIPTION)
        )
    if suffix in CSV_SUFFIXES:
        progress(0.0, name)
        return name, csv_records(path)
    title, records = _excel_records(path, sheet, progress)
    return tr("{file}, ark {sheet}", file=name, sheet=title), records


# ---------------------------------------------------------------------------------- XLSX


def _excel_records(
    path: Path, sheet: str | None, progress: Progress
) -> tuple[str, list[tuple[int, list[str]]]]:
    from apv_desktop.interchange.xlsx_reader import read_sheet_rows

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


def refuse_duplicate_headers(headers: list[str], source: str) -> None:
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


Repeats = dict[str, tuple[str, int, int]]


def number_repeated_headers(headers: list[str]) -> tuple[list[str], Repeats]:
    """Headers that repeat one text (Google Forms and Microsoft Forms head a column with the
    question's text, and a form may ask "Hvem kom det fra?" four times) numbered in file order,
    "Hvem kom det fra? (1)" … "(4)"; and for each numbered header (the text, its number, how
    many). The response reader matches them to the questions with that text, in order."""
    groups: dict[str, list[int]] = {}
    for index, header in enumerate(headers):
        if header:
            groups.setdefault(normalise_header(header), []).append(index)
    numbered = list(headers)
    repeated: Repeats = {}
    for indexes in groups.values():
        if len(indexes) < 2:
            continue
        for number, index in enumerate(indexes, start=1):
            numbered[index] = f"{headers[index]} ({number})"
            repeated[numbered[index]] = (headers[index], number, len(indexes))
    return numbered, repeated

