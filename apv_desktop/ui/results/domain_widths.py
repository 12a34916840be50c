"""The widths of the heatmap's dimension columns when a domain heading needs more room than its
columns have: "Værdier på arbejdspladsen" spans two narrow columns, and "arbejdspladsen" alone is
wider than both. Rather than cut the word, those columns widen a little and the others give the
pixels back (down to their narrowest), so the map still fits the window."""

from __future__ import annotations

from collections.abc import Sequence


def dimension_widths(base: int, groups: Sequence[tuple[int, int]], room: int, narrowest: int,
                     widest: int) -> list[int] | None:
    """Each column `base` pixels wide, but the columns of a group (its number of columns, and
    the pixels its heading's longest word needs) widened, to `widest` at most, until the word
    fits; the other groups' columns give way, one pixel at a time, down to `narrowest`. None
    when all of it does not fit in `room` pixels."""
    widths: list[int] = []
    widened: list[bool] = []
    for columns, needed in groups:
        each = max(base, min(widest, -(-needed // max(1, columns))))
        widths += [each] * columns
        widened += [each > base] * columns
    excess = sum(widths) - room
    while excess > 0:
        giving = [i for i, w in enumerate(widths) if not widened[i] and w > narrowest]
        if not giving:
            return None
        for i in giving[:excess]:
            widths[i] -= 1
        excess -= min(excess, len(giving))
    return widths
