"""Starting the GUI: application, style, language, crash log, error hook, the first window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

from apv_desktop.ui.context import AppContext
from apv_desktop.ui.crashlog import CrashLog, offer_previous_crashes
from apv_desktop.ui.errors import install_excepthook
from apv_desktop.ui.main_window import MainWindow
from apv_desktop.ui.theme import apply_theme, follow_system_scheme

APP_NAME = "APV Desktop"


def data_folder() -> Path:
    """The user's data folder (preferences, backups, crash logs, the demo project)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) if folder else Path.home() / ".apv-desktop"


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("apv-desktop")
    apply_theme(app)
    follow_system_scheme(app)
    return app


def start_window(context: AppContext, path: Path | None, crash_log: CrashLog) -> MainWindow:
    """The first window; the crash offer and the project given on the command line come once
    the window shows, so their messages have a parent."""
    window = MainWindow(context)
    window.show()

    def after_show() -> None:
        offer_previous_crashes(window, crash_log)
        if path is not None:
            window.open_project(path)

    QTimer.singleShot(0, after_show)
    return window


def run_gui(path: Path | None) -> int:
    app = create_application()
    context = AppContext(data_folder())
    context.start_language()
    crash_log = CrashLog(context.data_dir / "crash")
    crash_log.start()
    install_excepthook(lambda: QApplication.activeWindow())
    window = start_window(context, path, crash_log)
    try:
        return app.exec()
    finally:
        del window
        crash_log.stop()
