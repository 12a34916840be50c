"""The smallest cut of the linked disclosure graph, once the heavy edges are contracted.

core.disclosure_linked reduces "does some cut weigh 1..level-1" to a small directed graph: its
nodes are the components joined by edges that weigh the threshold or more (they can never be
part of a small secret), its arcs the light edges between them, from a tree cell's component to a
breakdown cell's. A cut is a set of nodes that holds, with each breakdown cell, every tree cell
it touches, i.e. a closed set of the reversed arcs; it weighs what its leaving arcs weigh.
"""

from __future__ import annotations

from collections import deque
from functools import lru_cache

_INFINITE = 1 << 40


@lru_cache(maxsize=256)  # hits come within a few searches; keys can be large
def small_closed_cut(
    light_edges: tuple[tuple[int, int, int], ...], level: int
) -> frozenset[int] | None:
    """The nodes inside a cut weighing 1..level-1, or None. `light_edges` are (tail's node,
    head's node, weight), tails tree cells' nodes, in a fixed order.

    A pure function of its arguments, so remembered: while cells are hidden one at a time the
    light edges of most counts and dimensions come back unchanged."""
    merged = _merge_cycles(light_edges)
    arcs: dict[tuple[int, int], int] = {}
    for t, h, n in light_edges:
        a, b = merged.get(t, t), merged.get(h, h)
        if a != b:
            arcs[(a, b)] = arcs.get((a, b), 0) + n
    if not arcs:
        return None
    found = _min_closed_cut(arcs, level)
    if found is None:
        return None
    ends = {t for t, _, _ in light_edges} | {h for _, h, _ in light_edges}
    return frozenset(x for x in ends if merged.get(x, x) in found)


def _merge_cycles(light: tuple[tuple[int, int, int], ...]) -> dict[int, int]:
    """Contract every strongly connected set of light edges: a cycle of them cannot be cut
    without putting a breakdown cell on the inside and one of its tree cells outside. Per node
    of such a set, the node that stands for it (the graph of the sets has no cycle)."""
    successors: dict[int, set[int]] = {}
    for t, h, _ in light:
        if t != h:
            successors.setdefault(t, set()).add(h)
    merged: dict[int, int] = {}
    # Only nodes with arcs in and out can lie on a cycle, and a cycle has two of them at least.
    if len({b for bs in successors.values() for b in bs} & successors.keys()) < 2:
        return merged
    for component in _strongly_connected(successors):
        if len(component) > 1:
            for other in component:
                merged[other] = component[0]
    return merged


def _strongly_connected(successors: dict[int, set[int]]) -> list[list[int]]:
    """Tarjan's algorithm, iterative: the strongly connected sets of two nodes or more. Nodes
    without successors are left out: each is a set of its own, and visiting one changes
    neither the order in which the others are visited nor their sets."""
    ordered = {a: sorted(b for b in bs if b in successors) for a, bs in successors.items()}
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    found: list[list[int]] = []
    for start in sorted(ordered):
        if start in index:
            continue
        work = [(start, iter(ordered[start]))]
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
                    work.append((child, iter(ordered[child])))
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
                if len(component) > 1:
                    found.append(component)
    return found


def _min_closed_cut(arcs: dict[tuple[int, int], int], level: int) -> set[int] | None:
    """In the DAG of light arcs (a -> b weighing n; a set holding b must hold a): a set whose
    leaving arcs weigh 1..level-1, or None. Such a set holds a source and leaves out a sink, so
    a bounded max-flow from every source to every sink (in this order) finds it.

    Most pairs carry `level` or more, and proving that is most of the work. A hub (the node
    with most arcs) proves it for many pairs at once: a cut that separates s from t separates
    s from the hub or the hub from t, so when both carry `level`, so do s and t. Only pairs
    that carry as much are skipped: the pair found, and its cut, are the ones trying every
    pair gives."""
    nodes = {a for a, _ in arcs} | {b for _, b in arcs}
    has_in = {b for _, b in arcs}
    has_out = {a for a, _ in arcs}
    capacity: dict[int, dict[int, int]] = {x: {} for x in nodes}
    for (a, b), n in arcs.items():
        capacity[a][b] = capacity[a].get(b, 0) + n
        capacity[b][a] = _INFINITE  # a set may not hold b without a
    hub = min(nodes, key=lambda x: (-len(capacity[x]), x))
    from_hub: dict[int, bool] = {}  # per sink: the hub carries `level` to it

    def carries(a: int, b: int) -> bool:
        if a == b:
            return True
        # Paths of one or two arcs, a -> b and a -> x -> b through an x that a holds (infinite
        # arc), share no arc: what they carry together is carried for sure.
        sure = sum(capacity[x][b] for x, back in capacity[b].items()
                   if back == _INFINITE  # x -> b is an arc
                   and (x == a or capacity[a].get(x) == _INFINITE))
        return sure >= level or _bounded_flow(capacity, a, b, level)[0] >= level

    for source in sorted(nodes - has_in):
        to_hub: bool | None = None  # known after a first pair of this source failed
        for sink in sorted(nodes - has_out):
            if to_hub:
                if sink not in from_hub:
                    from_hub[sink] = carries(hub, sink)
                if from_hub[sink]:
                    continue
            side = _bounded_cut(capacity, source, sink, level)
            if side is not None:
                return side
            if to_hub is None:
                to_hub = carries(source, hub)
    return None


def _bounded_cut(
    capacity: dict[int, dict[int, int]], source: int, sink: int, level: int
) -> set[int] | None:
    """The source side of a minimum source-sink cut when it weighs 1..level-1, else None."""
    flow, used = _bounded_flow(capacity, source, sink, level)
    return _reached(capacity, used, source) if 0 < flow < level else None


def _bounded_flow(
    capacity: dict[int, dict[int, int]], source: int, sink: int, level: int
) -> tuple[int, dict[tuple[int, int], int]]:
    """A maximum flow from source to sink, or one of `level` when it carries that much: its
    value and the flow per arc.

    Which augmenting paths are taken changes neither the flow's value nor the nodes the source
    still reaches once no path is left (the same for every maximum flow), so they are searched
    backwards from the sink, whose few arcs lead to the source in a step or two, instead of
    through the whole graph from the source."""
    used: dict[tuple[int, int], int] = {}  # flow a -> b, and minus it b -> a
    flow = 0
    while flow < level:
        path = _path_to(capacity, used, source, sink)
        if path is None:
            break
        push = min(level - flow, *(capacity[a][b] - used.get((a, b), 0) for a, b in path))
        for a, b in path:
            used[(a, b)] = used.get((a, b), 0) + push
            used[(b, a)] = used.get((b, a), 0) - push
        flow += push
    return flow, used


def _path_to(
    capacity: dict[int, dict[int, int]], used: dict[tuple[int, int], int], source: int,
    sink: int,
) -> list[tuple[int, int]] | None:
    """The arcs of a path with room from source to sink, searched from the sink, or None.
    Every arc's reverse is in `capacity` too (infinite), so a node's neighbours both ways are
    its keys there."""
    following = {sink: sink}
    queue = deque([sink])
    while queue:
        b = queue.popleft()
        for a in capacity[b]:
            if a not in following and capacity[a][b] - used.get((a, b), 0) > 0:
                following[a] = b
                if a == source:
                    path = []
                    while a != sink:
                        path.append((a, following[a]))
                        a = following[a]
                    return path
                queue.append(a)
    return None


def _reached(
    capacity: dict[int, dict[int, int]], used: dict[tuple[int, int], int], source: int
) -> set[int]:
    """The nodes the source reaches through arcs with room."""
    found = {source}
    stack = [source]
    while stack:
        a = stack.pop()
        for b, room in capacity[a].items():
            if b not in found and room - used.get((a, b), 0) > 0:
                found.add(b)
                stack.append(b)
    return found
