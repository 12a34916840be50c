"""A table held as codes (interchange/coded_table.py) gives back the texts it was read from,
whether its cells fit a byte (few different texts) or not."""

from __future__ import annotations

import pytest

from apv_desktop.interchange.coded_table import coded_table


@pytest.mark.parametrize("different", [5, 255, 256, 257, 1000])
def test_cells_come_back_as_read_however_many_texts_differ(different: int) -> None:
    rows = [[f"u{n % 7}", f" t{n % different} ", "" if n % 3 else "x"] for n in range(1200)]
    records = [(1, ["unit", "text", "flag"])]
    records += [(number, row) for number, row in enumerate(rows, start=2)]
    table = coded_table(records, "svar.csv")
    assert table.to_table().rows == [[cell.strip() for cell in row] for row in rows]
    assert table.distinct(1) == {f"t{n}" for n in range(min(different, 1200))}
    mapped, reasons = table.mapped(1, lambda text: len(text), -1, int)
    assert mapped.tolist() == [len(f"t{n % different}") for n in range(1200)]
    assert not reasons
    assert table.rows_holding(2, ["x"]) == list(range(0, 1200, 3))
