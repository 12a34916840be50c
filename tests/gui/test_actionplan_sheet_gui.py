"""The action-plan page's newer parts on the demo: taking back the report's filled-in
Handlingsplan sheet (confirm, decline, refused rows), typing indicators into the table, and the
results' team view showing a unit's indicators beside its pressure points."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox

from apv_desktop.services.report import write_report
from apv_desktop.ui import messages
from apv_desktop.ui.actionplan.page import ActionPlanPage
from tests.gui.test_actionplan_page import open_page

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
ID, RESPONSIBLE, DEADLINE, STATUS = 14, 8, 9, 10


@pytest.fixture(scope="module")
def demo_report(_demo_original: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's 2025 report, written once for the module (each test's demo_path is a copy of
    the same demo, so the report fits every one of them)."""
    return write_report(_demo_original, tmp_path_factory.mktemp("report") / "rapport.xlsx",
                        "2025")


@pytest.fixture
def filled_in_report(demo_report: Path, tmp_path: Path) -> Callable[..., Path]:
    def fill_in(status: str = "Gennemført") -> Path:
        return _filled_in(demo_report, tmp_path, status)

    return fill_in


def _filled_in(demo_report: Path, tmp_path: Path, status: str) -> Path:
    """The demo's report with item 2's row changed the way a manager would."""
    report = tmp_path / "rapport.xlsx"
    shutil.copyfile(demo_report, report)
    workbook = openpyxl.load_workbook(report)
    ws = workbook["Handlingsplan"]
    row = next(r for r in range(5, ws.max_row + 1) if ws.cell(row=r, column=ID).value == "2")
    ws.cell(row=row, column=STATUS).value = status
    ws.cell(row=row, column=RESPONSIBLE).value = "Direktøren"
    ws.cell(row=row, column=DEADLINE).value = dt.datetime(2027, 3, 1)
    workbook.save(report)
    return report


def item_2(window):  # noqa: ANN001, ANN201 - the demo's FAM-MYN workload item
    return next(a for a in window.session.project.actions() if a.id == 2)


def test_the_filled_in_sheet_is_shown_for_confirmation_then_stored(qtbot, window, demo_path,
                                                                   filled_in_report,
                                                                   file_choices, message_log):
    page = open_page(window, demo_path)
    file_choices.open_paths.append(filled_in_report())
    message_log.answers.append(YES)
    page.actions_tab.import_button.click()  # read in the worker, then shown
    qtbot.waitUntil(lambda: bool(message_log.shown), timeout=10000)
    question = message_log.shown[-1]
    assert question.kind is messages.Kind.QUESTION
    assert question.text == "rapport.xlsx ændrer 1 punkter og tilføjer 0 nye. Gem ændringerne?"
    assert "Ansvarlig: »Afdelingsleder« → »Direktøren«" in question.informative
    assert "Status: »I gang« → »Gennemført«" in question.details
    stored = item_2(window)
    assert (stored.status, stored.responsible, stored.deadline) == (
        "done", "Direktøren", dt.date(2027, 3, 1))
    tab = page.actions_tab
    row = next(r for r in range(tab.table.rowCount()) if tab.shown[r].id == 2)
    assert tab.table.item(row, 6).text() == "Gennemført"


def test_declining_stores_nothing(qtbot, window, demo_path, filled_in_report, file_choices,
                                  message_log):
    page = open_page(window, demo_path)
    file_choices.open_paths.append(filled_in_report())
    message_log.answers.append(NO)
    page.actions_tab.import_sheet()
    qtbot.waitUntil(lambda: bool(message_log.shown), timeout=10000)
    assert item_2(window).status == "in_progress"


def test_rows_that_cannot_be_taken_are_listed_and_nothing_is_stored(qtbot, window, demo_path,
                                                                    filled_in_report,
                                                                    file_choices, message_log):
    page = open_page(window, demo_path)
    file_choices.open_paths.append(filled_in_report(status="Næsten"))
    page.actions_tab.import_sheet()
    qtbot.waitUntil(lambda: bool(message_log.shown), timeout=10000)
    warning = message_log.shown[-1]
    assert warning.kind is messages.Kind.WARNING
    assert warning.text.startswith("1 række i rapport.xlsx kan ikke indlæses")
    assert "'Næsten', som ikke er en status" in warning.informative
    assert item_2(window).responsible == "Afdelingsleder"


def test_indicators_are_typed_into_the_table_and_stored_at_once(window, demo_path,
                                                                message_log):
    page: ActionPlanPage = open_page(window, demo_path)
    tab = page.sick_leave_tab
    tab.new_unit.setCurrentIndex(tab.new_unit.findData("BS-IT"))
    tab.new_period.setText("2031")
    tab.add_row()
    row = tab.row_of("BS-IT", "2031")
    assert row is not None and tab.table.item(row, 1).text() == "2031"
    turnover = tab.table.item(row, 2 + 2)  # unit, period, short, long, turnover
    turnover.setText("12,5")
    project = window.session.project
    assert [(i.kind, i.value) for i in project.indicators(unit_code="BS-IT", period="2031")] == [
        ("turnover_pct", 12.5)]
    assert turnover.text() == "12,5"  # the Danish way back
    turnover.setText("-3")
    assert message_log.shown[-1].text == "»-3« er ikke et tal på 0 eller mere; tallet er ikke gemt."
    assert turnover.text() == "12,5"  # the Danish way back
    turnover.setText("mange")
    assert "»mange« er ikke et tal" in message_log.shown[-1].text
    assert project.indicators(unit_code="BS-IT", period="2031")[0].value == 12.5
    turnover.setText("")  # a deleted number is removed
    assert project.indicators(unit_code="BS-IT", period="2031") == []
    tab.new_period.setText("")
    tab.add_row()
    assert message_log.shown[-1].text == "Skriv perioden for den nye række, fx 2025."


def test_the_team_view_shows_the_units_indicators(window, demo_path, qtbot):
    window.open_project(demo_path)
    results_page = next(p for p in window.pages if p.page_id == "results")
    results_page.ensure_built()
    with qtbot.waitSignal(results_page.recomputed, timeout=30_000):
        results_page.request(None)
    team = results_page.team
    team.show_unit("FAM-MYN")
    table = team.indicators
    assert [table.verticalHeaderItem(r).text() for r in range(table.rowCount())] == [
        "2024", "2025"]
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    column = headers.index("Langtidssygefravær, dage pr. årsværk")
    assert table.item(1, column).text() == "21.5"
    assert team.points.count() > 0  # beside the unit's pressure points
    team.show_unit("BS-IT")
    assert table.rowCount() == 0 and team.indicators_note.text() == "Ingen nøgletal for enheden."
