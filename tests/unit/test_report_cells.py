"""put() fills a cell itself (for speed): the result must be what openpyxl's own value setter
makes of the cleaned value, except that text is never a formula."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

import openpyxl
import pytest

from apv_desktop.reports.styles import GRID, MAX_CELL_TEXT, PERCENT_FORMAT, clean_text, put


class Word(StrEnum):
    FORMULA = "=SUM(A1:A2)"
    PLAIN = "plain"


VALUES: list[Any] = [
    "text", "", "  padded  ", "a\x00b\x1fc", "x" * 40_000, "#N/A", "#DIV/0!", "=", "=1+1",
    Word.FORMULA, Word.PLAIN, 0, -7, 2.5, float("nan"), Decimal("1.25"), True, None,
    date(2026, 3, 1), datetime(2026, 3, 1, 8, 30),
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_a_cell_holds_what_openpyxl_makes_of_the_cleaned_value(value: Any) -> None:
    ws = openpyxl.Workbook().active
    assert ws is not None
    cell = put(ws, 2, 3, value, number_format=PERCENT_FORMAT, border=GRID)
    expected = ws.cell(row=9, column=9,
                       value=clean_text(value) if isinstance(value, str) else value)
    if expected.data_type == "f":
        expected.data_type = "s"  # text is never taken for a formula
    assert (cell.row, cell.column) == (2, 3)
    assert ws.cell(row=2, column=3) is cell
    if value == value:  # NaN is not equal to itself
        assert cell.value == expected.value
    assert type(cell.value) is type(expected.value)
    assert cell.data_type == expected.data_type
    assert (cell.number_format, cell.border) == (PERCENT_FORMAT, GRID)


def test_text_is_cleaned_and_cut() -> None:
    ws = openpyxl.Workbook().active
    assert ws is not None
    assert put(ws, 1, 1, "a\x00b").value == "ab"
    assert len(put(ws, 1, 2, "y" * 40_000).value) == MAX_CELL_TEXT


def test_writing_a_cell_again_replaces_its_value() -> None:
    ws = openpyxl.Workbook().active
    assert ws is not None
    first = put(ws, 1, 1, "=x")
    again = put(ws, 1, 1, 3.5)
    assert again is first and (again.value, again.data_type) == (3.5, "n")


def test_a_cell_inside_a_merged_range_is_refused() -> None:
    ws = openpyxl.Workbook().active
    assert ws is not None
    ws.merge_cells("A1:C1")
    with pytest.raises(AssertionError, match="merged"):
        put(ws, 1, 2, "no")
