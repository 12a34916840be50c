"""Issue 18: the window starts and opens a project on its first page without building the other
pages or importing what only they need (numpy, the ORM, charts, spreadsheets)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from apv_desktop.ui.pages import PAGES
from apv_desktop.ui.results.page import ResultsPage

HEAVY = {"numpy", "sqlalchemy", "sqlmodel", "matplotlib", "openpyxl"}

# A fresh process (this one has imported everything already): the window, then the project.
# sys.modules is copied in one step (set()): the window's threads may import while it is read.
OPEN_IN_A_FRESH_PROCESS = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from apv_desktop.ui.context import AppContext
from apv_desktop.ui.main_window import MainWindow
window = MainWindow(AppContext(Path(sys.argv[2])))
window.show()
app.processEvents()
at_start = sorted({m.split(".")[0] for m in set(sys.modules)} & HEAVY)
assert window.open_project(Path(sys.argv[1]))
app.processEvents()
print(json.dumps({
    "page": window.current_page().page_id,
    "built": [page.page_id for page in window.pages.built()],
    "at_start": at_start,
    "after_open": sorted({m.split(".")[0] for m in set(sys.modules)} & HEAVY),
}))
window.close()
"""


def test_opening_a_project_builds_only_its_first_page_and_imports_nothing_heavy(
        demo_path: Path, tmp_path: Path) -> None:
    script = f"HEAVY = set({sorted(HEAVY)!r})\n{OPEN_IN_A_FRESH_PROCESS}"
    run = subprocess.run([sys.executable, "-c", script, str(demo_path), str(tmp_path / "data")],
                         capture_output=True, text=True, check=True)
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen == {"page": "overview", "built": ["overview"], "at_start": [], "after_open": []}


def test_a_page_is_built_when_first_shown_and_gets_the_open_project(window, demo_path) -> None:
    assert window.pages.built() == []
    assert [window.navigation.item(n).text() for n in range(len(PAGES))] == [
        entry.title() for entry in PAGES]
    assert window.open_project(demo_path)
    assert [page.page_id for page in window.pages.built()] == ["overview"]

    number = next(n for n, entry in enumerate(PAGES) if entry.page_id == "results")
    window.show_page(number)
    results = window.current_page()
    assert isinstance(results, ResultsPage)
    assert results.session is window.session
    assert window.pages[number] is results  # built once
    assert results.title() == window.navigation.item(number).text()

    window.close_project()
    assert all(page.session is None for page in window.pages.built())


def test_every_page_can_be_asked_for_and_sits_at_its_number(window) -> None:
    pages = list(window.pages)
    assert [page.page_id for page in pages] == [entry.page_id for entry in PAGES]
    assert [window.page_stack.indexOf(page) for page in pages] == list(range(len(PAGES)))
    assert window.pages[-1] is pages[-1]
