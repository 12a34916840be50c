"""responsive.run_answering: short work off the GUI thread, which goes on running its events."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer

from apv_desktop.errors import ProjectFileError
from apv_desktop.ui.responsive import run_answering

PATIENCE_SECONDS = 30  # only for a broken build to fail instead of hanging


def test_the_gui_thread_runs_its_timers_while_the_work_runs(qapp) -> None:
    gui_thread = threading.get_ident()
    timer_ran = threading.Event()
    QTimer.singleShot(0, timer_ran.set)  # only the GUI thread's event loop can run this

    def work() -> int:
        assert threading.get_ident() != gui_thread
        return 42 if timer_ran.wait(PATIENCE_SECONDS) else 0

    assert run_answering(work) == 42


def test_an_error_of_the_work_is_raised_on_the_gui_thread(qapp) -> None:
    def work() -> None:
        raise ProjectFileError("Projektfilen {path} findes ikke.", path="x.apv")

    with pytest.raises(ProjectFileError):
        run_answering(work)
