"""The project's overview page: the APV cycle at a glance, each step a way to its page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from apv_desktop.ui.pages.overview import OverviewPage


def _texts(page: OverviewPage) -> list[str]:
    return [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]


def test_a_project_opens_on_where_the_apv_stands(window, demo_path, qtbot):
    window.open_project(demo_path)
    page = window.current_page()
    assert isinstance(page, OverviewPage)
    texts = _texts(page)
    assert "Handlinger over fristen: 1." in "\n".join(texts)
    assert any(t.startswith("Runde 2026-opfølgning") and "230 svar" in t for t in texts)
    marks = [label for label in page.findChildren(QLabel) if label.text() in ("✓", "○")]
    assert [m.accessibleName() for m in marks[-4:]] == ["færdig", "færdig", "færdig", "mangler"]
    follow_up = next(b for b in page.findChildren(QPushButton)
                     if b.text() == "4. Gennemførelse og opfølgning")
    qtbot.mouseClick(follow_up, Qt.MouseButton.LeftButton)
    assert window.current_page().page_id == "action_plan"


def test_a_new_project_says_what_to_do_first(window, project_path):
    window.open_project(project_path)
    page = next(p for p in window.pages if isinstance(p, OverviewPage))
    text = "\n".join(_texts(page))
    assert "Læg organisationens enheder ind." in text
    assert "Ingen runde endnu" in text


def test_the_overview_follows_the_language(window, demo_path, context):
    window.open_project(demo_path)
    context.switch_language("en")
    page = next(p for p in window.pages if isinstance(p, OverviewPage))
    assert "4. Carrying out and follow-up" in [b.text() for b in page.findChildren(QPushButton)]
