"""The tree of sections and their items, with drag and drop to reorder.

A drop does not move rows itself: it asks the page for the edit (so that it is stored and
undoable), and the page fills the tree again from the questionnaire.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from apv_desktop.core.model import Questionnaire
from apv_desktop.core.validation import Location, LocationKind

LOCATION_ROLE = Qt.ItemDataRole.UserRole
Indicator = QAbstractItemView.DropIndicatorPosition


@dataclass(frozen=True)
class Move:
    """Where a dragged section or item goes, in the terms of core.editing's move functions."""

    kind: LocationKind
    name: str  # the item's name (items)
    index: int  # the section's position (sections) or the target section (items)
    to: int  # the target position, counted before the move


def drop_move(questionnaire: Questionnaire, source: Location, target: Location | None,
              indicator: Indicator) -> Move | None:
    """The move a drop of `source` on `target` (None = the empty space below) means."""
    sections = questionnaire.sections
    if not sections:
        return None
    below = indicator in (Indicator.BelowItem, Indicator.OnItem)
    if source.kind is LocationKind.SECTION and source.index is not None:
        if target is None:
            return Move(LocationKind.SECTION, "", source.index, len(sections))
        if target.kind is LocationKind.SECTION and target.index is not None:
            to = target.index + (1 if below else 0)
        else:
            to = _section_of(questionnaire, target.name) + 1
        return Move(LocationKind.SECTION, "", source.index, to)
    if source.kind is not LocationKind.ITEM:
        return None
    if target is None:
        last = len(sections) - 1
        return Move(LocationKind.ITEM, source.name, last, len(sections[last].items))
    if target.kind is LocationKind.SECTION and target.index is not None:
        if indicator is Indicator.OnItem:
            return Move(LocationKind.ITEM, source.name, target.index,
                        len(sections[target.index].items))
        if indicator is Indicator.AboveItem and target.index > 0:
            previous = target.index - 1
            return Move(LocationKind.ITEM, source.name, previous, len(sections[previous].items))
        return Move(LocationKind.ITEM, source.name, target.index, 0)
    section_index = _section_of(questionnaire, target.name)
    names = [item.name for item in sections[section_index].items]
    position = names.index(target.name) + (1 if below else 0)
    return Move(LocationKind.ITEM, source.name, section_index, position)


def _section_of(questionnaire: Questionnaire, item_name: str) -> int:
    for index, section in enumerate(questionnaire.sections):
        if any(item.name == item_name for item in section.items):
            return index
    raise KeyError(item_name)


class QuestionnaireTree(QTreeWidget):
    """Signals `move_requested(Move)` after a drop."""

    move_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.questionnaire: Questionnaire | None = None

    def fill(self, questionnaire: Questionnaire, language: str, problems: set[Location]) -> None:
        """Show the questionnaire; items and sections with a problem are marked with '⚠'."""
        self.questionnaire = questionnaire
        selected = self.selected_location()
        expanded = {node.data(0, LOCATION_ROLE).index
                    for node in _section_nodes(self) if node.isExpanded()}
        first_fill = self.topLevelItemCount() == 0
        self.blockSignals(True)
        self.clear()
        for index, section in enumerate(questionnaire.sections):
            location = Location(LocationKind.SECTION, section.name, index)
            node = QTreeWidgetItem([_mark(f"{index + 1}. {section.label(language)}",
                                          location, problems)])
            node.setData(0, LOCATION_ROLE, location)
            node.setFlags(node.flags() | Qt.ItemFlag.ItemIsDropEnabled)
            self.addTopLevelItem(node)
            for item in section.items:
                item_location = Location(LocationKind.ITEM, item.name)
                text = item.label(language) or item.name  # the question, not its code
                child = QTreeWidgetItem([_mark(text, item_location, problems)])
                child.setToolTip(0, text)
                child.setData(0, LOCATION_ROLE, item_location)
                node.addChild(child)
            node.setExpanded(first_fill or index in expanded)
        self.blockSignals(False)
        if selected is not None:
            self.select(selected)

    def selected_location(self) -> Location | None:
        item = self.currentItem()
        return item.data(0, LOCATION_ROLE) if item is not None else None

    def select(self, location: Location) -> bool:
        for node in _section_nodes(self):
            for candidate in (node, *_item_nodes(node)):
                found: Location = candidate.data(0, LOCATION_ROLE)
                same = (found.kind is location.kind and (
                    found.index == location.index if location.kind is LocationKind.SECTION
                    else found.name == location.name))
                if same:
                    self.setCurrentItem(candidate)
                    self.scrollToItem(candidate)
                    return True
        return False

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        source = self.selected_location()
        target_item = self.itemAt(event.position().toPoint())
        target = target_item.data(0, LOCATION_ROLE) if target_item is not None else None
        indicator = self.dropIndicatorPosition()
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.ignore()  # the edit below moves it; Qt must not move (or remove) rows itself
        if source is None or self.questionnaire is None:
            return
        move = drop_move(self.questionnaire, source, target, indicator)
        if move is not None:
            # after the drag has finished: the tree is filled again by the edit
            QTimer.singleShot(0, lambda: self.move_requested.emit(move))


def _section_nodes(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    nodes = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert None not in nodes  # Qt answers None only for an index out of range
    return [node for node in nodes if node is not None]


def _item_nodes(node: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    children = [node.child(j) for j in range(node.childCount())]
    assert None not in children  # Qt answers None only for an index out of range
    return [child for child in children if child is not None]


def _mark(text: str, location: Location, problems: set[Location]) -> str:
    return f"⚠ {text}" if location in problems else text
