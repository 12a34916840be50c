"""The breakdown's suppression, updated cell by cell (core.linked_graph), decides exactly what
the algorithm that builds the whole graph afresh for every cell hidden decided.

tests/unit/linked_oracle.py is core.disclosure_linked as it was before the graph was kept up to
date (commit 9176edc): the oracle. Random trees, groups and counts, the tree's pattern from
core.anonymity at every level as core.disclosure gives it; the patterns must be identical, cell
by cell and reason by reason, so the faster code is proven to hide neither less nor more.
"""

from __future__ import annotations

import numpy as np
import pytest

from apv_desktop.core.anonymity import Hidden, Tree, suppress
from apv_desktop.core.disclosure_linked import suppress_linked
from apv_desktop.core.model import Rules
from apv_desktop.core.orgtree import roll_up
from tests.unit import linked_oracle


def random_case(
    rng: np.random.Generator, units: int, groups: int, people: int,
    valid: tuple[float, float] = (0.6, 1.0),
) -> tuple[Tree, dict[int, tuple[Hidden | None, ...]], list[np.ndarray], int]:
    """`valid`: the range of the share of a cell's respondents a dimension's count keeps."""
    parent = [-1] + [int(rng.integers(0, i)) for i in range(1, units)]
    tree = Tree(parent)
    # Uneven groups, some units empty, some people without a group: small cells everywhere.
    weights = rng.dirichlet(np.ones(groups + 1) * 0.7)
    size = rng.integers(0, people + 1, units) * (rng.random(units) < 0.8)
    respondents = np.stack([rng.multinomial(int(s), weights) for s in size])
    counts = [respondents]
    for _ in range(int(rng.integers(0, 3))):  # valid respondents of one or two dimensions
        counts.append(rng.binomial(respondents, rng.uniform(*valid)))
    counts = list({c.tobytes(): c for c in counts}.values())
    threshold = int(rng.integers(Rules.ABSOLUTE_MIN_N, 7))
    rolled = roll_up(parent, np.stack([c.sum(axis=1) for c in counts], axis=1))
    tree_at: dict[int, tuple[Hidden | None, ...]] = {}
    before: list[Hidden | None] | None = None
    for level in range(Rules.ABSOLUTE_MIN_N, threshold + 1):
        before = suppress(tree, rolled, level, before)
        tree_at[level] = tuple(before)
    return tree, tree_at, counts, threshold


def assert_same(seed: int, units: int, groups: int, people: int,
                valid: tuple[float, float] = (0.6, 1.0)) -> None:
    tree, tree_at, counts, threshold = random_case(np.random.default_rng(seed), units, groups,
                                                   people, valid)
    expected = linked_oracle.suppress_linked(tree, tree_at, counts, threshold)
    assert suppress_linked(tree, tree_at, counts, threshold) == expected, seed


@pytest.mark.parametrize("block", range(8))
def test_small_trees_get_the_oracles_pattern(block: int) -> None:
    for seed in range(block * 250, (block + 1) * 250):
        assert_same(seed, units=int(2 + seed % 12), groups=int(1 + seed % 4), people=14)


@pytest.mark.parametrize("seed", range(40))
def test_large_trees_get_the_oracles_pattern(seed: int) -> None:
    assert_same(10_000 + seed, units=60, groups=5, people=60)


@pytest.mark.parametrize("block", range(2))
def test_counts_that_agree_up_to_the_threshold_get_the_oracles_pattern(block: int) -> None:
    """Dimensions nearly everyone answered: their counts mostly agree with everyone's up to
    the threshold, and the graph then keeps one of them (LinkedGraph.live)."""
    for seed in range(20_000 + block * 250, 20_000 + (block + 1) * 250):
        assert_same(seed, units=int(2 + seed % 14), groups=int(1 + seed % 5), people=18,
                    valid=(0.93, 1.0))


def test_the_comparison_can_fail() -> None:
    """A pattern that differs in one cell is told apart (the oracle is not compared with
    itself)."""
    tree, tree_at, counts, threshold = random_case(np.random.default_rng(3), 12, 3, 40)
    pattern = linked_oracle.suppress_linked(tree, tree_at, counts, threshold)
    shown = [(u, g) for u, row in enumerate(pattern) for g, h in enumerate(row) if h is None]
    assert shown
    u, g = shown[0]
    pattern[u][g] = Hidden.COMPLEMENTARY
    assert suppress_linked(tree, tree_at, counts, threshold) != pattern
