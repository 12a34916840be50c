"""A table held as one small number per cell, and the rules that give a file's records a shape.

A 100,000-respondent answer file has ten million cells but only a handful of different texts
("1" … "5", "Ved ikke", the unit codes, some comments). Each different text is kept once, in
`texts`, and each cell is its index there: four bytes a cell in one NumPy array instead of a
Python list per row, built in C as the records are read (`array.extend(map(dict lookup))`), and
a column's different values are found without looking at every cell from Python. The response
reader works on this form; `to_table()` gives the rows of text the other readers use.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from apv_desktop.core.progress import Progress, no_progress
from apv_desktop.errors import InputError
from apv_desktop.interchange.tables import (
    Table,
    column_letter,
    number_repeated_headers,
    refuse_duplicate_headers,
    table_records,
)


def read_coded_table(path: Path, progress: Progress = no_progress, *,
                     repeated_headers: bool = False) -> CodedTable:
    """read_table's table (the first sheet of a workbook), held as codes."""
    source, records = table_records(Path(path), None, progress)
    return coded_table(records, source, repeated_headers=repeated_headers)


@dataclass
class CodedTable:
    """Cells as indexes into `texts` (each different text once, stripped; '' is index 0 when
    present): `codes[row, column]`. Same shape rules as Table: every row as wide as `headers`."""

    headers: list[str]
    codes: np.ndarray  # rows x len(headers), unsigned integers (one byte when texts are few)
    texts: list[str]
    row_numbers: list[int]  # 1-based row in the file or sheet
    source: str = ""
    repeated: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # as Table's
    _distinct: dict[int, np.ndarray] = field(default_factory=dict, repr=False)

    @property
    def size(self) -> int:
        return len(self.row_numbers)

    def column(self, index: int) -> list[str]:
        return list(map(self.texts.__getitem__, self.codes[:, index].tolist()))

    def distinct_codes(self, index: int) -> np.ndarray:
        """The sorted codes that occur in column `index`."""
        found = self._distinct.get(index)
        if found is None:
            counts = np.bincount(self.codes[:, index], minlength=len(self.texts))
            found = self._distinct[index] = np.flatnonzero(counts)
        return found

    def distinct(self, index: int) -> set[str]:
        """The different non-blank values of column `index`."""
        return {self.texts[code] for code in self.distinct_codes(index).tolist()} - {""}

    def mapped(
        self, index: int, function: Callable[[str], object], failed: object, dtype: type
    ) -> tuple[np.ndarray, dict[str, str]]:
        """`function` of every cell of column `index` (an array of `dtype`, one per row),
        called once per different text. A text `function` refuses (ValueError) gets `failed`;
        the reasons are returned per text."""
        column = self.codes[:, index]
        present = self.distinct_codes(index)
        results: np.ndarray = np.empty(present.size, dtype=dtype)
        reasons: dict[str, str] = {}
        for place, code in enumerate(present.tolist()):
            text = self.texts[code]
            try:
                results[place] = function(text)
            except ValueError as exc:
                results[place] = failed
                reasons[text] = str(exc)
        # Every code through a table indexed by code: one pass, where a search per cell would
        # cost a log of the number of different texts each.
        table: np.ndarray = np.empty(int(present[-1]) + 1 if present.size else 0, dtype=dtype)
        table[present] = results
        return table[column], reasons

    def rows_holding(self, index: int, texts: Iterable[str]) -> list[int]:
        """The rows (0-based) whose cell in column `index` is one of `texts`."""
        wanted = set(texts)
        codes = [code for code in self.distinct_codes(index).tolist()
                 if self.texts[code] in wanted]
        return np.flatnonzero(np.isin(self.codes[:, index], codes)).tolist()

    def to_table(self) -> Table:
        texts = self.texts.__getitem__
        rows = [list(map(texts, row)) for row in self.codes.tolist()]
        return Table(self.headers, rows, self.row_numbers, self.source, self.repeated)


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
    lengths = array("I")
    for number, record in records:
        flat.extend(map(codes_of.__getitem__, record))
        numbers.append(number)
        lengths.append(len(record))
    texts, canonical = _stripped(list(codes_of))
    width = max(lengths, default=0)
    grid = _padded(np.frombuffer(flat, dtype=np.uint32), lengths, width)
    if canonical is not None:
        grid = canonical[grid]
    if len(texts) <= 0x100:  # the usual answer file: a byte a cell, each column read faster
        grid = grid.astype(np.uint8)
    del flat  # the four-byte codes go now (unless the grid is still a view of them)
    blank = (grid == 0).all(axis=1)
    filled = np.flatnonzero(~blank)
    if filled.size == 0:
        raise InputError("{source} har ingen overskriftsrække; den indeholder slet ingen værdier.",
                         source=source)
    header_row = int(filled[0])
    headers = [texts[code] for code in grid[header_row].tolist()]
    keep_rows = filled[1:]
    if keep_rows.size == len(numbers) - header_row - 1:
        grid = grid[header_row + 1 :]  # nothing blank below the header: a view, no copy
    else:
        grid = grid[keep_rows]
    kept_numbers = [numbers[row] for row in keep_rows.tolist()]

    unnamed = [index for index, header in enumerate(headers) if not header]
    for index in unnamed:
        holding = np.flatnonzero(grid[:, index])
        if holding.size:
            raise InputError(
                "{source}: kolonnen {value} har værdier (første i række {number}), men ingen "
                "overskrift; giv den en overskrift.",
                source=source, value=column_letter(index), number=kept_numbers[int(holding[0])])
    repeated: dict[str, tuple[str, int, int]] = {}
    if repeated_headers:
        headers, repeated = number_repeated_headers(headers)
    refuse_duplicate_headers(headers, source)
    if unnamed:
        named = [index for index, header in enumerate(headers) if header]
        grid = grid[:, named]
        headers = [headers[index] for index in named]
    return CodedTable(headers, grid, texts, kept_numbers, source, repeated)


def _stripped(raw: list[str]) -> tuple[list[str], np.ndarray | None]:
    """Each different stripped text once (index 0 = ''), and the map from raw codes to them;
    None when every raw text is already stripped and different (the usual case)."""
    stripped = [text.strip() for text in raw]
    if stripped == raw:
        return raw, None
    index: dict[str, int] = {}
    canonical = np.fromiter((index.setdefault(text, len(index)) for text in stripped),
                            dtype=np.uint32, count=len(stripped))
    return list(index), canonical


def _padded(flat: np.ndarray, lengths: array, width: int) -> np.ndarray:
    """The records as a rows x width grid; short ones (Excel leaves out empty cells at the end
    of a row) padded with code 0 ('')."""
    count = len(lengths)
    if count * width == flat.size:
        return flat.reshape(count, width)
    sizes = np.frombuffer(lengths, dtype=np.uint32).astype(np.int64)
    grid = np.zeros((count, width), dtype=np.uint32)
    rows = np.repeat(np.arange(count), sizes)
    starts = np.cumsum(sizes) - sizes
    columns = np.arange(flat.size) - np.repeat(starts, sizes)
    grid[rows, columns] = flat
    return grid
