"""A heading label whose size stays a multiple of its parent's font, whatever that becomes.

A label given an explicit point size no longer follows its parent's font: the kiosk enlarges
its window's font after the form was built, and a heading sized once at construction ended up
smaller than the questions under it. This label re-derives its size whenever its parent's font
changes (or it gets another parent)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget


class HeadingLabel(QLabel):
    """A bold, word-wrapped label `scale` times the size of its parent's font."""

    def __init__(self, scale: float = 1.4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.setWordWrap(True)
        self._watched: QWidget | None = None
        self._follow_parent()

    def _follow_parent(self) -> None:
        parent = self.parentWidget()
        if parent is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            if parent is not None:
                parent.installEventFilter(self)
            self._watched = parent
        base = QFont(parent.font() if parent is not None else QApplication.font())
        if base.pointSizeF() > 0:
            base.setPointSizeF(base.pointSizeF() * self.scale)
        else:  # a font given in pixels
            base.setPixelSize(round(base.pixelSize() * self.scale))
        base.setBold(True)
        if base != self.font():
            self.setFont(base)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._watched and event.type() == QEvent.Type.FontChange:
            self._follow_parent()
        return False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.ParentChange:
            self._follow_parent()
        super().changeEvent(event)
