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
    small = rolled[0] < level
    for r in rolled:
        small |= (r > 0) & (r < level)
    hidden: list[list[Hidden | None]] = [
        [(already[u][g] if already is not None else None)
         or (Hidden.TOO_FEW if small[u, g] or not candidates[u, g] else None)
         for g in range(groups)]
        for u in range(size)
    ]
    while True:
        # The cuts around one tree cell at a time first, for every cell at once (cheap, and
        # most secrets are of that kind); the whole graph's minimum cut once none is left.
        graphs = [_Graph(tree, count, hidden, level) for count in counts]
        culprits = {cell for graph in graphs for cell in graph.local_culprits(rolled[0])}
        if not culprits:
            culprit = next((c for c in (g.global_culprit(rolled[0], hidden) for g in graphs)
                            if c is not None), None)
            if culprit is None:
                return hidden
            culprits = {culprit}
        for u, g in culprits:
            hidden[u][g] = Hidden.COMPLEMENTARY


def _nearest_shown(tree: Tree, shown: np.ndarray) -> np.ndarray:
    """Per unit (rows) and column: its nearest shown ancestor-or-self, -1 when none."""
    nearest = np.where(shown, np.arange(len(tree))[:, None], -1)
    for u in range(1, len(tree)):
        nearest[u] = np.where(shown[u], u, nearest[tree.parent[u]])
    return nearest


class _Graph:
    """One count's cells and edges: tree cells are nodes 0..size-1 (by unit), breakdown cells
    size + unit * groups + group, Z (everyone in no shown breakdown cell) the last."""

    def __init__(self, tree: Tree, count: LinkedCount, hidden: list[list[Hidden | None]],
                 level: int) -> None:
        size, groups = len(hidden), len(hidden[0])
        self.size, self.groups, self.level = size, groups, level
        self.zero = size + size * groups
        tree_hidden = count.tree_pattern(level)
        self.empty = tree_hidden[0] is not None  # nothing of this count is published
        if self.empty:
            return
        shown = np.array([[h is None for h in row] for row in hidden], dtype=bool)
        tree_cell = _nearest_shown(tree, np.array([[h is None] for h in tree_hidden]))[:, 0]
        owner = _nearest_shown(tree, shown)  # (units, groups)
        head = np.where(owner >= 0, size + owner * groups + np.arange(groups), self.zero)
        head = np.column_stack([head, np.full(size, self.zero)])  # "no answer" is always in Z
        tail = np.repeat(tree_cell[:, None], groups + 1, axis=1)
        weight = count.own.astype(np.int64)
        keep = weight > 0
        key = tail[keep] * (self.zero + 1) + head[keep]
        pairs, index = np.unique(key, return_inverse=True)
        self.tail, self.head = pairs // (self.zero + 1), pairs % (self.zero + 1)
        self.weight = np.bincount(index, weights=weight[keep], minlength=len(pairs)).astype(
            np.int64)

    def _cell(self, node: int) -> tuple[int, int] | None:
        return divmod(node - self.size, self.groups) if self.size <= node < self.zero else None

    def local_culprits(self, size_of: np.ndarray) -> list[tuple[int, int]]:
        """Per tree cell whose cut with the breakdown cells lying wholly inside it weighs
        1..level-1: the smallest of those cells (or of the ones it borders) to hide."""
        if self.empty or not len(self.tail):
            return []
        inside = np.bincount(self.head, minlength=self.zero + 1)[self.head] == 1
        value = np.bincount(self.tail, weights=np.where(inside, 0, self.weight),
                            minlength=self.size)
        found = []
        for t in np.flatnonzero((value > 0) & (value < self.level)):
            mine = self.tail == t
            cells = [c for h in self.head[mine & inside] if (c := self._cell(int(h)))]
            cells = cells or [c for h in self.head[mine] if (c := self._cell(int(h)))]
            if cells:
                found.append(min(cells, key=lambda c: (int(size_of[c]), c)))
        return found

    def global_culprit(
        self, size_of: np.ndarray, hidden: list[list[Hidden | None]]
    ) -> tuple[int, int] | None:
        """A shown breakdown cell to hide because some cut weighs 1..level-1, or None."""
        if self.empty:
            return None
        weight = {(int(t), int(h)): int(n) for t, h, n in
                  zip(self.tail, self.head, self.weight, strict=True)}
        cut = _small_cut(weight, self.level, self.zero + 1)
        if cut is None:
            return None
        inside, crossing = cut
        # The cells the secret is subtracted from first (hiding one merges it into a larger
        # cell), then the cells inside that share a tree cell with it, then any inside.
        tails = {t for t, _ in crossing}
        for nodes in ({h for _, h in crossing},
                      {h for (t, h) in zip(self.tail.tolist(), self.head.tolist(), strict=True)
                       if t in tails and h in inside},
                      inside):
            cells = [c for h in nodes if (c := self._cell(h))]
            if cells:
                return min(cells, key=lambda c: (int(size_of[c]), c))
        # Cannot happen while the tree itself is safe; hide the breakdown to be sure.
        return next(((u, g) for u in range(self.size) for g in range(self.groups)
                     if hidden[u][g] is None), None)


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
