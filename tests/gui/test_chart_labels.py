"""The response-rate chart's 60 % line is named where it overlaps neither the title nor the axis
(the name once sat on the title); the chart's export button says what it does in full, its menu
arrow beside the text, not over it."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from PySide6.QtWidgets import QStyle

from apv_desktop.i18n import set_language, tr
from apv_desktop.ui.charts import plots
from apv_desktop.ui.charts.canvas import ChartCanvas
from apv_desktop.ui.charts.render import draw_figure
from apv_desktop.ui.charts.style import PAPER

FEW = [plots.RateRow("Socialforvaltningen", 0.88), plots.RateRow("Team Nord", 0.88, 1),
       plots.RateRow("Team Syd", 0.42, 1), plots.RateRow("Myndighed, børn og unge", 1.0, 1)]
MANY = [plots.RateRow(f"Enhed nummer {n}", (n % 10) / 10, 1) for n in range(60)]


def _boxes(figure: Figure, text: str) -> list[Bbox]:
    renderer = figure.canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in figure.findobj(Text)
            if t.get_text() == text and t.get_visible()]


@pytest.mark.parametrize("language", ["da", "sv"])
@pytest.mark.parametrize(("rows", "inches"), [(FEW, (11.0, 1.9)), (FEW, (6.0, 2.6)),
                                              (MANY, (11.0, 12.5))])
def test_the_quality_line_label_overlaps_neither_title_nor_axis(language, rows, inches):
    set_language(language)
    try:
        figure = draw_figure(lambda f: plots.response_rates(f, rows, 0.6), PAPER, inches)
        figure.canvas.draw()
        axes = figure.axes[0]
        renderer = figure.canvas.get_renderer()
        labels = _boxes(figure, tr("60 %-grænsen"))
        assert labels, "the 60 % line is not named"
        title = axes.title.get_window_extent(renderer)
        ticks = [t.get_window_extent(renderer) for t in axes.get_xticklabels()
                 if t.get_text()]
        plot = axes.get_window_extent(renderer)
        whole = figure.bbox
        for box in labels:
            assert not box.overlaps(title)
            assert not box.overlaps(plot)  # not over the bars either
            assert not any(box.overlaps(tick) for tick in ticks)
            assert whole.contains(box.x0, box.y0) and whole.contains(box.x1, box.y1)
    finally:
        set_language("da")


@pytest.mark.parametrize("language", ["da", "sv", "en"])
def test_the_export_button_shows_its_whole_text_beside_the_menu_arrow(qtbot, language):
    set_language(language)
    try:
        canvas = ChartCanvas("svarprocent")
        qtbot.addWidget(canvas)
        canvas.show()
        qtbot.waitExposed(canvas)
        button = canvas.export_button
        text = button.text().replace("&", "")
        assert not text.endswith("…")  # the arrow says a menu follows
        style = button.style()
        arrow = style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin)
        # the text with its margin on either side, and the arrow beside it
        assert button.width() >= button.fontMetrics().horizontalAdvance(text) + 2 * margin + arrow
        assert button.menu() is not None
    finally:
        set_language("da")
