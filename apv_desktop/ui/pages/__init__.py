"""The pages of the main window, in navigation order: the one place a page is registered.

A later stage replaces its placeholder here with the real page class."""

from __future__ import annotations

from apv_desktop.ui.pages.base import Page
from apv_desktop.ui.pages.organisation import OrganisationPage
from apv_desktop.ui.pages.stages import (
    ActionPlanPage,
    CollectionPage,
    QuestionnairePage,
    ReportPage,
    ResultsPage,
)

PAGES: tuple[type[Page], ...] = (
    OrganisationPage,
    QuestionnairePage,
    CollectionPage,
    ResultsPage,
    ActionPlanPage,
    ReportPage,
)

__all__ = ["PAGES", "Page"]
