"""How one answer sheet's numbers are stored: the smallest type that holds them.

A sheet's answers (core/answers.py: choice positions, bit masks, whole numbers, decimals; NaN
for no answer) are stored as one BLOB of `width` equal cells, `width` being the number of
answerable items of its questionnaire version. The cell size says the type, so no tag is needed:

    1 byte   unsigned, 255 = no answer       (choice positions and small numbers: almost always)
    2 bytes  unsigned little-endian, 65535 = no answer
    8 bytes  float64 little-endian, NaN = no answer   (decimals, negative or large numbers)

Each sheet uses the smallest type that holds all of its values; as the sheets of a round nearly
always share one type, reading a round is usually one join and one np.frombuffer. Schema 3
introduced this; schema 1 and 2 files held every sheet as float64 (migration 3 converts them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from apv_desktop.core.answers import NOT_A_CHOICE, values_of_codes
from apv_desktop.errors import NotAProjectError

if TYPE_CHECKING:  # imported by the functions that need it: storing choices needs none
    import numpy as np

# cell size -> (NumPy dtype, the value that means "no answer"; None: NaN). One byte a cell is
# core/answers.py's choice codes as they are (ResponseSet.code_rows): stored without packing.
CELL_TYPES: dict[int, tuple[str, int | None]] = {
    1: ("u1", NOT_A_CHOICE),
    2: ("<u2", 0xFFFF),
    8: ("<f8", None),
}


def pack(values: np.ndarray) -> list[bytes]:
    """One BLOB per row of the float64 matrix `values` (NaN = no answer), each in the smallest
    cell type that holds that row exactly."""
    import numpy as np

    count, width = values.shape
    if width == 0:
        return [b""] * count
    one_byte, fits = _one_byte_cells(values)
    data = one_byte.tobytes()
    blobs = [data[start : start + width] for start in range(0, len(data), width)]
    if fits.all():  # the usual case: choices and small numbers only
        return blobs
    others = np.flatnonzero(~fits)
    rest = values[others]
    sizes = _cell_sizes(rest)
    for size, (dtype, sentinel) in CELL_TYPES.items():
        rows = np.flatnonzero(sizes == size)
        if rows.size == 0:
            continue
        data = _cells(rest[rows], dtype, sentinel).tobytes()
        step = width * size
        pieces = [data[start : start + step] for start in range(0, len(data), step)]
        for row, piece in zip(others[rows].tolist(), pieces, strict=True):
            blobs[row] = piece
    return blobs


# Rows converted at a time: the float64 temporaries stay a few MB at 100,000 respondents,
# instead of two more copies of the whole matrix at the import's peak of memory.
_BLOCK_ROWS = 8192


def _cells(part: np.ndarray, dtype: str, sentinel: int | None) -> np.ndarray:
    import numpy as np

    if sentinel is None:
        return np.ascontiguousarray(part, dtype=dtype)
    cells = np.empty(part.shape, dtype=dtype)
    for start in range(0, len(part), _BLOCK_ROWS):
        block = part[start : start + _BLOCK_ROWS]
        cells[start : start + _BLOCK_ROWS] = np.where(np.isnan(block), sentinel, block)
    return cells


def _one_byte_cells(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every answer as one byte (NaN as 0xFF), and per row whether that holds the row exactly:
    every answer a whole number from 0 to 0xFE (what _cell_sizes calls size 1). Bytes of a row
    that does not fit are meaningless."""
    import numpy as np

    cells = np.empty(values.shape, dtype=np.uint8)
    fits = np.empty(len(values), dtype=np.bool_)
    with np.errstate(invalid="ignore"):  # NaN and out-of-range values cast to some byte
        for start in range(0, len(values), _BLOCK_ROWS):
            block = values[start : start + _BLOCK_ROWS]
            missing = np.isnan(block)
            byte = block.astype(np.uint8)
            # A byte equal to its value is that value (so the value is whole and in range).
            exact = (byte == block) & (byte != 0xFF)
            fits[start : start + _BLOCK_ROWS] = (exact | missing).all(axis=1)
            byte[missing] = 0xFF
            cells[start : start + _BLOCK_ROWS] = byte
    return cells, fits


def _cell_sizes(values: np.ndarray) -> np.ndarray:
    """Per row: 1 or 2 when every answer is a whole number below that type's "no answer"
    value, else 8."""
    import numpy as np

    sizes = np.empty(len(values), dtype=np.int64)
    for start in range(0, len(values), _BLOCK_ROWS):
        filled = np.nan_to_num(values[start : start + _BLOCK_ROWS], nan=0.0)
        whole = ((filled >= 0) & (filled == np.floor(filled))).all(axis=1)
        top = filled.max(axis=1, initial=0.0)
        sizes[start : start + _BLOCK_ROWS] = np.where(
            whole & (top < 0xFF), 1, np.where(whole & (top < 0xFFFF), 2, 8))
    return sizes


def unpack(blobs: Sequence[bytes], width: int) -> tuple[np.ndarray, np.ndarray | None]:
    """The float64 matrix (rows x width, NaN = no answer) of stored BLOBs, in their order,
    column-major; and when every sheet is stored in one byte a cell, those bytes as they are
    (column-major too): they are the matrix's choice codes (ResponseSet.choice_codes).

    Raises NotAProjectError when a BLOB is no whole number of cells of any known type."""
    import numpy as np

    count = len(blobs)
    # Column-major: the compute reads the answers one item (column) at a time.
    values = np.empty((count, width), dtype=np.float64, order="F")
    if count == 0 or width == 0:
        if any(blobs):
            raise _damaged()
        return values, None
    lengths = np.fromiter(map(len, blobs), dtype=np.int64, count=count)
    placed = 0
    for size, (dtype, sentinel) in CELL_TYPES.items():
        rows = np.flatnonzero(lengths == size * width)
        if rows.size == 0:
            continue
        whole = rows.size == count
        joined = b"".join(blobs) if whole else b"".join(blobs[row] for row in rows.tolist())
        cells = np.frombuffer(joined, dtype=dtype).reshape(rows.size, width)
        if sentinel == NOT_A_CHOICE:  # one byte: the choice codes
            cells = np.asfortranarray(cells)
            part = values_of_codes(cells)
        else:
            part = _floats(cells, sentinel)
        if whole:
            return part, cells if sentinel == NOT_A_CHOICE else None
        values[rows] = part
        placed += rows.size
    if placed != count:
        raise _damaged()
    return values, None


def _floats(cells: np.ndarray, sentinel: int | None) -> np.ndarray:
    """`cells` as a column-major float64 matrix, NaN for the sentinel."""
    import numpy as np

    part = np.asfortranarray(cells, dtype=np.float64)
    if sentinel is not None:
        part[cells == sentinel] = np.nan
    return part


def fits(size: int, width: int) -> bool:
    """Whether a BLOB of `size` bytes can hold the answers to `width` items."""
    return any(size == cell * width for cell in CELL_TYPES) if width else size == 0


def _damaged() -> NotAProjectError:
    return NotAProjectError(
        "Projektfilen er beskadiget: nogle gemte svar passer ikke til deres spørgeskema; kør "
        "kontrollen (check) og åbn en sikkerhedskopi."
    )
