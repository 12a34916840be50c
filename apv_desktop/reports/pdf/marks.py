"""Grey-safe marks: a shape beside each traffic-light colour, so a page printed in black and
white still says which light a score has (up for green, a diamond for yellow, down for red)."""

from __future__ import annotations

from apv_desktop.core.judgement import GREEN, RED, YELLOW

_MARKS = {GREEN: "▲", YELLOW: "◆", RED: "▼"}
PRESSURE_MARK = "!"


def light_mark(light: str | None) -> str:
    return _MARKS.get(light or "", "")
