"""Units in tree order with their depth (what the kiosk's unit list shows)."""

from __future__ import annotations

from apv_desktop.core.model import OrgUnit
from apv_desktop.core.orgtree import tree_order


def test_each_parent_stands_directly_above_its_sub_units_with_their_depth():
    units = [OrgUnit("A1", "Team A1", "A"), OrgUnit("DIR", "Direktion"),
             OrgUnit("B", "Afdeling B", "DIR"), OrgUnit("A", "Afdeling A", "DIR"),
             OrgUnit("A2", "Team A2", "A")]
    assert [(u.code, depth) for u, depth in tree_order(units)] == [
        ("DIR", 0), ("B", 1), ("A", 1), ("A1", 2), ("A2", 2)]


def test_a_unit_whose_parent_is_missing_is_shown_at_the_top():
    units = [OrgUnit("X", "Rest", "GONE"), OrgUnit("T", "Top")]
    assert [(u.code, depth) for u, depth in tree_order(units)] == [("X", 0), ("T", 0)]
