"""The dialog that creates or edits one action-plan item."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from apv_desktop.core.model import OrgUnit
from apv_desktop.core.records import ActionItem
from apv_desktop.i18n import tr
from apv_desktop.ui.actionplan.texts import status_names

TEXT_HEIGHT = 60


class DateField(QWidget):
    """A date that may be empty: a check box turns it on."""

    def __init__(self, value: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox()
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd-MM-yyyy")
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        self.set_value(value)

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        shown = value or date.today()
        self.edit.setDate(QDate(shown.year, shown.month, shown.day))

    def value(self) -> date | None:
        if not self.enabled.isChecked():
            return None
        picked = self.edit.date()
        return date(picked.year(), picked.month(), picked.day())


class ActionDialog(QDialog):
    """Fields of an item; `fields()` gives them as keyword arguments for Project.add_action /
    update_action."""

    def __init__(self, units: list[OrgUnit], dimensions: list[tuple[str, str]],
                 action: ActionItem | None = None, parent: QWidget | None = None,
                 preset: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Punkt i handlingsplanen"))
        preset = preset or {}
        self.unit = QComboBox()
        self.unit.addItem(tr("(ingen enhed)"), None)
        for unit in units:
            self.unit.addItem(f"{unit.name} ({unit.code})", unit.code)
        self.dimension = QComboBox()
        self.dimension.addItem(tr("(ingen dimension)"), None)
        for code, name in dimensions:
            self.dimension.addItem(name, code)
        self.problem, self.cause, self.action = (QPlainTextEdit() for _ in range(3))
        self.notes, self.effect = QPlainTextEdit(), QLineEdit()
        for box in (self.problem, self.cause, self.action, self.notes):
            box.setMinimumHeight(TEXT_HEIGHT)
        self.responsible = QLineEdit()
        self.deadline = DateField(action.deadline if action else preset.get("deadline"))
        self.follow_up = DateField(action.follow_up_date if action else None)
        self.status = QComboBox()
        for code, name in status_names().items():
            self.status.addItem(name, code)
        form = QFormLayout(self)
        for label, widget in ((tr("Enhed"), self.unit), (tr("Dimension"), self.dimension),
                              (tr("Problem"), self.problem), (tr("Årsag"), self.cause),
                              (tr("Handling"), self.action), (tr("Ansvarlig"), self.responsible),
                              (tr("Frist"), self.deadline), (tr("Status"), self.status),
                              (tr("Opfølgningsdato"), self.follow_up),
                              (tr("Opfølgning"), self.notes), (tr("Vurdering af effekt"),
                                                              self.effect)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._fill(action, preset)
        self.resize(560, 640)

    def _fill(self, action: ActionItem | None, preset: dict[str, Any]) -> None:
        values: dict[str, Any] = dict(preset)
        if action is not None:
            values = {"unit": action.unit, "dimension": action.dimension,
                      "problem": action.problem, "cause": action.cause, "action": action.action,
                      "responsible": action.responsible, "status": action.status,
                      "follow_up_notes": action.follow_up_notes, "effect": action.effect}
        self.unit.setCurrentIndex(max(0, self.unit.findData(values.get("unit"))))
        self.dimension.setCurrentIndex(max(0, self.dimension.findData(values.get("dimension"))))
        self.problem.setPlainText(values.get("problem", ""))
        self.cause.setPlainText(values.get("cause", ""))
        self.action.setPlainText(values.get("action", ""))
        self.responsible.setText(values.get("responsible", ""))
        self.status.setCurrentIndex(max(0, self.status.findData(values.get("status",
                                                                           "not_started"))))
        self.notes.setPlainText(values.get("follow_up_notes", ""))
        self.effect.setText(values.get("effect", ""))

    def fields(self) -> dict[str, Any]:
        return {
            "unit": self.unit.currentData(), "dimension": self.dimension.currentData(),
            "problem": self.problem.toPlainText().strip(),
            "cause": self.cause.toPlainText().strip(),
            "action": self.action.toPlainText().strip(),
            "responsible": self.responsible.text().strip(), "deadline": self.deadline.value(),
            "status": self.status.currentData(), "follow_up_date": self.follow_up.value(),
            "follow_up_notes": self.notes.toPlainText().strip(),
            "effect": self.effect.text().strip(),
        }
