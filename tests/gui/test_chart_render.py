"""Charts are drawn on the render thread, never on the GUI thread, and the widget paints the
image that comes back; a drawing asked for again before it is done is replaced, not shown."""

from __future__ import annotations

import threading

from matplotlib.figure import Figure
from PySide6.QtGui import QColor

from apv_desktop.ui.charts import plots
from apv_desktop.ui.charts.canvas import ChartCanvas
from apv_desktop.ui.theme import dark_palette

ROWS = [plots.ScoreRow("Indflydelse", 66.6, "green", reference=60.0)]


def _shown_canvas(qtbot) -> ChartCanvas:
    canvas = ChartCanvas("profil")
    qtbot.addWidget(canvas)
    canvas.resize(500, 300)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas


def test_a_shown_chart_is_drawn_off_the_gui_thread(qtbot):
    canvas = _shown_canvas(qtbot)
    threads: list[threading.Thread] = []

    def draw(figure: Figure) -> None:
        threads.append(threading.current_thread())
        plots.profile(figure, ROWS, "Profil")

    with qtbot.waitSignal(canvas.rendered, timeout=20_000):
        canvas.draw(draw)
    assert threads and all(t is not threading.main_thread() for t in threads)
    # the figure that was drawn there is the one handed over: asking for it draws nothing more
    assert canvas.figure.axes[0].get_title() == "Profil" and len(threads) == 1


def test_the_widget_paints_the_drawn_image_in_the_palettes_colours(qtbot):
    canvas = _shown_canvas(qtbot)
    canvas.setPalette(dark_palette())
    with qtbot.waitSignal(canvas.rendered, timeout=20_000):
        canvas.draw(lambda figure: plots.profile(figure, ROWS, "Profil"))
    corner = canvas.canvas.grab().toImage().pixelColor(2, 2)
    assert corner.name() == QColor("#2b2b2b").name()


def test_a_drawing_asked_for_again_replaces_the_one_on_its_way(qtbot):
    canvas = _shown_canvas(qtbot)
    titles: list[str] = []

    def titled(title: str):
        def draw(figure: Figure) -> None:
            plots.profile(figure, ROWS, title)
        return draw

    canvas.rendered.connect(lambda: titles.append(canvas.figure.axes[0].get_title()))
    canvas.draw(titled("Først"))
    with qtbot.waitSignal(canvas.rendered, timeout=20_000):
        canvas.draw(titled("Sidst"))
    assert titles == ["Sidst"]
