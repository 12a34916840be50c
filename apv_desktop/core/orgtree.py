"""The org tree as the compute sees it: units in parents-first order with an index each, the
organisation at index 0 (the single top unit, or a virtual group above several top units)."""

from __future__ import annotations

import numpy as np

from apv_desktop.core.anonymity import Tree
from apv_desktop.core.model import OrgUnit

ORGANISATION = ""  # the code of the virtual organisation group when there are several top units


def roll_up(parent: list[int], values: np.ndarray) -> np.ndarray:
    """Each group's values plus those of all its descendants (parents come before children)."""
    total = values.copy()
    for child in range(len(parent) - 1, 0, -1):
        if parent[child] >= 0:
            total[parent[child]] += total[child]
    return total


class OrgIndex:
    """The org as a suppression tree; index 0 is the organisation."""

    def __init__(self, units: list[OrgUnit]) -> None:
        tops = [u for u in units if u.parent is None]
        self.virtual_root = len(tops) != 1
        ordered = _parents_first(units)
        offset = 1 if self.virtual_root else 0
        self.units = ordered
        self.position = {u.code: i + offset for i, u in enumerate(ordered)}
        parent = [-1] if self.virtual_root else []
        for u in ordered:
            parent.append(self.position[u.parent] if u.parent else (0 if self.virtual_root else -1))
        self.tree = Tree(parent)
        self.depth = [0] * len(parent)
        for i in range(1, len(parent)):
            self.depth[i] = self.depth[parent[i]] + 1

    def code_at(self, index: int) -> str:
        if self.virtual_root:
            return ORGANISATION if index == 0 else self.units[index - 1].code
        return self.units[index].code

    def group_of(self, unit_codes: list[str]) -> np.ndarray:
        try:
            return np.fromiter(map(self.position.__getitem__, unit_codes), np.int64,
                               len(unit_codes))
        except KeyError as missing:
            raise ValueError(f"a response belongs to an unknown unit {missing}") from None


def rolled_headcount(org: OrgIndex) -> list[int | None]:
    """Each group's headcount: its own staff plus everyone below it; None when neither the unit
    nor any unit below it has a headcount."""
    offset = 1 if org.virtual_root else 0
    own: list[int | None] = [None] * offset
    own += [u.headcount for u in org.units]
    total: list[int | None] = list(own)
    for child in range(len(org.tree) - 1, 0, -1):
        p = org.tree.parent[child]
        count = total[child]
        if count is not None:
            total[p] = (total[p] or 0) + count
    return total


def total_headcounts(units: list[OrgUnit]) -> dict[str, int | None]:
    """Each unit's code with its total headcount (rolled_headcount), for a valid tree."""
    org = OrgIndex(units)
    totals = rolled_headcount(org)
    first = 1 if org.virtual_root else 0
    return {org.code_at(i): totals[i] for i in range(first, len(totals))}


def tree_order(units: list[OrgUnit]) -> list[tuple[OrgUnit, int]]:
    """Every unit with its depth, depth-first (each parent directly above its sub-units, in
    the given order among siblings); a unit whose parent is missing counts as a top unit."""
    known = {u.code for u in units}
    by_parent: dict[str | None, list[OrgUnit]] = {}
    for u in units:
        by_parent.setdefault(u.parent if u.parent in known else None, []).append(u)
    ordered: list[tuple[OrgUnit, int]] = []
    stack = [(u, 0) for u in reversed(by_parent.get(None, []))]
    while stack:
        u, depth = stack.pop()
        ordered.append((u, depth))
        stack.extend((child, depth + 1) for child in reversed(by_parent.get(u.code, [])))
    return ordered


def _parents_first(units: list[OrgUnit]) -> list[OrgUnit]:
    by_parent: dict[str | None, list[OrgUnit]] = {}
    for u in units:
        by_parent.setdefault(u.parent, []).append(u)
    ordered: list[OrgUnit] = []
    stack = list(reversed(by_parent.get(None, [])))
    while stack:
        u = stack.pop()
        ordered.append(u)
        stack.extend(reversed(by_parent.get(u.code, [])))
    return ordered
