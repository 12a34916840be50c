"""The organisation as an editable tree: each accepted edit (rename, new code, headcount, a new
sub-unit, a move by drag and drop or by "Flyt til …", a removal) is stored at once.

Every change builds the whole new list of units, checks it with core/org_rules.py and hands it
to the project (services → store), which applies it in one transaction; the model never runs SQL.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from apv_desktop.core.model import OrgUnit
from apv_desktop.core.org_changes import held_text
from apv_desktop.core.org_rules import OrgProblem, org_problems, whole_number
from apv_desktop.core.orgtree import total_headcounts
from apv_desktop.errors import ApvError
from apv_desktop.i18n import tr
from apv_desktop.ui.pages.org_texts import org_problem_text
from apv_desktop.ui.session import ProjectSession

NAME, CODE, OWN, TOTAL = range(4)
UNIT_MIME = "application/x-apv-org-unit"
AnyIndex = QModelIndex | QPersistentModelIndex


class OrgTreeModel(QAbstractItemModel):
    refused = Signal(str)  # why a change was not stored (translated)
    stored = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.units: list[OrgUnit] = []
        self.session: ProjectSession | None = None
        self._index_tree()

    def set_session(self, session: ProjectSession | None) -> None:
        self.beginResetModel()
        self.session = session
        self.units = session.project.org_units() if session is not None else []
        self._index_tree()
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, TOTAL)

    def _index_tree(self) -> None:
        self._position = {unit.code: i for i, unit in enumerate(self.units)}
        self._children: dict[str | None, list[int]] = {}
        for i, unit in enumerate(self.units):
            parent = unit.parent if unit.parent in self._position else None
            self._children.setdefault(parent, []).append(i)
        self._row = {i: row for kids in self._children.values() for row, i in enumerate(kids)}
        self._total = total_headcounts(self.units)

    # --- the tree ----------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()  # noqa: B008
              ) -> QModelIndex:
        kids = self._children.get(self.code_at(parent) if parent.isValid() else None, [])
        if not 0 <= row < len(kids) or not 0 <= column < 4:
            return QModelIndex()
        return self.createIndex(row, column, kids[row])

    def parent(self, index: AnyIndex | None = None) -> Any:
        if index is None:  # QObject.parent(): who owns the model (pages/base.py asks)
            return QObject.parent(self)
        if not index.isValid():
            return QModelIndex()
        parent = self.units[index.internalId()].parent
        if parent not in self._position:
            return QModelIndex()
        position = self._position[parent]
        return self.createIndex(self._row[position], 0, position)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(self.code_at(parent) if parent.isValid() else None, []))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 4

    def code_at(self, index: AnyIndex) -> str:
        return self.units[index.internalId()].code

    def unit(self, code: str) -> OrgUnit:
        return self.units[self._position[code]]

    def index_of(self, code: str, column: int = NAME) -> QModelIndex:
        position = self._position.get(code)
        if position is None:
            return QModelIndex()
        return self.createIndex(self._row[position], column, position)

    def has_sub_units(self, code: str) -> bool:
        return bool(self._children.get(code))

    def below(self, code: str) -> set[str]:
        """The codes of every unit under `code` (not itself)."""
        found: set[str] = set()
        stack = [code]
        while stack:
            for i in self._children.get(stack.pop(), []):
                found.add(self.units[i].code)
                stack.append(self.units[i].code)
        return found

    # --- reading -----------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (tr("Enhed"), tr("Kode"), tr("Ansatte i enheden"),
                    tr("Ansatte i alt"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (tr("Teamets eller afdelingens navn, som det står i rapporten."),
                    tr("Enhedens entydige kode (bruges i filer med svar og enheder)."),
                    tr("De ansatte, der hører direkte til enheden, uden dens underenheder."),
                    tr("Enhedens egne ansatte plus alle ansatte i enhederne under den; "
                       "svarprocenten regnes af dette tal."))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        unit = self.units[index.internalId()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = (unit.name, unit.code, unit.headcount, self._total.get(unit.code))[column]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (OWN, TOTAL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == TOTAL:
            return tr("{name}: {own} egne ansatte, {total} i alt med underenhederne.",
                      name=unit.name, own=str(unit.headcount or 0),
                      total=str(self._total.get(unit.code) or 0))
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # dropped on the blank area: a top unit
        flags = super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if index.column() != TOTAL:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- drag and drop: a unit dropped on another becomes its sub-unit --------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [UNIT_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]  # noqa: N802
        data = QMimeData()
        if indexes:
            data.setData(UNIT_MIME, self.code_at(indexes[0]).encode("utf-8"))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: AnyIndex) -> bool:
        code = self._dragged(data)
        if code is None or code not in self._position:
            return False
        target = self.code_at(parent) if parent.isValid() else None
        return target is None or (target != code and target not in self.below(code))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: AnyIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        code = self._dragged(data)
        assert code is not None
        self.move_unit(code, self.code_at(parent) if parent.isValid() else None)
        return False  # the move is done; the view must not remove the dragged row itself

    @staticmethod
    def _dragged(data: QMimeData) -> str | None:
        if not data.hasFormat(UNIT_MIME):
            return None
        return bytes(data.data(UNIT_MIME).data()).decode("utf-8")

    # --- changing ----------------------------------------------------------------------------

    def setData(self, index: AnyIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() == TOTAL:
            return False
        text = str(value).strip()
        if text == self.data(index):
            return False
        problem, candidate = self._edited(self.code_at(index), index.column(), text)
        if problem:
            self.refused.emit(problem)
            return False
        return self._apply(candidate)

    def add_unit(self, parent_code: str | None) -> str | None:
        """A new unit (under `parent_code`) with a free code; its code, None if refused."""
        codes = {unit.code.casefold() for unit in self.units}
        number = 1
        while f"ny{number}" in codes:
            number += 1
        code = f"NY{number}"
        new = OrgUnit(code, tr("Ny enhed"), parent_code, None)
        return code if self._apply([*self.units, new]) else None

    def move_unit(self, code: str, parent_code: str | None) -> bool:
        """`code` (with its sub-units) under `parent_code` (None: a top unit), last among its
        new siblings."""
        unit = self.unit(code)
        if unit.parent == parent_code:
            return False
        if parent_code is not None and (parent_code == code or parent_code in self.below(code)):
            self.refused.emit(tr("En enhed kan ikke ligge under sig selv eller sine egne "
                                 "underenheder."))
            return False
        others = [u for u in self.units if u.code != code]
        return self._apply([*others, replace(unit, parent=parent_code)])

    def remove_unit(self, code: str) -> bool:
        unit = self.unit(code)
        if self.has_sub_units(code):
            self.refused.emit(tr("{name} har underenheder; flyt eller slet dem først.",
                                 name=unit.name))
            return False
        if self.session is not None:
            held = self.session.project.org_data_held([code])
            if code in held:
                self.refused.emit(tr("{name} kan ikke slettes, fordi enheden har {what}. "
                                     "Den kan omdøbes eller flyttes.",
                                     name=unit.name, what=held_text(held[code])))
                return False
        return self._apply([u for u in self.units if u.code != code])

    def replace_all(self, units: list[OrgUnit]) -> bool:
        return self._apply(list(units))

    def _edited(self, code: str, column: int, text: str) -> tuple[str, list[OrgUnit]]:
        """(problem, the whole new list); the problem is empty when the edit is valid. The tree
        rules are core/org_rules.py's, the same the store and the file import apply."""
        units = [replace(unit) for unit in self.units]
        row = self._position[code]
        unit = units[row]
        if column == CODE:
            for child in units:  # sub-units follow their parent's new code
                if child.parent == unit.code:
                    child.parent = text
            unit.code = text
        elif column == NAME:
            unit.name = text
        else:
            unit.headcount = whole_number(text) if text else None
            if text and unit.headcount is None:
                return org_problem_text(OrgProblem("headcount_invalid", row, unit.code,
                                                   {"code": unit.code, "headcount": text})), units
        known = {(p.code, p.unit) for p in org_problems(self.units)}
        new = [p for p in org_problems(units) if (p.code, p.unit) not in known]
        new.sort(key=lambda p: p.index != row)  # the edited unit's own problem first
        return (org_problem_text(new[0]) if new else ""), units

    def _apply(self, candidate: list[OrgUnit]) -> bool:
        """Store the whole list at once and show it; False (and `refused`) when refused."""
        if self.session is None:
            return False
        try:
            self.session.project.replace_org(candidate)
        except ApvError as error:
            self.refused.emit(tr("Ændringen blev ikke gemt: {reason}", reason=str(error)))
            return False
        self.beginResetModel()
        self.units = self.session.project.org_units()  # parents first, as the store keeps them
        self._index_tree()
        self.endResetModel()
        self.stored.emit()
        self.session.notify_changed(self)
        return True
