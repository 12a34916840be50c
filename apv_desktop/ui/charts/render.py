"""Charts drawn off the GUI thread: one render thread draws each figure with the Agg canvas into an
image, which the GUI thread only paints.

A chart of 150 units takes matplotlib most of a second to lay out and rasterise; on the GUI
thread that froze the window while a large project opened. A `Figure` with its own Agg canvas is
safe on another thread as long as one thread uses it: each render makes a new figure on the render
thread and hands it over, finished, with the image. matplotlib's settings (`rcParams`, which
`rc_context` changes for the chart's colours) are global, so every drawing — on the render thread
or a synchronous one on the GUI thread (an export) — holds `SETTINGS_LOCK`.
"""

from __future__ import annotations

import atexit
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QImage

from apv_desktop.reports.matplotlib_lock import SETTINGS_LOCK
from apv_desktop.ui.charts.style import ChartColours, rc

Draw = Callable[[Figure], None]
SCREEN_DPI = 100.0

def draw_figure(draw: Draw | None, colours: ChartColours, inches: tuple[float, float],
                dpi: float = SCREEN_DPI) -> Figure:
    """A new figure of `inches` with `draw` on it in `colours` (any thread; one at a time)."""
    with SETTINGS_LOCK, rc_context(rc(colours)):
        figure = Figure(figsize=inches, dpi=dpi, layout=None)
        FigureCanvasAgg(figure)  # layout (tight_layout) measures text with this renderer
        figure.set_facecolor(colours.background)
        if draw is not None:
            draw(figure)
        return figure


def rasterise(figure: Figure, colours: ChartColours) -> QImage:
    """The figure as pixels (drawing reads settings such as the fonts: under the lock too)."""
    with SETTINGS_LOCK, rc_context(rc(colours)):
        canvas = figure.canvas
        assert isinstance(canvas, FigureCanvasAgg)
        canvas.draw()
        width, height = canvas.get_width_height(physical=True)
        pixels = bytes(canvas.buffer_rgba())
    return QImage(pixels, width, height, 4 * width, QImage.Format.Format_RGBA8888).copy()


@dataclass(eq=False)
class RenderJob:
    """One drawing of a chart, asked for on the GUI thread. `superseded` is set when a newer
    drawing of the same chart is asked for: the render thread then skips this one."""

    draw: Draw | None
    colours: ChartColours
    size: QSize  # device-independent pixels
    ratio: float  # device pixels per pixel
    deliver: Callable[[RenderJob], None]  # called on the GUI thread with the finished job
    superseded: bool = False
    figure: Figure | None = field(default=None, repr=False)
    image: QImage | None = field(default=None, repr=False)
    error: BaseException | None = None

    def run(self) -> None:
        inches = (max(self.size.width(), 1) / SCREEN_DPI, max(self.size.height(), 1) / SCREEN_DPI)
        try:
            self.figure = draw_figure(self.draw, self.colours, inches, SCREEN_DPI * self.ratio)
            self.image = rasterise(self.figure, self.colours)
            self.image.setDevicePixelRatio(self.ratio)
        except Exception as error:  # noqa: BLE001 - shown by the chart, on the GUI thread
            self.error = error


class _Bridge(QObject):
    """Lives on the GUI thread: a job finished on the render thread arrives there through it."""

    finished = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(self._deliver)

    @staticmethod
    def _deliver(job: RenderJob) -> None:
        if not job.superseded:
            job.deliver(job)


class _RenderThread:
    """One thread, started with the first chart: charts are drawn one after another (the
    settings lock would serialise them anyway), skipping superseded drawings. It is stopped
    before the interpreter ends: a thread killed inside matplotlib's C++ aborts the program."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[RenderJob | None] = queue.SimpleQueue()  # None: stop
        self._bridge: _Bridge | None = None
        self._thread: threading.Thread | None = None
        self._stopping = False

    def submit(self, job: RenderJob) -> None:
        """Queue `job` (from the GUI thread); its `deliver` is called on the GUI thread."""
        if self._thread is None:
            self._bridge = _Bridge()  # made here, so it belongs to the GUI thread
            self._stopping = False
            self._thread = threading.Thread(target=self._loop, name="chart-render", daemon=True)
            self._thread.start()
            atexit.register(self.stop)
        self._jobs.put(job)

    def stop(self) -> None:
        """Finish the drawing in hand, drop the rest, and end the thread."""
        if self._thread is None:
            return
        self._bridge = None  # nothing more is handed to the GUI thread
        self._stopping = True
        self._jobs.put(None)
        self._thread.join()
        self._thread = None

    def _loop(self) -> None:
        while (job := self._jobs.get()) is not None:
            if job.superseded or self._stopping:
                continue
            job.run()
            bridge = self._bridge
            if bridge is not None and not job.superseded:
                bridge.finished.emit(job)


RENDERER = _RenderThread()
