"""The one way the GUI runs long work off its thread: a plain callable `fn(progress)`.

`progress(fraction, message)` is a plain Python callable (see core/progress.py): the work
function reports through it and is stopped by the `Cancelled` it raises once Cancel was pressed.
Results and errors come back as signals on the GUI thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from apv_desktop.core.progress import CancelFlag, Cancelled, Progress, cancellable
from apv_desktop.i18n import tr

Work = Callable[[Progress], Any]
PROGRESS_STEPS = 1000


class _Bridge(QObject):
    """Emitted from the pool thread; received by the Worker, which lives on the GUI thread, so
    every public signal (and every callback connected to it) runs on the GUI thread."""

    progressed = Signal(float, str)
    finished = Signal(str, object)  # outcome ("succeeded", "failed", "cancelled"), payload


class Worker(QObject):
    """Runs `work` once in the global thread pool. Connect the signals, then start()."""

    progressed = Signal(float, str)
    succeeded = Signal(object)  # the work's return value
    failed = Signal(object)  # the exception it raised
    cancelled = Signal()
    done = Signal()  # after any of the three above

    _running: set[Worker] = set()  # keeps started workers alive until they finish

    def __init__(self, work: Work, parent: QObject | None = None, *,
                 owner: QWidget | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.owner = owner  # the widget that started the job: its window waits for it at close
        self._flag = CancelFlag()
        self._ended = threading.Event()  # set on the pool thread once the work has returned
        self._bridge = _Bridge()
        self._bridge.progressed.connect(self._relay_progress)
        self._bridge.finished.connect(self._relay_finished)

    def start(self) -> None:
        Worker._running.add(self)
        QThreadPool.globalInstance().start(_Task(self))

    @property
    def cancel_requested(self) -> bool:
        """Whether Cancel was asked for (the job may still be finishing)."""
        return self._flag.cancelled

    def cancel(self) -> None:
        """Ask the work to stop; it does at its next progress report."""
        self._flag.cancel()

    def _run(self) -> None:  # on a pool thread
        last: list[tuple[int, str]] = []

        def report(fraction: float, message: str) -> None:
            # Identical reports (a tight loop) would only flood the GUI thread's queue.
            step = (round(fraction * PROGRESS_STEPS), message)
            if not last or last[0] != step:
                last[:] = [step]
                self._bridge.progressed.emit(fraction, message)

        progress = cancellable(report, self._flag)
        try:
            result = self._work(progress)
        except Cancelled:
            self._bridge.finished.emit("cancelled", None)
        except BaseException as error:  # noqa: BLE001 - handed to the GUI thread to show
            self._bridge.finished.emit("failed", error)
        else:
            outcome = "cancelled" if self._flag.cancelled else "succeeded"
            self._bridge.finished.emit(outcome, result)
        finally:
            self._ended.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work has returned (its signals follow through the event loop);
        False when it is still running after `timeout` seconds."""
        return self._ended.wait(timeout)

    def belongs_to(self, window: QWidget) -> bool:
        """Started from `window` or from a widget or dialog inside it."""
        widget = self.owner
        try:
            while widget is not None:
                if widget is window:
                    return True
                widget = widget.parentWidget()
        except RuntimeError:  # the owner's C++ side is gone already
            return False
        return False

    @classmethod
    def running(cls) -> list[Worker]:
        return list(cls._running)

    @Slot(float, str)
    def _relay_progress(self, fraction: float, message: str) -> None:
        if not self._flag.cancelled:
            self.progressed.emit(fraction, message)

    @Slot(str, object)
    def _relay_finished(self, outcome: str, payload: object) -> None:
        if self._flag.cancelled:
            outcome = "cancelled"  # whatever it ended with, a cancelled job calls no callback
        if outcome == "succeeded":
            self.succeeded.emit(payload)
        elif outcome == "failed":
            self.failed.emit(payload)
        else:
            self.cancelled.emit()
        self.done.emit()
        Worker._running.discard(self)


class _Task(QRunnable):
    def __init__(self, worker: Worker) -> None:
        super().__init__()
        self._worker = worker

    def run(self) -> None:
        self._worker._run()


def stop_workers(window: QWidget | None = None, timeout: float | None = None) -> bool:
    """Cancel the running jobs (those started from `window`, or all of them) and wait until
    they have returned; False when one is still running after `timeout` seconds.

    Blocks the GUI thread, which the jobs never need: they report through queued signals,
    delivered (as "cancelled") once the event loop runs again. Without a window, anything else
    in the global thread pool is waited for too, so nothing outlives the application."""
    deadline = None if timeout is None else time.monotonic() + timeout

    def remaining() -> float | None:
        return None if deadline is None else max(0.0, deadline - time.monotonic())

    chosen = [w for w in Worker.running() if window is None or w.belongs_to(window)]
    for worker in chosen:
        worker.cancel()
    if not all(worker.wait(remaining()) for worker in chosen):
        return False
    if window is None:
        left = remaining()
        return QThreadPool.globalInstance().waitForDone(-1 if left is None else int(left * 1000))
    return True


def run_with_progress(
    parent: QWidget,
    title: str,
    work: Work,
    on_success: Callable[[Any], object],  # what it returns is not used
    on_failure: Callable[[BaseException], None],
    *,
    indeterminate: bool = False,
) -> Worker:
    """Start `work` with a window-modal progress dialog whose Cancel stops it.

    The dialog closes when the work ends; a cancelled job calls neither callback."""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(title)
    dialog.setCancelButtonText(tr("Annuller"))
    dialog.setRange(0, 0 if indeterminate else PROGRESS_STEPS)
    dialog.setValue(0)
    dialog.setMinimumDuration(400)  # quick jobs finish without the dialog flashing up
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setAccessibleName(title)

    worker = Worker(work, owner=parent)

    def show_progress(fraction: float, message: str) -> None:
        if not indeterminate:
            dialog.setValue(round(fraction * PROGRESS_STEPS))
        if message:
            dialog.setLabelText(message)

    def stop() -> None:
        dialog.setLabelText(tr("Stopper …"))
        worker.cancel()

    open_ = [True]

    def close_dialog() -> None:
        # Before the result is told: a message box opened while the dialog is up sits behind
        # it (window-modal, so blocked), and the dialog's show-after-400-ms timer would still
        # bring it up over the message of a quick job. cancel() hides it and stops that timer
        # (it does not emit `canceled`).
        if open_[0]:
            open_[0] = False
            dialog.cancel()
            dialog.deleteLater()

    def succeeded(result: object) -> None:
        close_dialog()
        on_success(result)

    def failed(error: BaseException) -> None:
        close_dialog()
        on_failure(error)

    worker.progressed.connect(show_progress)
    worker.succeeded.connect(succeeded)
    worker.failed.connect(failed)
    worker.done.connect(close_dialog)  # after a cancel
    dialog.canceled.connect(stop)
    worker.start()
    return worker
