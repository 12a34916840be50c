"""What a crossed table may show beside the org tree: results by background group.

A breakdown publishes, for a unit U and a background group g, the figures of the respondents of
U (with its sub-units) who answered g. Beside the tree these figures are no longer one laminar
family: a unit's total minus its job groups minus its sub-units can leave a handful of people.
This module decides which breakdown cells are shown so that no set of fewer than the threshold's
respondents is in the linear span of everything the release publishes, tree and breakdown
together. It never changes the tree's pattern (core.disclosure): a breakdown only adds figures.

Why a graph. Every published figure is a sum over atoms (a unit's own respondents × one group,
"no answer" included). Write the tree's shown groups as their *cells* (a shown unit minus its
nearest shown sub-units) and the breakdown's shown (U, g) as theirs (U's respondents in g minus
those of its nearest shown sub-units in g; everything in no shown breakdown cell forms one more
cell, Z). Each atom lies in exactly one tree cell and one breakdown cell: an edge between them.
The span of the published figures is then exactly the set of vectors x with x(edge) =
a(tree cell) - b(breakdown cell) for some numbers a, b. A secret is a 0/1 vector in that span;
its level sets split it into disjoint secrets whose a and b are 0/1 too, i.e. into *cuts*: a set
W of cells such that no edge runs from a tree cell outside W to a breakdown cell inside W, whose
secret is the edges from tree cells in W to breakdown cells outside W. So: the release is safe
exactly when every cut weighs 0 or at least the threshold, in every count the figures carry.
That is a minimum-cut question, answered with a bounded max-flow on a small graph (edges that
weigh the threshold or more can never be part of a small secret, so they are contracted first;
core.closed_cut). The graph is kept up to date as cells are hidden (core.linked_graph).

Counts checked, against the tree's score pattern: the respondents (a shown n tells how many of
a cell's people have a valid score, so every set of people is a secret, whatever they answered)
and each dimension's valid respondents (score, n and interval are sums over them). The tree's
answer counts need no check of their own here: a breakdown publishes no answer counts, so the
weighted (score) and unweighted (item) sums about the same people, which together would separate
people by how many items they scored, never meet in a breakdown cell.
Cells are suppressed at every threshold from the absolute minimum up, each hiding what the lower
one hid, so releases at two settings together still keep the lower promise.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from apv_desktop.core.anonymity import Hidden, Tree
from apv_desktop.core.linked_graph import LinkedGraph, nearest_shown
from apv_desktop.core.model import Rules
from apv_desktop.core.orgtree import roll_up


def suppress_linked(
    tree: Tree,
    tree_at: dict[int, tuple[Hidden | None, ...]],
    counts: Sequence[np.ndarray],
    threshold: int,
) -> list[list[Hidden | None]]:
    """Per unit and group: why the breakdown cell is hidden, or None.

    `tree_at` is the tree's score pattern per threshold (core.disclosure); `counts` are int
    arrays (units, groups + 1), each unit's own respondents per group, the last column those
    without an answer. The first count is the respondents: a cell may be shown where the tree
    shows its unit, and is the smallest by it when one must be hidden to protect another.

    The pattern depends on no rule but the threshold: a caller that publishes fewer cells (only
    units with enough answers) only takes figures away, which cannot give a secret, and
    releases under two such settings together show no more than the wider one."""
    size, groups = counts[0].shape[0], counts[0].shape[1] - 1
    own = np.stack([np.asarray(c, dtype=np.int64) for c in counts], axis=2)
    rolled = roll_up(tree.parent, own[:, :groups, :])  # (units, groups, counts)
    hidden: list[list[Hidden | None]] | None = None
    graph: LinkedGraph | None = None
    last_pattern: tuple[Hidden | None, ...] | None = None
    tree_cell = np.zeros(0, dtype=np.int64)
    for level in range(min(Rules.ABSOLUTE_MIN_N, threshold), threshold + 1):
        pattern = tree_at[min(level, max(tree_at))]
        if pattern[0] is not None:  # the tree shows nothing at all, so neither may this
            reason = Hidden.WITHHELD if pattern[0] is Hidden.WITHHELD else Hidden.TOO_FEW
            hidden = [[reason] * groups for _ in range(size)]
            graph = None
            continue
        tree_hidden = np.array([h is not None for h in pattern])
        small = (rolled[:, :, 0] < level) | np.any((rolled > 0) & (rolled < level), axis=2)
        small |= tree_hidden[:, None]
        fresh: list[tuple[int, int]] = []  # the cells small at this level alone, row by row
        if hidden is None:
            hidden = [[Hidden.TOO_FEW if s else None for s in row] for row in small.tolist()]
        else:
            fresh = [(u, g) for u, g in zip(*(x.tolist() for x in np.nonzero(small)), strict=True)
                     if hidden[u][g] is None]
            for u, g in fresh:
                hidden[u][g] = Hidden.TOO_FEW
        if pattern != last_pattern:  # the same pattern has the same tree cells
            tree_cell = nearest_shown(tree, ~tree_hidden[:, None])[:, 0]
            last_pattern = pattern
        if graph is not None and (graph.tree_cell is tree_cell
                                  or np.array_equal(graph.tree_cell, tree_cell)):
            graph.next_level(fresh, level)  # the same tree cells: only more cells hidden
        else:
            graph = LinkedGraph(tree, tree_cell, own, rolled[:, :, 0], hidden, level)
        _complete(graph, hidden)
    assert hidden is not None
    return hidden


def _complete(graph: LinkedGraph, hidden: list[list[Hidden | None]]) -> None:
    """Hide further cells (in place) until no cut in any count weighs 1..the graph's level-1."""
    while True:
        # The cuts around one tree cell at a time first, for every cell at once (cheap, and
        # most secrets are of that kind); the whole graph's minimum cut once none is left.
        culprits = graph.local_culprits() or graph.global_culprits()
        if not culprits:
            return
        for u, g in culprits:
            hidden[u][g] = Hidden.COMPLEMENTARY
            graph.hide(u, g)
