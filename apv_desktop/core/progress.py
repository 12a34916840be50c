"""Progress reporting and cancelling for long work, without Qt.

Long functions take a `progress(fraction, message)` callable. The caller (a GUI worker, the CLI,
a test) decides what reporting means; to cancel, the callable raises `Cancelled`, so the long
function stops at its next report without knowing why.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Progress = Callable[[float, str], None]


class Cancelled(Exception):  # noqa: N818 - it is an event, not an error
    """Raised from a progress callback once the user asked to stop."""


def no_progress(fraction: float, message: str) -> None:
    """A progress callback that reports nothing and never cancels."""


class CancelFlag:
    """A thread-safe 'stop please' flag shared by the thread that asks and the one that works."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


def cancellable(report: Progress, flag: CancelFlag) -> Progress:
    """A progress callback that forwards to `report` and raises Cancelled once `flag` is set."""

    def progress(fraction: float, message: str) -> None:
        if flag.cancelled:
            raise Cancelled()
        report(min(max(fraction, 0.0), 1.0), message)

    return progress


def scaled(progress: Progress, start: float, end: float) -> Progress:
    """A callback for one step of a larger job: its 0..1 maps onto start..end of the whole."""

    def step(fraction: float, message: str) -> None:
        progress(start + (end - start) * fraction, message)

    return step
