"""One project-changed notification reaches every page, the one on screen too, and a language
switch renames what the pages computed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from apv_desktop.core.model import OrgUnit
from apv_desktop.services.projects import opened
from apv_desktop.ui.collection.page import CollectionPage
from apv_desktop.ui.pages.report import ReportPage
from apv_desktop.ui.results.heatmap_model import FIRST_DIMENSION

UNITS = [OrgUnit("ORG", "Forvaltningen"), OrgUnit("A", "Team Alfa", "ORG", 8)]


def page_of(window, kind):
    return next(p for p in window.pages if isinstance(p, kind))


def test_answers_typed_in_show_on_the_collection_and_report_pages(qtbot, window, project_path):
    with opened(project_path) as project:
        project.replace_org(UNITS)
    assert window.open_project(project_path)
    collection = page_of(window, CollectionPage)
    report = page_of(window, ReportPage)
    window.show_page(window.pages.index(collection))
    assert window.current_page() is collection
    assert collection.facts.text() == "Projektet har endnu ingen runder."
    assert "ingen svar" in report.status.text()

    dialog = collection.paper_dialog("2025")
    qtbot.addWidget(dialog)
    for _sheet in range(2):
        dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("A"))
        first = next(iter(dialog.fields.values()))
        qtbot.keyClicks(first, "1")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)

    assert collection.facts.text() == "Runde 2025: 2 svar, åben"  # the page on screen
    assert "ingen svar" not in report.status.text()  # a page elsewhere
    assert report.round_box.currentText() == "2025" and report.make_button.isEnabled()
    assert window.count_label.text() == "2 svar i projektet"


def test_a_page_is_not_reloaded_by_its_own_change(qtbot, window, project_path):
    assert window.open_project(project_path)
    collection = page_of(window, CollectionPage)
    report = page_of(window, ReportPage)
    refreshed = []
    collection.refresh = lambda: refreshed.append("collection")
    report.refresh = lambda: refreshed.append("report")
    window.session.notify_changed(collection.facts)  # a change made inside the collection page
    assert refreshed == ["report"]
    window.session.notify_changed()
    assert sorted(refreshed) == ["collection", "report", "report"]


def test_a_language_switch_renames_the_heatmap(qtbot, window, demo_path, context):
    window.open_project(demo_path)
    results = next(p for p in window.pages if p.page_id == "results")
    window.show_page(window.pages.index(results))
    results.ensure_built()
    with qtbot.waitSignal(results.recomputed, timeout=30_000):
        results.request(None)
    model = results.heatmap.model
    danish = model.headerData(FIRST_DIMENSION, Qt.Orientation.Horizontal)
    with qtbot.waitSignal(results.recomputed, timeout=30_000):
        context.switch_language("en")
    english = model.headerData(FIRST_DIMENSION, Qt.Orientation.Horizontal)
    assert english != danish and english
    assert results.bundle.language == "en"


def test_a_language_switch_during_the_computation_still_renames_the_heatmap(qtbot, window,
                                                                              demo_path, context):
    window.open_project(demo_path)
    results = next(p for p in window.pages if p.page_id == "results")
    window.show_page(window.pages.index(results))
    results.ensure_built()
    results.request(None)  # the answer arrives through the event loop: still computing now
    assert results.busy
    context.switch_language("en")
    qtbot.waitUntil(lambda: results.bundle is not None and not results.busy, timeout=30_000)
    assert results.bundle.language == "en"
    model = results.heatmap.model
    english = model.headerData(FIRST_DIMENSION, Qt.Orientation.Horizontal)
    dimension = model.dimension_at(FIRST_DIMENSION)
    assert english == dimension.name
