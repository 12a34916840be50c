"""The dialog that creates or edits one action-plan item."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from apv_desktop.core.dates import DATE_EXAMPLE, NotADate, format_date, parse_date
from apv_desktop.core.model import OrgUnit
from apv_desktop.core.records import ActionItem
from apv_desktop.i18n import tr
from apv_desktop.ui.actionplan.texts import status_names

TEXT_HEIGHT = 60


class DateField(QWidget):
    """A date that may be empty, typed the Danish way (1-3-2027, 01.03.2027, 01032027, 1/3/27)
    or picked in a calendar. A text that is not a date is refused with a sentence, never
    guessed: a masked date box turned 01032027 into 30-10-3202."""

    def __init__(self, value: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(tr("dd-mm-åååå"))
        self.edit.setClearButtonEnabled(True)
        self.edit.editingFinished.connect(self._tidy)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.pick_button = QToolButton()
        self.pick_button.setText("…")
        self.pick_button.setAccessibleName(tr("Vælg dato i kalenderen"))
        self.pick_button.setToolTip(tr("Vælg dato i kalenderen"))
        self.pick_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.pick_button)
        shown = QWidgetAction(menu)
        shown.setDefaultWidget(self.calendar)
        menu.addAction(shown)
        menu.aboutToShow.connect(self._show_typed_in_calendar)
        self.pick_button.setMenu(menu)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c5221f;")
        self.problem.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.pick_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.setFocusProxy(self.edit)
        self.set_value(value)

    def set_value(self, value: date | None) -> None:
        self.edit.setText(format_date(value) if value else "")
        self.problem.hide()

    def value(self) -> date | None:
        """The date typed; None when empty. NotADate when the text is not a date."""
        text = self.edit.text().strip()
        return parse_date(text) if text else None

    def check(self) -> bool:
        """True when the field holds a date or nothing; else the reason is shown below it."""
        try:
            self.value()
        except NotADate as refused:
            self.problem.setText(tr("'{typed}' er ikke en dato. Skriv dag, måned og år, "
                                    "f.eks. {example}.", typed=refused.text.strip(),
                                    example=DATE_EXAMPLE))
            self.problem.show()
            return False
        self.problem.hide()
        return True

    def _tidy(self) -> None:
        if self.check():
            typed = self.value()
            self.edit.setText(format_date(typed) if typed else "")

    def _picked(self, picked: QDate) -> None:
        self.set_value(date(picked.year(), picked.month(), picked.day()))
        menu = self.pick_button.menu()
        if menu is not None:
            menu.close()

    def _show_typed_in_calendar(self) -> None:
        with contextlib.suppress(NotADate):
            typed = self.value()
            if typed is not None:
                self.calendar.setSelectedDate(QDate(typed.year, typed.month, typed.day))


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

    def accept(self) -> None:
        """Save only when both dates can be read (the field says why not)."""
        for field in (self.deadline, self.follow_up):
            if not field.check():
                field.setFocus()
                return
        super().accept()

    def fields(self) -> dict[str, Any]:
        """The fields; called after accept(), so the dates are readable."""
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
