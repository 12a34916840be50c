"""One look for every chart: a colour-blind-safe palette, plain axes and the reader's numbers
(decimal comma in Danish and Swedish)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from apv_desktop.i18n import current_language, format_decimal
from apv_desktop.ui.results import palette

if TYPE_CHECKING:  # the names of matplotlib's settings, so rc_context accepts ours
    from matplotlib.typing import RcKeyType

# Okabe-Ito, the palette made for readers with any kind of colour blindness.
SERIES = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

RC: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#555555",
    "axes.grid": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "axes.prop_cycle": None,  # filled in below
    "legend.frameon": False,
    "legend.fontsize": 8,
    "svg.fonttype": "none",  # text stays text in SVG (searchable, editable)
    "pdf.fonttype": 42,
}


def rc() -> dict[RcKeyType, Any]:
    from cycler import cycler

    settings = dict(RC)
    settings["axes.prop_cycle"] = cycler(color=SERIES)
    return settings


def number_formatter(digits: int = 0) -> FuncFormatter:
    language = current_language()
    return FuncFormatter(lambda value, _position: format_decimal(value, language, digits))


def percent_formatter() -> FuncFormatter:
    language = current_language()
    return FuncFormatter(
        lambda value, _position: f"{format_decimal(value * 100, language, 0)} %"
    )


def light_colour(light: str | None) -> str:
    return palette.strong(light)


def finish(figure: Figure, axes: Axes | None = None) -> None:
    """Common last touches: tight layout that leaves room for long Danish unit names."""
    if axes is not None:
        axes.tick_params(length=0)
    figure.tight_layout()
