"""How much a file given to APV Desktop may hold, and how much of it a message may quote.

The numbers are generous for any real APV file (a 20,000-respondent answer sheet, an XLSForm with
hundreds of questions) and small enough that a hostile or broken file is refused in seconds and
in well under a gigabyte of memory.
"""

from __future__ import annotations

from collections.abc import Sequence

from apv_desktop.errors import InputError
from apv_desktop.i18n import tr

# All parts of an .xlsx unpacked together; a real 20,000 x 100 answer sheet is about 80 MB.
MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024
# Unpacked / packed size of one part; sheets of real files stay below 30.
MAX_COMPRESSION_RATIO = 200
# Below this size a part may compress as well as it likes (small XML compresses very well).
RATIO_CHECKED_FROM_BYTES = 1024 * 1024
MAX_ZIP_MEMBERS = 10_000
MAX_ROWS = 250_000
MAX_COLUMNS = 2_000
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
# Stored cells of one sheet: twice the design's largest answer file (20,000 x 100), and what
# bounds the memory of a file whose many small cells compress well.
MAX_CELLS = 4_000_000
# A CSV file's cells are held at four bytes each (coded_table.py): 64 MB at this limit, room for
# issue 18's largest answer file (100,000 x 100) and then some.
MAX_CSV_CELLS = 16_000_000
# A cell's text in the XML: up to 4 bytes a character and escapes such as &amp; for the rest.
MAX_TEXT_RUN_BYTES = MAX_CELL_CHARS * 6

EXCERPT_CHARS = 60


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """The start of `value` as text, short enough for any message ("…" marks a cut)."""
    text = value if isinstance(value, str) else str(value)
    if len(text) <= limit:
        return text
    return text[:limit].rstrip() + "…"


def check_row(where: str, number: int, values: Sequence[object], cells_before: int = 0,
              text_length: int | None = None, max_cells: int = MAX_CELLS) -> int:
    """Refuse row `number` of a sheet or CSV file (`where` names it) beyond the row, column,
    cell-count or cell-length limit; the count of cells read so far, this row's included.
    Empty cells (None or '') beyond the last column do not count. `text_length`: the length
    of the row's text in the file, when known (a CSV record's lines); a row no longer than one
    cell may be cannot hold a cell that is too long. `max_cells`: the limit on cells read so
    far (a CSV file's is larger, MAX_CSV_CELLS)."""
    cells = cells_before + len(values)
    if cells <= max_cells and number <= MAX_ROWS and len(values) <= MAX_COLUMNS:
        if text_length is not None and text_length <= MAX_CELL_CHARS:
            return cells
        try:  # a row of text: the cell-length check below in C
            if max(map(len, values), default=0) <= MAX_CELL_CHARS:  # type: ignore[arg-type]
                return cells
        except TypeError:  # a sheet's row holds numbers and None too
            pass
    if cells > max_cells:
        raise InputError(tr("{where} har mere end {limit} celler; del filen op.", where=where,
                            limit=max_cells))
    if number > MAX_ROWS and any(v not in (None, "") for v in values):
        raise InputError(tr("{where} har mere end {limit} rækker; del filen op eller fjern de "
                            "tomme rækker i bunden.", where=where, limit=MAX_ROWS))
    if len(values) > MAX_COLUMNS and any(v not in (None, "") for v in values[MAX_COLUMNS:]):
        raise InputError(tr("{where} har mere end {limit} kolonner (række {row}); så mange kan "
                            "ikke være en rigtig fil til APV Desktop: fjern de overflødige "
                            "kolonner.", where=where, limit=MAX_COLUMNS, row=number))
    for column, value in enumerate(values):
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            raise InputError(tr(
                "{where}, celle {cell} rummer {length} tegn; en celle må højst have {limit} "
                "(den begynder: '{start}').", where=where, cell=cell_name(number, column),
                length=len(value), limit=MAX_CELL_CHARS, start=excerpt(value)))
    return cells


def cell_name(row: int, column: int) -> str:
    """Excel's name for a cell: row 1-based, column 0-based (0 -> A, 26 -> AA)."""
    letters = ""
    number = column + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return f"{letters}{row}"
