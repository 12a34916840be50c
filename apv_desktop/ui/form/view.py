"""THE questionnaire as a respondent sees it: one section per page, progress, Back/Next, required
and `relevant` behaviour. The kiosk shows it full screen; the builder embeds it as its preview.

    view = QuestionnaireView(questionnaire, "da", preview=True)
    view.set_language("sv"); view.answers() -> {"bu_1": "nej", ...}
    view.submitted.connect(store)   # the answers, once the last page is sent (not in preview)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.model import LANGUAGES, Questionnaire, Section, pick_label
from apv_desktop.core.relevance import is_relevant
from apv_desktop.i18n import Translate, current_language, translator
from apv_desktop.ui.form.heading import HeadingLabel
from apv_desktop.ui.form.questions import QuestionWidget, question_widget

TITLE_SCALE = 1.15  # the form's title, above the progress
SECTION_SCALE = 1.45  # the section heading: clearly larger than the (bold) question texts


class QuestionnaireView(QWidget):
    """Signals: `answers_changed()`, `page_changed(page_index)`, `submitted(answers)`."""

    answers_changed = Signal()
    page_changed = Signal(int)
    submitted = Signal(dict)

    def __init__(self, questionnaire: Questionnaire, language: str = "da", *,
                 preview: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self._language = language
        self._questionnaire = questionnaire
        self._page = 0  # index into the visible sections
        self.title_label = HeadingLabel(TITLE_SCALE, self)
        self.title_label.setObjectName("formTitle")
        # a child from the start: shown while it had no parent, it would open as a window of
        # its own and take the focus from the main window (the builder page is built then)
        self.preview_banner = QLabel(self)
        self.preview_banner.setObjectName("previewBanner")
        self.preview_banner.setVisible(preview)
        # Sized from the view's font whenever it changes (the kiosk enlarges it afterwards).
        self.section_label = HeadingLabel(SECTION_SCALE, self)
        self.section_label.setObjectName("sectionHeading")
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(10)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("formProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #c5221f; font-weight: bold;")
        self.problem_label.hide()
        self.pages = QStackedWidget()
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.submit_button = QPushButton()
        self.submit_button.setObjectName("submitButton")
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.submit_button.clicked.connect(self.submit)
        for button in (self.back_button, self.next_button, self.submit_button):
            button.setAutoDefault(False)
            button.setMinimumHeight(button.sizeHint().height() + 8)

        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview_banner)
        layout.addWidget(self.title_label)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.section_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.problem_label)
        layout.addLayout(buttons)
        self.questions: dict[str, QuestionWidget] = {}
        self._section_pages: list[QScrollArea] = []
        self._build()

    # --- public API -----------------------------------------------------------------------

    def questionnaire(self) -> Questionnaire:
        return self._questionnaire

    def set_questionnaire(self, questionnaire: Questionnaire) -> None:
        """Show another questionnaire (the builder's live preview); answers that still fit stay."""
        kept = self.raw_answers()
        self._questionnaire = questionnaire
        self._build()
        self.set_answers({k: v for k, v in kept.items() if k in self.questions})

    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        self._language = language
        for widget in self.questions.values():
            widget.set_language(language)
        self._show_page()

    def answers(self) -> dict[str, str]:
        """The answers of the questions now shown (hidden ones are not answers)."""
        return {name: text for name, text in self._effective().items() if text}

    def raw_answers(self) -> dict[str, str]:
        """What each control holds, shown or not."""
        return {name: widget.value() for name, widget in self.questions.items()
                if widget.value()}

    def set_answers(self, answers: dict[str, str]) -> None:
        for name, widget in self.questions.items():
            widget.set_value(answers.get(name, ""))
        self._update_visibility()

    def page_index(self) -> int:
        return self._page

    def page_count(self) -> int:
        return len(self._visible_sections())

    def current_section(self) -> Section | None:
        visible = self._visible_sections()
        return self._questionnaire.sections[visible[self._page]] if visible else None

    def is_last_page(self) -> bool:
        return self._page >= self.page_count() - 1

    def missing_on_page(self) -> list[str]:
        """Required questions on this page that are shown and unanswered."""
        section = self.current_section()
        if section is None:
            return []
        effective = self._effective()
        return [item.name for item in section.items
                if item.required and item.answerable and self.questions[item.name].isVisibleTo(self)
                and not effective.get(item.name)]

    def go_next(self) -> bool:
        """To the next page, unless a required question here is unanswered."""
        if not self._page_complete() or self.is_last_page():
            return False
        self._page += 1
        self._show_page(focus=True)
        return True

    def go_back(self) -> bool:
        if self._page == 0:
            return False
        self._page -= 1
        self._show_page(focus=True)
        return True

    def show_page(self, page: int) -> bool:
        """Turn straight to a page (of the visible sections), without the required-question
        check of go_next: for the builder's preview. False if there is no such page."""
        if not 0 <= page < self.page_count():
            return False
        if page != self._page:
            self._page = page
            self.problem_label.hide()  # it was about the page left
            self._show_page()
        return True

    def show_section(self, index: int) -> bool:
        """Turn to the page of `questionnaire().sections[index]`; False if that section is not
        shown now (its condition is false, or the index is out of range)."""
        visible = self._visible_sections()
        return index in visible and self.show_page(visible.index(index))

    def submit(self) -> bool:
        """Emit `submitted` with the answers when every shown required question is answered."""
        if self.preview or not self._page_complete():
            return False
        if not self.answers():
            tr = self._tr()
            self.show_problem(tr("Besvar mindst ét spørgsmål, før du sender."))
            return False
        self.submitted.emit(self.answers())
        return True

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        while self.pages.count():
            page = self.pages.widget(0)
            assert page is not None  # the stack is not empty
            self.pages.removeWidget(page)
            page.deleteLater()
        self.questions = {}
        self._section_pages = []
        for section in self._questionnaire.sections:
            content = QWidget()
            column = QVBoxLayout(content)
            column.setSpacing(12)
            for item in section.items:
                widget = question_widget(item, self._questionnaire.choices_for(item),
                                         self._language)
                widget.changed.connect(self._on_changed)
                self.questions[item.name] = widget
                column.addWidget(widget)
            column.addStretch(1)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            # Wrapped labels only get their full height when the width is the scroll area's.
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(content)
            self.pages.addWidget(scroll)
            self._section_pages.append(scroll)
        self._page = 0
        self._update_visibility()

    def _on_changed(self) -> None:
        self._update_visibility()
        if self.problem_label.isVisible():
            self._page_complete(report=False)
        self.answers_changed.emit()

    def _effective(self) -> dict[str, str]:
        """Answers with hidden questions counted as unanswered, in questionnaire order, so that a
        question hidden by an earlier answer also hides what depends on it."""
        effective: dict[str, str] = {}
        for section in self._questionnaire.sections:
            section_shown = is_relevant(section.relevant, effective)
            for item in section.items:
                shown = section_shown and is_relevant(item.relevant, effective)
                effective[item.name] = self.questions[item.name].value() if shown else ""
        return effective

    def _visible_sections(self) -> list[int]:
        effective = self._effective()
        visible = []
        for index, section in enumerate(self._questionnaire.sections):
            if is_relevant(section.relevant, effective) and any(
                    is_relevant(item.relevant, effective) for item in section.items):
                visible.append(index)
        return visible

    def _update_visibility(self) -> None:
        effective: dict[str, str] = {}
        for section in self._questionnaire.sections:
            section_shown = is_relevant(section.relevant, effective)
            for item in section.items:
                shown = section_shown and is_relevant(item.relevant, effective)
                self.questions[item.name].setVisible(shown)
                effective[item.name] = self.questions[item.name].value() if shown else ""
        self._page = min(self._page, max(self.page_count() - 1, 0))
        self._show_page()

    # --- showing --------------------------------------------------------------------------

    def _tr(self) -> Translate:
        """The buttons' language: the respondent's in the kiosk; in the builder's preview the
        program's, since the reader there is the AMiR."""
        if self.preview or self._language not in LANGUAGES:
            return translator(current_language())
        return translator(self._language)

    def retranslate(self) -> None:
        """Set the buttons' texts again (after the program's language changed)."""
        self._show_page()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._show_page()
        super().changeEvent(event)

    def _show_page(self, focus: bool = False) -> None:
        tr = self._tr()
        questionnaire = self._questionnaire
        self.title_label.setText(pick_label(questionnaire.title_labels, self._language,
                                            questionnaire.title))
        self.preview_banner.setText(tr("Forhåndsvisning: svarene gemmes ikke."))
        visible = self._visible_sections()
        count = len(visible)
        self.progress_label.setText(tr("Side {page} af {count}", page=self._page + 1 if count
                                       else 0, count=count))
        self.progress_bar.setRange(0, max(count, 1))
        self.progress_bar.setValue(self._page + 1 if count else 0)
        self.progress_bar.setAccessibleName(self.progress_label.text())
        section = self.current_section()
        self.section_label.setText(section.label(self._language) if section else "")
        self.section_label.setVisible(bool(section and self.section_label.text()))
        if visible:
            self.pages.setCurrentIndex(visible[self._page])
        self.back_button.setText(tr("Tilbage"))
        self.next_button.setText(tr("Næste"))
        self.submit_button.setText(tr("Send svar"))
        self.back_button.setEnabled(self._page > 0)
        last = self.is_last_page()
        self.next_button.setVisible(not last)
        self.submit_button.setVisible(last and not self.preview)
        for button in (self.back_button, self.next_button, self.submit_button):
            button.setAccessibleName(button.text())
        if focus:
            self.problem_label.hide()
            self.focus_first_question()
        self.page_changed.emit(self._page)

    def focus_first_question(self) -> None:
        section = self.current_section()
        if section is None:
            return
        self._section_pages[self._questionnaire.sections.index(section)].verticalScrollBar(
        ).setValue(0)
        for item in section.items:
            widget = self.questions[item.name]
            if widget.isVisibleTo(self) and item.answerable:
                widget.focus_first()
                return

    def _page_complete(self, report: bool = True) -> bool:
        missing = set(self.missing_on_page())
        for name, widget in self.questions.items():
            widget.set_missing(name in missing)
        if not missing:
            self.problem_label.hide()
            return True
        if report:
            tr = self._tr()
            self.show_problem(tr("Besvar de markerede spørgsmål, før du går videre."))
            first = next(name for name in self.questions if name in missing)
            self.questions[first].focus_first()
            self._section_pages[self.pages.currentIndex()].ensureWidgetVisible(
                self.questions[first])
        return False

    def show_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setAccessibleName(text)
        self.problem_label.show()
