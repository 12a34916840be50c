"""The window's pages, each built the first time it is asked for.

A window starts with no page built: the start screen needs none, and opening a project builds
only the page it opens on; another page is built (and its module imported) when it is first
shown. Start-up then costs what the start screen costs (issue 18). Anyone may still ask for
any page (`pages[n]`, `for page in pages`): it is built then."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, overload

from PySide6.QtWidgets import QStackedWidget, QWidget

from apv_desktop.ui.pages.base import Page
from apv_desktop.ui.pages.registry import PAGES
from apv_desktop.ui.responsive import run_answering

if TYPE_CHECKING:
    from apv_desktop.ui.session import ProjectSession


class LazyPages(Sequence[Page]):
    """The pages of PAGES in navigation order, held in `stack` at the same numbers: an empty
    placeholder keeps the place of a page not built yet. A page built while a project is open
    (`session()`) is handed it, and reads it when shown (pages/base.py)."""

    def __init__(self, stack: QStackedWidget,
                 session: Callable[[], ProjectSession | None]) -> None:
        self._stack = stack
        self._session = session
        self._pages: list[Page | None] = [None] * len(PAGES)
        for _entry in PAGES:
            stack.addWidget(QWidget())

    def __len__(self) -> int:
        return len(PAGES)

    @overload
    def __getitem__(self, number: int) -> Page: ...

    @overload
    def __getitem__(self, number: slice) -> list[Page]: ...

    def __getitem__(self, number: int | slice) -> Page | list[Page]:
        if isinstance(number, slice):
            return [self[n] for n in range(len(self))[number]]
        number = range(len(self))[number]  # a negative number counts from the end, as in a list
        page = self._pages[number]
        if page is None:
            page = self._build(number)
        return page

    def __iter__(self) -> Iterator[Page]:
        return (self[n] for n in range(len(self)))

    def built(self) -> list[Page]:
        """The pages built so far, in navigation order (no page is built by asking)."""
        return [page for page in self._pages if page is not None]

    def _build(self, number: int) -> Page:
        entry = PAGES[number]
        # A page's module, imported first (numpy and the services with the results page: 0.1–0.2
        # s), is imported on a thread of its own while the window paints; the page is then made
        # here, on the GUI thread (issue 18).
        page_class = (entry.page_class() if entry.module in sys.modules
                      else run_answering(entry.page_class))
        page = page_class()
        placeholder = self._stack.widget(number)
        assert placeholder is not None  # the stack holds a widget at every page's number
        was_current = self._stack.currentIndex() == number
        self._stack.insertWidget(number, page)
        self._stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if was_current:
            self._stack.setCurrentIndex(number)
        self._pages[number] = page
        session = self._session()
        if session is not None:
            page.set_session(session)
        return page
