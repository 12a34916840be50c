"""Sick leave and indicators: the figures per unit and period (typed into the table, each cell
stored at once, or imported from CSV/XLSX), and the committee's assessment per unit and round
of whether the work environment contributes."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.records import INDICATOR_KINDS
from apv_desktop.errors import ApvError
from apv_desktop.i18n import format_number, parse_number, tr, trn
from apv_desktop.services.actionplan import IndicatorImport, import_indicators
from apv_desktop.ui import filedialogs, messages
from apv_desktop.ui.actionplan.texts import indicator_names
from apv_desktop.ui.errors import show_problem
from apv_desktop.ui.session import ProjectSession
from apv_desktop.ui.worker import run_with_progress

FIRST_KIND = 2  # the table's columns: unit, period, then one per indicator kind


def _number_text(value: float | None) -> str:
    return "" if value is None else format_number(value)


class SickLeaveTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: ProjectSession | None = None
        self.names: dict[str, str] = {}
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, FIRST_KIND + len(INDICATOR_KINDS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().setVisible(False)
        self.table.itemChanged.connect(self._figure_edited)
        self.new_unit_label, self.new_period_label = QLabel(), QLabel()
        self.new_unit, self.new_period = QComboBox(), QLineEdit()
        self.new_unit_label.setBuddy(self.new_unit)
        self.new_period_label.setBuddy(self.new_period)
        self.add_row_button = QPushButton()
        self.add_row_button.clicked.connect(self.add_row)
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
        widget: QWidget  # the two loops below lay out widgets of several kinds
        for widget in (self.unit_label, self.unit, self.round_label, self.round):
            pick.addWidget(widget)
        pick.addStretch(1)
        pick.addWidget(self.save_button)
        top = QHBoxLayout()
        top.addWidget(self.note, 1)
        top.addWidget(self.import_button)
        adding = QHBoxLayout()
        for widget in (self.new_unit_label, self.new_unit, self.new_period_label,
                       self.new_period, self.add_row_button):
            adding.addWidget(widget)
        adding.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 2)
        layout.addLayout(adding)
        layout.addWidget(self.assessment_heading)
        layout.addLayout(pick)
        layout.addWidget(self.assessment, 1)

    def retranslate(self) -> None:
        self.note.setText(tr("Nøgletal pr. enhed og periode. Nøgletal er fakta om enheder, ikke "
                             "om personer: filer med oplysninger om enkeltpersoner afvises."))
        self.import_button.setText(tr("&Indlæs nøgletal …"))
        self.table.setToolTip(tr("Skriv et tal (0 eller mere) i en celle; det gemmes med det "
                                 "samme. Slet tallet for at fjerne det."))
        self.new_unit_label.setText(tr("Ny række for en&hed:"))
        self.new_period_label.setText(tr("&periode:"))
        self.new_period.setPlaceholderText(tr("fx 2025"))
        self.add_row_button.setText(tr("&Tilføj række"))
        for widget, name in ((self.table, tr("Nøgletal")), (self.unit, tr("Enhed")),
                             (self.round, tr("Runde")), (self.new_unit, tr("Enhed")),
                             (self.new_period, tr("Periode")),
                             (self.assessment, tr("Udvalgets vurdering"))):
            widget.setAccessibleName(name)
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
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for combo in (self.unit, self.round, self.new_unit):
            combo.blockSignals(True)
            combo.clear()
        if self.session is not None:
            project = self.session.project
            self.names = {u.code: u.name for u in project.org_units()}
            rows: dict[tuple[str, str], dict[str, float]] = {}
            for figure in project.indicators():
                rows.setdefault((figure.unit, figure.period), {})[figure.kind] = figure.value
            for (unit, period), values in rows.items():
                self._add_table_row(unit, period, values)
            self.table.resizeColumnsToContents()
            for code, name in self.names.items():
                self.unit.addItem(f"{name} ({code})", code)
                self.new_unit.addItem(f"{name} ({code})", code)
            for info in reversed(project.rounds()):
                self.round.addItem(info.name, info.name)
        for combo in (self.unit, self.round, self.new_unit):
            combo.blockSignals(False)
        self.table.blockSignals(False)
        self._show_assessment()

    # --- the figures -----------------------------------------------------------------------

    def _add_table_row(self, unit: str, period: str, values: dict[str, float]) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((self.names.get(unit, unit), period)):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, column, item)
        for offset, kind in enumerate(INDICATOR_KINDS):
            item = QTableWidgetItem(_number_text(values.get(kind)))
            item.setData(Qt.ItemDataRole.UserRole, (unit, period, kind))
            self.table.setItem(row, FIRST_KIND + offset, item)
        return row

    def row_of(self, unit: str, period: str) -> int | None:
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, FIRST_KIND)
            key = cell.data(Qt.ItemDataRole.UserRole) if cell is not None else None
            if key is not None and (key[0], key[1]) == (unit, period):
                return row
        return None

    def add_row(self) -> None:
        """An empty row for a unit and period; its figures are stored as they are typed."""
        unit, period = self.new_unit.currentData(), self.new_period.text().strip()
        if self.session is None or not unit:
            return
        if not period:
            self._refuse(tr("Skriv perioden for den nye række, fx 2025."))
            return
        row = self.row_of(unit, period)
        if row is None:
            self.table.blockSignals(True)
            row = self._add_table_row(unit, period, {})
            self.table.blockSignals(False)
        self.table.setCurrentCell(row, FIRST_KIND)
        self.new_period.clear()

    def _figure_edited(self, item: QTableWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if self.session is None or key is None:
            return
        unit, period, kind = key
        text = item.text().strip()
        value: float | None = None
        if text:
            try:
                value = parse_number(text)
            except ValueError:
                value = math.nan
            if not math.isfinite(value) or value < 0:
                self._put_back(item, unit, period, kind)
                self._refuse(tr("»{value}« er ikke et tal på 0 eller mere; tallet er ikke gemt.",
                                value=text))
                return
        try:
            self.session.project.set_indicator(unit, period, kind, value)
        except ApvError as error:
            self._put_back(item, unit, period, kind)
            show_problem(self, tr("Tallet blev ikke gemt"), error)
            return
        self.table.blockSignals(True)
        item.setText(_number_text(value))
        self.table.blockSignals(False)
        self.session.notify_changed(self)

    def _put_back(self, item: QTableWidgetItem, unit: str, period: str, kind: str) -> None:
        assert self.session is not None
        stored = self.session.project.indicators(unit_code=unit, period=period, kind=kind)
        self.table.blockSignals(True)
        item.setText(_number_text(stored[0].value if stored else None))
        self.table.blockSignals(False)

    def _refuse(self, text: str) -> None:
        messages.show(self, messages.Message(messages.Kind.WARNING, tr("Tallet blev ikke gemt"),
                                             text))

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
        self.session.notify_changed(self)

    def import_file(self) -> None:
        if self.session is None:
            return
        path = filedialogs.open_file(self, tr("Indlæs nøgletal"),
                                     tr("Tabeller (*.csv *.xlsx)"))
        if path is None:
            return
        project_path = self.session.path
        self.import_worker = run_with_progress(
            self, tr("Indlæser {file} …", file=path.name),
            lambda progress: import_indicators(project_path, path, progress=progress),
            self._imported,
            lambda error: show_problem(self, tr("Nøgletallene blev ikke indlæst"), error))

    def _imported(self, summary: IndicatorImport) -> None:
        if self.session is None:
            return
        self.refresh()
        self.session.notify_changed(self)
        self.note.setText(trn("{n} tal indlæst for {units}.",
                              "{n} tal indlæst for {units}.", summary.figures,
                              units=trn("{n} enhed", "{n} enheder", summary.units)))
