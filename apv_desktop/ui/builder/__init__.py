"""The questionnaire builder: a tree of sections and items, editors, undo, validation, preview."""

from __future__ import annotations

from apv_desktop.ui.builder.page import BuilderPage

__all__ = ["BuilderPage"]
