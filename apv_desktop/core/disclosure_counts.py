"""The counts core.disclosure suppresses on: how many respondents of each group of the org tree
(sub-groups included) a statistic counts, for one release.

A release of a round published before also counts its new sheets alone (`new`): each statistic
then has two columns, every sheet's count and the new sheets' count, side by side. Many
statistics are counted together (one pass over the tree for all of them), since a release
counts hundreds of them over every respondent.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from apv_desktop.core.answers import NOT_A_CHOICE, ResponseSet
from apv_desktop.core.model import Questionnaire
from apv_desktop.core.orgtree import OrgIndex, roll_up


class RolledCounts:
    """Counts per group of one release's respondents (`new`: the sheets no earlier release
    counted, None for a first release)."""

    def __init__(self, org: OrgIndex, responses: ResponseSet, new: np.ndarray | None) -> None:
        self.parent = org.tree.parent
        self.group = org.group_of(responses.unit_codes)
        self.size = len(org.tree)
        self.new = new

    def of(self, masks: list[np.ndarray]) -> np.ndarray:
        """Per group (rows), a column per mask: the respondents where it holds; with `new`,
        each followed by the new sheets' column."""
        if not masks:
            return np.zeros((self.size, 0), dtype=np.int64)
        found = self._rolled([_counted(self.group, mask, self.size) for mask in masks])
        if self.new is None:
            return found
        new = self.new
        return _side_by_side(found, self._rolled([_counted(self.group, mask & new, self.size)
                                                  for mask in masks]))

    def by_class(self, classes: np.ndarray, count: int) -> np.ndarray:
        """As `of` the masks `classes == c` for c = 1..count, counted in one pass."""
        cell = self.group * (count + 1) + classes
        length = self.size * (count + 1)
        found = roll_up(self.parent, np.bincount(cell, minlength=length).reshape(
            self.size, count + 1)[:, 1:])
        if self.new is None:
            return found
        new = np.bincount(cell, weights=self.new, minlength=length).astype(np.int64)
        return _side_by_side(found, roll_up(self.parent, new.reshape(self.size, count + 1)[:, 1:]))

    def _rolled(self, columns: list[np.ndarray]) -> np.ndarray:
        return roll_up(self.parent, np.column_stack(columns))


def _side_by_side(counts: np.ndarray, new_counts: np.ndarray) -> np.ndarray:
    """Each statistic's count of every sheet, then of the new sheets alone as a statistic of
    its own: a cell both releases show publishes the new sheets' figures by difference."""
    both = np.empty((counts.shape[0], 2 * counts.shape[1]), dtype=np.int64)
    both[:, 0::2] = counts
    both[:, 1::2] = new_counts
    return both


def _counted(group: np.ndarray, mask: np.ndarray, size: int) -> np.ndarray:
    """Respondents per group where `mask` holds (as 0/1 weights: faster than picking the group
    of each respondent in `mask`)."""
    return np.bincount(group, weights=mask, minlength=size).astype(np.int64)


def items_scored(
    questionnaire: Questionnaire,
    code: str,
    responses: ResponseSet,
    column: dict[str, int],
    lookups: dict[str, np.ndarray],
    scored: Callable[[str], np.ndarray],
) -> tuple[np.ndarray, int]:
    """Per respondent: how many of the dimension's k scored items they gave a scored answer;
    and k. A group's score weighs each respondent's answers by 1/that number (0 below the half
    rule), its items' sums by 1, so the two together separate these classes: each counts as a
    statistic of its own (a cell with one person who skipped an item, or one who answered them
    all among people who did not, would give that person's answers away)."""
    names = [i.name for i in questionnaire.items()
             if i.dimension == code and i.name in lookups and i.name in column]
    how_many = np.zeros(responses.size, dtype=np.int64)
    for name in names:
        how_many += scored(name)
    return how_many, len(names)


def scored_answers(responses: ResponseSet, column: int, lookup: np.ndarray) -> np.ndarray:
    """Per respondent: whether the stored answer in `column` is a scored choice (not "ved
    ikke", not none): through a table over the choice codes when every position fits one."""
    if len(lookup) < NOT_A_CHOICE:
        table = np.zeros(NOT_A_CHOICE + 1, dtype=bool)
        table[: len(lookup)] = ~np.isnan(lookup)
        return table[responses.choice_codes()[:, column]]
    values = responses.values[:, column]
    out = np.zeros(values.shape, dtype=bool)
    valid = ~np.isnan(values)
    index = values[valid].astype(np.int64)
    in_range = (index >= 0) & (index < len(lookup))
    scored = np.zeros(index.shape, dtype=bool)
    scored[in_range] = ~np.isnan(lookup[index[in_range]])
    out[np.flatnonzero(valid)] = scored
    return out
