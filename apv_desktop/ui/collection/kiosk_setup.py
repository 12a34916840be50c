"""The AMiR's settings for a kiosk session: round, PIN (twice), unit fixed or chosen, idle time."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from apv_desktop.core.model import OrgUnit
from apv_desktop.i18n import tr
from apv_desktop.ui.kiosk.pages import unit_titles
from apv_desktop.ui.kiosk.pin import MIN_PIN_LENGTH, PinGuard


class KioskSetupDialog(QDialog):
    def __init__(self, rounds: list[str], units: list[OrgUnit],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Start kiosk"))
        self.round_box = QComboBox()
        self.round_box.setEditable(True)
        self.round_box.addItems(list(reversed(rounds)) or [str(date.today().year)])
        self.round_box.setAccessibleName(tr("Runde"))
        self.pin = QLineEdit()
        self.pin_again = QLineEdit()
        for field in (self.pin, self.pin_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(tr("PIN-kode"))
        self.pin_again.setAccessibleName(tr("Gentag PIN-kode"))
        self.unit_box = QComboBox()
        self.unit_box.addItem(tr("Medarbejderen vælger selv"), None)
        for code, title in unit_titles(units).items():
            self.unit_box.addItem(title, code)
        self.unit_box.setAccessibleName(tr("Enhed"))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(1, 30)
        self.idle_minutes.setValue(3)
        self.idle_minutes.setAccessibleName(tr("Minutter uden aktivitet før nulstilling"))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c5221f; font-weight: bold;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("Runde"), self.round_box)
        form.addRow(tr("PIN-kode (mindst {n} cifre)", n=MIN_PIN_LENGTH), self.pin)
        form.addRow(tr("Gentag PIN-kode"), self.pin_again)
        form.addRow(tr("Enhed"), self.unit_box)
        form.addRow(tr("Minutter uden aktivitet før nulstilling"), self.idle_minutes)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.guard: PinGuard | None = None

    def round_name(self) -> str:
        return self.round_box.currentText().strip()

    def fixed_unit(self) -> str | None:
        return self.unit_box.currentData()

    def accept(self) -> None:
        if not self.round_name():
            return self._refuse(tr("Giv runden et navn, fx 2025."))
        if self.pin.text() != self.pin_again.text():
            return self._refuse(tr("De to PIN-koder er ikke ens."))
        try:
            self.guard = PinGuard(self.pin.text())
        except ValueError:
            return self._refuse(tr("PIN-koden skal være mindst {n} cifre.", n=MIN_PIN_LENGTH))
        self.pin.clear()
        self.pin_again.clear()
        super().accept()

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
