"""The traffic-light colours of the results screen and its charts: the one place they are set.

Colour-blind-safe (Okabe-Ito: bluish green, yellow, vermillion), so red and green differ in
lightness as well as hue; cells use light tints of them with dark text, charts the full colours.
The Excel report keeps its own fills; nothing else in the GUI uses these.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

GREEN, YELLOW, RED = "green", "yellow", "red"

STRONG: dict[str, str] = {GREEN: "#009E73", YELLOW: "#E6C700", RED: "#D55E00"}
TINT: dict[str, str] = {GREEN: "#A8DCC8", YELLOW: "#F6EC9A", RED: "#F2B48A"}
HIDDEN_TINT = "#D0D0D0"
HIDDEN_STRONG = "#8C8C8C"
CELL_TEXT = "#111111"  # on the tints, in light and dark mode alike
NEUTRAL = "#56B4E9"  # sky blue: a bar without a light (response rates, the organisation)
ACCENT = "#0072B2"  # blue: comparison markers
MUTED = "#999999"


def cell_colour(light: str | None) -> QColor:
    return QColor(TINT.get(light or "", HIDDEN_TINT))


def hidden_colour() -> QColor:
    return QColor(HIDDEN_TINT)


def text_colour() -> QColor:
    return QColor(CELL_TEXT)


def strong(light: str | None) -> str:
    """The chart colour of a light (grey for none)."""
    return STRONG.get(light or "", HIDDEN_STRONG)
