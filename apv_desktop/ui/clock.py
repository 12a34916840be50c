"""The date the window judges deadlines by and builds the demo for.

The services take `today` as an argument; the GUI asks here, in one place, so a test can fix
the date (monkeypatch `today`) instead of depending on the day it runs."""

from __future__ import annotations

from datetime import date


def today() -> date:
    return date.today()
