"""A report is built with rare garbage collections, and the collector's settings come back."""

from __future__ import annotations

import gc

import pytest

from apv_desktop.reports.gc_pause import THRESHOLD, fewer_collections


def test_collections_are_rare_inside_and_as_before_after() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (THRESHOLD, *before[1:])
    assert gc.get_threshold() == before


def test_the_settings_come_back_after_a_failure() -> None:
    before = gc.get_threshold()

    @fewer_collections()
    def fails() -> None:
        assert gc.get_threshold()[0] == THRESHOLD
        raise ValueError("stop")

    with pytest.raises(ValueError, match="stop"):
        fails()
    assert gc.get_threshold() == before
