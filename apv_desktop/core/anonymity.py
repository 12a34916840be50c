"""Which groups may be shown: the threshold and complementary suppression.

The org tree is a laminar family of groups: every shown group reveals its sum and n, so anyone
can subtract the shown groups below it. What a reader can compute is exactly the "cell" of each
shown group: its respondents minus those of its nearest shown descendants. A group is safe to
show only if its cell is empty or has at least `min_n` respondents. Respondents attached directly
to a unit that also has sub-units are such a cell even when no group of them is shown on its own.

Suppression works bottom-up: when a shown group's cell is small but not empty, its smallest
shown sub-groups are hidden too, one at a time, until the cell is safe ("hide a second
sibling"). The group itself stays shown, so departments and the organisation, which management
reads, are never hidden merely to protect a small team inside them.

Several statistics about the same groups (a dimension's score and its items' answer counts) get
one pattern: `n` then has a column per statistic, and a group and every cell must be safe in
each column. A statistic nobody in a group answered (0) reveals nothing and hides nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np


class Hidden(StrEnum):
    TOO_FEW = "too_few"  # fewer respondents than the threshold
    COMPLEMENTARY = "complementary"  # hidden so that a smaller group cannot be computed
    WITHHELD = "withheld"  # the round is open, or got too few sheets since it was reopened


@dataclass(frozen=True)
class Tree:
    """Groups indexed 0..k-1, parents before children; parent -1 for a top group. Exactly one
    group (the root, index 0) has no parent: callers add a virtual organisation group when the
    org has several top units."""

    parent: list[int]

    def __post_init__(self) -> None:
        if not self.parent or self.parent[0] != -1 or any(p < 0 for p in self.parent[1:]):
            raise ValueError("a Tree needs exactly one root, at index 0")
        if any(p >= i for i, p in enumerate(self.parent) if i):
            raise ValueError("parents must come before their children")

    def __len__(self) -> int:
        return len(self.parent)


def suppress(
    tree: Tree, n: np.ndarray, min_n: int, already: list[Hidden | None] | None = None
) -> list[Hidden | None]:
    """For each group (with `n` respondents, sub-groups included; a column per statistic when
    two-dimensional): why it is hidden, or None. Groups hidden in `already` stay hidden (with
    their reason), so the result hides at least what `already` hides."""
    size = len(tree)
    counts = np.asarray(n, dtype=np.int64).reshape(size, -1)

    def unsafe(values: np.ndarray) -> bool:
        return bool(np.any((values > 0) & (values < min_n)))

    # A group below the threshold, or with a statistic some but fewer than min_n answered
    # (all groups at once: this runs for every family at every level).
    too_few = (counts.max(axis=1, initial=0) < min_n) | (
        ((counts > 0) & (counts < min_n)).any(axis=1))
    hidden: list[Hidden | None] = [Hidden.TOO_FEW if few else None for few in too_few.tolist()]
    if already is not None:
        hidden = [before or now for before, now in zip(already, hidden, strict=True)]
    if hidden[0] is not None:
        return [h or Hidden.COMPLEMENTARY for h in hidden]  # nothing is shown, org included

    children: list[list[int]] = [[] for _ in range(size)]
    for child in range(1, size):
        children[tree.parent[child]].append(child)

    def shown_below(group: int) -> list[int]:
        """The nearest shown descendants of `group`."""
        found: list[int] = []
        stack = list(children[group])
        while stack:
            g = stack.pop()
            if hidden[g] is None:
                found.append(g)
            else:
                stack.extend(children[g])
        return found

    def cell(group: int, below: list[int]) -> np.ndarray:
        return counts[group] - counts[below].sum(axis=0)

    for group in range(size - 1, -1, -1):  # children before parents
        if hidden[group] is not None:
            continue
        below = shown_below(group)
        while below and unsafe(cell(group, below)):
            smallest = min(below, key=lambda g: (int(counts[g].max()), g))
            hidden[smallest] = Hidden.COMPLEMENTARY
            below = shown_below(group)
    return hidden
