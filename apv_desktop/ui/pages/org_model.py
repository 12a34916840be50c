"""The organisation as an editable table: each accepted edit is stored at once."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from apv_desktop.core.model import OrgUnit
from apv_desktop.core.org_rules import OrgProblem, org_problems, whole_number
from apv_desktop.errors import ApvError
from apv_desktop.i18n import tr
from apv_desktop.ui.session import ProjectSession

CODE, NAME, PARENT, HEADCOUNT = range(4)
AnyIndex = QModelIndex | QPersistentModelIndex


class OrgTableModel(QAbstractTableModel):
    refused = Signal(str)  # why an edit was not stored (translated, or the store's sentence)
    stored = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.units: list[OrgUnit] = []
        self.session: ProjectSession | None = None

    def set_session(self, session: ProjectSession | None) -> None:
        self.beginResetModel()
        self.session = session
        self.units = session.project.org_units() if session is not None else []
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, HEADCOUNT)

    # --- reading ---------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (tr("Kode"), tr("Navn"), tr("Overordnet enhed (kode)"), tr("Antal ansatte"))[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        unit = self.units[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = (unit.code, unit.name, unit.parent, unit.headcount)[index.column()]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == HEADCOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    # --- changing --------------------------------------------------------------------------

    def setData(self, index: AnyIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, column, text = index.row(), index.column(), str(value).strip()
        if text == self.data(index):
            return False
        problem, candidate = self._edited(row, column, text)
        if problem:
            self.refused.emit(problem)
            return False
        if not self._save(candidate):
            return False
        self.units = candidate
        self._stored()
        self.dataChanged.emit(self.index(0, 0), self.index(len(self.units) - 1, HEADCOUNT))
        return True

    def add_unit(self, parent_code: str | None) -> int | None:
        """A new unit (under `parent_code`) with a free code; returns its row, None if refused."""
        codes = {unit.code for unit in self.units}
        number = 1
        while f"NY{number}" in codes:
            number += 1
        candidate = [*self.units, OrgUnit(f"NY{number}", tr("Ny enhed"), parent_code, None)]
        if not self._save(candidate):
            return None
        row = len(self.units)
        self.beginInsertRows(QModelIndex(), row, row)
        self.units = candidate
        self.endInsertRows()
        self._stored()
        return row

    def remove_unit(self, row: int) -> bool:
        unit = self.units[row]
        if any(other.parent == unit.code for other in self.units):
            self.refused.emit(tr("Enheden {code} har underenheder; flyt eller slet dem først.",
                                 code=unit.code))
            return False
        candidate = self.units[:row] + self.units[row + 1:]
        if not self._save(candidate):
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        self.units = candidate
        self.endRemoveRows()
        self._stored()
        return True

    def replace_all(self, units: list[OrgUnit]) -> bool:
        if not self._save(list(units)):
            return False
        self.beginResetModel()
        self.units = list(units)
        self.endResetModel()
        self._stored()
        return True

    def _edited(self, row: int, column: int, text: str) -> tuple[str, list[OrgUnit]]:
        """(problem, the whole new list); the problem is empty when the edit is valid. The tree
        rules are core/org_rules.py's, the same the store and the file import apply."""
        units = [replace(unit) for unit in self.units]
        unit = units[row]
        if column == CODE:
            for child in units:  # children follow their parent's new code
                if child.parent == unit.code:
                    child.parent = text
            unit.code = text
        elif column == NAME:
            unit.name = text
        elif column == PARENT:
            unit.parent = text or None
        else:
            unit.headcount = whole_number(text) if text else None
            if text and unit.headcount is None:
                return org_problem_text(OrgProblem("headcount_invalid", row, unit.code,
                                                   {"code": unit.code, "headcount": text})), units
        known = {(p.code, p.unit) for p in org_problems(self.units)}
        new = [p for p in org_problems(units) if (p.code, p.unit) not in known]
        new.sort(key=lambda p: p.index != row)  # the edited row's own problem first
        return (org_problem_text(new[0]) if new else ""), units

    def _save(self, candidate: list[OrgUnit]) -> bool:
        """Store the whole list at once; False (and `refused`) when the store refuses."""
        if self.session is None:
            return False
        try:
            self.session.project.replace_org(candidate)
        except ApvError as error:
            self.refused.emit(tr("Ændringen blev ikke gemt: {reason}", reason=str(error)))
            return False
        return True

    def _stored(self) -> None:
        self.stored.emit()
        if self.session is not None:
            self.session.notify_changed(self)


def org_problem_text(problem: OrgProblem) -> str:
    """The problem as one sentence in the current language."""
    f = problem.fields
    texts = {
        "code_empty": lambda: tr("Koden må ikke være tom."),
        "code_duplicate": lambda: tr("Koden {code} bruges allerede af en anden enhed.", **f),
        "code_too_long": lambda: tr("Koden må højst have {limit} tegn.", **f),
        "name_empty": lambda: tr("Navnet må ikke være tomt."),
        "name_too_long": lambda: tr("Navnet må højst have {limit} tegn.", **f),
        "parent_unknown": lambda: tr("Der er ingen enhed med koden {code}.", code=f["parent"]),
        "parent_self": lambda: tr(
            "En enhed kan ikke ligge under sig selv eller sine egne underenheder."),
        "parent_cycle": lambda: tr(
            "En enhed kan ikke ligge under sig selv eller sine egne underenheder."),
        "headcount_invalid": lambda: tr("Antal ansatte skal være et helt tal på 0 eller mere."),
    }
    return texts[problem.code]() if problem.code in texts else problem.text
