"""The action-plan page on the demo: overdue items highlighted and announced on opening,
filters, a new item through the dialog, follow-up columns, and the department PDF."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt

from apv_desktop.ui.actionplan.editor import ActionDialog
from apv_desktop.ui.actionplan.page import ActionPlanPage


def open_page(window, demo_path) -> ActionPlanPage:
    window.open_project(demo_path)
    page = next(p for p in window.pages if isinstance(p, ActionPlanPage))
    window.show_page(window.pages.index(page))
    return page


def wait_for_follow_ups(page: ActionPlanPage, qtbot) -> None:  # noqa: ANN001
    """The follow-up scores come from a worker thread once the tab is shown."""
    window = page.window()
    window.show()
    qtbot.waitExposed(window)
    tab = page.actions_tab
    qtbot.waitUntil(lambda: tab.follow_up_worker is None and bool(tab.results), timeout=30_000)


def test_overdue_items_are_announced_and_highlighted(window, demo_path, qtbot):
    page = open_page(window, demo_path)
    wait_for_follow_ups(page, qtbot)
    assert "1 punkt i handlingsplanen er over fristen" in window.statusBar().currentMessage()
    tab = page.actions_tab
    assert tab.table.rowCount() == 4
    tab.overdue_only.setChecked(True)
    assert tab.table.rowCount() == 1 and tab.shown[0].unit == "FAM-MYN"
    assert tab.table.item(0, 0).toolTip() == "Over fristen"
    tab.overdue_only.setChecked(False)
    tab.unit_filter.setCurrentIndex(tab.unit_filter.findData("VEJ-DRIFT"))
    assert [a.dimension for a in tab.shown] == ["RE"]
    assert tab.table.item(0, 2).text() == "Anerkendelse"  # the dimension's name, not its code
    assert tab.table.item(0, 8).text().startswith("Bedre (+")
    assert "→" in tab.table.item(0, 7).text()


def test_a_new_item_is_stored_from_the_dialog(window, demo_path, monkeypatch):
    page = open_page(window, demo_path)

    def accept(dialog: ActionDialog) -> int:
        dialog.problem.setPlainText("Støj i storrumskontoret")
        dialog.responsible.setText("AMiR")
        return ActionDialog.DialogCode.Accepted

    monkeypatch.setattr(ActionDialog, "exec", accept)
    page.actions_tab.new_action({"unit": "BS-IT", "dimension": "QD"})
    stored = window.session.project.actions()[-1]
    assert (stored.problem, stored.unit, stored.dimension, stored.responsible) == (
        "Støj i storrumskontoret", "BS-IT", "QD", "AMiR")
    assert page.actions_tab.table.rowCount() == 5


def test_department_reports_are_edited_and_printed_to_pdf(window, demo_path, file_choices,
                                                           tmp_path):
    page = open_page(window, demo_path)
    tab = page.departments_tab
    tab.round.setCurrentIndex(tab.round.findData("2025"))
    assert tab.departments.item(0).text() == "Familieafdelingen"
    tab.editor.setPlainText(tab.editor.toPlainText() + "\n- Mere sparring")
    tab.save()
    assert window.session.project.department_texts("2025")["FAM"].endswith("- Mere sparring")
    assert tab.departments.item(0).text().endswith("✎")
    target = tmp_path / "afdelinger.pdf"
    file_choices.save_paths.append(target)
    tab.export_pdf()
    assert target.read_bytes()[:5] == b"%PDF-" and os.path.getsize(target) > 2000


def test_follow_up_scores_are_written_as_the_reader_writes_numbers() -> None:
    from apv_desktop.i18n import set_language
    from apv_desktop.ui.actionplan.texts import score_text

    assert score_text(23.34, 15, 15.2, 31.6) == "23,3 (n = 15, 15–32)"
    set_language("en")
    try:
        assert score_text(23.34, 15, 15.2, 31.6) == "23.3 (n = 15, 15–32)"
    finally:
        set_language("da")


def _deadline_dialog(qtbot) -> ActionDialog:
    dialog = ActionDialog([], [])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.parametrize("typed", ["01032027", "1-3-2027", "01.03.2027", "1/3/27"])
def test_a_deadline_typed_the_danish_way_is_read(qtbot, typed):
    from datetime import date

    dialog = _deadline_dialog(qtbot)
    dialog.problem.setPlainText("Støj")
    qtbot.mouseClick(dialog.deadline.edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.deadline.edit, typed)
    qtbot.keyClick(dialog.deadline.edit, Qt.Key.Key_Return)
    assert dialog.result() == ActionDialog.DialogCode.Accepted
    assert dialog.deadline.edit.text() == "01-03-2027"  # shown as the program writes dates
    assert dialog.fields()["deadline"] == date(2027, 3, 1)
    assert dialog.fields()["follow_up_date"] is None  # left empty: no date


def test_a_deadline_that_is_not_a_date_is_refused_with_a_sentence(qtbot):
    dialog = _deadline_dialog(qtbot)
    qtbot.keyClicks(dialog.deadline.edit, "30-10-3202x")
    qtbot.keyClick(dialog.deadline.edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != ActionDialog.DialogCode.Accepted
    problem = dialog.deadline.problem
    assert problem.isVisibleTo(dialog)
    assert problem.text() == ("'30-10-3202x' er ikke en dato. Skriv dag, måned og år, "
                              "f.eks. 31-12-2027.")
    dialog.deadline.edit.clear()
    qtbot.keyClicks(dialog.deadline.edit, "31022027")  # no 31 February
    qtbot.keyClick(dialog.deadline.edit, Qt.Key.Key_Return)
    assert dialog.result() != ActionDialog.DialogCode.Accepted
    dialog.deadline.edit.clear()
    qtbot.keyClicks(dialog.deadline.edit, "28022027")
    qtbot.keyClick(dialog.deadline.edit, Qt.Key.Key_Return)
    assert dialog.result() == ActionDialog.DialogCode.Accepted
    assert not problem.isVisibleTo(dialog)


def test_deleting_asks_with_the_problem_cut_where_it_says_so(window, demo_path, message_log):
    """A long problem was cut mid-text without a mark ("… (n =« fra handlingsplanen?")."""
    from PySide6.QtWidgets import QMessageBox

    page = open_page(window, demo_path)
    tab = page.actions_tab
    long_row = next(row for row, action in enumerate(tab.shown) if len(action.problem) > 60)
    tab.table.selectRow(long_row)
    count = len(window.session.project.actions())
    message_log.answers = [QMessageBox.StandardButton.No]
    tab.delete_button.click()
    assert message_log.texts[-1].endswith("…« fra handlingsplanen?")
    assert len(window.session.project.actions()) == count


def test_the_whole_plan_shows_without_scrolling_sideways_on_a_laptop(window, demo_path, qtbot):
    """The before → after column ran off the table at 1366×768 (found by driving the page):
    the long texts wrap so every column shows, and a narrower window still keeps them readable."""
    window.resize(1366, 768)
    page = open_page(window, demo_path)
    wait_for_follow_ups(page, qtbot)
    table = page.actions_tab.table
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0, timeout=5_000)
    assert any("→" in (table.item(row, 7).text() if table.item(row, 7) else "")
               for row in range(table.rowCount()))
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: table.columnWidth(7) < 300, timeout=5_000)
    assert min(table.columnWidth(column) for column in (3, 4, 7, 8)) >= 110


def test_a_status_message_given_before_the_window_shows_hides_the_file_label(window, demo_path,
                                                                            qtbot):
    """The overdue notice and the file label were drawn over each other when the project
    opened before the window first showed (seen in screenshots)."""
    open_page(window, demo_path)
    assert window.statusBar().currentMessage()
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.file_label.isVisible(), timeout=2_000)
    window.statusBar().clearMessage()
    assert window.file_label.isVisible()  # and it comes back with the message gone
