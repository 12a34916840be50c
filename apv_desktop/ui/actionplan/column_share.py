"""Widths for a table whose long-text columns wrap: every column as wide as its text while the
table fits its view; when it does not, the wrapping columns give up width, the widest first,
so the whole plan shows without scrolling sideways (a 1366-pixel laptop screen)."""

from __future__ import annotations


def shared_widths(wanted: dict[int, int], room: int, narrowest: int) -> dict[int, int]:
    """`wanted` (column -> its text's width) cut to fit `room` pixels together: one cap for all,
    each column min(its width, cap), none below `narrowest`."""
    if sum(wanted.values()) <= room:
        return dict(wanted)
    widths = sorted(wanted.values())
    left, count = room, len(widths)
    cap = narrowest
    for index, width in enumerate(widths):
        share = left // (count - index)
        if width > share:
            cap = share
            break
        left -= width
    cap = max(cap, narrowest)
    return {column: min(width, cap) for column, width in wanted.items()}
