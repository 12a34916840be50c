"""Charts follow the window's palette (one place: charts.style.ChartColours): dark mode draws
dark charts with light text and grid instead of white boxes; an export stays on paper colours;
overdue rows of the action plan keep dark text on their pale red in dark mode."""

from __future__ import annotations

from matplotlib.colors import to_hex
from PySide6.QtGui import QColor

from apv_desktop.ui.charts import plots
from apv_desktop.ui.charts.canvas import ChartCanvas
from apv_desktop.ui.charts.style import PAPER, ChartColours
from apv_desktop.ui.theme import dark_palette

ROWS = [plots.ScoreRow("Indflydelse", 66.6, "green", reference=60.0),
        plots.ScoreRow("Udbrændthed", 21.7, "green", higher_is_better=False)]


def _drawn(canvas: ChartCanvas) -> tuple[str, str, str, list[str]]:
    axes = canvas.figure.axes[0]
    labels = [t.get_text() for t in axes.get_yticklabels()]
    return (to_hex(canvas.figure.get_facecolor()), to_hex(axes.get_facecolor()),
            to_hex(axes.title.get_color()), labels)


def test_a_dark_palette_draws_a_dark_chart(qtbot):
    canvas = ChartCanvas("profil")
    qtbot.addWidget(canvas)
    canvas.setPalette(dark_palette())
    canvas.draw(lambda figure: plots.profile(figure, ROWS, "Profil"))
    colours = ChartColours.of(dark_palette())
    assert colours.background == "#2b2b2b" and colours.text == "#e8e8e8"
    figure, axes, title, _labels = _drawn(canvas)
    assert figure == axes == "#2b2b2b" and title == "#e8e8e8"
    grid = canvas.figure.axes[0].xaxis.get_gridlines()[0].get_color()
    assert QColor(to_hex(grid)).lightnessF() > QColor(colours.background).lightnessF()
    # the reference mark is drawn in the text colour, not in black on the dark background
    marks = [line for line in canvas.figure.axes[0].get_lines() if line.get_marker() == "|"]
    assert marks and all(to_hex(m.get_color()) == "#e8e8e8" for m in marks)


def test_the_chart_follows_a_switch_of_palette_and_exports_on_paper(qtbot, tmp_path):
    canvas = ChartCanvas("profil")
    qtbot.addWidget(canvas)
    canvas.draw(lambda figure: plots.profile(figure, ROWS, "Profil"))
    light = _drawn(canvas)[0]
    canvas.setPalette(dark_palette())  # what the system's switch to dark does
    assert _drawn(canvas)[0] == "#2b2b2b" != light
    canvas.save_to(tmp_path / "profil.svg")
    svg = (tmp_path / "profil.svg").read_text(encoding="utf-8")
    assert "#ffffff" in svg.lower() and "#2b2b2b" not in svg.lower()
    assert _drawn(canvas)[0] == "#2b2b2b"  # drawn again for the window
    assert PAPER.background == "#ffffff"


def test_profile_separates_resources_and_demands_under_direction_headings(qtbot):
    canvas = ChartCanvas("profil")
    qtbot.addWidget(canvas)
    canvas.draw(lambda figure: plots.profile(figure, list(reversed(ROWS)), "Profil"))
    labels = _drawn(canvas)[3]
    assert labels == ["Indflydelse", "Udbrændthed", "Ressourcer: højere er bedre",
                      "Krav og belastninger: højere er dårligere"]
    ticks = canvas.figure.axes[0].get_yticks()
    # headings sit above their group: resources first, then demands
    assert ticks[2] < ticks[0] < ticks[3] < ticks[1]


def test_overdue_rows_keep_dark_text_in_dark_mode(window, demo_path, qapp):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette

    from apv_desktop.ui.actionplan.page import ActionPlanPage

    original = QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    try:
        window.open_project(demo_path)
        page = next(p for p in window.pages if isinstance(p, ActionPlanPage))
        tab = page.actions_tab
        tab.overdue_only.setChecked(True)
        assert tab.table.rowCount() == 1
        item = tab.table.item(0, 3)
        # the row sets its own text colour (the palette's light text is unreadable on pale red)
        assert item.foreground().style() != Qt.BrushStyle.NoBrush
        text, background = item.foreground().color(), item.background().color()
        assert background.lightnessF() > 0.8 and text.lightnessF() < 0.2
    finally:
        qapp.setPalette(original)
