"""The heatmap's domain headings (the row over the dimension names) show each domain's whole
name on a full APV at 1366 pixels, wrapped between words instead of cut ("Organisering og i…"),
a word wider than its columns hyphenated ("arbejdsplad-sen"), and a tooltip over a heading holds
the full name even where a narrow window must cut it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import OrgUnit, Rules
from apv_desktop.core.results import compute_results
from apv_desktop.interchange.templates import load_template
from apv_desktop.services.results_view import domain_names
from apv_desktop.ui.results.header_text import hyphenate
from apv_desktop.ui.results.heatmap_tab import HeatmapTab

# The results page's heatmap at 1366×768: the window less the navigation and the margins.
VIEW_WIDTH = 1366 - 200 - 2 * 24 - 2 * 12
# Unit names of a common length (the longest is 23 letters)
UNITS = [OrgUnit("ORG", "Socialforvaltningen"), OrgUnit("NORD", "Team Nord", "ORG", 12),
         OrgUnit("MYN", "Myndighed, børn og unge", "ORG", 12)]
# A unit name longer than the unit column: it takes what room there is from the start
LONG = [OrgUnit("ORG", "Djursby Kommune"),
        OrgUnit("KUL", "Kultur, turisme, biblioteker og fritid", "ORG", 12)]


def _tab(qtbot, language: str, width: int, units: list[OrgUnit] = UNITS) -> HeatmapTab:
    questionnaire = load_template("psykisk")
    results = compute_results(questionnaire, units, ResponseSet.empty(questionnaire), Rules(),
                              "2025")
    tab = HeatmapTab()
    qtbot.addWidget(tab)
    tab.resize(width, 700)
    tab.show()
    tab.model.set_results(results, domain_names(questionnaire, language))
    tab.retranslate()
    qtbot.waitExposed(tab)
    QApplication.processEvents()  # the scroll bar's range follows the columns' new widths
    return tab


@pytest.mark.parametrize("language", ["da", "sv"])
def test_every_domain_name_shows_whole_at_1366(qtbot, language):
    view = _tab(qtbot, language, VIEW_WIDTH).view
    header = view.header()
    assert view.horizontalScrollBar().maximum() == 0  # the map still fits the window
    groups = header.domain_groups()
    assert len(groups) >= 5
    for name, left, right in groups:
        lines = header.domain_lines(name, right - left)
        assert not any("…" in line for line in lines), (name, lines)  # nothing cut
        assert " ".join(lines).replace("- ", "") == " ".join(name.split()), (name, lines)
        assert all(header.fontMetrics().horizontalAdvance(line) <= right - left
                   for line in lines)
    # the domain row is tall enough for the most lines any name needs
    most = max(len(header.domain_lines(n, r - left)) for n, left, r in groups)
    assert header.height() >= most * header.fontMetrics().lineSpacing() + header.name_length()


@pytest.mark.parametrize("width", [VIEW_WIDTH, 700])
@pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                           "does not support raise")  # the offscreen tooltip window
def test_a_tooltip_over_a_domain_heading_holds_its_full_name(qtbot, width):
    header = _tab(qtbot, "da", width, LONG).view.header()
    for name, left, right in header.domain_groups():
        point = QPoint((left + right) // 2, 4)
        if not 0 <= point.x() < header.viewport().width():
            continue  # scrolled out of view in the narrow window
        assert header.domain_at(point.x(), point.y()) == name
        QToolTip.hideText()
        event = QHelpEvent(QEvent.Type.ToolTip, point, header.viewport().mapToGlobal(point))
        QApplication.sendEvent(header.viewport(), event)
        assert QToolTip.text() == name


def test_a_word_too_wide_for_its_heading_breaks_between_consonants():
    width_of = len  # one "pixel" per letter
    assert hyphenate("arbejdspladsen", width_of, 12) == ["arbejdsplad-", "sen"]
    assert hyphenate("arbetsplatsen", width_of, 11) == ["arbetsplat-", "sen"]
    assert hyphenate("Stress", width_of, 12) == ["Stress"]  # fits: whole
    assert hyphenate("Stress", width_of, 3) == ["Stress"]  # too short to break well
    pieces = hyphenate("Udviklingsmuligheder", width_of, 8)
    assert "".join(p.removesuffix("-") for p in pieces) == "Udviklingsmuligheder"
    assert all(len(p) <= 8 for p in pieces)
