"""Which groups may be shown: the threshold and complementary suppression.

The org tree is a laminar family of groups: every shown group reveals its sum and n, so anyone
can subtract the shown groups below it. What a reader can compute is exactly the "cell" of each
shown group: its respondents minus those of its nearest shown descendants. A group is safe to
show only if its cell is empty or has at least `min_n` respondents. Respondents attached directly
to a unit that also has sub-units are such a cell even when no group of them is shown on its own.

Suppression works bottom-up: a shown group with a small non-empty cell is hidden itself (its
respondents then fall into the cell of its nearest shown ancestor, which is checked next); the
organisation is never hidden for this reason, so at the top the smallest shown descendants are
hidden instead until the organisation's cell is safe.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np


class Hidden(StrEnum):
    TOO_FEW = "too_few"  # fewer respondents than the threshold
    COMPLEMENTARY = "complementary"  # hidden so that a smaller group cannot be computed


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


def suppress(tree: Tree, n: np.ndarray, min_n: int) -> list[Hidden | None]:
    """For each group (with `n` respondents, sub-groups included): why it is hidden, or None."""
    size = len(tree)
    hidden: list[Hidden | None] = [None if n[i] >= min_n else Hidden.TOO_FEW for i in range(size)]
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

    def cell(group: int, below: list[int]) -> int:
        return int(n[group] - sum(int(n[g]) for g in below))

    for group in range(size - 1, 0, -1):  # children before parents
        if hidden[group] is None and 0 < cell(group, shown_below(group)) < min_n:
            hidden[group] = Hidden.COMPLEMENTARY

    below = shown_below(0)
    while 0 < cell(0, below) < min_n and below:
        smallest = min(below, key=lambda g: (int(n[g]), g))
        hidden[smallest] = Hidden.COMPLEMENTARY
        below = shown_below(0)
    return hidden

