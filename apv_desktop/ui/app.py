"""Starting the GUI: application, style, language, crash log, error hook, the first window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

from apv_desktop.resource_paths import resource_path
from apv_desktop.ui.context import AppContext
from apv_desktop.ui.crashlog import CrashLog, offer_previous_crashes
from apv_desktop.ui.errors import install_excepthook
from apv_desktop.ui.main_window import MainWindow
from apv_desktop.ui.theme import apply_theme, follow_system_scheme
from apv_desktop.ui.window_size import show_first
from apv_desktop.ui.worker import stop_workers

APP_NAME = "APV Desktop"
# Set (to anything) by the installer smoke test: quit once the main window is shown and print
# how long that took (docs/installing.md).
SMOKE_TEST_VARIABLE = "APV_DESKTOP_SMOKE_TEST"
QUIT_WAIT_SECONDS = 60.0  # at quit, how long to wait for cancelled jobs to return


def data_folder() -> Path:
    """The user's data folder (preferences, backups, crash logs, the demo project)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) if folder else Path.home() / ".apv-desktop"


def app_icon() -> QIcon:
    """The program icon, from PNGs rendered from resources/icons/apv-desktop.svg (no SVG
    module needed at run time)."""
    icon = QIcon()
    for path in sorted(resource_path("icons").glob("apv-desktop-*.png")):
        icon.addFile(str(path))
    return icon


class FileOpenHandler(QObject):
    """macOS hands a double-clicked `.apv` to the running program as an event, not as an
    argument: open it in the main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            self._window.open_project(Path(event.file()))
            return True
        return super().eventFilter(watched, event)


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("apv-desktop")
    app.setWindowIcon(app_icon())
    apply_theme(app)
    follow_system_scheme(app)
    return app


def start_window(context: AppContext, path: Path | None, crash_log: CrashLog) -> MainWindow:
    """The first window; the crash offer and the project given on the command line come once
    the window shows, so their messages have a parent."""
    window = MainWindow(context)
    window.restore_layout()  # only the first window: later ones must not cover it exactly
    app = QApplication.instance()
    assert app is not None  # a widget (the window above) cannot exist without one
    app.installEventFilter(FileOpenHandler(window))
    show_first(window)  # maximised on a laptop screen

    def after_show() -> None:
        offer_previous_crashes(window, crash_log)
        if path is not None:
            window.open_project(path)

    QTimer.singleShot(0, after_show)
    return window


def _end_smoke_test(app: QApplication, started: float) -> None:
    print(f"main window shown {time.perf_counter() - started:.3f} s after run_gui", flush=True)
    app.quit()


def run_gui(path: Path | None) -> int:
    started = time.perf_counter()
    app = create_application()
    context = AppContext(data_folder())
    context.start_language()
    crash_log = CrashLog(context.data_dir / "crash")
    crash_log.start()
    install_excepthook(lambda: QApplication.activeWindow())
    window = start_window(context, path, crash_log)
    if os.environ.get(SMOKE_TEST_VARIABLE):
        QTimer.singleShot(0, lambda: _end_smoke_test(app, started))  # after start_window's own
    try:
        return app.exec()
    finally:
        stop_workers(timeout=QUIT_WAIT_SECONDS)  # no job may outlive the objects it reports to
        del window
        crash_log.stop()
