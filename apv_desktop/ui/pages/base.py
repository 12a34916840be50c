"""The frame every stage page fits into."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from apv_desktop.ui.pages.registry import page_title

if TYPE_CHECKING:  # the store comes in with the first project opened, not at start-up
    from apv_desktop.ui.session import ProjectSession


class Page(QWidget):
    """A page of the main window's navigation.

    Subclasses set `page_id` (the id registry.py lists them by, with their title), build their
    widgets in __init__ and end it with retranslate(); retranslate() sets every visible text
    through tr() and is called again on a language change; set_session() is called with the
    open project (None when it closes); from then on every change to the project (the
    session's `changed`) calls refresh(), except the page's own."""

    page_id: ClassVar[str] = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: ProjectSession | None = None
        self._refresh_pending = False

    def title(self) -> str:
        """The name shown in the navigation and as the page's heading (translated)."""
        return page_title(self.page_id)

    def help_text(self) -> str:
        """What F1 shows while this page is open (translated)."""
        return ""

    def retranslate(self) -> None:
        """Set every visible text again in the current language."""

    def set_session(self, session: ProjectSession | None) -> None:
        self.listen_to(session)
        self.session = session
        self.refresh_when_shown()

    def refresh_when_shown(self) -> None:
        """refresh() now, unless the page is one the window on screen is not showing: then
        when the window next shows it (ensure_fresh). Opening a large project reads and draws
        only what the page in view shows, and the window answers at once. Closing a project
        clears every page at once."""
        stack = self.parentWidget()
        if (self.session is not None  # a closed project is let go at once, on every page
                and isinstance(stack, QStackedWidget) and stack.currentWidget() is not self
                and self.window().isVisible()):
            self._refresh_pending = True
            return
        self._refresh_pending = False
        self.refresh()

    def ensure_fresh(self) -> None:
        """The page is about to be shown: catch up on a refresh put off while it was hidden."""
        if self._refresh_pending:
            self._refresh_pending = False
            self.refresh()

    def listen_to(self, session: ProjectSession | None) -> None:
        """Refresh on the changes of `session` from now on (set_session does this)."""
        if self.session is not None and self.session is not session:
            self.session.changed.disconnect(self._project_changed)
        if session is not None and session is not self.session:
            session.changed.connect(self._project_changed)

    def _project_changed(self, origin: object) -> None:
        if not self._made_here(origin):
            self.refresh_when_shown()

    def _made_here(self, origin: object) -> bool:
        """Whether `origin` is this page or sits inside it (a tab, a model, a dialog)."""
        node = origin if isinstance(origin, QObject) else None
        while node is not None:
            if node is self:
                return True
            node = node.parent()
        return False

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

