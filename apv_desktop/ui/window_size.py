"""How the main window first shows: maximised on a laptop-sized screen, where a window smaller
than the screen only wastes the little room there is (the builder and the heatmap need it)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

MAXIMISE_UP_TO = 1440  # px of available screen width: 1366×768 and 1440×900 laptops


def opens_maximised(screen_width: int) -> bool:
    return screen_width <= MAXIMISE_UP_TO


def show_first(window: QWidget, screen_width: int | None = None) -> None:
    """Show `window` maximised on a screen up to MAXIMISE_UP_TO wide (`screen_width`, else the
    width available on the window's screen), otherwise at its own (restored) size."""
    if screen_width is None:
        screen = window.screen()
        screen_width = screen.availableGeometry().width() if screen is not None else 0
    if screen_width and opens_maximised(screen_width):
        window.showMaximized()
    else:
        window.show()
