"""Sick leave and indicators: the figures per unit and period (imported from CSV/XLSX), and the
committee's assessment per unit and round of whether the work environment contributes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.errors import ApvError
from apv_desktop.i18n import tr
from apv_desktop.services.actionplan import import_indicators
from apv_desktop.store.records import INDICATOR_KINDS
from apv_desktop.ui import filedialogs
from apv_desktop.ui.actionplan.texts import indicator_names
from apv_desktop.ui.errors import show_problem
from apv_desktop.ui.session import ProjectSession


class SickLeaveTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: ProjectSession | None = None
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 2 + len(INDICATOR_KINDS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_file)
        self.unit_label, self.round_label = QLabel(), QLabel()
        self.unit, self.round = QComboBox(), QComboBox()
        self.unit_label.setBuddy(self.unit)
        self.round_label.setBuddy(self.round)
        self.unit.currentIndexChanged.connect(self._show_assessment)
        self.round.currentIndexChanged.connect(self._show_assessment)
        self.assessment = QPlainTextEdit()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_assessment)
        self.assessment_heading = QLabel()
        pick = QHBoxLayout()
        for widget in (self.unit_label, self.unit, self.round_label, self.round):
            pick.addWidget(widget)
        pick.addStretch(1)
        pick.addWidget(self.save_button)
        top = QHBoxLayout()
        top.addWidget(self.note, 1)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.assessment_heading)
        layout.addLayout(pick)
        layout.addWidget(self.assessment, 1)

    def retranslate(self) -> None:
        self.note.setText(tr("Nøgletal pr. enhed og periode. Nøgletal er fakta om enheder, ikke "
                             "om personer: filer med oplysninger om enkeltpersoner afvises."))
        self.import_button.setText(tr("&Indlæs nøgletal …"))
        names = indicator_names()
        self.table.setHorizontalHeaderLabels(
            [tr("Enhed"), tr("Periode"), *(names[k] for k in INDICATOR_KINDS)])
        self.assessment_heading.setText(tr("Udvalgets vurdering: bidrager arbejdsmiljøet til "
                                           "sygefraværet?"))
        self.unit_label.setText(tr("&Enhed:"))
        self.round_label.setText(tr("&Runde:"))
        self.save_button.setText(tr("&Gem vurdering"))

    def set_session(self, session: ProjectSession | None) -> None:
        self.session = session
        self.refresh()

    def refresh(self) -> None:
        self.table.setRowCount(0)
        for combo in (self.unit, self.round):
            combo.blockSignals(True)
            combo.clear()
        if self.session is not None:
            project = self.session.project
            names = {u.code: u.name for u in project.org_units()}
            rows: dict[tuple[str, str], dict[str, float]] = {}
            for figure in project.indicators():
                rows.setdefault((figure.unit, figure.period), {})[figure.kind] = figure.value
            self.table.setRowCount(len(rows))
            for row, ((unit, period), values) in enumerate(rows.items()):
                cells = [names.get(unit, unit), period, *(
                    "" if k not in values else f"{values[k]:g}" for k in INDICATOR_KINDS)]
                for column, text in enumerate(cells):
                    self.table.setItem(row, column, QTableWidgetItem(text))
            self.table.resizeColumnsToContents()
            for code, name in names.items():
                self.unit.addItem(f"{name} ({code})", code)
            for info in reversed(project.rounds()):
                self.round.addItem(info.name, info.name)
        for combo in (self.unit, self.round):
            combo.blockSignals(False)
        self._show_assessment()

    def _show_assessment(self) -> None:
        unit, round_name = self.unit.currentData(), self.round.currentData()
        text = ""
        if self.session is not None and unit and round_name:
            text = self.session.project.assessment(unit, round_name) or ""
        self.assessment.setPlainText(text)

    def save_assessment(self) -> None:
        unit, round_name = self.unit.currentData(), self.round.currentData()
        if self.session is None or not unit or not round_name:
            return
        self.session.project.set_assessment(unit, round_name, self.assessment.toPlainText())
        self.session.notify_changed()

    def import_file(self) -> None:
        if self.session is None:
            return
        path = filedialogs.open_file(self, tr("Indlæs nøgletal"),
                                     tr("Tabeller (*.csv *.xlsx)"))
        if path is None:
            return
        try:
            summary = import_indicators(self.session.path, path)
        except ApvError as error:
            show_problem(self, tr("Nøgletallene blev ikke indlæst"), error)
            return
        self.refresh()
        self.session.notify_changed()
        self.note.setText(tr("{count} tal indlæst for {units} enheder.", count=summary.figures,
                             units=summary.units))
