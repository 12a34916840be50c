"""The one date the tests build the demo for and judge deadlines by, so no expectation depends
on the day the suite runs (the demo's overdue item lies 21 days before it: 2026-11-01)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

T = TypeVar("T")

DEMO_TODAY = date(2026, 11, 22)


def days_during(action: Callable[[], T]) -> tuple[T, set[date]]:
    """Run `action`, which stamps the program's today somewhere; return its result and the days
    it may have stamped (two when the suite crosses midnight meanwhile)."""
    before = date.today()
    result = action()
    return result, {before, date.today()}
