"""Importing a response file: the column mapping (fixable), every problem row, then all or nothing.

Uses interchange.responsefile.plan_columns / read_responses through services.transfer, so the
GUI and `apv-desktop import-responses` read a file the same way. The values of each column mapped
to a choice question are previewed with responsefile.encoder_for, the import's own reading."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.model import ItemType, Questionnaire
from apv_desktop.errors import ApvError, InputError
from apv_desktop.i18n import current_language, tr, trn
from apv_desktop.interchange.response_mapping import load_mapping, save_mapping
from apv_desktop.interchange.responsefile import (
    UNIT_MAPPING,
    ResponseImport,
    encoder_for,
    plan_for_table,
)
from apv_desktop.interchange.tables import Table
from apv_desktop.os_errors import os_reason
from apv_desktop.services.collection import round_questionnaire
from apv_desktop.services.transfer import import_responses
from apv_desktop.ui import messages
from apv_desktop.ui.session import ProjectSession
from apv_desktop.ui.worker import Worker, run_with_progress

_DROPPED = "@dropped"
_OPTION = "@option"  # one column per option of a multiple choice: read by the import itself
MAX_VALUES_SHOWN = 30  # per column: a text column mapped to a choice question has thousands
_SELECT_TYPES = (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE)


def value_mapping(table: Table, mapping: dict[str, str], questionnaire: Questionnaire,
                  language: str) -> list[tuple[str, str, list[str] | None]]:
    """For each column mapped (header -> item name) to a choice question: each distinct value
    in the file with the labels of the choices it is read as, or None when it is no choice (the
    import refuses it). Values that are no choice first, then the most frequent."""
    rows: list[tuple[str, str, list[str] | None]] = []
    for column, header in enumerate(table.headers):
        item = questionnaire.item(mapping.get(header) or "")
        choices = questionnaire.choices_for(item) if item is not None else None
        if item is None or item.type not in _SELECT_TYPES or choices is None:
            continue
        cells = [r[column] for r in table.rows]
        encode = encoder_for(item, questionnaire, cells)
        read: list[tuple[str, list[str] | None]] = []
        for value, _count in Counter(cell for cell in cells if cell).most_common():
            try:
                number = int(encode(value))
            except (ValueError, ApvError):
                read.append((value, None))
                continue
            positions = ([p for p in range(len(choices.choices)) if number >> p & 1]
                         if item.type is ItemType.SELECT_MULTIPLE else [number])
            read.append((value, [choices.choices[p].label(language) for p in positions]))
        read.sort(key=lambda pair: pair[1] is not None)  # stable: frequency order kept
        rows.extend((header, value, labels) for value, labels in read[:MAX_VALUES_SHOWN])
    return rows


class ImportDialog(QDialog):
    def __init__(self, session: ProjectSession, path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path = path
        self.worker: Worker | None = None
        self.checked_ok = False
        self.setWindowTitle(tr("Indlæs svarfil: {file}", file=path.name))
        rounds = session.project.rounds()
        self.round_field = QLineEdit(rounds[-1].name if rounds else "")
        self.round_field.setAccessibleName(tr("Runde"))
        self.questionnaire = (round_questionnaire(session.project, rounds[-1].name) if rounds
                              else session.project.questionnaire())
        self.table = QTableWidget(0, 3)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(tr("Kolonner"))
        self.values = QTableWidget(0, 3)
        self.values.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.values.setAccessibleName(tr("Værdier og svarmuligheder"))
        self.values.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.file_table: Table | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        # What the import leaves out on purpose (identifying columns): told plainly, apart
        # from the problems, so it does not read as one.
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setVisible(False)
        self.problems = QListWidget()
        self.problems.setAccessibleName(tr("Problemer"))
        # long problems wrap inside the list instead of running past its edge
        self.problems.setWordWrap(True)
        self.problems.setResizeMode(QListView.ResizeMode.Adjust)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setVisible(False)
        self.partial_ok = QCheckBox(tr("Indlæs alligevel, selv om filen ikke er komplet"))
        self.partial_ok.setVisible(False)
        self.partial_ok.toggled.connect(self._partial_toggled)
        self.partial = False
        self.save_map_button = QPushButton(tr("Gem kolonnevalg …"))
        self.load_map_button = QPushButton(tr("Hent kolonnevalg …"))
        self.save_map_button.clicked.connect(self.save_mapping)
        self.load_map_button.clicked.connect(self.load_mapping)
        self.check_button = QPushButton(tr("Kontrollér"))
        self.import_button = QPushButton(tr("Indlæs alle svar"))
        self.cancel_button = QPushButton(tr("Annuller"))
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.run_import)
        self.cancel_button.clicked.connect(self.reject)
        self.import_button.setEnabled(False)
        round_row = QHBoxLayout()
        round_label = QLabel(tr("Runde"))
        round_label.setBuddy(self.round_field)
        round_row.addWidget(round_label)
        round_row.addWidget(self.round_field, 1)
        buttons = QHBoxLayout()
        for button in (self.save_map_button, self.load_map_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.check_button, self.import_button, self.cancel_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(round_row)
        layout.addWidget(QLabel(tr("Hvad hver kolonne bruges til (ret dem, der er forkerte):")))
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel(tr("Hvordan svarene i filen læses (ukendte værdier afvises):")))
        layout.addWidget(self.values, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes)
        layout.addWidget(self.partial_ok)
        layout.addWidget(self.problems, 1)
        layout.addLayout(buttons)
        self.resize(900, 650)
        self.combos: dict[str, QComboBox] = {}

    def load(self, table: Table, mapping: dict[str, str] | None = None) -> bool:
        """Show the planned mapping for `table` (the file, read in the worker by the caller),
        with `mapping`'s saved column choices; False (with a message) if the columns cannot be
        used."""
        if self.questionnaire is None:
            self._error(tr("Projektet har endnu intet spørgeskema."))
            return False
        try:
            plan = plan_for_table(table, self.questionnaire, self.session.project.org_units(),
                                  mapping)
        except ApvError as error:
            self._error(str(error))
            return False
        language = current_language()
        items = self.questionnaire.answerable_items()
        self.combos = {}
        self.table.setRowCount(len(table.headers))
        self.table.setHorizontalHeaderLabels([tr("Kolonne"), tr("Bruges som"),
                                              tr("Eksempler")])
        for row, header in enumerate(table.headers):
            self.table.setItem(row, 0, QTableWidgetItem(header))
            combo = QComboBox()
            combo.setAccessibleName(tr("Bruges som for kolonnen {header}", header=header))
            combo.addItem(tr("Ignoreres"), "")
            combo.addItem(tr("Enhed"), UNIT_MAPPING)
            if header in plan.dropped_columns:
                combo.addItem(tr("Identificerer en person: gemmes aldrig"), _DROPPED)
            if header in plan.option_columns:
                combo.addItem(tr("Svarmulighed i {item}", item=plan.option_columns[header][0]),
                              _OPTION)
            for item in items:
                combo.addItem(f"{item.name}: {item.label(language)[:60]}", item.name)
            target = (UNIT_MAPPING if header == plan.unit_column
                      else _DROPPED if header in plan.dropped_columns
                      else _OPTION if header in plan.option_columns
                      else plan.item_columns.get(header, ""))
            combo.setCurrentIndex(max(combo.findData(target), 0))
            combo.setEnabled(header not in plan.dropped_columns)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.table.setCellWidget(row, 1, combo)
            self.combos[header] = combo
            samples = sorted({r[row] for r in table.rows[:200] if r[row]})[:4]
            self.table.setItem(row, 2, QTableWidgetItem(" | ".join(samples)))
        self.file_table = table
        self.show_values()
        if plan.dropped_columns:
            self._show_notes([tr("Disse kolonner kan identificere en person og gemmes aldrig: "
                                 "{columns}", columns=", ".join(plan.dropped_columns))])
        return True

    def mapping(self) -> dict[str, str]:
        return {header: combo.currentData() for header, combo in self.combos.items()
                if combo.currentData() not in (_DROPPED, _OPTION)}

    def _mapping_changed(self) -> None:
        self.checked_ok = False
        self.partial_ok.setChecked(False)
        self.partial_ok.setVisible(False)
        self.import_button.setEnabled(False)
        self.show_values()

    def _partial_toggled(self, checked: bool) -> None:
        self.import_button.setEnabled(self.checked_ok and (checked or not self.partial))

    def save_mapping(self, path: Path | None = None) -> None:
        """Keep the column choices in a small JSON file, for the next export from the tool."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, tr("Gem kolonnevalg"), str(self.path.with_suffix(".mapping.json")),
                tr("Kolonnevalg (*.json)"))
            if not chosen:
                return
            path = Path(chosen)
        try:
            save_mapping(self.mapping(), path)
        except OSError as error:
            self._error(tr("Kolonnevalget kunne ikke gemmes: {reason}", reason=os_reason(error)))

    def load_mapping(self, path: Path | None = None) -> None:
        """Apply column choices saved earlier; columns it does not name keep their matching."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, tr("Hent kolonnevalg"),
                                                    str(self.path.parent),
                                                    tr("Kolonnevalg (*.json)"))
            if not chosen:
                return
            path = Path(chosen)
        try:
            mapping = load_mapping(path)
        except ApvError as error:
            self._error(str(error))
            return
        if self.file_table is not None:
            self.load(self.file_table, mapping)

    def show_values(self) -> None:
        """The value table for the mapping now chosen."""
        if self.file_table is None or self.questionnaire is None:
            return
        rows = value_mapping(self.file_table, self.mapping(), self.questionnaire,
                             current_language())
        self.values.setRowCount(len(rows))
        self.values.setHorizontalHeaderLabels([tr("Kolonne"), tr("Værdi i filen"),
                                               tr("Læses som")])
        unknown = QBrush(QColor("#c5221f"))
        for row, (header, value, labels) in enumerate(rows):
            self.values.setItem(row, 0, QTableWidgetItem(header))
            self.values.setItem(row, 1, QTableWidgetItem(value))
            read = QTableWidgetItem(" + ".join(labels) if labels is not None else tr("ukendt"))
            if labels is None:
                read.setForeground(unknown)
            self.values.setItem(row, 2, read)

    def check(self) -> bool:
        """Read every row with the mapping shown; list every problem; store nothing."""
        self._show_problems([])
        self.checked_ok = False
        self.partial_ok.setVisible(False)
        try:
            summary = import_responses(self.session.path, self.path, self.round_name(),
                                       dry_run=True, mapping=self.mapping(), partial=True)
        except InputError as error:
            self.summary.setText(str(error))
            self._show_problems(error.problems or [str(error)])
            self.import_button.setEnabled(False)
            return False
        except ApvError as error:
            self.summary.setText(str(error))
            self.import_button.setEnabled(False)
            return False
        ready = trn("{n} svar er klar til at blive indlæst i runde {round}.",
                    "{n} svar er klar til at blive indlæst i runde {round}.",
                    summary.stored, round=summary.round)
        detail = summary.detail
        self.partial = detail is not None and detail.partial
        if detail is not None and self.partial:
            self.summary.setText(self._partial_headline(detail) + " " + ready)
            self.partial_ok.setChecked(False)
            self.partial_ok.setVisible(True)
        else:
            self.summary.setText(ready)
        if detail is not None and detail.notes:
            self._show_notes(detail.notes)
        self._show_problems(summary.warnings)
        self.checked_ok = True
        self.import_button.setEnabled(not self.partial)
        return True

    def _show_problems(self, problems: list[str]) -> None:
        """The list holds the problems of the latest check; without any it is not shown (an
        empty box under a note looked like a place where something had gone wrong)."""
        self.problems.clear()
        self.problems.addItems(problems)
        self.problems.setVisible(bool(problems))

    def _show_notes(self, notes: list[str]) -> None:
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def _partial_headline(self, detail: ResponseImport) -> str:
        """What the file lacks, first and plainly: the import must not look complete."""
        parts: list[str] = []
        if detail.missing_scored:
            parts.append(tr(
                "Filen dækker kun {matched} af spørgeskemaets {total} spørgsmål med point; "
                "vælg kolonnerne til de manglende ({missing}) ovenfor, eller indlæs alligevel.",
                matched=len(detail.scored_items) - len(detail.missing_scored),
                total=len(detail.scored_items), missing=", ".join(detail.missing_scored[:8])))
        if detail.skipped_rows:
            parts.append(trn("{n} række uden svar udelades.",
                             "{n} rækker uden svar udelades.",
                             len(detail.skipped_rows)))
        return " ".join(parts)

    def round_name(self) -> str | None:
        return self.round_field.text().strip() or None

    def run_import(self) -> None:
        if not self.checked_ok and not self.check():
            return
        if self.partial and not self.partial_ok.isChecked():
            return
        target, source, name, mapping = self.session.path, self.path, self.round_name(), \
            self.mapping()
        partial = self.partial

        def work(progress: object) -> int:
            return import_responses(target, source, name, mapping=mapping,
                                    partial=partial).stored

        self.worker = run_with_progress(self, tr("Indlæser svar"), work, self._imported,
                                        self._failed, indeterminate=True)

    def _imported(self, count: int) -> None:
        self.session.notify_changed()
        messages.show(self, messages.Message(messages.Kind.INFO, tr("Svar indlæst"),
                                             trn("{n} svar er indlæst.",
                                                 "{n} svar er indlæst.",
                                                 count)))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(str(error))
        if isinstance(error, InputError):
            self._show_problems(error.problems)

    def _error(self, text: str) -> None:
        messages.show(self, messages.Message(messages.Kind.ERROR, tr("Filen kan ikke indlæses"),
                                             text))
