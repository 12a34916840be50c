"""The one lock around matplotlib's global settings, for every thread that draws.

matplotlib's `rcParams` are one global: a chart drawn on the screen's render thread (ui/charts)
under `rc_context` and a report's PNG drawn on a worker at the same time would see each other's
settings half-way. Both hold this lock while they build and save a figure. It lives outside ui/
so the reports (which run without Qt, from the CLI too) can take it."""

from __future__ import annotations

import threading

SETTINGS_LOCK = threading.RLock()  # re-entrant: a draw may rasterise under the same lock
