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
"""

from __future__ import annotations

import gc
import sys

SWITCH_INTERVAL_SECONDS = 0.0002


def settle() -> None:
    """Call when a lasting part of the program is built (the window, the charts' library)."""
    gc.freeze()
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
