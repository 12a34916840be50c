"""The file names the window suggests follow its language, as the report's folders do."""

from __future__ import annotations

from pathlib import Path

import pytest

from apv_desktop.ui import filedialogs
from apv_desktop.ui.actionplan.page import ActionPlanPage
from apv_desktop.ui.pages.report import ReportPage


@pytest.fixture
def suggested(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The names the save dialogs were opened with (each dialog is cancelled)."""
    names: list[Path] = []

    def save_file(parent, title, kinds, name, suffix):  # noqa: ANN001, ANN202 - the dialog's
        names.append(Path(name))

    monkeypatch.setattr(filedialogs, "save_file", save_file)
    return names


@pytest.mark.parametrize(("language", "report", "departments"), [
    ("da", "rapport.xlsx", "afdelinger.pdf"),
    ("sv", "rapport.xlsx", "avdelningar.pdf"),
    ("en", "report.xlsx", "departments.pdf"),
])
def test_suggested_file_names_follow_the_windows_language(window, demo_path, context, suggested,
                                                          language, report, departments):
    window.open_project(demo_path)
    context.switch_language(language)
    page = next(p for p in window.pages if isinstance(p, ReportPage))
    page.output_edit.clear()
    page.browse_button.click()
    actions = next(p for p in window.pages if isinstance(p, ActionPlanPage))
    window.show_page(window.pages.index(actions))
    tab = actions.departments_tab
    tab.round.setCurrentIndex(tab.round.findData("2025"))
    tab.export_pdf()
    assert [name.name for name in suggested] == [report, f"{demo_path.stem} {departments}"]
