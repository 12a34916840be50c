"""The Rapport page's other outputs: the board pack PDF and the department texts for Word (the
format box and the file name agree), one workbook per department, and the question asked
before texts that name a hidden unit leave the program."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from apv_desktop.services.demo import build_demo
from apv_desktop.services.projects import opened
from apv_desktop.ui.pages.report import ReportPage
from tests.fixed_dates import DEMO_TODAY
from tests.pdf_reading import page_sizes


@pytest.fixture(scope="module")
def _small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
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


def test_the_format_box_and_the_file_name_follow_each_other(window, small_demo):
    window.open_project(small_demo)
    page = report_page(window)
    assert page.output_edit.text().endswith(".xlsx") and page.charts_box.isEnabled()
    page.format_box.setCurrentIndex(page.format_box.findData(".pdf"))
    assert page.output_edit.text().endswith(".pdf") and not page.charts_box.isEnabled()
    page.output_edit.setText(str(Path(page.output_edit.text()).with_suffix(".docx")))
    page.output_edit.textEdited.emit(page.output_edit.text())
    assert page.format_box.currentData() == ".docx"


def test_the_page_writes_the_board_pack_and_a_workbook_per_department(
        window, small_demo, message_log, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr("apv_desktop.ui.pages.report.QDesktopServices.openUrl", lambda _: None)
    window.open_project(small_demo)
    page = report_page(window)
    page.round_box.setCurrentText("2025")
    page.format_box.setCurrentIndex(page.format_box.findData(".pdf"))
    page.output_edit.setText(str(tmp_path / "pakke.pdf"))
    page.departments_box.setChecked(True)
    page.departments_edit.setText(str(tmp_path / "afdelinger"))
    # Yes to going on with texts that name a hidden team (the small demo's drafts do), and to
    # opening the folder afterwards
    message_log.answers.extend([QMessageBox.StandardButton.Yes] * 2)
    page.make_button.click()
    qtbot.waitUntil(lambda: page.worker is None and "gemt" in page.status.text(),
                    timeout=60_000)
    assert len(page_sizes(tmp_path / "pakke.pdf")) >= 5  # painted on the worker thread
    assert len(list((tmp_path / "afdelinger").glob("*.xlsx"))) >= 5


def test_texts_naming_a_hidden_unit_are_asked_about_first(window, small_demo, message_log,
                                                           qtbot, tmp_path):
    with opened(small_demo) as project:
        hidden = next(u for u in project.org_units() if u.code == "FAM-HAN")
        project.set_department_text("FAM", "2025", f"Udfordringer\n- {hidden.name} har travlt")
    window.open_project(small_demo)
    page = report_page(window)
    page.round_box.setCurrentText("2025")
    page.output_edit.setText(str(tmp_path / "tekster.docx"))
    page.output_edit.textEdited.emit(page.output_edit.text())
    message_log.answers.append(QMessageBox.StandardButton.No)
    page.make_button.click()
    assert page.worker is None and not (tmp_path / "tekster.docx").exists()
    assert hidden.name in message_log.shown[0].informative
    message_log.answers.extend([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
    page.make_button.click()
    qtbot.waitUntil(lambda: page.worker is None and "gemt" in page.status.text(),
                    timeout=60_000)
    with zipfile.ZipFile(tmp_path / "tekster.docx") as package:
        assert hidden.name.encode() in package.read("word/document.xml")
