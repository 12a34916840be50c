"""The action plan's wrapping columns share the room the others leave (column_share.py)."""

from __future__ import annotations

from apv_desktop.ui.actionplan.column_share import shared_widths


def test_the_widest_give_way_first_and_the_table_fills_its_room_exactly() -> None:
    wanted = {3: 500, 4: 100, 7: 400, 8: 50}
    assert shared_widths(wanted, 2000, 110) == wanted
    assert shared_widths(wanted, 700, 40) == {3: 275, 4: 100, 7: 275, 8: 50}
    assert sum(shared_widths(wanted, 700, 40).values()) == 700


def test_no_column_goes_below_the_narrowest() -> None:
    assert shared_widths({3: 500, 7: 400}, 100, 110) == {3: 110, 7: 110}
