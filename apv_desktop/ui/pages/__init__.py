"""The pages of the main window, in navigation order: the one place a page is registered.

A later stage replaces its placeholder here with the real page class."""

from __future__ import annotations

from apv_desktop.ui.actionplan.page import ActionPlanPage
from apv_desktop.ui.builder import BuilderPage
from apv_desktop.ui.collection.page import CollectionPage
from apv_desktop.ui.pages.base import Page
from apv_desktop.ui.pages.organisation import OrganisationPage
from apv_desktop.ui.pages.overview import OverviewPage
from apv_desktop.ui.pages.report import ReportPage
from apv_desktop.ui.results.page import ResultsPage

PAGES: tuple[type[Page], ...] = (
    OrganisationPage,
    BuilderPage,
    CollectionPage,
    ResultsPage,
    ActionPlanPage,
    ReportPage,
    # where the project stands in the APV cycle; last, so the stages keep their numbers, and
    # the page a project opens on until another is remembered (settings.last_page)
    OverviewPage,
)

__all__ = ["PAGES", "Page"]
