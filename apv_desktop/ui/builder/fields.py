"""Small input widgets the editors share: a text per language, and the host they report to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from apv_desktop.core.model import Questionnaire
from apv_desktop.core.validation import Location
from apv_desktop.i18n import LANGUAGE_NAMES

Change = Callable[[Questionnaire], Questionnaire]


class EditHost(Protocol):
    """The builder page as the editors see it."""

    questionnaire: Questionnaire | None

    def edit(self, change: Change, text: str, select: Location | None = None) -> bool:
        """Apply `change` (store it, push it on the undo stack); False when refused."""
        ...


class TextBox(QPlainTextEdit):
    """A few lines of wrapped text with a line edit's ways: text(), setText(), and
    `editingFinished` when the user leaves it (a question is often longer than a line)."""

    editingFinished = Signal()  # noqa: N815  (QLineEdit's name, so callers treat both alike)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        lines = 3
        height = self.fontMetrics().lineSpacing() * lines + 2 * self.frameWidth() + 8
        self.setFixedHeight(height)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802
        self.setPlainText(text)

    def setCursorPosition(self, position: int) -> None:  # noqa: N802
        cursor = self.textCursor()
        cursor.setPosition(position)
        self.setTextCursor(cursor)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.editingFinished.emit()


class LabelFields(QWidget):
    """One line per language of the questionnaire (a box of a few lines with `multiline`);
    `committed` when the user leaves a changed line (not on every key stroke, so that one word
    typed is one undo step)."""

    committed = Signal()

    def __init__(self, accessible_name: Callable[[str], str],
                 parent: QWidget | None = None, *, multiline: bool = False) -> None:
        super().__init__(parent)
        self._multiline = multiline
        self._accessible_name = accessible_name
        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.edits: dict[str, QLineEdit | TextBox] = {}
        self._loaded: dict[str, str] = {}

    def set_languages(self, languages: list[str]) -> None:
        if list(self.edits) == list(languages):
            return
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self.edits = {}
        for code in languages:
            edit: QLineEdit | TextBox = TextBox() if self._multiline else QLineEdit()
            edit.editingFinished.connect(self._finished)
            self.edits[code] = edit
            self._layout.addRow(QLabel(LANGUAGE_NAMES.get(code, code)), edit)
        self.retranslate()

    def retranslate(self) -> None:
        for code, edit in self.edits.items():
            edit.setAccessibleName(self._accessible_name(LANGUAGE_NAMES.get(code, code)))

    def load(self, labels: dict[str, str]) -> None:
        self._loaded = {code: labels.get(code, "") for code in self.edits}
        for code, edit in self.edits.items():
            if edit.text() != self._loaded[code]:
                edit.setText(self._loaded[code])
                edit.setCursorPosition(0)  # a long question shows its beginning

    def values(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """The texts as a labels dict: `base` (texts in languages not shown) updated with the
        lines, empty lines left out."""
        labels = dict(base or {})
        for code, edit in self.edits.items():
            text = edit.text().strip()
            if text:
                labels[code] = text
            else:
                labels.pop(code, None)
        return labels

    def _finished(self) -> None:
        current = {code: edit.text().strip() for code, edit in self.edits.items()}
        if current != {code: text.strip() for code, text in self._loaded.items()}:
            self._loaded = current
            self.committed.emit()


class CommitLine(QLineEdit):
    """A line edit that reports `committed(text)` when the user leaves it changed."""

    committed = Signal(str)
    # The line whose commit is being applied, so a refusal can be shown at it (the builder's
    # editor may be scrolled so that its red line at the top and the field are far apart).
    committing: CommitLine | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = ""
        self.editingFinished.connect(self._finished)

    def load(self, text: str) -> None:
        self._loaded = text
        if self.text() != text:
            self.setText(text)
            self.setCursorPosition(0)

    def _finished(self) -> None:
        if self.text().strip() != self._loaded.strip():
            self._loaded = self.text()
            CommitLine.committing = self
            try:
                self.committed.emit(self.text().strip())
            finally:
                CommitLine.committing = None
