"""The worker runs plain callables off the GUI thread, with progress and Cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QPushButton

from apv_desktop.core.progress import Cancelled
from apv_desktop.ui.worker import Worker, run_with_progress


def test_progress_and_result_arrive_on_the_gui_thread(qtbot):
    threads = []

    def work(progress):
        threads.append(QThread.currentThread())
        progress(0.5, "halfway")
        return 42

    worker = Worker(work)
    reports = []
    worker.progressed.connect(lambda f, m: reports.append((f, m, QThread.currentThread())))
    with qtbot.waitSignal(worker.succeeded) as blocker:
        worker.start()
    assert blocker.args == [42]
    gui_thread = QThread.currentThread()
    assert reports == [(0.5, "halfway", gui_thread)]
    assert threads[0] is not gui_thread


def test_cancel_stops_the_work_at_its_next_report(qtbot):
    reached = threading.Event()
    carry_on = threading.Event()
    after_cancel = []

    def work(progress):
        progress(0.1, "started")
        reached.set()
        carry_on.wait(10)
        progress(0.2, "should raise")
        after_cancel.append("not reached")
        return "done"

    worker = Worker(work)
    succeeded = []
    worker.succeeded.connect(succeeded.append)
    with qtbot.waitSignal(worker.cancelled):
        worker.start()
        assert reached.wait(10)
        worker.cancel()
        carry_on.set()
    assert after_cancel == [] and succeeded == []


def test_an_exception_in_the_work_is_handed_back(qtbot):
    def work(progress):
        raise ValueError("bad value")

    worker = Worker(work)
    with qtbot.waitSignal(worker.failed) as blocker:
        worker.start()
    assert isinstance(blocker.args[0], ValueError)


def test_the_progress_dialog_cancel_button_stops_the_work(qtbot, window):
    started = threading.Event()
    outcome = []

    def work(progress):
        started.set()
        while True:  # a long loop that only ends through Cancel
            progress(0.3, "working")
            if not started.wait(1):
                break

    worker = run_with_progress(window, "Test", work, outcome.append, outcome.append)
    dialog = worker_dialog(window)
    qtbot.waitUntil(lambda: dialog.value() == 300)
    assert dialog.labelText() == "working"
    (cancel_button,) = dialog.findChildren(QPushButton)
    assert cancel_button.text() == "Annuller"
    with qtbot.waitSignal(worker.cancelled):
        cancel_button.click()
    assert outcome == []


def ignore(_value: object) -> None:
    pass


def worker_dialog(window):
    from PySide6.QtWidgets import QProgressDialog

    (dialog,) = window.findChildren(QProgressDialog)
    return dialog


def test_cancelled_is_a_plain_exception():
    assert issubclass(Cancelled, Exception)


# --- no job outlives its window ---------------------------------------------------------------


def test_closing_the_window_cancels_its_job_and_waits_for_it(qtbot, window):
    started, ended = threading.Event(), threading.Event()
    outcome = []

    def work(progress):
        started.set()
        try:
            while True:  # writes in steps; stops only through Cancel
                progress(0.5, "writing")
                threading.Event().wait(0.01)
        finally:
            ended.set()

    worker = run_with_progress(window, "Test", work, outcome.append, outcome.append)
    window.show()
    assert started.wait(10)
    assert window.close()
    assert ended.is_set()  # the work had returned before the window was gone
    assert not window.isVisible()
    qtbot.waitUntil(lambda: worker not in Worker.running())  # its signals arrive afterwards
    assert outcome == []


def test_a_job_that_does_not_stop_in_time_keeps_the_window_open(qtbot, window, monkeypatch):
    from apv_desktop.ui import main_window

    monkeypatch.setattr(main_window, "CLOSE_WAIT_SECONDS", 0.2)
    started, release = threading.Event(), threading.Event()

    def work(progress):
        started.set()
        release.wait(30)  # one long step that reports no progress, so Cancel cannot stop it

    worker = run_with_progress(window, "Test", work, ignore, ignore)
    window.show()
    assert started.wait(10)
    assert not window.close()
    assert window.isVisible()
    assert "prøv igen om lidt" in window.statusBar().currentMessage()
    release.set()
    assert worker.wait(10)
    assert window.close()


def test_jobs_of_another_window_are_left_running(qtbot, window, context):
    from apv_desktop.ui.main_window import MainWindow
    from apv_desktop.ui.worker import stop_workers

    other = MainWindow(context)
    qtbot.addWidget(other)
    release = threading.Event()
    worker = run_with_progress(other, "Test", lambda progress: release.wait(30), ignore, ignore)
    assert stop_workers(window, timeout=0.1)  # nothing of `window` runs
    assert not worker.cancel_requested
    release.set()
    assert worker.wait(10)


def test_the_progress_dialog_is_gone_before_the_result_is_told(qtbot):
    from PySide6.QtWidgets import QProgressDialog, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    release = threading.Event()
    told = []

    def work(progress):
        progress(0.5, "halfway")
        release.wait(10)
        return "ok"

    def visible_dialogs() -> list[QProgressDialog]:
        return [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]

    def on_success(result):
        # The message box the caller would open now must not sit under the dialog.
        told.append((result, len(visible_dialogs())))

    run_with_progress(parent, "Arbejder", work, on_success, lambda error: None)
    qtbot.waitUntil(lambda: bool(visible_dialogs()), timeout=5000)  # a long job shows it
    release.set()
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert told == [("ok", 0)]


def test_a_failure_is_told_after_the_dialog_closed(qtbot):
    from PySide6.QtWidgets import QProgressDialog, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    release = threading.Event()
    told = []

    def work(progress):
        progress(0.5, "halfway")
        release.wait(10)
        raise ValueError("bad")

    def visible_dialogs() -> list[QProgressDialog]:
        return [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]

    run_with_progress(parent, "Arbejder", work, lambda result: None,
                      lambda error: told.append((str(error), len(visible_dialogs()))))
    qtbot.waitUntil(lambda: bool(visible_dialogs()), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert told == [("bad", 0)]
