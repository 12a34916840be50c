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
    mapped, reasons = table.mapped(1, lambda text: len(text), -1)
    assert mapped == [len(f"t{n % different}") for n in range(1200)]
    assert not reasons
    assert table.rows_holding(2, ["x"]) == list(range(0, 1200, 3))


@pytest.mark.parametrize("different", [5, 300])
def test_a_column_of_small_codes_comes_as_bytes_however_many_texts_differ(different: int
                                                                          ) -> None:
    # A comment column with many different texts makes four-byte codes; the answer columns
    # beside it still come one byte a cell (the response reader translates those).
    rows = [["1" if n % 2 else "2", f"kommentar {n % different}"] for n in range(400)]
    table = coded_table([(1, ["q", "c"]), *enumerate(rows, start=2)], "svar.csv")
    answers = table.byte_column(0)
    assert answers is not None
    assert [table.texts[code] for code in answers] == [row[0] for row in rows]
    assert (table.byte_column(1) is None) == (different > 250)


@pytest.mark.parametrize("late", [251, 252, 253, 507, 508, 65532])
def test_a_column_holding_one_late_text_is_not_taken_for_bytes(late: int) -> None:
    # The answer column's last text is first seen after `late` comments: its code is
    # late + 4 (256 and 512 have a zero low byte, 65536 two zero bytes), so from 256 on the
    # column is no longer one byte a cell.
    rows = [["1", f"kommentar {n}"] for n in range(late)] + [["9", ""]]
    table = coded_table([(1, ["q", "c"]), *enumerate(rows, start=2)], "svar.csv")
    code = table.texts.index("9")
    answers = table.byte_column(0)
    assert (answers is None) == (code > 0xFF)
    if answers is not None:
        assert [table.texts[c] for c in answers] == [row[0] for row in rows]
    assert table.distinct(0) == {"1", "9"}


def test_short_rows_are_padded_and_blank_rows_and_empty_unnamed_columns_go() -> None:
    records = [(1, ["", "", ""]), (2, ["unit", "q", ""]), (3, ["A", "1"]), (4, [" ", ""]),
               (5, ["B", "2", " "]), (6, ["C"])]
    table = coded_table(records, "svar.xlsx")
    assert table.headers == ["unit", "q"]
    assert table.row_numbers == [3, 5, 6]
    assert table.to_table().rows == [["A", "1"], ["B", "2"], ["C", ""]]
    assert table.rows_holding(1, ["2"]) == [1]
