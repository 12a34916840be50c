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
weigh the threshold or more can never be part of a small secret, so they are contracted first).

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

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from apv_desktop.core.anonymity import Hidden, Tree
from apv_desktop.core.model import Rules
from apv_desktop.core.orgtree import roll_up

_INFINITE = 1 << 40


@dataclass(frozen=True)
class LinkedCount:
    """One count the breakdown's figures carry, with the tree pattern it is published under."""

    own: np.ndarray  # int (units, groups + 1): each unit's own respondents per group; last = none
    tree_at: dict[int, tuple[Hidden | None, ...]]  # the tree's pattern per threshold

    def tree_pattern(self, level: int) -> tuple[Hidden | None, ...]:
        return self.tree_at[min(level, max(self.tree_at))]


def suppress_linked(
    tree: Tree, counts: Sequence[LinkedCount], groups: int, threshold: int
) -> list[list[Hidden | None]]:
    """Per unit and group: why the breakdown cell is hidden, or None. The first count is the
    respondents: a cell may be shown where the tree shows the unit in it, and is the smallest
    by it when one must be hidden to protect another.

    The pattern does not depend on any rule but the threshold: a caller that publishes fewer
    cells (only units with enough answers) only takes figures away, which cannot give a secret,
    and releases under two such settings together show no more than the wider one."""
    hidden: list[list[Hidden | None]] | None = None
    for level in range(min(Rules.ABSOLUTE_MIN_N, threshold), threshold + 1):
        shown = [h is None for h in counts[0].tree_pattern(level)]
        candidates = np.repeat(np.array(shown, dtype=bool)[:, None], groups, axis=1)
        hidden = _at_level(tree, counts, candidates, level, hidden)
    assert hidden is not None
    return hidden


def _at_level(
    tree: Tree,
    counts: Sequence[LinkedCount],
    candidates: np.ndarray,
    level: int,
    already: list[list[Hidden | None]] | None,
) -> list[list[Hidden | None]]:
    size, groups = candidates.shape
    rolled = [roll_up(tree.parent, c.own[:, :groups].astype(np.int64)) for c in counts]
    hidden: list[list[Hidden | None]] = [[None] * groups for _ in range(size)]
    for u in range(size):
        for g in range(groups):
            before = already[u][g] if already is not None else None
            small = any(0 < r[u, g] < level for r in rolled) or rolled[0][u, g] < level
            if before is not None:
                hidden[u][g] = before
            elif not candidates[u, g] or small:
                hidden[u][g] = Hidden.TOO_FEW
    while True:
        culprit = None
        for count in counts:
            culprit = _unsafe_cell(tree, count, hidden, level, rolled[0])
            if culprit is not None:
                break
        if culprit is None:
            return hidden
        hidden[culprit[0]][culprit[1]] = Hidden.COMPLEMENTARY


def _nearest_shown(tree: Tree, shown: Sequence[bool]) -> list[int]:
    """Per unit: its nearest shown ancestor-or-self, -1 when none."""
    nearest = [-1] * len(tree)
    for u in range(len(tree)):
        if shown[u]:
            nearest[u] = u
        elif tree.parent[u] >= 0:
            nearest[u] = nearest[tree.parent[u]]
    return nearest


def _unsafe_cell(
    tree: Tree,
    count: LinkedCount,
    hidden: list[list[Hidden | None]],
    level: int,
    size_of: np.ndarray,
) -> tuple[int, int] | None:
    """A shown breakdown cell to hide because some cut in `count` weighs 1..level-1, or None."""
    size, groups = len(hidden), len(hidden[0]) if hidden else 0
    tree_hidden = count.tree_pattern(level)
    group_cell = [_nearest_shown(tree, [hidden[u][g] is None for u in range(size)])
                  for g in range(groups)]
    if tree_hidden[0] is not None:
        return _unsafe_alone(count, group_cell, level, size_of)
    tree_cell = _nearest_shown(tree, [h is None for h in tree_hidden])
    # Nodes: tree cells 0..size-1 (by unit), breakdown cells size + u*groups + g, Z last.
    zero = size + size * groups
    weight: dict[tuple[int, int], int] = {}
    for u in range(size):
        t = tree_cell[u]
        for g in range(groups + 1):
            n = int(count.own[u, g])
            if not n:
                continue
            owner = group_cell[g][u] if g < groups else -1
            h = zero if owner < 0 else size + owner * groups + g
            weight[(t, h)] = weight.get((t, h), 0) + n
    cut = _small_cut(weight, level, zero + 1)
    if cut is None:
        return None
    inside, crossing = cut
    touched = {h for (_, h) in crossing} | {h for h in inside if size <= h < zero}
    cells = [divmod(h - size, groups) for h in touched if size <= h < zero]
    if not cells:  # cannot happen while the tree itself is safe; hide everything to be sure
        cells = [(u, g) for u in range(size) for g in range(groups) if hidden[u][g] is None]
    return min(cells, key=lambda c: (int(size_of[c[0], c[1]]), c))


def _unsafe_alone(
    count: LinkedCount, group_cell: list[list[int]], level: int, size_of: np.ndarray
) -> tuple[int, int] | None:
    """Where the tree publishes nothing of this count, the breakdown's cells are all there is:
    disjoint per group, so each must be empty or reach the threshold."""
    weight: dict[tuple[int, int], int] = {}
    for g, owners in enumerate(group_cell):
        for u, owner in enumerate(owners):
            if owner >= 0:
                weight[(owner, g)] = weight.get((owner, g), 0) + int(count.own[u, g])
    small = [cell for cell, n in weight.items() if 0 < n < level]
    return min(small, key=lambda c: (int(size_of[c[0], c[1]]), c)) if small else None


def _small_cut(
    weight: dict[tuple[int, int], int], level: int, nodes: int
) -> tuple[set[int], list[tuple[int, int]]] | None:
    """A cut weighing 1..level-1 (the cells inside it, and the edges it gives away), or None.
    Edges run from tree cells to breakdown cells; a cut may not hold a breakdown cell without
    every tree cell it touches."""
    parent = list(range(nodes))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for (t, h), n in weight.items():
        if n >= level:  # never part of a small secret: both ends stay on one side
            parent[find(t)] = find(h)
    light = [(t, h, n) for (t, h), n in weight.items() if n < level and find(t) != find(h)]
    _merge_cycles(light, find, parent)
    arcs: dict[tuple[int, int], int] = {}
    for t, h, n in light:
        a, b = find(t), find(h)
        if a != b:
            arcs[(a, b)] = arcs.get((a, b), 0) + n
    if not arcs:
        return None
    found = _min_closed_cut(arcs, level)
    if found is None:
        return None
    members = {x for x in range(nodes) if find(x) in found}
    crossing = [(t, h) for (t, h) in weight if t in members and h not in members]
    return members, crossing


def _merge_cycles(
    light: list[tuple[int, int, int]], find: Callable[[int], int], parent: list[int]
) -> None:
    """Contract every strongly connected set of light edges: a cycle of them cannot be cut
    without putting a breakdown cell on the inside and one of its tree cells outside."""
    while True:
        successors: dict[int, set[int]] = {}
        for t, h, _ in light:
            a, b = find(t), find(h)
            if a != b:
                successors.setdefault(a, set()).add(b)
        components = _strongly_connected(successors)
        merged = False
        for component in components:
            if len(component) > 1:
                root = find(component[0])
                for other in component[1:]:
                    parent[find(other)] = root
                merged = True
        if not merged:
            return


def _strongly_connected(successors: dict[int, set[int]]) -> list[list[int]]:
    """Tarjan's algorithm, iterative."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    found: list[list[int]] = []
    nodes = set(successors) | {b for bs in successors.values() for b in bs}
    for start in sorted(nodes):
        if start in index:
            continue
        work = [(start, iter(sorted(successors.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(successors.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                found.append(component)
    return found


def _min_closed_cut(arcs: dict[tuple[int, int], int], level: int) -> set[int] | None:
    """In the DAG of light arcs (a -> b weighing n; a set holding b must hold a): a set whose
    leaving arcs weigh 1..level-1, or None. Such a set holds a source and leaves out a sink, so
    a bounded max-flow from every source to every sink finds it."""
    nodes = {a for a, _ in arcs} | {b for _, b in arcs}
    has_in = {b for _, b in arcs}
    has_out = {a for a, _ in arcs}
    capacity: dict[int, dict[int, int]] = {x: {} for x in nodes}
    for (a, b), n in arcs.items():
        capacity[a][b] = capacity[a].get(b, 0) + n
        capacity[b][a] = _INFINITE  # a set may not hold b without a
    for source in sorted(nodes - has_in):
        for sink in sorted(nodes - has_out):
            side = _bounded_cut(capacity, source, sink, level)
            if side is not None:
                return side
    return None


def _bounded_cut(
    capacity: dict[int, dict[int, int]], source: int, sink: int, level: int
) -> set[int] | None:
    """The source side of a minimum source-sink cut when it weighs 1..level-1, else None."""
    residual = {a: dict(bs) for a, bs in capacity.items()}
    flow = 0
    while flow < level:
        previous = {source: source}
        queue = deque([source])
        while queue and sink not in previous:
            a = queue.popleft()
            for b, room in residual[a].items():
                if room > 0 and b not in previous:
                    previous[b] = a
                    queue.append(b)
        if sink not in previous:
            return set(previous) if flow > 0 else None
        push, b = level - flow, sink
        while b != source:
            push = min(push, residual[previous[b]][b])
            b = previous[b]
        b = sink
        while b != source:
            a = previous[b]
            residual[a][b] -= push
            residual[b][a] = residual[b].get(a, 0) + push
            b = a
        flow += push
    return None
