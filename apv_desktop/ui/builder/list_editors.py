"""The editors of a choice list (its choices with their scores and texts) and of a dimension."""

from __future__ import annotations

import copy

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core import editing
from apv_desktop.core.model import Choice, ChoiceList, Dimension, Direction, Questionnaire
from apv_desktop.core.validation import Location, LocationKind
from apv_desktop.i18n import LANGUAGE_NAMES, tr
from apv_desktop.ui.builder.editors import _heading
from apv_desktop.ui.builder.fields import CommitLine, EditHost, LabelFields

NAME_COLUMN, SCORE_COLUMN = 0, 1


def parse_number(text: str) -> float | None:
    """A number as a Dane or a Swede types it ('62,5'); ValueError when it is none."""
    text = text.strip().replace(",", ".")
    return float(text) if text else None


def _problem_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName("problem")
    label.setStyleSheet("QLabel#problem { color: #d93025; font-weight: bold; }")
    label.hide()
    return label


class ChoiceListEditor(QWidget):
    def __init__(self, host: EditHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.list_name = ""
        self._languages: list[str] = []
        self._loading = False
        self.heading = _heading()
        self.name = CommitLine()
        self.name.committed.connect(self._renamed)
        self.table = QTableWidget()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.cellChanged.connect(self._cell_changed)
        self.problem = _problem_label()
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.up_button, self.down_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form = QFormLayout()
        self.name_label = QLabel()
        form.addRow(self.name_label, self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(tr("Svarskala"))
        self.name_label.setText(tr("Navn:"))
        self.name.setAccessibleName(tr("Svarskalaens navn"))
        self.explanation.setText(tr("Point går fra 0 til 100; et svar uden point (fx »ved "
                                    "ikke«) tæller ikke med i scoren."))
        self.table.setAccessibleName(tr("Svarmuligheder"))
        self.add_button.setText(tr("Tilføj svar"))
        self.remove_button.setText(tr("Slet svar"))
        self.up_button.setText(tr("Flyt op"))
        self.down_button.setText(tr("Flyt ned"))
        self._set_headers()

    def _set_headers(self) -> None:
        headers = [tr("Navn"), tr("Point")] + [LANGUAGE_NAMES.get(c, c) for c in self._languages]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in range(2, len(headers)):  # the texts share what the name and score leave
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def load(self, questionnaire: Questionnaire, name: str) -> None:
        choice_list = questionnaire.choice_lists.get(name)
        if choice_list is None:
            return
        self.list_name = name
        self._languages = list(questionnaire.languages)
        self._loading = True
        try:
            self.name.load(name)
            self._set_headers()
            self.table.setRowCount(len(choice_list.choices))
            for row, choice in enumerate(choice_list.choices):
                score = "" if choice.score is None else f"{choice.score:g}"
                texts = [choice.name, score] + [choice.labels.get(c, "") for c in self._languages]
                for column, text in enumerate(texts):
                    self.table.setItem(row, column, QTableWidgetItem(text))
        finally:
            self._loading = False

    def _current(self) -> ChoiceList:
        questionnaire = self._host.questionnaire
        assert questionnaire is not None
        return copy.deepcopy(questionnaire.choice_lists[self.list_name])

    def _cell_changed(self, row: int, column: int) -> None:
        if self._loading:
            return
        changed = self._current()
        choice = changed.choices[row]
        cell = self.table.item(row, column)
        assert cell is not None  # Qt reports a change only of a cell that holds an item
        text = cell.text().strip()
        if column == NAME_COLUMN:
            choice.name = text
        elif column == SCORE_COLUMN:
            try:
                choice.score = parse_number(text)
            except ValueError:
                self._refuse(tr("Point skal være et tal fra 0 til 100 eller tomt."))
                return
            if choice.score is not None and not 0 <= choice.score <= 100:
                self._refuse(tr("Point skal være et tal fra 0 til 100 eller tomt."))
                return
        else:
            language = self._languages[column - 2]
            if text:
                choice.labels[language] = text
            else:
                choice.labels.pop(language, None)
        self._store(changed, tr("Ret svarmulighed"))

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        if self._host.questionnaire is not None:
            self.load(self._host.questionnaire, self.list_name)

    def _store(self, changed: ChoiceList, text: str) -> None:
        self.problem.hide()
        name = self.list_name
        if not self._host.edit(lambda q: editing.replace_choice_list(q, name, changed), text,
                               Location(LocationKind.CHOICE_LIST, changed.name)):
            if self._host.questionnaire is not None:
                self.load(self._host.questionnaire, self.list_name)
            return
        self.list_name = changed.name

    def _renamed(self, text: str) -> None:
        changed = self._current()
        changed.name = text
        self._store(changed, tr("Omdøb svarskala"))

    def _add(self) -> None:
        changed = self._current()
        taken = {c.name for c in changed.choices}
        changed.choices.append(Choice(editing.unique_name(taken, f"svar_{len(taken) + 1}")))
        self._store(changed, tr("Tilføj svar"))

    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else (self.table.currentRow()
                                           if self.table.currentRow() >= 0 else None)

    def _remove(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        changed = self._current()
        del changed.choices[row]
        self._store(changed, tr("Slet svar"))

    def _move(self, step: int) -> None:
        row = self._selected_row()
        changed = self._current()
        if row is None or not 0 <= row + step < len(changed.choices):
            return
        choices = changed.choices
        choices[row], choices[row + step] = choices[row + step], choices[row]
        self._store(changed, tr("Flyt svar"))
        self.table.selectRow(row + step)


class DimensionEditor(QWidget):
    def __init__(self, host: EditHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.code = ""
        self.heading = _heading()
        self.code_edit = CommitLine()
        self.code_edit.committed.connect(lambda text: self._update(tr("Ret kode"), code=text))
        self.labels = LabelFields(lambda language: tr("Navn på {language}", language=language))
        self.labels.committed.connect(self._labels_changed)
        self.direction = QComboBox()
        self.direction.activated.connect(lambda: self._update(
            tr("Ret retning"), direction=Direction(self.direction.currentData())))
        self.reference = CommitLine()
        self.reference.committed.connect(self._reference_changed)
        self.min_n = QSpinBox()
        self.min_n.setRange(0, 100)
        self.min_n.editingFinished.connect(self._min_n_changed)
        self.domain = CommitLine()
        self.domain.committed.connect(
            lambda text: self._update(tr("Ret gruppe"), domain=text or None))
        self.problem = _problem_label()
        self.form = QFormLayout(self)
        self.form.addRow(self.heading)
        self.row_labels = [QLabel() for _ in range(6)]
        for label, widget in zip(self.row_labels, (self.code_edit, self.labels, self.direction,
                                                   self.reference, self.min_n, self.domain),
                                 strict=True):
            self.form.addRow(label, widget)
        self.form.addRow(self.problem)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(tr("Dimension"))
        texts = (tr("Kode:"), tr("Navn:"), tr("Retning:"), tr("Referenceværdi:"),
                 tr("Egen mindstegrænse:"), tr("Gruppe:"))
        for label, text in zip(self.row_labels, texts, strict=True):
            label.setText(text)
        self.code_edit.setAccessibleName(tr("Dimensionens kode"))
        self.direction.setAccessibleName(tr("Retning"))
        self.direction.clear()
        self.direction.addItem(tr("Højere er bedre"), str(Direction.HIGHER_IS_BETTER))
        self.direction.addItem(tr("Højere er værre"), str(Direction.HIGHER_IS_WORSE))
        self.reference.setAccessibleName(tr("Referenceværdi"))
        self.reference.setPlaceholderText(tr("0–100, tom = ingen"))
        self.min_n.setAccessibleName(tr("Egen mindstegrænse"))
        self.min_n.setSpecialValueText(tr("projektets"))
        self.domain.setAccessibleName(tr("Gruppe"))
        self.labels.retranslate()
        if self._host.questionnaire is not None and self.code:
            self.load(self._host.questionnaire, self.code)

    def load(self, questionnaire: Questionnaire, code: str) -> None:
        dimension = questionnaire.dimension(code)
        if dimension is None:
            return
        self.code = code
        self.code_edit.load(code)
        self.labels.set_languages(questionnaire.languages)
        self.labels.load(dimension.labels)
        self.direction.setCurrentIndex(self.direction.findData(str(dimension.direction)))
        self.reference.load("" if dimension.reference is None else f"{dimension.reference:g}")
        self.min_n.setValue(dimension.min_n or 0)
        self.domain.load(dimension.domain or "")

    def _current(self) -> Dimension:
        questionnaire = self._host.questionnaire
        assert questionnaire is not None
        dimension = questionnaire.dimension(self.code)
        assert dimension is not None
        return copy.deepcopy(dimension)

    def _labels_changed(self) -> None:
        self._update(tr("Ret navn"), labels=self.labels.values(self._current().labels))

    def _reference_changed(self, text: str) -> None:
        try:
            reference = parse_number(text)
        except ValueError:
            reference = -1.0
        if reference is not None and not 0 <= reference <= 100:
            self.problem.setText(tr("Referenceværdien skal være et tal fra 0 til 100 eller tom."))
            self.problem.show()
            self.reference.load("" if self._current().reference is None
                                else f"{self._current().reference:g}")
            return
        self._update(tr("Ret referenceværdi"), reference=reference)

    def _min_n_changed(self) -> None:
        value = self.min_n.value() or None
        if value != self._current().min_n:
            self._update(tr("Ret mindstegrænse"), min_n=value)

    def _update(self, text: str, **changes: object) -> None:
        self.problem.hide()
        dimension = self._current()
        for key, value in changes.items():
            setattr(dimension, key, value)
        code = self.code
        if self._host.edit(lambda q: editing.replace_dimension(q, code, dimension), text,
                           Location(LocationKind.DIMENSION, dimension.code)):
            self.code = dimension.code
