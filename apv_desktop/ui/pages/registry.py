"""The pages of the main window, in navigation order: the one place a page is registered.

Each page is named here by its id, its title and where its class lives, so the window can list
and number every page without importing one: a page's module (and what it pulls in: numpy,
the services, charts) is imported when the page is first built (ui/pages/lazy.py), which keeps
the window's start-up close to a blank window's (issue 18)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from apv_desktop.i18n import tr

if TYPE_CHECKING:
    from apv_desktop.ui.pages.base import Page


@dataclass(frozen=True)
class PageEntry:
    page_id: str  # the class's page_id; settings.last_page and services.cycle name pages by it
    title: Callable[[], str]  # the name in the navigation and the page's heading, translated
    module: str
    class_name: str

    def page_class(self) -> type[Page]:
        page_class: type[Page] = getattr(importlib.import_module(self.module), self.class_name)
        return page_class


PAGES: tuple[PageEntry, ...] = (
    PageEntry("organisation", lambda: tr("Organisation"),
              "apv_desktop.ui.pages.organisation", "OrganisationPage"),
    PageEntry("questionnaire", lambda: tr("Spørgeskema"), "apv_desktop.ui.builder", "BuilderPage"),
    PageEntry("collection", lambda: tr("Indsamling"),
              "apv_desktop.ui.collection.page", "CollectionPage"),
    PageEntry("results", lambda: tr("Resultater"), "apv_desktop.ui.results.page", "ResultsPage"),
    PageEntry("action_plan", lambda: tr("Handlingsplan"),
              "apv_desktop.ui.actionplan.page", "ActionPlanPage"),
    PageEntry("report", lambda: tr("Rapport"), "apv_desktop.ui.pages.report", "ReportPage"),
    # where the project stands in the APV cycle; last, so the stages keep their numbers, and
    # the page a project opens on until another is remembered (settings.last_page)
    PageEntry("overview", lambda: tr("Overblik"), "apv_desktop.ui.pages.overview", "OverviewPage"),
)


def page_number(page_id: str) -> int | None:
    """The place of page `page_id` in the navigation; None for an unknown (or empty) id."""
    return next((n for n, entry in enumerate(PAGES) if page_id and entry.page_id == page_id), None)


def page_title(page_id: str) -> str:
    number = page_number(page_id)
    return PAGES[number].title() if number is not None else ""
