"""Free-text answers of a unit, only where the unit meets the comment threshold.

Results.units[].comments_shown already applies the threshold with complementary suppression, so
a parent's comments minus its shown sub-units' comments never single out a small group. The
order is shuffled (stably per unit and round) so it reveals nothing about who answered when.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import ItemType, OrgUnit, Questionnaire
from apv_desktop.core.orgtree import OrgIndex
from apv_desktop.core.results import Results


@dataclass(frozen=True)
class Comment:
    item: str
    text: str


def unit_comments(
    questionnaire: Questionnaire,
    units: list[OrgUnit],
    responses: ResponseSet,
    results: Results,
    unit_code: str,
) -> list[Comment]:
    """The comments of `unit_code` and its sub-units, or [] when they may not be shown."""
    unit = results.organisation if unit_code == results.organisation.code else None
    unit = unit or next((u for u in results.units if u.code == unit_code), None)
    if unit is None or not unit.comments_shown:
        return []
    texts = [
        (item.name, entries)
        for item in questionnaire.items()
        if item.type is ItemType.TEXT and (entries := responses.texts.get(item.name))
    ]
    if not texts:  # the report asks per unit sheet: no pass over the respondents then
        return []
    org = OrgIndex(units)
    inside = _subtree(org, unit_code)
    codes, position = responses.unit_codes, org.position
    comments = [
        Comment(name, text.strip())
        for name, entries in texts
        for row, text in entries
        if inside[position[codes[row]]] and text.strip()
    ]
    random.Random(f"{results.round}/{unit_code}").shuffle(comments)
    return comments


def _subtree(org: OrgIndex, unit_code: str) -> np.ndarray:
    """Per node of the org tree: whether it is the unit or one of its sub-units (only the
    commented sheets are then looked up, not every respondent)."""
    target = 0 if unit_code == org.code_at(0) else org.position[unit_code]
    inside = np.zeros(len(org.tree), dtype=bool)
    inside[target] = True
    for child in range(1, len(org.tree)):
        inside[child] |= inside[org.tree.parent[child]]
    return inside
