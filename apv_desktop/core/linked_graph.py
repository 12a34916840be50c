"""The graph of core.disclosure_linked, kept up to date cell by cell while cells are hidden.

Tree cells are nodes 0..size-1 (by unit), breakdown cells size + unit * groups + group, Z
(everyone in no shown breakdown cell) the last; an edge per (tree cell, breakdown cell) that
holds anyone, weighing per count. Hiding a breakdown cell moves its people, i.e. its edges, to
the nearest shown cell of the same group above it (or Z) and changes nothing else, so the graph
is updated where the cell was instead of being built again for every cell hidden: what was
computed from the whole graph before (the cuts around each tree cell, the components joined by
heavy edges) is kept per node and changed only for the nodes an edge moved to or from; from one
level to the next only what depends on the level is weighed again. The decisions are exactly
those of building the graph afresh for every cell hidden (tests/unit/linked_oracle.py keeps that
algorithm; tests/unit/test_linked_graph.py compares the patterns over thousands of random cases).

Heavy components only ever merge: the tree cells joined to a hidden cell by heavy edges are
joined by heavier ones to the cell their people move to. A union-find keeps them, its root the
smallest node, as the components' label was (the cut's order of search depends on labels).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from itertools import chain

import numpy as np

from apv_desktop.core.anonymity import Hidden, Tree
from apv_desktop.core.closed_cut import small_closed_cut

Edge = tuple[int, int]  # (tree cell, breakdown cell or Z)


class LinkedGraph:
    def __init__(self, tree: Tree, tree_cell: np.ndarray, own: np.ndarray, size_of: np.ndarray,
                 hidden: list[list[Hidden | None]], level: int) -> None:
        size, groups = len(hidden), len(hidden[0])
        self.size, self.groups = size, groups
        self.zero = size + size * groups
        self.parent = tree.parent
        self.tree_cell = tree_cell
        shown = np.array([[h is None for h in row] for row in hidden], dtype=bool)
        self.shown: list[list[bool]] = shown.tolist()
        # Breakdown cells by (respondents, unit, group): the order in which to hide the smallest.
        order = np.lexsort((np.arange(size * groups), size_of.ravel()))
        rank = np.empty(self.zero + 1, dtype=np.int64)
        rank[size + order] = np.arange(size * groups)
        self.rank: list[int] = rank.tolist()
        self.counts = own.shape[2]
        pairs, weight = _edges(tree, tree_cell, own, shown, self.zero)
        tails, heads = (x.tolist() for x in np.divmod(pairs, self.zero + 1))
        self.edges: dict[Edge, tuple[int, ...]] = dict(
            zip(zip(tails, heads, strict=True), map(tuple, weight.tolist()), strict=True))
        self.out: dict[int, set[int]] = {}
        self.into: dict[int, set[int]] = {}
        for t, h in zip(tails, heads, strict=True):
            self.out.setdefault(t, set()).add(h)
            self.into.setdefault(h, set()).add(t)
        self.moved: set[int] = set()  # cells hidden here: their node stands alone
        self._measure(level)

    def next_level(self, cells: list[tuple[int, int]], level: int) -> None:
        """Carry the graph to the next level: hide `cells` (those small at the level alone,
        row by row: the graph shows every cell the pattern shows up to them), then weigh the
        edges against the level."""
        for u, g in cells:
            if self.shown[u][g]:
                self._move(u, g)
        self._measure(level)  # weighs everything _move leaves as it was afresh

    def _measure(self, level: int) -> None:
        """What depends on the level: degrees, light edges, heavy components, local cuts.

        A count whose weights capped at the level are another's on every edge (mostly:
        dimensions nearly everyone answered) stays so while cells are hidden (sums of equal
        capped weights are equal capped), and then has the same light edges, components and
        local cuts: it finds no cut the other misses, so only the `live` counts are kept."""
        self.level = level
        edges = len(self.edges)
        # (np.fromiter over the flattened tuples: np.array of a list of tuples is much slower)
        keys = np.fromiter(chain.from_iterable(self.edges), dtype=np.int64,
                           count=2 * edges).reshape(edges, 2)
        weight = np.fromiter(chain.from_iterable(self.edges.values()), dtype=np.int64,
                             count=self.counts * edges).reshape(edges, self.counts)
        t_all, h_all = keys[:, 0], keys[:, 1]
        heavy = weight >= level
        present = weight > 0
        capped = np.minimum(weight, level)
        # per pair of counts: the edges on which they differ up to the threshold
        self.differ: dict[tuple[int, int], set[Edge]] = {}
        for c in range(self.counts):
            for d in range(c):
                apart = capped[:, c] != capped[:, d]
                self.differ[(d, c)] = set(zip(t_all[apart].tolist(), h_all[apart].tolist(),
                                              strict=True))
        self.live = [c for c in range(self.counts)
                     if all(self.differ[(d, c)] for d in range(c))]
        self.apart_live = [(pair, apart) for pair, apart in self.differ.items()
                           if pair[1] in self.live]
        # per count and node: the edges with anyone in it
        degree = np.stack([np.bincount(h_all[present[:, c]], minlength=self.zero + 1)
                           for c in range(self.counts)], axis=1)
        self.degree: list[list[int]] = degree.T.tolist()
        self.light: list[dict[Edge, int]] = []  # per count: edges weighing 1..level-1
        self.root: list[list[int]] = []  # per count: union-find of the heavy components
        for c in range(self.counts):
            if c not in self.live:
                self.light.append({})
                self.root.append([])
                continue
            few = present[:, c] & ~heavy[:, c]
            self.light.append(dict(zip(zip(t_all[few].tolist(), h_all[few].tolist(), strict=True),
                                       weight[few, c].tolist(), strict=True)))
            # Counts with the same heavy edges have the same components: labelled once, each
            # count its own copy to join in.
            same = next((d for d in self.live[:self.live.index(c)]
                         if not (heavy[:, c] != heavy[:, d]).any()), None)
            self.root.append(list(self.root[same]) if same is not None else _components(
                t_all[heavy[:, c]], h_all[heavy[:, c]], self.zero + 1).tolist())
        # (tree cell, count) with a small local cut: the weight of its edges to breakdown cells
        # that hold someone from elsewhere too is 1..level-1
        shared = np.where(present & (degree[h_all] == 1), 0, weight)
        value = _row_sums(t_all, shared, self.size)
        self.risky: set[tuple[int, int]] = {
            (t, c) for t, c in zip(*(x.tolist() for x in np.nonzero(
                (value > 0) & (value < level))), strict=True) if c in self.live}

    def _add(self, t: int, h: int, w: tuple[int, ...]) -> None:
        self.edges[(t, h)] = w
        self.out.setdefault(t, set()).add(h)
        self.into.setdefault(h, set()).add(t)

    def _target(self, u: int, g: int) -> tuple[int, int]:
        """Hide breakdown cell (u, g) in `shown`: its node and the node of the nearest shown
        cell above it (or Z), which its people join."""
        self.shown[u][g] = False
        cell = self.size + u * self.groups + g
        above = self.parent[u]
        while above >= 0 and not self.shown[above][g]:
            above = self.parent[above]
        self.moved.add(cell)
        return cell, self.size + above * self.groups + g if above >= 0 else self.zero

    def _move(self, u: int, g: int) -> None:
        """Hide breakdown cell (u, g) as hide does, but move only its edges: the degrees,
        light edges, components, differences and local cuts are left for _measure."""
        cell, target = self._target(u, g)
        for t in self.into.pop(cell, set()):
            self._carry(t, cell, target)

    def _carry(self, t: int, cell: int, target: int
               ) -> tuple[tuple[int, ...], tuple[int, ...] | None, tuple[int, ...]]:
        """Move edge (t, cell) onto (t, target), added to what that edge holds: its weights,
        and the target edge's before (None when new) and after."""
        w = self.edges.pop((t, cell))
        self.out[t].discard(cell)
        old = self.edges.get((t, target))
        new = w if old is None else tuple(a + b for a, b in zip(old, w, strict=True))
        self._add(t, target, new)
        return w, old, new

    def hide(self, u: int, g: int) -> None:
        """Hide breakdown cell (u, g): its people join the nearest shown cell above it."""
        cell, target = self._target(u, g)
        tails = self.into.pop(cell, set())
        was_single = [self.degree[c][target] == 1 for c in self.live]
        for t in tails:
            w, old, new = self._carry(t, cell, target)
            for c in self.live:
                self.degree[c][cell] -= w[c] > 0
                self.degree[c][target] += new[c] > 0 and (old is None or old[c] == 0)
                self.light[c].pop((t, cell), None)
                if 0 < new[c] < self.level:
                    self.light[c][(t, target)] = new[c]
                else:
                    self.light[c].pop((t, target), None)
                if new[c] >= self.level:
                    self._union(c, t, target)
            for (d, c), apart in self.apart_live:
                apart.discard((t, cell))
                if min(new[c], self.level) != min(new[d], self.level):
                    apart.add((t, target))
                else:
                    apart.discard((t, target))
        # The target's other tree cells see a change only where it ceased or began to hold the
        # people of a single tree cell.
        if any((self.degree[c][target] == 1) != single
               for c, single in zip(self.live, was_single, strict=True)):
            tails = tails | self.into.get(target, set())
        self._settle(tails)

    def _settle(self, tails: Iterable[int]) -> None:
        """Recompute the local cuts of `tails`: the weight of their edges to breakdown cells
        that hold someone from elsewhere too."""
        for t in tails:
            heads = self.out[t]
            for c in self.live:
                degree = self.degree[c]
                value = 0
                for h in heads:
                    n = self.edges[(t, h)][c]
                    if n > 0 and degree[h] != 1:
                        value += n
                if 0 < value < self.level:
                    self.risky.add((t, c))
                else:
                    self.risky.discard((t, c))

    def _find(self, c: int, x: int) -> int:
        root = self.root[c]
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    def _union(self, c: int, a: int, b: int) -> None:
        a, b = self._find(c, a), self._find(c, b)
        if a != b:
            self.root[c][max(a, b)] = min(a, b)

    def _label(self, c: int, x: int) -> int:
        return x if x in self.moved else self._find(c, x)

    def _light_between(self, c: int) -> tuple[list[Edge], tuple[tuple[int, int, int], ...]]:
        """The light edges of count c between different heavy components, in order, and the
        same as (tail's component, head's component, weight): the cut search's input."""
        root = self.root[c]
        edges: list[Edge] = []
        key: list[tuple[int, int, int]] = []
        for edge, n in sorted(self.light[c].items()):
            # tails are tree cells and heads shown cells or Z: never hidden here. Mostly a
            # node's root is its label or the label's (_measure labels, _union joins roots).
            a, b = root[edge[0]], root[edge[1]]
            if root[a] != a:
                a = self._find(c, a)
            if root[b] != b:
                b = self._find(c, b)
            if a != b:
                edges.append(edge)
                key.append((a, b, n))
        return edges, tuple(key)

    def _smallest(self, nodes: Iterable[int]) -> tuple[int, int] | None:
        """The breakdown cell among `nodes` with the fewest respondents (ties: lowest unit)."""
        cells = [x for x in nodes if self.size <= x < self.zero]
        if not cells:
            return None
        best = min(cells, key=self.rank.__getitem__)
        u, g = divmod(best - self.size, self.groups)
        return u, g

    def local_culprits(self) -> set[tuple[int, int]]:
        """Per tree cell whose cut with the breakdown cells lying wholly inside it weighs
        1..level-1 in some count: the smallest of those cells (or of its neighbours) to hide."""
        found: set[tuple[int, int]] = set()
        edges, rank, size, zero = self.edges, self.rank, self.size, self.zero
        for t, c in self.risky:
            degree = self.degree[c]
            # in one pass: the smallest breakdown cell holding anyone of t, and the smallest
            # holding no one else (preferred), by rank (_smallest's order)
            alone: int | None = None
            anyone: int | None = None
            for h in self.out[t]:
                if size <= h < zero and edges[(t, h)][c] > 0:
                    if anyone is None or rank[h] < rank[anyone]:
                        anyone = h
                    if degree[h] == 1 and (alone is None or rank[h] < rank[alone]):
                        alone = h
            best = alone if alone is not None else anyone
            if best is not None:
                found.add(divmod(best - size, self.groups))
        return found

    def global_culprits(self) -> set[tuple[int, int]]:
        """Per count with a cut weighing 1..level-1: a shown breakdown cell to hide."""
        found: set[tuple[int, int]] = set()
        for c in range(self.counts):
            # Weights capped at the threshold decide the answer: counts that agree on them
            # (mostly, dimensions nearly everyone answered) are checked once.
            if any(not self.differ[(d, c)] for d in range(c)):
                continue
            light, between = self._light_between(c)
            if not light:
                continue
            inside = small_closed_cut(between, self.level)
            if inside is None:
                continue
            # The smallest of the cells the secret is subtracted from and of the cells inside
            # that share a tree cell with it (hiding either moves people across the cut),
            # else any inside.
            crossing = {t for (t, _), (a, b, _) in zip(light, between, strict=True)
                        if a in inside and b not in inside}
            near = [h for t in crossing for h in self.out[t] if self.edges[(t, h)][c] > 0]
            cell = (self._smallest(near)
                    or self._smallest(x for x in range(self.zero + 1)
                                      if self._label(c, x) in inside)
                    # cannot happen while the tree is safe: hide all to be sure
                    or self._smallest(range(self.size, self.zero)))
            if cell is not None:
                found.add(cell)
        return found


def _edges(tree: Tree, tree_cell: np.ndarray, own: np.ndarray, shown: np.ndarray,
           zero: int) -> tuple[np.ndarray, np.ndarray]:
    """The edges as keys tail * (zero + 1) + head, sorted, and their weights (edges x counts)."""
    size, groups = shown.shape
    owner = nearest_shown(tree, shown)  # (units, groups)
    head = np.where(owner >= 0, size + owner * groups + np.arange(groups), zero)
    head = np.column_stack([head, np.full(size, zero)])  # "no answer" is always in Z
    tail = np.repeat(tree_cell[:, None], groups + 1, axis=1)
    atoms = own.reshape(size * (groups + 1), -1)
    anyone = atoms[:, 0] > 0
    key = (tail.ravel() * (zero + 1) + head.ravel())[anyone]
    pairs, index = np.unique(key, return_inverse=True)
    return pairs, _row_sums(index.ravel(), atoms[anyone], len(pairs))


def nearest_shown(tree: Tree, shown: np.ndarray) -> np.ndarray:
    """Per unit (rows) and column: its nearest shown ancestor-or-self, -1 when none."""
    nearest = np.where(shown, np.arange(len(tree))[:, None], -1)
    levels, parent = _levels(tuple(tree.parent))
    # level by level from the root (parents come before children): a unit's parent is done
    for units in levels[1:]:
        nearest[units] = np.where(shown[units], units[:, None], nearest[parent[units]])
    return nearest


@lru_cache(maxsize=8)  # one tree per release, asked at every level of every dimension
def _levels(parent: tuple[int, ...]) -> tuple[list[np.ndarray], np.ndarray]:
    """The units by depth (the root, its children, theirs, ...), and the parents as an array."""
    depth = [0] * len(parent)
    for u in range(1, len(parent)):
        depth[u] = depth[parent[u]] + 1
    order = np.asarray(depth)
    return [np.flatnonzero(order == d) for d in range(max(depth) + 1)], np.asarray(parent)


def _row_sums(index: np.ndarray, values: np.ndarray, length: int) -> np.ndarray:
    """np.add.at(zeros((length, columns)), index, values) for whole numbers, a bincount per
    column (float sums of whole numbers stay exact far beyond any count of people)."""
    out = np.zeros((length, values.shape[1]), dtype=np.int64)
    for c in range(values.shape[1]):
        out[:, c] = np.rint(np.bincount(index, weights=values[:, c], minlength=length))
    return out


def _components(tail: np.ndarray, head: np.ndarray, nodes: int) -> np.ndarray:
    """A label per node: the smallest node joined to it by the given edges."""
    label = np.arange(nodes)
    while True:
        at_tail, at_head = label[tail], label[head]
        # Labels only fall and stay in their component; when every edge's ends agree, each
        # component has one label, its smallest node's (whose label cannot be smaller).
        if not (at_tail != at_head).any():  # (np.array_equal costs several times more)
            return label
        joined = np.minimum(at_tail, at_head)
        np.minimum.at(label, tail, joined)
        np.minimum.at(label, head, joined)
        label = label[label]
