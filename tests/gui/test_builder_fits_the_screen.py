"""The builder at 1366×768 (the common laptop) in every language: whole tab names, every
toolbar command on the screen (not behind »), a refused name shown where it was typed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea, QToolBar

from apv_desktop.core.validation import Location, LocationKind
from apv_desktop.ui.builder import BuilderPage
from tests.gui.test_builder import commit, open_builder


def builder_at_1366(window, project_path, language: str) -> BuilderPage:
    page = open_builder(window, project_path)
    window.resize(1366, 768)
    window.show()
    page.jump_to(Location(LocationKind.ITEM, "qd_1"))
    commit(page.item_editor.labels.edits["da"], "Hvor ofte har du for travlt?")  # Fortryd …
    window.context.apply_language(language)
    QApplication.processEvents()
    return page


@pytest.mark.parametrize("language", ["da", "sv", "en"])
def test_every_tab_name_is_shown_whole_at_1366(window, project_path, language):
    page = builder_at_1366(window, project_path, language)
    bar = page.tabs.tabBar()
    for index in range(bar.count()):
        rect, text = bar.tabRect(index), bar.tabText(index)
        assert rect.width() >= bar.fontMetrics().horizontalAdvance(text), text
        assert bar.rect().contains(rect), text  # not behind scroll arrows


@pytest.mark.parametrize("language", ["da", "sv", "en"])
def test_every_toolbar_command_is_on_the_screen_at_1366(window, project_path, language):
    page = builder_at_1366(window, project_path, language)
    toolbars = page.findChildren(QToolBar)
    actions = [a for bar in toolbars for a in bar.actions() if not a.isSeparator()]
    assert page.actions_.pdf in actions and page.actions_.print_form in actions
    for action in actions:
        shown = next(bar.widgetForAction(action) for bar in toolbars
                     if action in bar.actions())
        assert shown is not None and shown.isVisible(), action.text()


def test_a_refused_name_brings_its_field_into_sight_with_the_focus(window, project_path):
    page = builder_at_1366(window, project_path, "da")
    editor = page.item_editor
    editor.advanced.setChecked(True)  # the name is an advanced field, at the bottom
    QApplication.processEvents()
    scroll = editor.name.parentWidget()
    while not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    scroll.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    assert editor.name.visibleRegion().isEmpty()  # scrolled out of sight, as in the walk
    editor.name.setText("1 bad name")
    editor.name.editingFinished.emit()
    QApplication.processEvents()
    assert page.refusal.isVisible() and "1 bad name" in page.refusal.text()
    assert not editor.name.visibleRegion().isEmpty()
    assert window.focusWidget() is editor.name
