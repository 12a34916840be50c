"""Fusion style following the system's light or dark scheme (and its changes while running)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

_DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1f1f1f",
    QPalette.ColorRole.AlternateBase: "#303030",
    QPalette.ColorRole.ToolTipBase: "#3a3a3a",
    QPalette.ColorRole.ToolTipText: "#e8e8e8",
    QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Link: "#6cb4ff",
    QPalette.ColorRole.Highlight: "#2f6fb3",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Light: "#4a4a4a",
    QPalette.ColorRole.Midlight: "#404040",
    QPalette.ColorRole.Mid: "#303030",
    QPalette.ColorRole.Dark: "#1a1a1a",
    QPalette.ColorRole.Shadow: "#000000",
}
_DARK_DISABLED = {
    QPalette.ColorRole.WindowText: "#7a7a7a",
    QPalette.ColorRole.Text: "#7a7a7a",
    QPalette.ColorRole.ButtonText: "#7a7a7a",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def apply_theme(app: QApplication, scheme: Qt.ColorScheme | None = None) -> None:
    """Fusion everywhere (the same look on Windows, macOS and Linux), with a dark palette when
    the system (or `scheme`, for screenshots and tests) is dark."""
    app.setStyle(QStyleFactory.create("Fusion"))
    if scheme is None:
        scheme = app.styleHints().colorScheme()
    is_dark = scheme == Qt.ColorScheme.Dark
    app.setPalette(dark_palette() if is_dark else app.style().standardPalette())
    app.setProperty("apv_dark", is_dark)


def follow_system_scheme(app: QApplication) -> None:
    app.styleHints().colorSchemeChanged.connect(lambda scheme: apply_theme(app, scheme))


def is_dark(app: QApplication) -> bool:
    return bool(app.property("apv_dark"))
