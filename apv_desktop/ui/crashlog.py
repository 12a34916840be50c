"""A crash log for hard crashes (segfaults in Qt or SQLite) that Python cannot catch.

Each running program writes faulthandler's output to its own `crash-<pid>.log` in the crash
folder and deletes it on a clean exit. A non-empty log left by a process that is gone is a
crash: the next start offers to show it and then deletes it. One file per process, so two
instances never clear each other's log.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
from pathlib import Path
from typing import TextIO

from PySide6.QtWidgets import QWidget

from apv_desktop.i18n import tr
from apv_desktop.lock import pid_alive
from apv_desktop.ui import messages

PREFIX = "crash-"
SUFFIX = ".log"


class CrashLog:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / f"{PREFIX}{os.getpid()}{SUFFIX}"
        self._handle: TextIO | None = None

    def start(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._handle = self.path.open("w", encoding="utf-8")
        except OSError:
            return  # no crash log is better than no program
        faulthandler.enable(self._handle, all_threads=True)

    def stop(self) -> None:
        """On a clean exit: the log is not needed."""
        if self._handle is None:
            return
        faulthandler.disable()
        self._handle.close()
        self._handle = None
        with contextlib.suppress(OSError):
            self.path.unlink()

    def previous_crashes(self) -> list[Path]:
        """Logs of earlier runs that crashed (non-empty, their process gone); empty logs of
        gone processes are removed on the way."""
        found = []
        for log in sorted(self.folder.glob(f"{PREFIX}*{SUFFIX}")):
            pid_text = log.name[len(PREFIX):-len(SUFFIX)]
            if log == self.path or not pid_text.isdigit() or pid_alive(int(pid_text)):
                continue
            try:
                if log.stat().st_size:
                    found.append(log)
                else:
                    log.unlink()
            except OSError:
                continue
        return found


def offer_previous_crashes(parent: QWidget | None, crash_log: CrashLog) -> bool:
    """Offer the logs of earlier crashes (details to copy), then delete them. True if shown."""
    logs = crash_log.previous_crashes()
    if not logs:
        return False
    texts = []
    for log in logs:
        with contextlib.suppress(OSError):
            texts.append(log.read_text(encoding="utf-8", errors="replace"))
    messages.show(parent, messages.Message(
        messages.Kind.WARNING,
        tr("APV Desktop stoppede uventet"),
        tr("APV Desktop stoppede uventet sidste gang. Dit projekt er gemt til og med den sidste "
           "ændring."),
        tr("Vis detaljerne for at kopiere dem og sende dem til dem, der vedligeholder "
           "programmet."),
        "\n\n".join(texts),
    ))
    for log in logs:
        with contextlib.suppress(OSError):
            log.unlink()
    return True
