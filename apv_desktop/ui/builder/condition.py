"""The builder's "Vises kun hvis" picker: rows of (question, comparison, answers) in the words of
the questionnaire, written to the item's `relevant` expression by core/conditions.py. What the rows
cannot say stays in the raw expression, shown under "Avanceret" (builder/editors.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.conditions import (
    Clause,
    Comparison,
    Condition,
    Join,
    read_condition,
    write_condition,
)
from apv_desktop.core.model import ItemType, Questionnaire
from apv_desktop.i18n import current_language, tr


def comparison_names() -> dict[Comparison, str]:
    return {
        Comparison.IS: tr("er"),
        Comparison.IS_NOT: tr("er besvaret, men ikke"),
        Comparison.ANSWERED: tr("er besvaret"),
        Comparison.NOT_ANSWERED: tr("er ikke besvaret"),
    }


class ClauseRow(QWidget):
    changed = Signal()
    removed = Signal()

    def __init__(self, picker: ConditionPicker) -> None:
        super().__init__(picker)
        self._picker = picker
        self.question = QComboBox()
        self.question.setAccessibleName(tr("Spørgsmålet, betingelsen ser på"))
        self.question.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.question.setMinimumContentsLength(20)
        self.comparison = QComboBox()
        self.comparison.setAccessibleName(tr("Sammenligning"))
        self.comparison.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for comparison, text in comparison_names().items():
            self.comparison.addItem(text, str(comparison))
        self.answers = QToolButton()
        self.answers.setAccessibleName(tr("Svar"))
        self.answers.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.answers.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.answers.setMenu(QMenu(self.answers))
        self.remove = QPushButton("×")
        self.remove.setAccessibleName(tr("Fjern betingelsen"))
        self.remove.setToolTip(tr("Fjern betingelsen"))
        self.remove.setFixedWidth(28)
        for name, item in picker.questions.items():
            self.question.addItem(item[0], name)  # whole: the end often tells two apart
            self.question.setItemData(self.question.count() - 1, item[0],
                                      Qt.ItemDataRole.ToolTipRole)
        self.question.activated.connect(self._question_changed)
        self.comparison.activated.connect(self._comparison_changed)
        self.remove.clicked.connect(self.removed.emit)
        # Two lines, so a row fits the builder's middle column at 1366 px: the question (its
        # whole text), then the comparison and the answers.
        top = QHBoxLayout()
        top.addWidget(self.question, 1)
        top.addWidget(self.remove)
        bottom = QHBoxLayout()
        bottom.addWidget(self.comparison, 0)
        bottom.addWidget(self.answers, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(bottom)

    def load(self, clause: Clause) -> None:
        self.question.setCurrentIndex(max(0, self.question.findData(clause.item)))
        self.comparison.setCurrentIndex(self.comparison.findData(str(clause.comparison)))
        self._fill_answers(set(clause.answers))

    def clause(self) -> Clause | None:
        name = self.question.currentData()
        if name is None:
            return None
        comparison = Comparison(self.comparison.currentData())
        chosen = tuple(a.data() for a in self.answers.menu().actions() if a.isChecked())
        if comparison in (Comparison.IS, Comparison.IS_NOT) and not chosen:
            return None  # not finished yet: an answer is still to be chosen
        if comparison in (Comparison.ANSWERED, Comparison.NOT_ANSWERED):
            chosen = ()
        return Clause(str(name), comparison, chosen, name in self._picker.multiple)

    def choose(self, answers: set[str]) -> None:
        """Tick exactly `answers` (their choice names), as the user does in the menu."""
        for action in self.answers.menu().actions():
            action.blockSignals(True)  # one change for the lot, not one per tick
            action.setChecked(action.data() in answers)
            action.blockSignals(False)
        self._answers_changed()

    def _fill_answers(self, chosen: set[str]) -> None:
        menu = self.answers.menu()
        menu.clear()
        name = self.question.currentData()
        for choice_name, label in self._picker.questions.get(name, ("", []))[1]:
            action = QAction(label, menu)
            action.setCheckable(True)
            action.setChecked(choice_name in chosen)
            action.setData(choice_name)
            action.toggled.connect(self._answers_changed)
            menu.addAction(action)
        self._show_answers()

    def _show_answers(self) -> None:
        needs = Comparison(self.comparison.currentData()) in (Comparison.IS, Comparison.IS_NOT)
        self.answers.setVisible(needs)
        labels = [a.text() for a in self.answers.menu().actions() if a.isChecked()]
        self.answers.setText(tr(" eller ").join(labels) if labels else tr("vælg svar …"))

    def _question_changed(self) -> None:
        self._fill_answers(set())
        self.changed.emit()

    def _comparison_changed(self) -> None:
        self._show_answers()
        self.changed.emit()

    def _answers_changed(self) -> None:
        self._show_answers()
        self.changed.emit()


class ConditionPicker(QWidget):
    """`committed(expression or "")` when the rows make a new complete condition."""

    committed = Signal(str)
    unreadable = Signal(bool)  # True: the expression is beyond the rows (use Avanceret)

    def __init__(self, parent: QWidget | None = None, *, for_section: bool = False) -> None:
        super().__init__(parent)
        self._for_section = for_section
        self.questions: dict[str, tuple[str, list[tuple[str, str]]]] = {}
        self.multiple: set[str] = set()
        self.rows: list[ClauseRow] = []
        self._loaded: str | None = None
        self.join = QComboBox()
        self.join.setAccessibleName(tr("Hvilke betingelser skal gælde"))
        self.join.addItem(tr("når mindst én af betingelserne gælder"), Join.ANY.value)
        self.join.addItem(tr("når alle betingelserne gælder"), Join.ALL.value)
        self.join.activated.connect(self._changed)
        self.always = QLabel()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.add = QPushButton()
        self.add.clicked.connect(self._add_row)
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.always)
        layout.addWidget(self.note)
        layout.addLayout(self._rows)
        layout.addWidget(self.join)
        layout.addWidget(self.add)
        self.retranslate()

    def retranslate(self) -> None:
        self.always.setText(tr("Afsnittet vises altid.") if self._for_section
                            else tr("Spørgsmålet vises altid."))
        self.note.setText(tr("Betingelsen er for sammensat til at vises her; se og ret den "
                             "under Avanceret."))
        self.add.setText(tr("+ Tilføj betingelse"))
        self.join.setItemText(0, tr("når mindst én af betingelserne gælder"))
        self.join.setItemText(1, tr("når alle betingelserne gælder"))

    def load(self, questionnaire: Questionnaire, item_name: str, expression: str | None) -> None:
        """The rows of `expression` for the item `item_name` (its own answer is not offered)."""
        language = current_language()
        self.questions = {}
        self.multiple = set()
        for item in questionnaire.items():
            if item.name == item_name or item.type not in (ItemType.SELECT_ONE,
                                                           ItemType.SELECT_MULTIPLE):
                continue
            choices = questionnaire.choices_for(item)
            options = [(c.name, c.label(language)) for c in choices.choices] if choices else []
            self.questions[item.name] = (item.label(language) or item.name, options)
            if item.type is ItemType.SELECT_MULTIPLE:
                self.multiple.add(item.name)
        self._loaded = expression or None
        condition = read_condition(expression, frozenset(self.multiple))
        if condition is not None and any(c.item not in self.questions
                                         for c in condition.clauses):
            condition = None  # it names a question that is not (or no longer) a choice
        self._set_rows(condition.clauses if condition else ())
        if condition is not None:
            self.join.setCurrentIndex(self.join.findData(condition.join.value))
        self.note.setVisible(condition is None)
        for row in self.rows:
            row.setEnabled(condition is not None)
        self.add.setEnabled(condition is not None and bool(self.questions))
        self._show_state()
        self.unreadable.emit(condition is None)

    def condition(self) -> Condition:
        clauses = tuple(c for row in self.rows if (c := row.clause()) is not None)
        return Condition(clauses, Join(self.join.currentData()))

    def _set_rows(self, clauses: tuple[Clause, ...]) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for clause in clauses:
            self._new_row().load(clause)

    def _new_row(self) -> ClauseRow:
        row = ClauseRow(self)
        row.changed.connect(self._changed)
        row.removed.connect(lambda: self._remove_row(row))
        self._rows.addWidget(row)
        self.rows.append(row)
        return row

    def _add_row(self) -> None:
        row = self._new_row()
        row.load(Clause(str(row.question.currentData()), Comparison.IS))
        self._show_state()
        row.answers.setFocus()

    def _remove_row(self, row: ClauseRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self._show_state()
        self._changed()

    def _show_state(self) -> None:
        self.always.setVisible(not self.rows and not self.note.isVisible())
        self.join.setVisible(len(self.rows) > 1)

    def _changed(self) -> None:
        if any(row.clause() is None for row in self.rows):
            return  # a row is still being filled in
        expression = write_condition(self.condition())
        if expression != self._loaded:
            self._loaded = expression
            self.committed.emit(expression or "")
