"""One look for every chart: a colour-blind-safe palette, plain axes and the reader's numbers
(decimal comma in Danish and Swedish), drawn in the window's colours: `ChartColours.of` derives
background, text and grid from the Qt palette (dark mode gets dark charts, not white boxes), and
exports use `PAPER`, the light colours of a printed page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter
from PySide6.QtGui import QColor, QPalette

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


@dataclass(frozen=True)
class ChartColours:
    background: str
    text: str  # labels, titles, and the marks drawn in "ink" (organisation, reference)
    grid: str
    edge: str  # the axes' lines

    @classmethod
    def of(cls, palette: QPalette) -> ChartColours:
        """The chart colours of a Qt palette: its window background and text, the grid a
        quarter of the way from the background to the text."""
        background, text = palette.color(QPalette.ColorRole.Window), palette.color(
            QPalette.ColorRole.WindowText)
        return cls(background.name(), text.name(), _mix(background, text, 0.2).name(),
                   _mix(background, text, 0.6).name())


PAPER = ChartColours("#ffffff", "#000000", "#dddddd", "#555555")


def _mix(a: QColor, b: QColor, share: float) -> QColor:
    return QColor.fromRgbF(*(x + (y - x) * share for x, y in (
        (a.redF(), b.redF()), (a.greenF(), b.greenF()), (a.blueF(), b.blueF()))))


def rc(colours: ChartColours = PAPER) -> dict[RcKeyType, Any]:
    from cycler import cycler

    settings = dict(RC)
    settings["axes.prop_cycle"] = cycler(color=SERIES)
    settings.update({
        "figure.facecolor": colours.background, "axes.facecolor": colours.background,
        "savefig.facecolor": colours.background, "text.color": colours.text,
        "axes.labelcolor": colours.text, "axes.titlecolor": colours.text,
        "xtick.color": colours.text, "ytick.color": colours.text,
        "axes.edgecolor": colours.edge, "grid.color": colours.grid,
        "legend.labelcolor": colours.text,
        # the marks drawn in ink (organisation, reference, lines) follow the text colour
        "lines.color": colours.text, "patch.edgecolor": colours.background,
    })
    return settings


def ink() -> str:
    """The colour of marks drawn in "black" on paper: the text colour of the chart being
    drawn (call inside the rc context of `rc`)."""
    import matplotlib

    return str(matplotlib.rcParams["text.color"])


def paper() -> str:
    """The chart's background (white on paper): bar edges and hollow markers use it."""
    import matplotlib

    return str(matplotlib.rcParams["axes.facecolor"])


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
