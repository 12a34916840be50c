"""For the whole suite: Qt draws offscreen, so GUI tests run without a display (and CI too).

Set here, before any test module imports Qt; nowhere else sets it."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

# Also handed to the program when a test starts it as a separate process (the frozen bundle).
OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}
os.environ.update(OFFSCREEN)


@pytest.fixture
def english() -> Iterator[None]:
    """Messages in English for a test that quotes the English wording of an error: errors render
    in the current language (Danish unless set), as the window and the CLI (--lang) set it."""
    from apv_desktop.i18n import current_language, set_language

    before = current_language()
    set_language("en")
    yield
    set_language(before)
