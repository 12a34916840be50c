"""A project handed over by the operating system (macOS double-click) opens in the window."""

from __future__ import annotations

from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from apv_desktop.ui.app import FileOpenHandler


def test_a_file_open_event_opens_the_project(window, demo_path, qapp) -> None:
    handler = FileOpenHandler(window)
    qapp.installEventFilter(handler)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(str(demo_path)))
        assert window.session is not None and window.session.path == demo_path
    finally:
        qapp.removeEventFilter(handler)
