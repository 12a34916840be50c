"""The report page writes the workbook on a worker thread and offers to open the folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox

from apv_desktop.services.demo import build_demo
from apv_desktop.ui.pages.report import ReportPage
from tests.fixed_dates import DEMO_TODAY


@pytest.fixture(scope="module")
def _small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo organisation with few answers: most teams are hidden, so the report has four
    charts instead of 25 (drawing them is most of a report's time, and tested elsewhere)."""
    path = tmp_path_factory.mktemp("small") / "small.apv"
    build_demo(path, today=DEMO_TODAY, respondents=25)
    return path


@pytest.fixture
def small_demo(_small_demo: Path, tmp_path: Path) -> Path:
    path = tmp_path / "Small.apv"
    shutil.copyfile(_small_demo, path)
    return path


def report_page(window) -> ReportPage:
    return next(p for p in window.pages if isinstance(p, ReportPage))


def test_the_page_writes_the_report_in_the_chosen_language(window, small_demo, message_log,
                                                           qtbot, tmp_path, monkeypatch):
    opened_urls = []
    monkeypatch.setattr("apv_desktop.ui.pages.report.QDesktopServices.openUrl",
                        opened_urls.append)
    # the question about texts naming a hidden team is tested in test_report_page_outputs.py
    monkeypatch.setattr("apv_desktop.ui.pages.report.confirm_hidden_units_named",
                        lambda *_: True)
    window.open_project(small_demo)
    page = report_page(window)
    assert page.round_box.count() >= 1 and page.make_button.isEnabled()
    assert page.output_edit.text().endswith(".xlsx")
    page.round_box.setCurrentText("2025")
    page.language_box.setCurrentIndex(page.language_box.findData("en"))
    page.output_edit.setText(str(tmp_path / "report.xlsx"))
    page.charts_box.setChecked(True)
    page.charts_edit.setText(str(tmp_path / "charts"))
    message_log.answers.append(QMessageBox.StandardButton.Yes)
    page.make_button.click()
    qtbot.waitUntil(lambda: page.worker is None and bool(message_log.shown), timeout=60_000)
    assert message_log.shown[0].title == "Rapport"
    workbook = load_workbook(tmp_path / "report.xlsx")
    assert workbook.sheetnames[0] == "Overview"
    assert (tmp_path / "charts" / "000 Heatmap.png").is_file()
    assert [url.toLocalFile() for url in opened_urls] == [str(tmp_path)]


def test_a_failed_report_shows_a_message_and_writes_nothing(window, demo_path, message_log,
                                                            qtbot, tmp_path):
    window.open_project(demo_path)
    page = report_page(window)
    page.output_edit.setText(str(tmp_path / "missing folder" / "report.xlsx"))
    page.make_button.click()
    qtbot.waitUntil(lambda: page.worker is None and bool(message_log.shown), timeout=60_000)
    assert "ikke lavet" in page.status.text()
    assert not (tmp_path / "missing folder").exists()


def test_the_browse_button_uses_the_save_dialog(window, demo_path, file_choices, tmp_path):
    window.open_project(demo_path)
    page = report_page(window)
    file_choices.save_paths.append(tmp_path / "valgt.xlsx")
    page.browse_button.click()
    assert page.output_edit.text() == str(tmp_path / "valgt.xlsx")
    assert page.charts_edit.text() == str(tmp_path / "valgt diagrammer")


def test_a_path_typed_key_by_key_names_the_folders_after_it(window, demo_path, qtbot, tmp_path):
    """The first key of a path ("/", or "C:" on Windows) names no file yet: the folders wait
    for the name, and then follow it."""
    from PySide6.QtCore import Qt

    window.open_project(demo_path)
    page = report_page(window)
    page.output_edit.clear()
    target = tmp_path / "til udvalget.xlsx"
    qtbot.keyClicks(page.output_edit, str(target))
    assert page.charts_edit.text() == str(tmp_path / "til udvalget diagrammer")
    assert page.departments_edit.text() == str(tmp_path / "til udvalget afdelinger")
    page.output_edit.clear()
    qtbot.keyClicks(page.output_edit, "/")
    page.format_box.setFocus()
    qtbot.keyClick(page.format_box, Qt.Key.Key_Down)  # another format with only "/" typed
    assert page.output_edit.text() == "/"


def test_the_folders_are_named_in_the_windows_language(window, demo_path, context, qtbot,
                                                      tmp_path):
    window.open_project(demo_path)
    context.switch_language("en")
    page = report_page(window)
    page.output_edit.clear()
    qtbot.keyClicks(page.output_edit, str(tmp_path / "report.xlsx"))
    assert page.charts_edit.text() == str(tmp_path / "report charts")
    assert page.departments_edit.text() == str(tmp_path / "report departments")
