"""The window's status bar, whose message always covers its labels."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStatusBar


class StatusBar(QStatusBar):
    """A message given before the bar first showed (a project opened as the window is built)
    left the labels visible under it: Qt hides only labels that are visible. Given again once
    the bar shows, it hides them."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        message = self.currentMessage()
        if message:  # the same message again is ignored: cleared first
            self.clearMessage()
            self.showMessage(message)
