"""Fixtures of the unit tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(params=["da", "sv"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The reader's language, Danish then Swedish, set for the test (its code is the value)."""
    from apv_desktop.i18n import current_language, set_language

    before = current_language()
    set_language(request.param)
    yield request.param
    set_language(before)
