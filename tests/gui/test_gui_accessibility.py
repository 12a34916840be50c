"""Every control on every page can be reached by keyboard and has a name a screen reader reads."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit,
            QAbstractItemView)


def spoken_name(widget: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "").strip()
    return ""


def unnamed_or_unreachable(root: QWidget) -> list[str]:
    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or isinstance(widget, QHeaderView):
            continue  # a table's header is part of the table, reached through it
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parent(), QComboBox | QAbstractSpinBox | QAbstractItemView):
            continue  # Qt's own parts of a compound control (a spin box's line edit, a corner)
        where = f"{type(widget).__name__} in {type(widget.parent()).__name__}"
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and widget.isEnabled():
            problems.append(f"{where}: not reachable by keyboard")
        if not spoken_name(widget):
            problems.append(f"{where}: no accessible name")
    return problems


def test_every_page_is_keyboard_reachable_and_named(window, demo_path, qtbot) -> None:
    window.open_project(demo_path)
    problems = []
    for index, page in enumerate(window.pages):
        window.navigation.setCurrentRow(index)
        if hasattr(page, "ensure_built"):
            page.ensure_built()
        problems += [f"{page.page_id}: {p}" for p in unnamed_or_unreachable(page)]
        for tabs in page.findChildren(QTabWidget):
            for tab in range(tabs.count()):
                tabs.setCurrentIndex(tab)
                problems += [f"{page.page_id}/{tabs.tabText(tab)}: {p}"
                             for p in unnamed_or_unreachable(page)]
    assert not problems, "\n".join(sorted(set(problems)))
