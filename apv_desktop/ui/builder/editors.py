"""The editors of the questionnaire's title, a section and an item. Each change goes to the host
as one edit (stored at once, undoable); the editors are then loaded again from the result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from apv_desktop.core import editing
from apv_desktop.core.model import LANGUAGES, ItemType, Questionnaire
from apv_desktop.core.validation import Location, LocationKind
from apv_desktop.i18n import LANGUAGE_NAMES, current_language, tr
from apv_desktop.ui.builder.condition import ConditionPicker
from apv_desktop.ui.builder.fields import CommitLine, EditHost, LabelFields


def type_names() -> dict[ItemType, str]:
    return {
        ItemType.SELECT_ONE: tr("Vælg ét svar"),
        ItemType.SELECT_MULTIPLE: tr("Vælg flere svar"),
        ItemType.TEXT: tr("Fritekst"),
        ItemType.INTEGER: tr("Heltal"),
        ItemType.DECIMAL: tr("Decimaltal"),
        ItemType.NOTE: tr("Tekst uden svar"),
    }


def _heading() -> QLabel:
    label = QLabel()
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


class QuestionnaireEditor(QWidget):
    """The title in each language and which languages the questionnaire has."""

    def __init__(self, host: EditHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.heading = _heading()
        self.titles = LabelFields(lambda language: tr("Titel på {language}", language=language))
        self.titles.committed.connect(self._titles_changed)
        self.language_boxes = {code: QCheckBox(LANGUAGE_NAMES[code]) for code in LANGUAGES}
        for box in self.language_boxes.values():
            box.clicked.connect(self._languages_changed)
        self.version = CommitLine()
        self.version.committed.connect(
            lambda text: self._host.edit(lambda q: editing.update_questionnaire(q, version=text),
                                         tr("Ret version")))
        self.form = QFormLayout(self)
        self.form.addRow(self.heading)
        self.title_label = QLabel()
        self.form.addRow(self.title_label, self.titles)
        self.languages_label = QLabel()
        languages = QWidget()
        row = QFormLayout(languages)
        row.setContentsMargins(0, 0, 0, 0)
        for box in self.language_boxes.values():
            row.addRow(box)
        self.form.addRow(self.languages_label, languages)
        self.version_label = QLabel()
        self.form.addRow(self.version_label, self.version)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(tr("Spørgeskemaet"))
        self.title_label.setText(tr("Titel:"))
        self.languages_label.setText(tr("Sprog:"))
        self.version_label.setText(tr("Version:"))
        self.version.setAccessibleName(tr("Version"))
        self.titles.retranslate()

    def load(self, questionnaire: Questionnaire) -> None:
        self.titles.set_languages(questionnaire.languages)
        self.titles.load(questionnaire.title_labels or {questionnaire.default_language:
                                                        questionnaire.title})
        for code, box in self.language_boxes.items():
            box.setChecked(code in questionnaire.languages)
            # the default language cannot be removed: every text falls back to it
            box.setEnabled(code != questionnaire.default_language)
        self.version.load(questionnaire.version)

    def _titles_changed(self) -> None:
        questionnaire = self._host.questionnaire
        assert questionnaire is not None
        labels = self.titles.values(questionnaire.title_labels)
        self._host.edit(lambda q: editing.update_questionnaire(q, title_labels=labels),
                        tr("Ret titel"))

    def _languages_changed(self) -> None:
        chosen = [code for code, box in self.language_boxes.items() if box.isChecked()]
        self._host.edit(lambda q: editing.update_questionnaire(q, languages=chosen),
                        tr("Ret sprog"))


class SectionEditor(QWidget):
    def __init__(self, host: EditHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.index = 0
        self.heading = _heading()
        self.name = CommitLine()
        self.name.committed.connect(lambda text: self._update(tr("Omdøb afsnit"), name=text))
        self.labels = LabelFields(lambda language: tr("Overskrift på {language}",
                                                      language=language))
        self.labels.committed.connect(self._labels_changed)
        self.relevant = CommitLine()
        self.relevant.committed.connect(
            lambda text: self._update(tr("Ret betingelse"), relevant=text or None))
        self.condition = ConditionPicker(for_section=True)  # as for a question (ItemEditor)
        self.condition.committed.connect(
            lambda text: self._update(tr("Ret betingelse"), relevant=text or None))
        self.form = QFormLayout(self)
        self.advanced = QCheckBox()
        self.advanced.toggled.connect(
            lambda shown: self.form.setRowVisible(self.relevant, shown))
        self.condition.unreadable.connect(
            lambda needed: self.advanced.setChecked(True) if needed else None)
        self.form.addRow(self.heading)
        self.name_label, self.labels_label, self.relevant_label = QLabel(), QLabel(), QLabel()
        self.condition_label = QLabel()
        self.form.addRow(self.name_label, self.name)
        self.form.addRow(self.labels_label, self.labels)
        self.form.addRow(self.condition_label, self.condition)
        self.form.addRow("", self.advanced)
        self.form.addRow(self.relevant_label, self.relevant)
        self.form.setRowVisible(self.relevant, False)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(tr("Afsnit"))
        self.name_label.setText(tr("Navn:"))
        self.name.setAccessibleName(tr("Afsnittets navn"))
        self.labels_label.setText(tr("Overskrift:"))
        self.condition_label.setText(tr("Vises kun hvis:"))
        self.relevant_label.setText(tr("Udtryk:"))
        self.relevant.setAccessibleName(tr("Betingelsen som udtryk"))
        self.relevant.setPlaceholderText(tr("fx ${leder} = 'ja'"))
        self.advanced.setText(tr("Avanceret: betingelsen som udtryk"))
        self.condition.retranslate()
        self.labels.retranslate()

    def load(self, questionnaire: Questionnaire, index: int) -> None:
        self.index = index
        section = questionnaire.sections[index]
        self.name.load(section.name)
        self.labels.set_languages(questionnaire.languages)
        self.labels.load(section.labels)
        self.relevant.load(section.relevant or "")
        self.condition.load(questionnaire, "", section.relevant)

    def _labels_changed(self) -> None:
        questionnaire = self._host.questionnaire
        assert questionnaire is not None
        labels = self.labels.values(questionnaire.sections[self.index].labels)
        self._update(tr("Ret overskrift"), labels=labels)

    def _update(self, text: str, **changes: object) -> None:
        index = self.index
        self._host.edit(lambda q: editing.update_section(q, index, **changes), text,
                        Location(LocationKind.SECTION, "", index))


class ItemEditor(QWidget):
    def __init__(self, host: EditHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.item_name = ""
        self.heading = _heading()
        self.name = CommitLine()
        self.name.committed.connect(self._renamed)
        self.type = QComboBox()
        self.type.activated.connect(self._type_changed)
        self.labels = LabelFields(lambda language: tr("Spørgsmål på {language}",
                                                      language=language), multiline=True)
        self.labels.committed.connect(lambda: self._labels_changed("labels"))
        self.hints = LabelFields(lambda language: tr("Hjælpetekst på {language}",
                                                     language=language))
        self.hints.committed.connect(lambda: self._labels_changed("hints"))
        self.choice_list = QComboBox()
        self.choice_list.activated.connect(
            lambda: self._update(tr("Vælg svarskala"), list_name=self.choice_list.currentData()))
        self.dimension = QComboBox()
        self.dimension.activated.connect(
            lambda: self._update(tr("Vælg dimension"), dimension=self.dimension.currentData()))
        self.reverse = QCheckBox()
        self.reverse.clicked.connect(
            lambda checked: self._update(tr("Ret vendt scoring"), reverse=checked))
        self.required = QCheckBox()
        self.required.clicked.connect(
            lambda checked: self._update(tr("Ret skal besvares"), required=checked))
        # The condition in words (question, comparison, answers); the expression itself and
        # the item's technical name only under "Avanceret", for what the words cannot say.
        self.condition = ConditionPicker()
        self.condition.committed.connect(
            lambda text: self._update(tr("Ret betingelse"), relevant=text or None))
        self.condition.unreadable.connect(self._show_advanced_if)
        self.advanced = QCheckBox()
        self.advanced.toggled.connect(self._show_advanced)
        self.background = QCheckBox()
        self.background.clicked.connect(
            lambda checked: self._update(tr("Ret baggrundsspørgsmål"), background=checked))
        self.relevant = CommitLine()
        self.relevant.committed.connect(
            lambda text: self._update(tr("Ret betingelse"), relevant=text or None))
        self.form = QFormLayout(self)
        self.form.addRow(self.heading)
        self.row_labels = [QLabel() for _ in range(8)]
        rows = (self.type, self.labels, self.hints, self.choice_list, self.dimension,
                self.condition, self.name, self.relevant)
        for label, widget in zip(self.row_labels, rows, strict=True):
            self.form.addRow(label, widget)
        self.form.insertRow(6, "", self.reverse)
        self.form.insertRow(7, "", self.required)
        self.form.insertRow(8, "", self.background)
        self.form.insertRow(10, "", self.advanced)
        self._show_advanced(False)
        self.retranslate()

    def _show_advanced(self, shown: bool) -> None:
        for widget in (self.name, self.relevant):
            self.form.setRowVisible(widget, shown)

    def _show_advanced_if(self, needed: bool) -> None:
        if needed:
            self.advanced.setChecked(True)

    def retranslate(self) -> None:
        self.heading.setText(tr("Spørgsmål"))
        texts = (tr("Type:"), tr("Spørgsmål:"), tr("Hjælpetekst:"), tr("Svarskala:"),
                 tr("Dimension:"), tr("Vises kun hvis:"), tr("Teknisk navn:"), tr("Udtryk:"))
        for label, text in zip(self.row_labels, texts, strict=True):
            label.setText(text)
        self.name.setAccessibleName(tr("Spørgsmålets navn"))
        self.type.setAccessibleName(tr("Type"))
        self.choice_list.setAccessibleName(tr("Svarskala"))
        self.dimension.setAccessibleName(tr("Dimension"))
        self.relevant.setAccessibleName(tr("Betingelsen som udtryk"))
        self.relevant.setPlaceholderText(tr("fx ${leder} = 'ja'"))
        self.advanced.setText(tr("Avanceret: teknisk navn og betingelsen som udtryk"))
        self.condition.retranslate()
        self.reverse.setText(tr("Vendt scoring (et højt svar tæller lavt)"))
        self.required.setText(tr("Skal besvares"))
        self.background.setText(tr("Baggrundsspørgsmål"))
        self.background.setToolTip(tr(
            "Fx stillingsgruppe eller anciennitet: resultaterne kan vises pr. svarmulighed, men "
            "kun for grupper med mindst så mange svar som anonymitetsgrænsen."))
        self.labels.retranslate()
        self.hints.retranslate()
        self.type.clear()
        for item_type, text in type_names().items():
            self.type.addItem(text, str(item_type))
        if self._host.questionnaire is not None and self.item_name:
            self.load(self._host.questionnaire, self.item_name)

    def load(self, questionnaire: Questionnaire, name: str) -> None:
        item = questionnaire.item(name)
        if item is None:
            return
        self.item_name = name
        self.name.load(item.name)
        self.type.setCurrentIndex(self.type.findData(str(item.type)))
        for fields, labels in ((self.labels, item.labels), (self.hints, item.hints)):
            fields.set_languages(questionnaire.languages)
            fields.load(labels)
        has_list = item.type in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE)
        self.choice_list.clear()
        self.choice_list.addItem(tr("(ingen)"), None)
        for list_name, choice_list in questionnaire.choice_lists.items():
            # the answers themselves, not the list's technical name
            answers = [c.label(current_language()) for c in choice_list.choices]
            shown = " / ".join(answers[:3]) + (" / …" if len(answers) > 3 else "")
            self.choice_list.addItem(shown or list_name, list_name)
            self.choice_list.setItemData(self.choice_list.count() - 1, " / ".join(answers),
                                         Qt.ItemDataRole.ToolTipRole)
        self.choice_list.setCurrentIndex(max(0, self.choice_list.findData(item.list_name)))
        self.choice_list.setEnabled(has_list)
        self.dimension.clear()
        self.dimension.addItem(tr("(ingen)"), None)
        for dimension in questionnaire.dimensions:
            self.dimension.addItem(dimension.label(current_language()) or dimension.code,
                                   dimension.code)
        self.dimension.setCurrentIndex(max(0, self.dimension.findData(item.dimension)))
        self.reverse.setChecked(item.reverse)
        self.required.setChecked(item.required)
        self.background.setChecked(item.background)
        # Results by group need one answer per person that is not itself a score.
        self.background.setEnabled(item.background or (
            item.type is ItemType.SELECT_ONE and not questionnaire.is_scored(item)))
        self.relevant.load(item.relevant or "")
        self.condition.load(questionnaire, name, item.relevant)

    def _renamed(self, text: str) -> None:
        old = self.item_name
        if self._host.edit(lambda q: editing.update_item(q, old, name=text),
                           tr("Omdøb spørgsmål"), Location(LocationKind.ITEM, text)):
            self.item_name = text

    def _type_changed(self) -> None:
        item_type = ItemType(self.type.currentData())
        questionnaire = self._host.questionnaire
        assert questionnaire is not None
        item = questionnaire.item(self.item_name)
        changes: dict[str, object] = {"type": item_type}
        if item is not None and item_type in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE) \
                and not item.list_name:
            changes["list_name"] = next(iter(questionnaire.choice_lists), None)
        self._update(tr("Ret type"), **changes)

    def _labels_changed(self, field: str) -> None:
        questionnaire = self._host.questionnaire
        item = questionnaire.item(self.item_name) if questionnaire else None
        if item is None:
            return
        fields = self.labels if field == "labels" else self.hints
        values = fields.values(getattr(item, field))
        self._update(tr("Ret spørgsmålstekst") if field == "labels" else tr("Ret hjælpetekst"),
                     **{field: values})

    def _update(self, text: str, **changes: object) -> None:
        name = self.item_name
        self._host.edit(lambda q: editing.update_item(q, name, **changes), text,
                        Location(LocationKind.ITEM, name))
