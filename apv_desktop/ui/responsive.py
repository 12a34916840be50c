"""Keep the GUI thread answering while other threads compute and draw.

Python runs one thread at a time. Two things let a busy thread hold the GUI thread off:
- A full garbage collection walks every object alive while it holds the interpreter lock,
  whichever thread runs it: with the window's modules and widgets (and matplotlib, once the
  results page has imported it) that is 100–200 ms in which the window cannot paint, and
  computing or drawing a large project's results triggers several. What is alive once the window
  is built, or once a big library is imported, is there for good: `gc.freeze` moves it out of the
  collector's sight, so a full pass walks only what came later (the project's own objects, still
  collected). Cyclic garbage alive at that moment is kept: a few objects, once.
- A thread running Python keeps the lock for the switch interval (5 ms) each time the GUI
  thread asks for it, and the GUI thread asks at every call into Qt: dozens of waits per paint
  while a chart is drawn. A shorter interval hands it back sooner.

And short work whose result the GUI thread needs before it can go on (run_answering) runs on
a thread of its own while the GUI thread goes on painting.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, Signal

T = TypeVar("T")

SWITCH_INTERVAL_SECONDS = 0.0002


def settle() -> None:
    """Call when a lasting part of the program is built (the window, the charts' library)."""
    gc.freeze()
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)


class _Ended(QObject):
    ended = Signal()


def run_answering(work: Callable[[], T]) -> T:
    """`work()`, run on a thread of its own while this thread (the GUI's) goes on painting and
    running its timers; its result is returned, its exception raised, as if called here.

    For short work the caller cannot go on without: opening a project checks the whole file
    (0.1–0.3 s at 100,000 sheets) before the window may show it. Keyboard and mouse wait until
    it is done, so nothing else can be started half-way. `work` must not touch widgets or make
    QObjects (they would belong to its thread). Long work goes to the worker (ui/worker.py),
    with progress and Cancel."""
    outcome: list[tuple[bool, object]] = []
    ended = _Ended()
    loop = QEventLoop()
    ended.ended.connect(loop.quit)  # queued: emitted on the other thread, received here

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as error:  # noqa: BLE001 - raised again on the GUI thread
            outcome.append((False, error))
        ended.ended.emit()

    thread = threading.Thread(target=run, name="apv-answering", daemon=True)
    thread.start()
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    thread.join()
    succeeded, value = outcome[0]
    if not succeeded:
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]  # work's own result
