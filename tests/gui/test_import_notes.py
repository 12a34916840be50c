"""The import dialog tells what it leaves out on purpose (columns that could identify a person)
as a note apart from the problems, and a long problem wraps inside the list instead of running
past its edge."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from apv_desktop.interchange.tables import read_table
from apv_desktop.interchange.templates import load_template
from apv_desktop.services.collection import prepare_round
from apv_desktop.services.projects import opened
from apv_desktop.ui.collection.import_dialog import ImportDialog
from apv_desktop.ui.collection.page import CollectionPage
from tests.unit import tool_exports


def _dialog(qtbot, window, project_path, path) -> ImportDialog:
    page = next(p for p in window.pages if isinstance(p, CollectionPage))
    dialog = ImportDialog(window.session, path, page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.load(read_table(path, repeated_headers=True))
    return dialog


def _project(window, project_path) -> tool_exports.Simulated:
    with opened(project_path) as project:
        project.replace_org(tool_exports.UNITS)
        prepare_round(project, "2025")
    assert window.open_project(project_path)
    return tool_exports.simulate(load_template("psykisk"), respondents=12)


def _problems(dialog: ImportDialog) -> list[str]:
    return [dialog.problems.item(i).text() for i in range(dialog.problems.count())]


def test_identifying_columns_left_out_are_a_note_not_a_problem(qtbot, window, project_path,
                                                                tmp_path):
    simulated = _project(window, project_path)
    path = tool_exports.kobo(simulated, tmp_path / "kobo.xlsx")
    dialog = _dialog(qtbot, window, project_path, path)
    assert dialog.check()
    assert dialog.notes.isVisibleTo(dialog) and dialog.notes.wordWrap()
    assert "start" in dialog.notes.text() and "_uuid" in dialog.notes.text()
    assert not [p for p in _problems(dialog) if "_uuid" in p]  # not among the problems
    assert not dialog.problems.isVisibleTo(dialog)  # no empty problem box under the note
    assert dialog.import_button.isEnabled()


def test_a_long_problem_wraps_inside_the_list(qtbot, window, project_path, tmp_path):
    simulated = _project(window, project_path)
    rows = tool_exports.rows_of(tool_exports.google_forms(simulated, tmp_path / "g.csv"))
    rows[3][5] = "7"  # no answer of a 1-5 question
    path = tool_exports.write_rows(tmp_path / "bad.csv", rows)
    dialog = _dialog(qtbot, window, project_path, path)
    problems = dialog.problems
    problems.setFixedWidth(320)  # narrower than the problem's line
    assert not dialog.check()
    QApplication.processEvents()
    assert problems.count() == 1 and problems.isVisibleTo(dialog)
    line = problems.fontMetrics().horizontalAdvance(problems.item(0).text())
    assert line > problems.viewport().width()  # one line would run past the edge
    assert problems.horizontalScrollBar().maximum() == 0
    shown = problems.visualItemRect(problems.item(0))
    assert shown.width() <= problems.viewport().width()
    assert shown.height() > problems.fontMetrics().lineSpacing()  # on more than one line
