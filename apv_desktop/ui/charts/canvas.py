"""A matplotlib chart inside a Qt widget, with an export button for PNG, SVG and PDF.

The chart is drawn on the render thread (charts.render) into an image that this widget paints:
a chart of 150 units takes matplotlib most of a second, which the window must not wait for."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from matplotlib import rc_context
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent, QRect, QSize, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.i18n import tr
from apv_desktop.interchange.atomic import atomic_output
from apv_desktop.reports.matplotlib_lock import SETTINGS_LOCK
from apv_desktop.ui import filedialogs
from apv_desktop.ui.charts.render import (
    RENDERER,
    SCREEN_DPI,
    Draw,
    RenderJob,
    draw_figure,
)
from apv_desktop.ui.charts.style import PAPER, ChartColours, rc

FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
EXPORT_DPI = 200
SETTLE_MS = 60  # drawn once the layout has settled (a scroll bar coming changes the width)


class ChartImage(QWidget):
    """Paints the chart's latest image, stretched to the widget while a new one is drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.background = QColor(PAPER.background)

    def show_image(self, image: QImage | None, background: str) -> None:
        self.image = image
        self.background = QColor(background)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.background)
        if self.image is not None:
            painter.drawImage(QRect(0, 0, self.width(), self.height()), self.image)
        painter.end()


class ChartCanvas(QWidget):
    """Call `draw(function)` with a function that draws on a figure; it is kept, so the chart
    can be drawn again (in other colours, at another size, after a language change) and
    exported. The function runs on the render thread: it may only use what it was given.

    A chart is drawn only once it is on screen; `rendered` says its image is in. Asking for
    `figure` draws it at once, on the calling thread (tests look at the figure's artists)."""

    rendered = Signal()

    def __init__(self, name: str, parent: QWidget | None = None, height: float = 3.2) -> None:
        super().__init__(parent)
        self.name = name  # the suggested file name of an export
        self._inches = (7.0, height)  # the figure's size before the widget has one
        self._version = 0  # counts the drawings asked for (a new function, colours, size)
        self._figure: Figure | None = None  # the latest drawing, for `figure`
        self._figure_of: tuple[int, tuple[float, float]] | None = None  # its version, inches
        self._size: QSize | None = None  # the size it was last drawn at on screen
        self._draw: Draw | None = None
        self._pending = False  # the kept function is not drawn at the current size/colours
        self._job: RenderJob | None = None  # the drawing on its way
        self.canvas = ChartImage()
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(int(height * 70))
        self._settled = QTimer(self)  # restarted by every change: one drawing for a burst
        self._settled.setSingleShot(True)
        self._settled.setInterval(SETTLE_MS)
        self._settled.timeout.connect(self._draw_pending)
        # A push button makes room for its menu arrow (a tool button drew it over the text)
        self.export_button = QPushButton()
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
        self.export_button.setText(tr("Gem diagram"))  # the arrow says a menu follows
        self.export_button.setAccessibleName(tr("Gem diagrammet som PNG, SVG eller PDF"))
        for fmt, action in self._actions.items():
            action.setText(tr("Som {format} …", format=fmt.upper()))

    @property
    def figure(self) -> Figure:
        """The figure with the chart drawn on it in the window's colours (drawn now, on this
        thread, when the latest drawing has not come back yet)."""
        inches = self._figure_inches()
        if self._figure is None or self._figure_of != (self._version, inches):
            self._figure = draw_figure(self._draw, self.colours(), inches)
            self._figure_of = (self._version, inches)
        return self._figure

    def draw(self, draw: Draw | None) -> None:
        self._draw = draw
        self.redraw()

    def colours(self) -> ChartColours:
        """The chart's colours, from the widget's palette (light or dark)."""
        return ChartColours.of(self.palette())

    def redraw(self) -> None:
        """Draw the kept function again: soon if the chart is on screen, else when it is shown."""
        self._outdate()
        if self.isVisible():
            self._settled.start()

    def _outdate(self) -> None:
        self._pending = True
        self._version += 1
        if self._job is not None:
            self._job.superseded = True
            self._job = None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._pending:
            self._settled.start()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._draw is not None and self.isVisible():
            self._settled.start()  # the stretched image stands in meanwhile

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # the system switched between light and dark: draw again in the new colours
        if event.type() == QEvent.Type.PaletteChange and self._draw is not None:
            self.redraw()
        super().changeEvent(event)

    def _figure_inches(self) -> tuple[float, float]:
        if self._size is None:
            return self._inches
        return self._size.width() / SCREEN_DPI, self._size.height() / SCREEN_DPI

    @property
    def drawing(self) -> bool:
        """Whether a drawing is still to come (waiting for the layout, or on the render thread)."""
        return self._pending or self._job is not None

    def _draw_pending(self) -> None:
        """The layout has settled: draw if the function, the colours or the size changed."""
        if not self.isVisible():
            return
        size = self.canvas.size()
        if self._draw is not None and not size.isEmpty() and size != self._size:
            self._outdate()
        if not self._pending:
            return
        self._pending = False
        size = self.canvas.size()
        self._size = None if size.isEmpty() else size
        inches = self._figure_inches()
        size = QSize(round(inches[0] * SCREEN_DPI), round(inches[1] * SCREEN_DPI))
        self._job = RenderJob(self._draw, self.colours(), size, self.devicePixelRatioF(),
                              self._rendered)
        RENDERER.submit(self._job)

    def _rendered(self, job: RenderJob) -> None:
        """On the GUI thread: the drawing is done (dropped when this widget is gone)."""
        if not shiboken6.isValid(self) or job is not self._job:
            return
        self._job = None
        if job.error is not None:
            raise job.error
        self._figure, self._figure_of = job.figure, (self._version, self._figure_inches())
        self.canvas.show_image(job.image, job.colours.background)
        self.rendered.emit()

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
        """Write the chart (format from the suffix) through a temporary file: drawn anew in
        light colours, whatever the window's scheme, for paper or a slide."""
        fmt = path.suffix.lower().lstrip(".")
        figure = draw_figure(self._draw, PAPER, self._figure_inches())
        with SETTINGS_LOCK, rc_context(rc(PAPER)), atomic_output(path) as temporary:
            figure.savefig(temporary, format=fmt, dpi=EXPORT_DPI, bbox_inches="tight",
                           facecolor=PAPER.background)
