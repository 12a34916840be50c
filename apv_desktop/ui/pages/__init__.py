"""The pages of the main window: registered in registry.py, built on first use by lazy.py."""

from __future__ import annotations

from apv_desktop.ui.pages.base import Page
from apv_desktop.ui.pages.registry import PAGES, PageEntry, page_number

__all__ = ["PAGES", "Page", "PageEntry", "page_number"]
