"""How a unit answered each item: counts per choice, shown only where the release's disclosure
(core.disclosure) shows the item's family: a scored item exactly where its dimension's score is
shown, a follow-up exactly where the question it follows is shown. A hidden distribution carries
no count of its own.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from apv_desktop.core.answers import NOT_A_CHOICE, ResponseSet
from apv_desktop.core.disclosure import Disclosure, item_threshold
from apv_desktop.core.model import ItemType, OrgUnit, Questionnaire
from apv_desktop.core.orgtree import OrgIndex, roll_up

__all__ = ["ItemDistribution", "item_distributions", "item_threshold"]


class ItemDistribution(NamedTuple):
    """A named tuple, not a dataclass: a report makes one per unit and item (15,000 for 150
    units), and a tuple is made three times as fast."""

    unit: str
    item: str
    n: int | None  # respondents in the unit (with sub-units) who answered; None when hidden
    counts: tuple[int, ...] | None  # per choice position; None when suppressed
    suppressed: bool

    def shares(self) -> tuple[float, ...] | None:
        if self.counts is None or not self.n:
            return None
        return tuple(c / self.n for c in self.counts)


def item_distributions(
    questionnaire: Questionnaire,
    units: list[OrgUnit],
    responses: ResponseSet,
    disclosure: Disclosure,
) -> dict[tuple[str, str], ItemDistribution]:
    """(unit code, item name) -> distribution, for every unit and every select item."""
    org = OrgIndex(units)
    group = org.group_of(responses.unit_codes)
    column = {name: j for j, name in enumerate(responses.item_names)}
    found: dict[tuple[str, str], ItemDistribution] = {}
    unit_codes = [org.code_at(i) for i in range(len(org.tree))]
    for item in questionnaire.items():
        choices = questionnaire.choices_for(item)
        if item.type not in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE) or choices is None:
            continue
        if item.name not in column:
            continue
        values = responses.values[:, column[item.name]]
        answered = ~np.isnan(values)
        width = len(choices.choices)
        if item.type is ItemType.SELECT_ONE and width < NOT_A_CHOICE:
            # One pass: (unit, choice) pairs counted at once, the choice read from its code
            # where the answer is exactly that position (as `values == k` would), else in an
            # extra last column that is dropped.
            choice = responses.choice_codes()[:, column[item.name]]
            position = np.where(values == choice, np.minimum(choice, width), width)
            cell = group * (width + 1) + position
            counts = np.bincount(cell, minlength=len(org.tree) * (width + 1)).reshape(
                -1, width + 1)[:, :width]
        elif item.type is ItemType.SELECT_ONE:
            known = answered & np.isin(values, np.arange(width))  # as `values == k` would
            cell = group[known] * width + values[known].astype(np.int64)
            counts = np.bincount(cell, minlength=len(org.tree) * width).reshape(-1, width)
        else:
            counts = np.zeros((len(org.tree), width), dtype=np.int64)
            masks = np.nan_to_num(values).astype(np.int64)
            for k in range(width):
                picked = answered & ((masks >> k) & 1 == 1)
                counts[:, k] = np.bincount(group[picked], minlength=len(org.tree))
        counts = roll_up(org.tree.parent, counts)
        n = roll_up(org.tree.parent, np.bincount(group, weights=answered,
                                                 minlength=len(org.tree)).astype(np.int64))
        rows, answered_in = counts.tolist(), n.tolist()  # Python ints, converted at once
        for i, code in enumerate(unit_codes):
            shown = disclosure.item_hidden(code, item.name) is None
            found[(code, item.name)] = ItemDistribution(
                code, item.name, answered_in[i] if shown else None,
                tuple(rows[i]) if shown else None, not shown,
            )
    return found


