"""The oracle of test_linked_graph.py: core.disclosure_linked as of commit 9176edc, which built
the whole graph afresh for every cell hidden. Kept verbatim (do not speed it up): the faster
code must decide exactly what this decides.

What a crossed table may show beside the org tree: results by background group.

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

import numpy as np

from apv_desktop.core.anonymity import Hidden, Tree
from apv_desktop.core.model import Rules
from apv_desktop.core.orgtree import roll_up

_INFINITE = 1 << 40


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
    for level in range(min(Rules.ABSOLUTE_MIN_N, threshold), threshold + 1):
        pattern = tree_at[min(level, max(tree_at))]
        if pattern[0] is not None:  # the tree shows nothing at all, so neither may this
            reason = Hidden.WITHHELD if pattern[0] is Hidden.WITHHELD else Hidden.TOO_FEW
            hidden = [[reason] * groups for _ in range(size)]
            continue
        small = (rolled[:, :, 0] < level) | np.any((rolled > 0) & (rolled < level), axis=2)
        small |= np.array([h is not None for h in pattern])[:, None]
        hidden = [
            [(hidden[u][g] if hidden is not None else None)
             or (Hidden.TOO_FEW if small[u, g] else None) for g in range(groups)]
            for u in range(size)
        ]
        tree_cell = _nearest_shown(tree, np.array([[h is None] for h in pattern]))[:, 0]
        _complete(tree, tree_cell, own, rolled[:, :, 0], hidden, level)
    assert hidden is not None
    return hidden


def _complete(
    tree: Tree,
    tree_cell: np.ndarray,
    own: np.ndarray,
    size_of: np.ndarray,
    hidden: list[list[Hidden | None]],
    level: int,
) -> None:
    """Hide further cells (in place) until no cut in any count weighs 1..level-1."""
    while True:
        graph = _Graph(tree, tree_cell, own, hidden)
        # The cuts around one tree cell at a time first, for every cell at once (cheap, and
        # most secrets are of that kind); the whole graph's minimum cut once none is left.
        culprits = graph.local_culprits(size_of, level)
        if not culprits:
            culprits = graph.global_culprits(size_of, level)
            if not culprits:
                return
        for u, g in culprits:
            hidden[u][g] = Hidden.COMPLEMENTARY


def _nearest_shown(tree: Tree, shown: np.ndarray) -> np.ndarray:
    """Per unit (rows) and column: its nearest shown ancestor-or-self, -1 when none."""
    nearest = np.where(shown, np.arange(len(tree))[:, None], -1)
    # level by level from the root (parents come before children): a unit's parent is done
    for units in _levels(tree)[1:]:
        nearest[units] = np.where(shown[units], units[:, None],
                                  nearest[np.asarray(tree.parent)[units]])
    return nearest


def _levels(tree: Tree) -> list[np.ndarray]:
    """The units by depth: the root, its children, theirs, ..."""
    depth = [0] * len(tree)
    for u in range(1, len(tree)):
        depth[u] = depth[tree.parent[u]] + 1
    order = np.asarray(depth)
    return [np.flatnonzero(order == d) for d in range(max(depth) + 1)]


class _Graph:
    """Tree cells are nodes 0..size-1 (by unit), breakdown cells size + unit * groups + group,
    Z (everyone in no shown breakdown cell) the last; an edge per (tree cell, breakdown cell)
    that holds anyone, weighing per count (edges x counts)."""

    def __init__(self, tree: Tree, tree_cell: np.ndarray, own: np.ndarray,
                 hidden: list[list[Hidden | None]]) -> None:
        size, groups = len(hidden), len(hidden[0])
        self.size, self.groups = size, groups
        self.zero = size + size * groups
        shown = np.array([[h is None for h in row] for row in hidden], dtype=bool)
        owner = _nearest_shown(tree, shown)  # (units, groups)
        head = np.where(owner >= 0, size + owner * groups + np.arange(groups), self.zero)
        head = np.column_stack([head, np.full(size, self.zero)])  # "no answer" is always in Z
        tail = np.repeat(tree_cell[:, None], groups + 1, axis=1)
        atoms = own.reshape(size * (groups + 1), -1)
        anyone = atoms[:, 0] > 0
        key = (tail.ravel() * (self.zero + 1) + head.ravel())[anyone]
        pairs, index = np.unique(key, return_inverse=True)
        self.tail, self.head = pairs // (self.zero + 1), pairs % (self.zero + 1)
        self.weight = _row_sums(index.ravel(), atoms[anyone], len(pairs))

    def _smallest(self, nodes: np.ndarray, size_of: np.ndarray) -> tuple[int, int] | None:
        """The breakdown cell among `nodes` with the fewest respondents (ties: lowest unit)."""
        nodes = np.asarray(nodes, dtype=np.int64)
        nodes = nodes[(nodes >= self.size) & (nodes < self.zero)]
        if not len(nodes):
            return None
        unit, group = np.divmod(nodes - self.size, self.groups)
        best = np.lexsort((group, unit, size_of[unit, group]))[0]
        return int(unit[best]), int(group[best])

    def local_culprits(self, size_of: np.ndarray, level: int) -> set[tuple[int, int]]:
        """Per tree cell whose cut with the breakdown cells lying wholly inside it weighs
        1..level-1 in some count: the smallest of those cells (or of its neighbours) to hide."""
        present = self.weight > 0  # an edge exists in a count only where someone is in it
        degree = _row_sums(self.head, present, self.zero + 1)
        inside = present & (degree[self.head] == 1)
        value = _row_sums(self.tail, np.where(inside, 0, self.weight), self.size)
        found: set[tuple[int, int]] = set()
        for t, c in zip(*np.nonzero((value > 0) & (value < level)), strict=True):
            mine = (self.tail == t) & present[:, c]
            cell = (self._smallest(self.head[mine & inside[:, c]], size_of)
                    or self._smallest(self.head[mine], size_of))
            if cell is not None:
                found.add(cell)
        return found

    def global_culprits(self, size_of: np.ndarray, level: int) -> set[tuple[int, int]]:
        """Per count with a cut weighing 1..level-1: a shown breakdown cell to hide."""
        found: set[tuple[int, int]] = set()
        seen: set[bytes] = set()
        for c in range(self.weight.shape[1]):
            # Weights capped at the threshold decide the answer: counts that agree on them
            # (mostly, dimensions nearly everyone answered) are checked once.
            capped = np.minimum(self.weight[:, c], level).tobytes()
            if capped in seen:
                continue
            seen.add(capped)
            present = self.weight[:, c] > 0
            tail, head, weight = self.tail[present], self.head[present], self.weight[present, c]
            cut = _small_cut(tail, head, weight, level, self.zero + 1)
            if cut is None:
                continue
            inside, crossing = cut
            # The smallest of the cells the secret is subtracted from and of the cells inside
            # that share a tree cell with it (hiding either moves people across the cut),
            # else any inside.
            near = _marks(tail[crossing], self.zero + 1)[tail]
            cell = next((x for nodes in (head[near], np.flatnonzero(inside))
                         if (x := self._smallest(nodes, size_of)) is not None), None)
            if cell is None:  # cannot happen while the tree is safe: hide all to be sure
                cell = self._smallest(np.arange(self.size, self.zero), size_of)
            if cell is not None:
                found.add(cell)
        return found


def _row_sums(index: np.ndarray, values: np.ndarray, length: int) -> np.ndarray:
    """np.add.at(zeros((length, columns)), index, values) for whole numbers, a bincount per
    column (float sums of whole numbers stay exact far beyond any count of people)."""
    out = np.zeros((length, values.shape[1]), dtype=np.int64)
    for c in range(values.shape[1]):
        out[:, c] = np.rint(np.bincount(index, weights=values[:, c], minlength=length))
    return out


def _marks(nodes: np.ndarray, length: int) -> np.ndarray:
    """A mask of `length` with `nodes` set: membership by lookup (np.isin sorts each time)."""
    mask = np.zeros(length, dtype=bool)
    mask[nodes] = True
    return mask


def _components(tail: np.ndarray, head: np.ndarray, nodes: int) -> np.ndarray:
    """A label per node: the smallest node joined to it by the given edges."""
    label = np.arange(nodes)
    while True:
        before = label.copy()
        joined = np.minimum(label[tail], label[head])
        np.minimum.at(label, tail, joined)
        np.minimum.at(label, head, joined)
        label = label[label]
        if np.array_equal(label, before):
            return label


def _small_cut(
    tail: np.ndarray, head: np.ndarray, weight: np.ndarray, level: int, nodes: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """A cut weighing 1..level-1 (a mask of the nodes inside it, and one of the edges it gives
    away), or None. Edges run from tree cells to breakdown cells; a cut may not hold a
    breakdown cell without every tree cell it touches."""
    heavy = weight >= level  # never part of a small secret: both ends stay on one side
    label = _components(tail[heavy], head[heavy], nodes)
    light = (~heavy) & (label[tail] != label[head])
    if not light.any():
        return None
    ends = np.concatenate([label[tail[light]], label[head[light]]])
    parent = {x: x for x in ends.tolist()}  # the heavy components light edges join

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    light_edges = list(zip(label[tail[light]].tolist(), label[head[light]].tolist(),
                           weight[light].tolist(), strict=True))
    _merge_cycles(light_edges, find, parent)
    arcs: dict[tuple[int, int], int] = {}
    for t, h, n in light_edges:
        a, b = find(t), find(h)
        if a != b:
            arcs[(a, b)] = arcs.get((a, b), 0) + n
    if not arcs:
        return None
    found = _min_closed_cut(arcs, level)
    if found is None:
        return None
    inside = _marks(np.array([x for x in parent if find(x) in found], dtype=np.int64),
                    nodes)[label]
    return inside, inside[tail] & ~inside[head]


def _merge_cycles(
    light: list[tuple[int, int, int]], find: Callable[[int], int], parent: dict[int, int]
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
