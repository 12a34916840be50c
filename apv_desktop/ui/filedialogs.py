"""Every file dialog of the program goes through these two functions (tests replace them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from apv_desktop.i18n import tr


def project_filter() -> str:
    return tr("APV-projekter (*.apv)")


def open_file(parent: QWidget | None, title: str, name_filter: str,
              folder: Path | None = None) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(folder or Path.home()),
                                            name_filter)
    return Path(chosen) if chosen else None


def save_file(parent: QWidget | None, title: str, name_filter: str, suggested: Path,
              suffix: str) -> Path | None:
    """The chosen path, with `suffix` added when the user typed a name without it."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
