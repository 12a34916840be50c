"""A matplotlib figure inside a Qt widget, with an export button for PNG, SVG and PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("QtAgg")  # before pyplot or a backend is touched (we never use pyplot)

from matplotlib import rc_context  # noqa: E402
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from PySide6.QtCore import QEvent, QTimer  # noqa: E402
from PySide6.QtGui import QShowEvent  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QHBoxLayout,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.i18n import tr  # noqa: E402
from apv_desktop.interchange.atomic import atomic_output  # noqa: E402
from apv_desktop.ui import filedialogs  # noqa: E402
from apv_desktop.ui.charts.style import PAPER, ChartColours, rc  # noqa: E402

Draw = Callable[[Figure], None]
FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
EXPORT_DPI = 200


class ChartCanvas(QWidget):
    """Call `draw(function)` with a function that draws on the figure; it is kept, so the
    chart can be drawn again (after a language change) and exported.

    Drawing a chart of 150 units takes matplotlib a good part of a second: a chart is drawn
    only once it is on screen, and then after the paint in which it appears (so the window
    answers while a results page opens), or as soon as its `figure` is asked for."""

    def __init__(self, name: str, parent: QWidget | None = None, height: float = 3.2) -> None:
        super().__init__(parent)
        self.name = name  # the suggested file name of an export
        self._figure = Figure(figsize=(7.0, height), dpi=100, layout=None)
        self.canvas = FigureCanvasQTAgg(self._figure)
        self._pending = False  # a draw function given that is not on the figure yet
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(int(height * 70))
        self._draw: Draw | None = None
        self.export_button = QToolButton()
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu = QMenu(self.export_button)
        self._actions = {fmt: self._menu.addAction(fmt.upper()) for fmt in FORMATS}
        for fmt, action in self._actions.items():
            action.triggered.connect(lambda _checked=False, f=fmt: self.export(f))
        self.export_button.setMenu(self._menu)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.canvas, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.export_button.setText(tr("Gem diagram …"))
        self.export_button.setAccessibleName(tr("Gem diagrammet som PNG, SVG eller PDF"))
        for fmt, action in self._actions.items():
            action.setText(tr("Som {format} …", format=fmt.upper()))

    @property
    def figure(self) -> Figure:
        """The figure, with the chart drawn on it."""
        self._draw_pending()
        return self._figure

    def draw(self, draw: Draw | None) -> None:
        self._draw = draw
        self.redraw()

    def colours(self) -> ChartColours:
        """The chart's colours, from the widget's palette (light or dark)."""
        return ChartColours.of(self.palette())

    def redraw(self) -> None:
        """Draw the kept function again: now if the chart is on screen (after this paint),
        else when it is first shown."""
        self._pending = True
        if self.isVisible():
            QTimer.singleShot(0, self, self._draw_pending)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._pending:
            QTimer.singleShot(0, self, self._draw_pending)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # the system switched between light and dark: draw again in the new colours
        if event.type() == QEvent.Type.PaletteChange and self._draw is not None:
            self.redraw()
        super().changeEvent(event)

    def _draw_pending(self) -> None:
        if not self._pending:
            return
        self._pending = False
        self._render(self.colours())
        self.canvas.draw_idle()

    def _render(self, colours: ChartColours) -> None:
        with rc_context(rc(colours)):
            self._figure.clear()
            self._figure.set_facecolor(colours.background)
            if self._draw is not None:
                self._draw(self._figure)

    def export(self, fmt: str) -> Path | None:
        """Ask where, then write the chart there; returns the path written (None: cancelled)."""
        names = {"png": tr("PNG-billede (*.png)"), "svg": tr("SVG-grafik (*.svg)"),
                 "pdf": tr("PDF-dokument (*.pdf)")}
        suggested = Path.home() / f"{self.name}.{fmt}"
        path = filedialogs.save_file(self, tr("Gem diagram"), names[fmt], suggested, f".{fmt}")
        if path is None:
            return None
        try:
            self.save_to(path)
        except Exception as error:  # noqa: BLE001 - shown as a known or unexpected problem
            from apv_desktop.ui.errors import show_problem

            show_problem(self, tr("Diagrammet kunne ikke gemmes"), error)
            return None
        return path

    def save_to(self, path: Path) -> None:
        """Write the figure (format from the suffix) through a temporary file."""
        fmt = path.suffix.lower().lstrip(".")
        # an exported chart goes on paper or into a slide: drawn in light colours, whatever
        # the window's scheme, then drawn again for the window
        self._pending = False
        self._render(PAPER)
        try:
            with rc_context(rc(PAPER)), atomic_output(path) as temporary:
                self._figure.savefig(temporary, format=fmt, dpi=EXPORT_DPI, bbox_inches="tight",
                                    facecolor=PAPER.background)
        finally:
            self.redraw()
