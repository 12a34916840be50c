"""The heatmap's header on a full APV (template psykisk): every dimension beside the units at
1366 pixels, names turned on their side and broken only between words, a tooltip with the full
name and direction, and a legend for italic n and the hidden marks."""

from __future__ import annotations

import pytest

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import OrgUnit, Rules
from apv_desktop.core.results import compute_results
from apv_desktop.interchange.templates import load_template
from apv_desktop.services.results_view import domain_names
from apv_desktop.ui.results.header_text import fit_lines, wrap_words
from apv_desktop.ui.results.heatmap_model import FIRST_DIMENSION
from apv_desktop.ui.results.heatmap_tab import HeatmapTab

# The results page's heatmap at 1366×768: the window less the navigation and the margins.
VIEW_WIDTH = 1366 - 200 - 2 * 24 - 2 * 12
UNITS = [OrgUnit("ORG", "Djursby Kommune"),
         OrgUnit("KUL", "Kultur, turisme, biblioteker og fritid", "ORG", 12)]


@pytest.fixture
def tab(qtbot):
    questionnaire = load_template("psykisk")
    results = compute_results(questionnaire, UNITS, ResponseSet.empty(questionnaire), Rules(),
                              "2025")
    tab = HeatmapTab()
    qtbot.addWidget(tab)
    tab.resize(VIEW_WIDTH, 700)
    tab.show()
    tab.model.set_results(results, domain_names(questionnaire, "da"))
    tab.retranslate()
    qtbot.waitExposed(tab)
    return tab


def test_every_dimension_of_a_full_apv_shows_at_1366(tab):
    view = tab.view
    count = tab.model.columnCount() - FIRST_DIMENSION
    assert count == 20
    used = sum(view.columnWidth(c) for c in range(tab.model.columnCount()))
    assert used <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0


def test_no_header_line_ends_inside_a_word(tab):
    header = tab.view.header()
    metrics = header.fontMetrics()
    length = header.name_length()
    for column in range(FIRST_DIMENSION, tab.model.columnCount()):
        name = tab.model.dimension_at(column).name
        lines, needed = header.name_lines(column)
        assert " ".join(lines) == " ".join(name.split()), name
        words = name.split()
        assert [w for line in lines for w in line.split()] == words  # whole words, in order
        # the lines fit across the column and along the header's height
        assert len(lines) * metrics.lineSpacing() <= tab.view.columnWidth(column)
        assert all(metrics.horizontalAdvance(line) <= needed <= length for line in lines)
    assert header.height() >= length  # the tallest name is not cut off


def test_wrapping_keeps_long_compounds_whole():
    width_of = len  # one "pixel" per letter
    assert wrap_words("Social støtte fra nærmeste leder", width_of, 12) == [
        "Social", "støtte fra", "nærmeste", "leder"]
    assert wrap_words("Udviklingsmuligheder", width_of, 5) == ["Udviklingsmuligheder"]
    lines, length = fit_lines("Konflikt mellem arbejde og privatliv", width_of, 2)
    assert lines == ["Konflikt mellem", "arbejde og privatliv"] and length == 20
    assert fit_lines("Stress", width_of, 3) == (["Stress"], 6)


def test_header_tooltip_names_the_dimension_and_its_direction(tab):
    from PySide6.QtCore import Qt

    model = tab.model
    tips = {model.dimension_at(c).code: model.headerData(c, Qt.Orientation.Horizontal,
                                                         Qt.ItemDataRole.ToolTipRole)
            for c in range(FIRST_DIMENSION, model.columnCount())}
    assert tips["BO"].startswith("Udbrændthed\nHøjere er dårligere")
    assert tips["IN"].startswith("Indflydelse\nHøjere er bedre")
    assert "Område: " in tips["BO"]


def test_the_legend_explains_italic_n_hidden_and_direction(tab):
    text = tab.legend.text()
    assert "n i kursiv: svarprocent under 60 %" in text
    assert "Skraveret: skjult" in text
    assert "højere er dårligere" in text
