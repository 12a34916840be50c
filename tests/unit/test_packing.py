"""Answer sheets packed in the smallest cell type and read back unchanged (store/packing.py)."""

from __future__ import annotations

import numpy as np
import pytest

from apv_desktop.store.packing import pack, unpack

NAN = float("nan")


@pytest.mark.parametrize(
    ("row", "cell_size"),
    [
        ([0, 1, 254, NAN], 1),
        ([NAN, NAN, NAN, NAN], 1),
        ([0, 255, 1, NAN], 2),  # 255 is the one-byte "no answer"
        ([256, 65534, 0, NAN], 2),
        ([65535, 0, 0, 0], 8),  # 65535 is the two-byte "no answer"
        ([-1, 0, 0, 0], 8),
        ([0.5, 0, 0, 0], 8),
        ([1e300, -0.0, 0, NAN], 8),
    ],
)
def test_each_row_takes_the_smallest_cell_that_holds_it(row: list[float], cell_size: int) -> None:
    values = np.array([row, [1, 2, 3, NAN], row], dtype=np.float64)
    blobs = pack(values)
    assert [len(blob) for blob in blobs] == [4 * cell_size, 4, 4 * cell_size]
    back, _ = unpack(blobs, 4)
    np.testing.assert_array_equal(back, values)


def test_many_mixed_rows_read_back_unchanged() -> None:
    rng = np.random.default_rng(7)
    values = rng.integers(0, 6, size=(20_000, 9)).astype(np.float64)
    values[rng.random(values.shape) < 0.2] = NAN
    odd = rng.choice(len(values), size=50, replace=False)
    values[odd, 3] = rng.choice([255.0, 300.0, 70_000.0, -2.0, 2.5], size=50)
    blobs = pack(np.asfortranarray(values))
    back, codes = unpack(blobs, 9)
    np.testing.assert_array_equal(back, values)
    assert codes is None  # not every sheet is one byte a cell
    assert {len(blob) for blob in blobs} == {9, 18, 72}
