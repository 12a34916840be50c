"""The results page of a window, opened on one round of a project, its results computed: the
starting point of the results page's tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from apv_desktop.ui.main_window import MainWindow


def open_results(window: MainWindow, path: Path, qtbot: Any, round_name: str) -> Any:
    window.open_project(path)
    results_page = next(p for p in window.pages if p.page_id == "results")
    results_page.ensure_built()
    with qtbot.waitSignal(results_page.recomputed, timeout=30_000):
        results_page.round_box.blockSignals(True)
        results_page.round_box.setCurrentText(round_name)
        results_page.round_box.blockSignals(False)
        results_page.request(None)
    assert results_page.round_box.currentText() == round_name
    return results_page
