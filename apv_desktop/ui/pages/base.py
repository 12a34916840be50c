"""The frame every stage page fits into."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QLabel, QWidget

from apv_desktop.ui.session import ProjectSession


class Page(QWidget):
    """A page of the main window's navigation.

    Subclasses set `page_id`, build their widgets in __init__ and end it with retranslate();
    retranslate() sets every visible text through tr() and is called again on a language change;
    set_session() is called with the open project (None when it closes)."""

    page_id: ClassVar[str] = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: ProjectSession | None = None

    def title(self) -> str:
        """The name shown in the navigation (translated)."""
        raise NotImplementedError

    def help_text(self) -> str:
        """What F1 shows while this page is open (translated)."""
        return ""

    def retranslate(self) -> None:
        """Set every visible text again in the current language."""

    def set_session(self, session: ProjectSession | None) -> None:
        self.session = session
        self.refresh()

    def refresh(self) -> None:
        """Read the project again (after a change made elsewhere)."""


def page_heading() -> QLabel:
    """A page's title: the same larger, bold type on every page."""
    heading = QLabel()
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    heading.setFont(font)
    return heading

