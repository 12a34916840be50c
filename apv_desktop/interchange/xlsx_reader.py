"""The one way APV Desktop reads rows from an .xlsx workbook (XLSForms, org lists, answers,
indicators, the action-plan sheet).

Before openpyxl parses anything, the zip is checked against the limits in `limits.py`: its
unpacked size and compression ratio (a zip bomb), XML with a DOCTYPE (entity expansion), text
runs longer than a cell may hold. Rows are then read with the sheet's stated size ignored
(`reset_dimensions`: a sheet that claims 1,048,576 rows is read by the rows it really has), and
each row is checked for the number of rows, columns and the length of each cell. Formula cells are
read by the value Excel saved with them; one without a saved value is refused, since its value
is unknown. Every refusal is an InputError naming the file and the limit.
"""

from __future__ import annotations

import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

from apv_desktop.core.progress import Progress, no_progress
from apv_desktop.errors import InputError
from apv_desktop.i18n import tr
from apv_desktop.interchange import limits
from apv_desktop.interchange.limits import excerpt
from apv_desktop.os_errors import os_reason

Row = tuple[object, ...]

_CHUNK = 1024 * 1024
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_PROGRESS_EVERY = 500  # rows between two progress reports (each may cancel)
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]*\d*:?[A-Z]*(\d+)"')


class XlsxWorkbook:
    """An open workbook whose parts passed the checks; read sheets with `rows`."""

    def __init__(self, path: Path, book: Any, archive: zipfile.ZipFile,
                 formula_parts: set[str]) -> None:
        self.path = path
        self._book = book
        self._archive = archive
        self._formula_parts = formula_parts

    @property
    def sheet_titles(self) -> list[str]:
        return [sheet.title for sheet in self._book.worksheets]

    def sheet(self, title: str) -> Any:
        return self._book[title]

    def rows(self, title: str, progress: Progress = no_progress) -> Iterator[tuple[int, Row]]:
        """(Excel row number, values) of every row of sheet `title` that exists in the file.

        Values are as openpyxl gives them (str, int, float, bool, datetime, None); rows are as long
        as their last stored cell. `progress` is called every few hundred rows and may raise
        Cancelled."""
        worksheet = self._book[title]
        part = str(getattr(worksheet, "_worksheet_path", ""))
        if part in self._formula_parts:
            self._refuse_formulas_without_values(title, part)
        claimed = _claimed_rows(self._archive, part)
        worksheet.reset_dimensions()  # read the rows that are there, not the size it claims
        message = tr("Læser {file}, ark {sheet} …", file=self.path.name, sheet=title)
        where = tr("{file}, ark {sheet}", file=self.path.name, sheet=title)
        progress(0.0, message)
        cells = 0
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            if not values:
                continue
            cells = limits.check_row(where, number, values, cells)
            if number % _PROGRESS_EVERY == 0:
                progress(min(number / claimed, 0.99) if claimed else 0.0, message)
            yield number, values
        progress(1.0, message)

    def _refuse_formulas_without_values(self, title: str, part: str) -> None:
        cells: list[str] = []
        with self._archive.open(part) as stream:
            for _, element in iterparse(stream):
                if element.tag == f"{_MAIN}c":
                    saved = element.find(f"{_MAIN}v")
                    # Excel saves an empty text result as <v></v> in a cell of type "str".
                    if element.find(f"{_MAIN}f") is not None and (
                            saved is None or (not saved.text and element.get("t") != "str")):
                        cells.append(element.get("r") or "?")
                    element.clear()
        if cells:
            raise InputError(tr(
                "{file}, ark {sheet}: celle {cells} er en formel uden gemt værdi; åbn filen i "
                "Excel, lad den regne og gem den igen (eller skriv værdierne ind i stedet).",
                file=self.path.name, sheet=title, cells=", ".join(cells[:5])
                + (" …" if len(cells) > 5 else "")), cells)


@contextmanager
def open_xlsx(path: Path) -> Iterator[XlsxWorkbook]:
    """The workbook at `path` after the checks; InputError for anything unreadable or too big."""
    path = Path(path)
    name = path.name
    try:
        if path.is_file() and path.stat().st_size == 0:
            raise InputError(tr("{file} er tom.", file=name))
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InputError(tr("{file} findes ikke ({path}).", file=name, path=path)) from None
    except IsADirectoryError:
        raise InputError(tr("{path} er en mappe, ikke en fil.", path=path)) from None
    except OSError as error:
        raise InputError(tr("{file} kan ikke læses (er den åben i et andet program?): {reason}.",
                            file=name, reason=os_reason(error))) from None
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
        raise _not_a_workbook(name) from None
    try:
        formula_parts = _check_archive(archive, name)
        book = _open_with_openpyxl(path, name)
        try:
            yield XlsxWorkbook(path, book, archive, formula_parts)
        finally:
            book.close()
    finally:
        archive.close()


def read_sheet_rows(path: Path, pick: Any = None, progress: Progress = no_progress
                    ) -> tuple[str, list[tuple[int, Row]]]:
    """Title and rows of one sheet: the first, or the one `pick(workbook)` returns the title of."""
    with open_xlsx(path) as workbook:
        title = pick(workbook) if pick is not None else workbook.sheet_titles[0]
        return title, guarded(workbook, lambda: list(workbook.rows(title, progress)))


def guarded(workbook: XlsxWorkbook, read: Any) -> Any:
    """`read()`, with a parser failure inside a valid zip turned into an InputError."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's notes on features it drops
            return read()
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError, IndexError,
            TypeError, SyntaxError, AttributeError,
            NotImplementedError) as error:  # ParseError is a SyntaxError; an odd zip version
        raise _not_a_workbook(workbook.path.name) from error


def _not_a_workbook(name: str) -> InputError:
    return InputError(tr(
        "{file} kan ikke læses som en Excel-projektmappe (.xlsx): den er beskadiget, afkortet "
        "eller en anden slags fil; åbn den i Excel og gem den igen som .xlsx.", file=name))


def _too_big(name: str, what: str) -> InputError:
    return InputError(tr(
        "{file} afvises: {what}; så stor kan en rigtig fil til APV Desktop ikke være (er den "
        "beskadiget?).", file=name, what=what))


def _check_archive(archive: zipfile.ZipFile, name: str) -> set[str]:
    """Refuse a zip bomb, entity declarations and overlong text; the sheet parts with formulas."""
    members = archive.infolist()
    if len(members) > limits.MAX_ZIP_MEMBERS:
        raise _too_big(name, tr("den rummer {count} dele (højst {limit})", count=len(members),
                                limit=limits.MAX_ZIP_MEMBERS))
    total = sum(member.file_size for member in members)
    if total > limits.MAX_UNCOMPRESSED_BYTES:
        raise _too_big(name, tr("den fylder {size} MB udpakket (højst {limit} MB)",
                                size=total // 2**20,
                                limit=limits.MAX_UNCOMPRESSED_BYTES // 2**20))
    for member in members:
        if (member.file_size > limits.RATIO_CHECKED_FROM_BYTES
                and member.file_size > limits.MAX_COMPRESSION_RATIO * max(member.compress_size, 1)):
            raise _too_big(name, tr("delen {part} pakker sig {ratio} gange ud (højst {limit})",
                                    part=excerpt(member.filename),
                                    ratio=member.file_size // max(member.compress_size, 1),
                                    limit=limits.MAX_COMPRESSION_RATIO))
    formula_parts: set[str] = set()
    for member in members:
        if member.filename.lower().endswith(_XML_SUFFIXES) and _scan_part(archive, member, name):
            formula_parts.add(member.filename)
    return formula_parts


def _scan_part(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> bool:
    """Stream one XML part: refuse DOCTYPE/ENTITY and overlong text; True if it has formulas."""
    is_sheet = member.filename.startswith("xl/worksheets/")
    is_shared_strings = member.filename.lower().endswith("sharedstrings.xml")
    strings = 0  # openpyxl loads every shared string at once: bounded like cells
    has_formulas = False
    run = 0  # bytes since the last '<', carried across chunks
    tail = b""
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                window = tail + chunk
                if _DOCTYPE.search(window):
                    raise InputError(tr(
                        "{file} afvises: delen {part} erklærer XML-entiteter (DOCTYPE), som en "
                        "Excel-fil aldrig gør; gem filen igen fra Excel.", file=name,
                        part=excerpt(member.filename)))
                if is_sheet and not has_formulas and _FORMULA.search(window):
                    has_formulas = True
                if is_shared_strings:
                    strings += chunk.count(b"<si>") + chunk.count(b"<si ")
                    if strings > limits.MAX_CELLS:
                        raise _too_big(name, tr("den rummer over {limit} tekster",
                                                limit=limits.MAX_CELLS))
                pieces = chunk.split(b"<")
                longest = max(run + len(pieces[0]), *map(len, pieces[1:])) if len(pieces) > 1 \
                    else run + len(pieces[0])
                if longest > limits.MAX_TEXT_RUN_BYTES:
                    raise _too_big(name, tr("den rummer en tekst på over {limit} tegn",
                                            limit=limits.MAX_CELL_CHARS))
                run = len(pieces[-1]) if len(pieces) > 1 else run + len(chunk)
                tail = chunk[-16:]
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
            RuntimeError, ValueError) as error:
        raise _not_a_workbook(name) from error
    return has_formulas


def _open_with_openpyxl(path: Path, name: str) -> Any:
    import openpyxl  # lazily: keeps program start fast

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's notes on features it drops
        try:
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as error:  # any failure to open means the bytes are not a workbook
            raise _not_a_workbook(name) from error


def _claimed_rows(archive: zipfile.ZipFile, part: str) -> int:
    """The row count the sheet claims (for progress only; 0 when unknown or implausible)."""
    try:
        with archive.open(part) as stream:
            head = stream.read(4096)
    except (KeyError, OSError, zipfile.BadZipFile, zlib.error, NotImplementedError):
        return 0
    found = _DIMENSION.search(head)
    claimed = int(found.group(1)) if found else 0
    return claimed if claimed <= limits.MAX_ROWS else 0
