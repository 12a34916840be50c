"""A table held as one small number per cell, and the rules that give a file's records a shape.

A 100,000-respondent answer file has ten million cells but only a handful of different texts
("1" … "5", "Ved ikke", the unit codes, some comments). Each different text is kept once, in
`texts`, and each cell is its index there, all cells in one flat row-major buffer: one byte a
cell while there are at most 256 different texts (the usual answer file), four bytes otherwise,
built in C as the records are read (`array.extend(map(dict lookup))`). A column is one strided
slice of the buffer, and a column of one-byte codes becomes stored answers with one
`bytes.translate`, so reading an answer file needs no NumPy (its import alone costs as much as
the whole of a small import). The response reader works on this form; `to_table()` gives the
rows of text the other readers use.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from apv_desktop.core.progress import Progress, no_progress
from apv_desktop.errors import InputError
from apv_desktop.interchange.tables import (
    Table,
    column_letter,
    number_repeated_headers,
    refuse_duplicate_headers,
    table_records,
)

# Where a code's low byte sits among the four bytes of an array("I") item.
_LOW_BYTE = 0 if sys.byteorder == "little" else 3

Codes = bytes | array  # one byte a cell, or array("I")
T = TypeVar("T")


def read_coded_table(path: Path, progress: Progress = no_progress, *,
                     repeated_headers: bool = False) -> CodedTable:
    """read_table's table (the first sheet of a workbook), held as codes."""
    source, records = table_records(Path(path), None, progress)
    return coded_table(records, source, repeated_headers=repeated_headers)


@dataclass
class CodedTable:
    """Cells as indexes into `texts` (each different text once, stripped; '' is index 0 when
    present), row after row: the cell in `row`, `column` is `codes[row * width + column]`. Same
    shape rules as Table: every row as wide as `headers`."""

    headers: list[str]
    codes: Codes
    texts: list[str]
    row_numbers: list[int]  # 1-based row in the file or sheet
    source: str = ""
    repeated: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # as Table's
    _distinct: dict[int, list[int]] = field(default_factory=dict, repr=False)
    _small: dict[int, bytes | None] = field(default_factory=dict, repr=False)  # byte_column

    @property
    def size(self) -> int:
        return len(self.row_numbers)

    @property
    def width(self) -> int:
        return len(self.headers)

    def column_codes(self, index: int) -> Codes:
        """The codes of column `index`, one per row."""
        return self.codes[index :: self.width]

    def text(self, row: int, column: int) -> str:
        return self.texts[self.codes[row * self.width + column]]

    def distinct_codes(self, index: int) -> list[int]:
        """The sorted codes that occur in column `index`."""
        found = self._distinct.get(index)
        if found is None:
            small = self.byte_column(index)
            column = self.column_codes(index) if small is None else small
            found = self._distinct[index] = sorted(set(column))
        return found

    def distinct(self, index: int) -> set[str]:
        """The different non-blank values of column `index`."""
        return {self.texts[code] for code in self.distinct_codes(index)} - {""}

    def coded(
        self, index: int, function: Callable[[str], T], failed: T
    ) -> tuple[dict[int, T], dict[str, str]]:
        """`function` of each different text of column `index`, by its code, called once per
        text. A text `function` refuses (ValueError) gets `failed`; the reasons are returned
        per text."""
        results: dict[int, T] = {}
        reasons: dict[str, str] = {}
        for code in self.distinct_codes(index):
            text = self.texts[code]
            try:
                results[code] = function(text)
            except ValueError as exc:
                results[code] = failed
                reasons[text] = str(exc)
        return results, reasons

    def mapped(
        self, index: int, function: Callable[[str], T], failed: T
    ) -> tuple[list[T], dict[str, str]]:
        """coded()'s results for every cell of column `index`, one per row."""
        results, reasons = self.coded(index, function, failed)
        return list(map(results.__getitem__, self.column_codes(index))), reasons

    def byte_column(self, index: int) -> bytes | None:
        """The codes of column `index` as one byte each; None when one of them is above 255."""
        codes = self.codes
        if isinstance(codes, bytes):
            return codes[index :: self.width]
        # Four-byte codes (many different texts, most of them in a comment column): each
        # column's answers are still few, so its low bytes, picked once.
        if index not in self._small:
            raw = codes[index :: self.width].tobytes()
            low = raw[_LOW_BYTE::4]
            # Every code below 256 when the zero bytes are the three high ones of each code
            # and the low ones that are zero (counting bytes runs in C; max() does not).
            small = raw.count(0) - low.count(0) == 3 * len(low)
            self._small[index] = low if small else None
        return self._small[index]

    def rows_holding(self, index: int, texts: Iterable[str]) -> list[int]:
        """The rows (0-based) whose cell in column `index` is one of `texts`."""
        wanted = set(texts)
        codes = {code for code in self.distinct_codes(index) if self.texts[code] in wanted}
        return [row for row, code in enumerate(self.column_codes(index)) if code in codes]

    def to_table(self) -> Table:
        cells = list(map(self.texts.__getitem__, self.codes))
        width = self.width
        rows = [cells[start : start + width] for start in range(0, len(cells), width or 1)]
        return Table(self.headers, rows if width else [[] for _ in self.row_numbers],
                     self.row_numbers, self.source, self.repeated)


class _Codes(dict[str, int]):
    """Text -> its index, a new text getting the next one (looked up in C, added in Python)."""

    def __missing__(self, text: str) -> int:
        code = self[text] = len(self)
        return code


def coded_table(records: Iterable[tuple[int, list[str]]], source: str, *,
                repeated_headers: bool = False) -> CodedTable:
    """The table of a file's records (row number, cells as text, unstripped).

    Header = the first non-blank row; blank rows go; short rows are padded; a column without a
    header goes if it is empty and is refused if it holds a value; two equal headers are
    refused, or numbered when `repeated_headers` (number_repeated_headers). Cells are stripped
    ('' for empty)."""
    codes_of = _Codes()
    codes_of[""] = 0
    flat = array("I")
    numbers: list[int] = []
    lengths: list[int] = []
    for number, record in records:
        flat.extend(map(codes_of.__getitem__, record))
        numbers.append(number)
        lengths.append(len(record))
    texts, canonical = _stripped(list(codes_of))
    if canonical is not None:
        flat = array("I", map(canonical.__getitem__, flat))
    width = max(lengths, default=0)
    padded = _padded(flat, lengths, width)
    del flat
    # The usual answer file has few different texts: a byte a cell.
    grid: Codes = padded.tobytes()[_LOW_BYTE::4] if len(texts) <= 0x100 else padded
    del padded
    blank = _blank_rows(grid, width, len(numbers))
    first = next((row for row, empty in enumerate(blank) if not empty), None)
    if first is None:
        raise InputError("{source} har ingen overskriftsrække; den indeholder slet ingen værdier.",
                         source=source)
    headers = [texts[code] for code in grid[first * width : (first + 1) * width]]
    keep_rows = [row for row in range(first + 1, len(numbers)) if not blank[row]]
    if len(keep_rows) == len(numbers) - first - 1:
        grid = grid[(first + 1) * width :]  # nothing blank below the header
    else:
        grid = _joined(grid, [grid[row * width : (row + 1) * width] for row in keep_rows])
    kept_numbers = [numbers[row] for row in keep_rows]

    unnamed = [index for index, header in enumerate(headers) if not header]
    for index in unnamed:
        holding = next((row for row, code in enumerate(grid[index::width]) if code), None)
        if holding is not None:
            raise InputError(
                "{source}: kolonnen {value} har værdier (første i række {number}), men ingen "
                "overskrift; giv den en overskrift.",
                source=source, value=column_letter(index), number=kept_numbers[holding])
    repeated: dict[str, tuple[str, int, int]] = {}
    if repeated_headers:
        headers, repeated = number_repeated_headers(headers)
    refuse_duplicate_headers(headers, source)
    if unnamed:
        named = [index for index, header in enumerate(headers) if header]
        grid = _columns(grid, width, named, len(kept_numbers))
        headers = [headers[index] for index in named]
    return CodedTable(headers, grid, texts, kept_numbers, source, repeated)


def _stripped(raw: list[str]) -> tuple[list[str], list[int] | None]:
    """Each different stripped text once (index 0 = ''), and the map from raw codes to them;
    None when every raw text is already stripped and different (the usual case)."""
    stripped = [text.strip() for text in raw]
    if stripped == raw:
        return raw, None
    index: dict[str, int] = {}
    canonical = [index.setdefault(text, len(index)) for text in stripped]
    return list(index), canonical


def _padded(flat: array, lengths: list[int], width: int) -> array:
    """The records as rows of `width` codes; short ones (Excel leaves out empty cells at the end
    of a row) padded with code 0 ('')."""
    if len(flat) == len(lengths) * width:
        return flat
    grid = array("I")
    start = 0
    for length in lengths:
        grid.extend(flat[start : start + length])
        grid.extend(array("I", bytes(4 * (width - length))))
        start += length
    return grid


def _blank_rows(grid: Codes, width: int, count: int) -> list[bool]:
    """Per row, whether every cell of it is '' (code 0)."""
    if not width:
        return [True] * count
    empty = bytes(width) if isinstance(grid, bytes) else array("I", bytes(4 * width))
    return [grid[start : start + width] == empty for start in range(0, count * width, width)]


def _joined(grid: Codes, rows: Sequence[Codes]) -> Codes:
    if isinstance(grid, bytes):
        return b"".join(rows)
    joined = array("I")
    for row in rows:
        joined.extend(row)
    return joined


def _columns(grid: Codes, width: int, keep: list[int], count: int) -> Codes:
    """`grid` with only the columns `keep`."""
    if isinstance(grid, bytes):
        chosen = bytearray(count * len(keep))
        for place, index in enumerate(keep):
            chosen[place :: len(keep)] = grid[index::width]
        return bytes(chosen)
    wide = array("I", bytes(4 * count * len(keep)))
    for place, index in enumerate(keep):
        wide[place :: len(keep)] = grid[index::width]
    return wide
