"""One widget per question type, as the respondent sees it (kiosk and builder preview alike).

Every widget reads and writes its answer as text (see services/collection.py): a choice name,
choice names separated by spaces, a number's text, or free text; '' = not answered.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.model import ChoiceList, Item, ItemType
from apv_desktop.i18n import translator
from apv_desktop.ui.form.hints import respondent_hint

_INTEGER = QRegularExpression(r"-?\d{0,12}")
_DECIMAL = QRegularExpression(r"-?\d{0,12}([.,]\d{0,6})?")


class QuestionWidget(QFrame):
    """A question's text, hint and answer controls. `changed` fires on every edit."""

    changed = Signal()

    def __init__(self, item: Item, choices: ChoiceList | None, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.choices = choices
        self.setObjectName("question")
        self.setProperty("missing", False)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setObjectName("questionLabel")
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("questionHint")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(12, 10, 12, 10)
        self.layout_.addWidget(self.label)
        self.layout_.addWidget(self.hint)
        self.build_controls()
        self.set_language(language)

    # --- to override ----------------------------------------------------------------------

    def build_controls(self) -> None:
        """Notes have no controls."""

    def value(self) -> str:
        return ""

    def set_value(self, text: str) -> None:
        """Show `text` as the answer ('' clears it)."""

    def focus_first(self) -> None:
        self.label.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate_controls(self, language: str) -> None:
        """Set the texts of the answer controls."""

    # --- shared ---------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        tr = translator(language)
        text = self.item.label(language)
        required = self.item.required and self.item.answerable
        self.label.setText(f"{text} *" if required else text)
        self.label.setAccessibleName(text)
        hint = respondent_hint(self.item, language)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.setAccessibleName(text)
        self.setAccessibleDescription(tr("Skal besvares") if required else hint)
        self.retranslate_controls(language)

    def set_missing(self, missing: bool) -> None:
        """Mark the question as required and unanswered (a red frame)."""
        self.setProperty("missing", missing)
        self.setStyleSheet("QFrame#question { border: 2px solid #c5221f; border-radius: 6px; }"
                           if missing else "")


class _WholeRowRadio(QRadioButton):
    """A choice that answers to a click anywhere on its row: the row stretches across the
    screen, and on a kiosk's touch screen people tap beside the text (Qt's own reacts only
    on the circle and the text)."""

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802
        return self.rect().contains(pos)


class _WholeRowCheckBox(QCheckBox):
    """As _WholeRowRadio, for a choice of several."""

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802
        return self.rect().contains(pos)


class _ChoiceQuestion(QuestionWidget):
    button_type: type[QAbstractButton] = _WholeRowRadio
    exclusive = True

    def build_controls(self) -> None:
        self.group = QButtonGroup(self)
        self.group.setExclusive(self.exclusive)
        self.buttons: list[QAbstractButton] = []
        for position, _choice in enumerate(self.choices.choices if self.choices else []):
            button = self.button_type()
            self.group.addButton(button, position)
            self.layout_.addWidget(button)
            self.buttons.append(button)
        self.group.idToggled.connect(lambda *_: self.changed.emit())

    def retranslate_controls(self, language: str) -> None:
        assert self.choices is not None
        for number, (button, choice) in enumerate(
                zip(self.buttons, self.choices.choices, strict=True), start=1):
            label = choice.label(language)
            button.setText(f"{number}. {label}" if len(self.buttons) < 10 else label)
            button.setAccessibleName(label)
            button.setAccessibleDescription(self.item.label(language))

    def focus_first(self) -> None:
        checked = [b for b in self.buttons if b.isChecked()]
        target = checked[0] if checked else (self.buttons[0] if self.buttons else None)
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """A digit picks (or for check boxes toggles) that choice: fast with the keyboard."""
        text = event.text()
        if text.isdigit() and 1 <= int(text) <= len(self.buttons):
            button = self.buttons[int(text) - 1]
            if button.isEnabled():
                button.click() if not self.exclusive else button.setChecked(True)
                button.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        super().keyPressEvent(event)



class SelectOneQuestion(_ChoiceQuestion):
    def value(self) -> str:
        position = self.group.checkedId()
        return self.choices.choices[position].name if position >= 0 and self.choices else ""

    def set_value(self, text: str) -> None:
        position = self.choices.index_of(text.strip()) if self.choices else None
        if position is None:
            self.group.setExclusive(False)  # an exclusive group cannot be emptied otherwise
            for button in self.buttons:
                button.setChecked(False)
            self.group.setExclusive(True)
            self.changed.emit()
        else:
            self.buttons[position].setChecked(True)


class SelectMultipleQuestion(_ChoiceQuestion):
    button_type = _WholeRowCheckBox
    exclusive = False

    def value(self) -> str:
        assert self.choices is not None
        return " ".join(choice.name for button, choice in
                        zip(self.buttons, self.choices.choices, strict=True) if button.isChecked())

    def set_value(self, text: str) -> None:
        wanted = set(text.split())
        assert self.choices is not None
        for button, choice in zip(self.buttons, self.choices.choices, strict=True):
            button.setChecked(choice.name in wanted)


class TextQuestion(QuestionWidget):
    def build_controls(self) -> None:
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setUndoRedoEnabled(False)  # nothing of a previous respondent to bring back
        self.editor.setMinimumHeight(90)
        self.editor.setMaximumHeight(180)
        self.editor.textChanged.connect(self.changed.emit)
        self.layout_.addWidget(self.editor)

    def retranslate_controls(self, language: str) -> None:
        self.editor.setAccessibleName(self.item.label(language))

    def value(self) -> str:
        return self.editor.toPlainText().strip()

    def set_value(self, text: str) -> None:
        self.editor.setPlainText(text)

    def focus_first(self) -> None:
        self.editor.setFocus(Qt.FocusReason.TabFocusReason)



class NumberQuestion(QuestionWidget):
    def build_controls(self) -> None:
        self.editor = QLineEdit()
        pattern = _INTEGER if self.item.type is ItemType.INTEGER else _DECIMAL
        self.editor.setValidator(QRegularExpressionValidator(pattern, self.editor))
        self.editor.setMaximumWidth(240)
        self.editor.textChanged.connect(lambda _text: self.changed.emit())
        self.layout_.addWidget(self.editor)

    def retranslate_controls(self, language: str) -> None:
        self.editor.setAccessibleName(self.item.label(language))

    def value(self) -> str:
        text = self.editor.text().strip()
        return "" if text in ("-", "") else text

    def set_value(self, text: str) -> None:
        self.editor.setText(text)

    def focus_first(self) -> None:
        self.editor.setFocus(Qt.FocusReason.TabFocusReason)



def question_widget(item: Item, choices: ChoiceList | None, language: str) -> QuestionWidget:
    """The widget for `item`'s type."""
    kinds: dict[ItemType, type[QuestionWidget]] = {
        ItemType.SELECT_ONE: SelectOneQuestion,
        ItemType.SELECT_MULTIPLE: SelectMultipleQuestion,
        ItemType.TEXT: TextQuestion,
        ItemType.INTEGER: NumberQuestion,
        ItemType.DECIMAL: NumberQuestion,
    }
    return kinds.get(item.type, QuestionWidget)(item, choices, language)
