"""The records of a CSV file as Danish and Swedish Excel writes it: `;` between fields (or `,`
or a tab, found from the header line, or named by a first line `sep=;`), Windows-1252 or UTF-8
(with or without a byte-order mark), quoted fields that may hold line breaks. Each record is
checked against the limits an .xlsx is held to (limits.py) as it is read.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

from apv_desktop.errors import InputError
from apv_desktop.i18n import tr
from apv_desktop.interchange import limits
from apv_desktop.interchange.limits import excerpt
from apv_desktop.interchange.text_encoding import implausible_at
from apv_desktop.os_errors import os_reason

# Order decides ties: Danish Excel writes ';', and a header with as many ';' as ',' is Danish.
_DELIMITERS = (";", "\t", ",")
# A free-text answer can be long; the csv module's default limit (128 kB) is not a file error.
_FIELD_SIZE_LIMIT = 16 * 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"


def csv_records(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The records of the CSV file at `path`, numbered from 1, cells as they stand (unstripped).

    Raises InputError (one sentence naming the file) for a file that cannot be read as CSV."""
    return checked_csv_records(csv_text(path, path.name), path.name)


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
        raise InputError("{name} kan ikke læses (er den åben i et andet program?): {strerror}.",
                         name=path.name, strerror=os_reason(exc)) from exc
    if _blank(raw):
        raise InputError("{name} er tom; vælg filen med indholdet.", name=path.name)
    return raw


_BLANK_BYTES = b" \t\r\n\x00" + codecs.BOM_UTF8


def _blank(raw: bytes) -> bool:
    """Whether the file holds nothing but blanks, NULs and byte-order marks. Its start decides
    almost always, without the copy of the whole file that strip() makes."""
    return not raw[:4096].strip(_BLANK_BYTES) and not raw.strip(_BLANK_BYTES)


def _decode_bytes(raw: bytes, name: str) -> tuple[str, bool]:
    """The text, and whether it was read by the Windows-1252 fallback."""
    if raw.startswith(codecs.BOM_UTF8):
        try:
            # Decoded from a view past the mark: no copy of the file's bytes.
            return str(memoryview(raw)[len(codecs.BOM_UTF8) :], "utf-8"), False
        except UnicodeDecodeError as exc:
            raise InputError("{name} er markeret som UTF-8, men byte {value} er ikke gyldig UTF-8; "
                             "gem den igen som UTF-8.", name=name, value=exc.start + 3) from None
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
    end = text.find("\n")
    line = (text if end < 0 else text[:end]).rstrip("\r")  # not strip(): a tab may be named
    if line.lower().startswith("sep=") and len(line) == 5:
        return line[4], ("" if end < 0 else text[end + 1 :])  # the rest copied only here
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


def csv_text(path: Path, name: str) -> str:
    """The decoded text of a CSV file (the bytes are let go as soon as it is decoded)."""
    return _decode(_read_bytes(path), name)


def checked_csv_records(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """The records of a CSV file's text, numbered from 1, each checked against the limits an
    .xlsx is held to (xlsx_reader). Excel shows each record as one row, even one whose quoted
    cell spans lines."""
    delimiter, text = _split_separator_line(text)
    if delimiter is None:
        header_line = _header_line(text)
        if not header_line:
            raise InputError("{name} har ingen overskriftsrække; den indeholder slet ingen "
                             "værdier.", name=name)
        delimiter = _detect_delimiter(header_line)
    if csv.field_size_limit() < _FIELD_SIZE_LIMIT:
        csv.field_size_limit(_FIELD_SIZE_LIMIT)
    if _unquoted(text):
        yield from _split_records(text, delimiter, name)
    else:
        yield from _parsed_records(text, delimiter, name)


def _parsed_records(text: str, delimiter: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """checked_csv_records by the csv module: any text."""
    lines = _Lines(text)
    reader = csv.reader(lines, delimiter=delimiter)
    cells = 0
    number = 0
    while True:
        before = lines.consumed
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError("{name} kan ikke læses som CSV nær linje {line_num}: {exc}.",
                             name=name, line_num=reader.line_num, exc=exc) from None
        number += 1
        cells = limits.check_row(name, number, record, cells, lines.consumed - before,
                                 limits.MAX_CSV_CELLS)
        yield number, record


def _unquoted(text: str) -> bool:
    """Whether the csv module would split `text` at each delimiter and line end and nowhere
    else: no quote, no NUL (a csv error), and no '\r' but in a '\r\n' that ends every line."""
    if '"' in text or "\x00" in text:
        return False
    returns = text.count("\r")
    return returns == 0 or returns == text.count("\r\n") == text.count("\n")


def _split_records(text: str, delimiter: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """checked_csv_records of an _unquoted text, by str.split in C: the csv module's records
    (a blank line is a record without cells), limits and errors, twice as fast. The text is
    split a block of lines at a time, so the lines are never all held at once."""
    end_of_line = "\r\n" if "\r" in text else "\n"
    field_limit = csv.field_size_limit()
    cells = 0
    number = 0
    for lines in _line_blocks(text, end_of_line):
        for line in lines:
            number += 1
            if len(line) > field_limit:
                _refuse_long_field(line, delimiter, name, number)
            record = line.split(delimiter) if line else []
            cells = limits.check_row(name, number, record, cells, len(line),
                                     limits.MAX_CSV_CELLS)
            yield number, record


_BLOCK_CHARS = 1 << 20


def _line_blocks(text: str, end_of_line: str) -> Iterator[list[str]]:
    """The lines of `text` (without their ends), a block of about _BLOCK_CHARS at a time."""
    start = 0
    length = len(text)
    step = len(end_of_line)
    while start < length:
        end = text.rfind(end_of_line, start, start + _BLOCK_CHARS)
        if end < 0:  # a line longer than a block
            end = text.find(end_of_line, start + _BLOCK_CHARS - step + 1)
        end = length if end < 0 else end + step
        lines = text[start:end].split(end_of_line)
        if not lines[-1]:
            lines.pop()  # what follows the last line end is no line
        yield lines
        start = end


def _refuse_long_field(line: str, delimiter: str, name: str, line_num: int) -> None:
    """The csv module's refusal of a line holding a field beyond its field size limit."""
    try:
        next(csv.reader([line], delimiter=delimiter), None)
    except csv.Error as exc:
        raise InputError("{name} kan ikke læses som CSV nær linje {line_num}: {exc}.",
                         name=name, line_num=line_num, exc=exc) from None


class _Lines:
    """The lines of `text` as io.StringIO(text, newline="") gives them, without its copy of the
    text at four bytes a character: split after each '\n' ('\r\n' stays whole). A text with a
    lone '\r' (an old Mac line end) is left to StringIO, which splits there too. `consumed`
    counts the characters handed out so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.consumed = 0

    def __iter__(self) -> Iterator[str]:
        text = self.text
        if text.count("\r") != text.count("\r\n"):
            for line in io.StringIO(text, newline=""):
                self.consumed += len(line)
                yield line
            return
        find = text.find
        start = 0
        while True:
            end = find("\n", start) + 1 or len(text)
            if end == start:
                return
            self.consumed = end
            yield text[start:end]
            start = end
