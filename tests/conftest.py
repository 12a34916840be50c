"""For the whole suite: Qt draws offscreen, so GUI tests run without a display (and CI too).

Set here, before any test module imports Qt; nowhere else sets it."""

from __future__ import annotations

import os

# Also handed to the program when a test starts it as a separate process (the frozen bundle).
OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}
os.environ.update(OFFSCREEN)
