"""The live preview: the kiosk's own QuestionnaireView (ui/form), in a language of choice.

The builder shows half-made questionnaires, which the kiosk never gets: a condition still being
typed, a question whose choice list was just removed. The preview is given a copy in which such
parts are made harmless, so that what can be shown is shown exactly as the kiosk will.
"""

from __future__ import annotations

import copy

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.model import ChoiceList, Item, ItemType, Questionnaire, Section
from apv_desktop.core.relevance import RelevanceError, check_relevance
from apv_desktop.i18n import LANGUAGE_NAMES, tr
from apv_desktop.ui.form import QuestionnaireView

SELECT_TYPES = (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE)


def showable(questionnaire: Questionnaire) -> Questionnaire:
    """A copy the form can always render: unreadable conditions dropped (the question is then
    always shown), a missing choice list replaced by an empty one."""
    shown = copy.deepcopy(questionnaire)
    holders: list[Section | Item] = [*shown.sections, *shown.items()]
    for holder in holders:
        if holder.relevant:
            try:
                check_relevance(holder.relevant)
            except RelevanceError:
                holder.relevant = None
    for item in shown.items():
        if item.type in SELECT_TYPES and shown.choices_for(item) is None:
            item.list_name = f"\0missing:{item.name}"
            shown.choice_lists[item.list_name] = ChoiceList(item.list_name)
    return shown


class BuilderPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = QComboBox()
        self.language.activated.connect(self._language_chosen)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.view = QuestionnaireView(Questionnaire(title=""), "da", preview=True)
        row = QHBoxLayout()
        row.addWidget(self.language_label)
        row.addWidget(self.language, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.language_label.setText(tr("Forhåndsvisning på:"))
        self.language.setAccessibleName(tr("Forhåndsvisningens sprog"))
        self.view.retranslate()  # the form's own banner and buttons follow the program

    def show_questionnaire(self, questionnaire: Questionnaire) -> None:
        chosen = self.language.currentData() or questionnaire.default_language
        self.language.clear()
        for code in questionnaire.languages:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        if chosen not in questionnaire.languages:
            chosen = questionnaire.default_language
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        page = self.view.page_index()
        self.view.set_questionnaire(showable(questionnaire))
        self.view.set_language(chosen)
        self.show_page(page)

    def show_section(self, section_index: int) -> None:
        """Turn the preview to the page of a section (if it is shown at all). Straight there:
        going page by page would stop at a required question nobody answers in a preview."""
        self.view.show_section(section_index)

    def show_page(self, page: int) -> None:
        self.view.show_page(min(page, self.view.page_count() - 1))

    def _language_chosen(self) -> None:
        self.view.set_language(self.language.currentData())
