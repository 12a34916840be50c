"""Typing in paper forms fast: one field per question, digits for choices, Enter moves on.

A finished sheet waits as "the last sheet" until the next one is finished (or the window is
closed), so it can still be corrected; then it is stored like a kiosk sheet (source 'paper').
The blank questionnaire for the round can be printed (or saved as PDF) from here too, with an
empty line where the respondent writes their unit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.model import Item, ItemType, Questionnaire
from apv_desktop.errors import ApvError
from apv_desktop.i18n import current_language, tr
from apv_desktop.services.collection import sheet_to_responses, submit_sheet
from apv_desktop.ui import filedialogs
from apv_desktop.ui.errors import show_problem
from apv_desktop.ui.kiosk.pages import unit_titles
from apv_desktop.ui.print_form import print_questionnaire, write_pdf
from apv_desktop.ui.session import ProjectSession


class PaperEntryDialog(QDialog):
    def __init__(self, session: ProjectSession, round_name: str, questionnaire: Questionnaire,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.round_name = round_name
        self.questionnaire = questionnaire
        self.pending: tuple[str, dict[str, str]] | None = None  # the last sheet, correctable
        self.stored = 0
        language = current_language()
        self.setWindowTitle(tr("Indtast papirskemaer, runde {name}", name=round_name))
        self.unit_box = QComboBox()
        self.unit_box.addItem("", None)
        for code, title in unit_titles(session.project.org_units()).items():
            self.unit_box.addItem(f"{code} – {title}", code)
        self.unit_box.setAccessibleName(tr("Enhed"))
        self.fields: dict[str, QLineEdit] = {}
        self.numbers: dict[str, int] = {}  # the number the typist sees before each question
        self.unit_box.installEventFilter(self)
        grid = QGridLayout()
        unit_label = QLabel(tr("Enhed"))
        unit_label.setBuddy(self.unit_box)
        grid.addWidget(unit_label, 0, 0)
        grid.addWidget(self.unit_box, 0, 1)
        for row, item in enumerate(questionnaire.answerable_items(), start=1):
            label = QLabel(f"{row}. {item.label(language)}")
            label.setWordWrap(True)
            field = QLineEdit()
            field.setAccessibleName(item.label(language))
            field.setToolTip(self._choices_text(item, language))
            field.setPlaceholderText(self._choices_text(item, language))
            field.returnPressed.connect(self._next_field)
            field.installEventFilter(self)
            label.setBuddy(field)
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)
            self.fields[item.name] = field
            self.numbers[item.name] = row
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        content = QWidget()
        content.setLayout(grid)
        self.sheet_area = QScrollArea()
        self.sheet_area.setWidgetResizable(True)
        self.sheet_area.setWidget(content)
        self.count_label = QLabel()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c5221f; font-weight: bold;")
        self.save_button = QPushButton(tr("Gem ark (Ctrl+Enter)"))
        self.save_button.setShortcut("Ctrl+Return")
        self.save_button.clicked.connect(self.save_sheet)
        self.correct_button = QPushButton(tr("Ret sidste ark"))
        self.correct_button.clicked.connect(self.correct_last)
        self.done_button = QPushButton(tr("Færdig"))
        self.done_button.clicked.connect(self.accept)
        self.print_button = QPushButton(tr("Udskriv spørgeskema …"))
        self.print_button.clicked.connect(self.print_form)
        self.pdf_button = QPushButton(tr("Gem som PDF …"))
        self.pdf_button.clicked.connect(self.save_pdf)
        for button in (self.save_button, self.correct_button, self.done_button,
                       self.print_button, self.pdf_button):
            button.setAutoDefault(False)
        paper_row = QHBoxLayout()
        paper_row.addWidget(QLabel(tr("Skemaer til at dele ud:")))
        paper_row.addWidget(self.print_button)
        paper_row.addWidget(self.pdf_button)
        paper_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addLayout(paper_row)
        layout.addWidget(QLabel(tr("Tal vælger svar (1 = første svarmulighed; flere valg: 1 3). "
                                   "Enter går til næste felt. Tomt felt = ikke besvaret.")))
        layout.addWidget(self.sheet_area, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.resize(900, 700)
        self._update_count()
        self._focus_start_of_sheet()

    def _focus_start_of_sheet(self) -> None:
        """Where typing a sheet begins: the unit while none is chosen (it is kept from sheet to
        sheet), else the first answer. Never a button: Enter there would print or save."""
        if self.unit_box.currentData() is None or not self.fields:
            self.unit_box.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            first = next(iter(self.fields.values()))
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self._show_in_list(first)

    def _next_field(self) -> None:
        self.focusNextChild()
        self._show_in_list(self.focusWidget())

    def _show_in_list(self, widget: QWidget | None) -> None:
        # Enter moves focus by the dialog, which the scroll area does not see: without this
        # the typist types blind below the visible part of the list.
        if isinstance(widget, QLineEdit) and widget in self.fields.values():
            self.sheet_area.ensureWidgetVisible(widget, 0, widget.height() * 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self._show_in_list(watched)  # Tab or a click
        elif (watched is self.unit_box and isinstance(event, QKeyEvent)
              and event.type() == QEvent.Type.KeyPress
              and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.fields):
            first = next(iter(self.fields.values()))
            first.setFocus(Qt.FocusReason.TabFocusReason)
            self._show_in_list(first)
            return True
        return super().eventFilter(watched, event)

    def print_language(self) -> str:
        """The program's language when the questionnaire has it, else the questionnaire's own."""
        language = current_language()
        return (language if language in self.questionnaire.languages
                else self.questionnaire.default_language)

    def print_form(self) -> bool:
        """The blank questionnaire on the printer (an empty line for the unit); False if the
        user cancelled the print dialog."""
        return print_questionnaire(self, self.questionnaire, self.print_language(),
                                   unit_line=True)

    def save_pdf(self) -> Path | None:
        """The blank questionnaire as a PDF file to print elsewhere; the path, or None."""
        suggested = Path.home() / f"{self.questionnaire.form_id or 'spoergeskema'}.pdf"
        path = filedialogs.save_file(self, tr("Gem spørgeskemaet som PDF"),
                                     tr("PDF-filer (*.pdf)"), suggested, ".pdf")
        if path is None:
            return None
        try:
            write_pdf(self.questionnaire, path, self.print_language(), unit_line=True)
        except Exception as error:  # noqa: BLE001 - any failure to write is told, not raised
            show_problem(self, tr("PDF-filen kunne ikke gemmes"), error)
            return None
        return path

    def _choices_text(self, item: Item, language: str) -> str:
        choices = self.questionnaire.choices_for(item)
        if choices is None:
            return tr("Tal") if item.type in (ItemType.INTEGER, ItemType.DECIMAL) else tr("Tekst")
        return "  ".join(f"{n}={c.label(language)}" for n, c in enumerate(choices.choices, 1))

    def entered(self) -> tuple[str | None, dict[str, str], list[tuple[QWidget, str]]]:
        """The unit and the answers (choice names) typed in, and every problem of the sheet
        (its field and sentence, in the sheet's order): all of them at once, so one save tells
        the typist everything to correct."""
        answers: dict[str, str] = {}
        problems: list[tuple[QWidget, str]] = []
        unit = self.unit_box.currentData()
        if unit is None:
            problems.append((self.unit_box, tr("Vælg enheden fra skemaet.")))
        for name, field in self.fields.items():
            item = self.questionnaire.item(name)
            assert item is not None
            text = field.text().strip()
            if not text:
                continue
            choices = self.questionnaire.choices_for(item)
            if choices is None:
                answers[name] = text
                continue
            parts = text.replace(",", " ").split() if item.type is ItemType.SELECT_MULTIPLE \
                else [text]
            bad = [part for part in parts
                   if not part.isdigit() or not 1 <= int(part) <= len(choices.choices)]
            if bad:
                problems.append((field, tr("'{value}' er ikke et svar på spørgsmål {number} "
                                           "({label}): brug 1-{k}.", value=bad[0],
                                           number=self.numbers[name],
                                           label=item.label(current_language()),
                                           k=len(choices.choices))))
                continue
            answers[name] = " ".join(choices.choices[int(part) - 1].name for part in parts)
        return unit, answers, problems

    def save_sheet(self) -> bool:
        """Check the typed sheet; store the previous one and keep this as the correctable last."""
        unit, answers, problems = self.entered()
        if problems or unit is None:  # no unit is one of the problems
            problems[0][0].setFocus()
            self.problem.setText("\n".join(sentence for _, sentence in problems))
            return False
        try:
            sheet_to_responses(self.questionnaire, unit, answers)  # checks before anything
            self._store_pending()
        except (ValueError, ApvError) as error:
            self.problem.setText(str(error))
            return False
        self.pending = (unit, answers)
        for field in self.fields.values():
            field.clear()
        self.problem.clear()
        self._focus_start_of_sheet()
        self._update_count()
        return True

    def correct_last(self) -> None:
        """Bring the last sheet back into the fields (it is not stored until saved again)."""
        if self.pending is None:
            return
        unit, answers = self.pending
        self.pending = None
        self.unit_box.setCurrentIndex(max(self.unit_box.findData(unit), 0))
        for name, field in self.fields.items():
            item = self.questionnaire.item(name)
            choices = self.questionnaire.choices_for(item) if item else None
            value = answers.get(name, "")
            if choices is not None and value:
                value = " ".join(str((choices.index_of(part) or 0) + 1) for part in value.split())
            field.setText(value)
        self._update_count()

    def _store_pending(self) -> None:
        if self.pending is not None:
            unit, answers = self.pending
            submit_sheet(self.session.project, self.round_name, self.questionnaire, unit,
                         answers, source="paper")
            self.pending = None
            self.stored += 1
            self.session.notify_changed()

    def finish(self) -> None:
        """Store the last sheet (closing the window makes it final)."""
        try:
            self._store_pending()
        except ApvError as error:
            self.problem.setText(str(error))

    def _update_count(self) -> None:
        entered = self.stored + (1 if self.pending else 0)
        self.count_label.setText(tr("Ark indtastet: {count}", count=entered))
        self.correct_button.setEnabled(self.pending is not None)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.finish()
        super().closeEvent(event)

    def accept(self) -> None:
        self.finish()
        super().accept()


