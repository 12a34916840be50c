"""How a unit answered each item: counts per choice, shown only where the unit may be shown.

Each item is suppressed on its own (its own n, the tree's complementary rule), at the threshold
of its dimension, or of the dimension of the item its `relevant` condition refers to: "from whom"
follow-ups to an offensive-behaviour question inherit that question's stricter threshold.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from apv_desktop.core.anonymity import suppress
from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import Item, ItemType, OrgUnit, Questionnaire, Rules
from apv_desktop.core.orgtree import OrgIndex, roll_up

_REFERENCE = re.compile(r"\$\{([^}]+)\}")


@dataclass(frozen=True)
class ItemDistribution:
    unit: str
    item: str
    n: int  # respondents in the unit (with sub-units) who answered the item
    counts: tuple[int, ...] | None  # per choice position; None when suppressed
    suppressed: bool

    def shares(self) -> tuple[float, ...] | None:
        if self.counts is None or self.n == 0:
            return None
        return tuple(c / self.n for c in self.counts)


def item_threshold(questionnaire: Questionnaire, item: Item, rules: Rules) -> int:
    """The strictest threshold among the item's dimension and those of the items it depends on."""
    threshold = rules.min_n
    related = [item]
    related += [
        other for name in _REFERENCE.findall(item.relevant or "")
        if (other := questionnaire.item(name)) is not None
    ]
    for each in related:
        dimension = questionnaire.dimension(each.dimension) if each.dimension else None
        if dimension is not None and dimension.min_n:
            threshold = max(threshold, dimension.min_n)
    return threshold


def item_distributions(
    questionnaire: Questionnaire,
    units: list[OrgUnit],
    responses: ResponseSet,
    rules: Rules,
) -> dict[tuple[str, str], ItemDistribution]:
    """(unit code, item name) -> distribution, for every unit and every select item."""
    org = OrgIndex(units)
    group = org.group_of(responses.unit_codes)
    column = {name: j for j, name in enumerate(responses.item_names)}
    found: dict[tuple[str, str], ItemDistribution] = {}
    for item in questionnaire.items():
        choices = questionnaire.choices_for(item)
        if item.type not in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE) or choices is None:
            continue
        if item.name not in column:
            continue
        values = responses.values[:, column[item.name]]
        answered = ~np.isnan(values)
        width = len(choices.choices)
        if item.type is ItemType.SELECT_ONE:  # one pass: (unit, choice) pairs counted at once
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
        n = roll_up(org.tree.parent, np.bincount(group[answered], minlength=len(org.tree)))
        hidden = suppress(org.tree, n, item_threshold(questionnaire, item, rules))
        for i in range(len(org.tree)):
            shown = hidden[i] is None
            found[(org.code_at(i), item.name)] = ItemDistribution(
                org.code_at(i), item.name, int(n[i]),
                tuple(int(c) for c in counts[i]) if shown else None, not shown,
            )
    return found


def mean_of_scores(distribution: ItemDistribution, scores: list[float | None]) -> float | None:
    """The item's mean score from a shown distribution (unscored choices left out)."""
    if distribution.counts is None:
        return None
    pairs = [(c, s) for c, s in zip(distribution.counts, scores, strict=True) if s is not None]
    total = sum(c for c, _ in pairs)
    return sum(c * s for c, s in pairs) / total if total else math.nan
