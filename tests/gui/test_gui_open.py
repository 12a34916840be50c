"""Opening, creating, the demo, drag-and-drop, save a copy, and the command-line path."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from apv_desktop.backups import list_backups
from apv_desktop.store.project import Project
from apv_desktop.ui import new_project
from apv_desktop.ui.crashlog import CrashLog
from apv_desktop.ui.main_window import DEMO_FILE_NAME, MainWindow
from apv_desktop.ui.new_project import NewProjectChoice, NewProjectDialog


def test_opening_a_project_shows_its_pages_file_and_response_count(window, demo_path, context,
                                                                   qtbot):
    assert window.central.currentIndex() == 0  # the start screen
    assert window.open_project(demo_path)
    assert window.central.currentIndex() == 1
    with _reader(demo_path) as expected:
        pass
    assert window.file_label.text() == f"Projektfil: {demo_path}"
    assert window.count_label.text() == f"{expected} svar i projektet"
    assert window.windowTitle() == "Djursby Kommune – APV Desktop"
    assert window.navigation.item(0).text() == "Organisation"
    assert context.preferences.recent_projects[0] == str(demo_path.resolve())
    # the rolling backup is made on a worker, after the project is on screen
    qtbot.waitUntil(lambda: len(list_backups(demo_path, context.backup_dir)) == 1)


def test_reopening_an_unchanged_project_adds_no_backup(window, project_path, context, qtbot):
    window.open_project(project_path)
    window.close_project()  # waits for the backup the opening started
    assert window.central.currentIndex() == 0
    window.open_project(project_path)
    window.close_project()
    assert len(list_backups(project_path, context.backup_dir)) == 1


def test_a_failed_backup_says_so_and_the_project_stays_open(window, project_path, context,
                                                           qtbot):
    context.backup_dir.parent.mkdir(parents=True, exist_ok=True)
    context.backup_dir.write_text("a file where the backup folder should be")
    assert window.open_project(project_path)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(
        "Sikkerhedskopien kunne ikke laves"))
    assert window.session is not None
    assert window.central.currentIndex() == 1


def make_new_project(window, target, file_choices, monkeypatch) -> None:
    """The new-project command, the user choosing the psykisk template and `target`."""
    monkeypatch.setattr(new_project, "choose",
                        lambda parent, prefs: NewProjectChoice("Min APV", ["psykisk"],
                                                               prefs.new_project_rules()))
    file_choices.save_paths.append(target)
    window.new_project()


def test_new_project_from_a_template(window, tmp_path, file_choices, monkeypatch):
    target = tmp_path / "Ny.apv"
    make_new_project(window, target, file_choices, monkeypatch)
    assert window.session is not None and window.session.path == target
    assert window.session.name == "Min APV"
    assert window.session.project.questionnaire() is not None
    assert window.session.response_count() == 0


@pytest.mark.parametrize("language", ["sv", "da"])
def test_a_new_projects_questionnaire_speaks_the_windows_language(window, tmp_path, file_choices,
                                                                 monkeypatch, language):
    """A Swedish user who made a project in a Swedish window got a Danish kiosk and preview
    (found by driving the program in sv_SE): the questionnaire's main language is the window's
    when the templates have it."""
    window.context.switch_language(language)
    make_new_project(window, tmp_path / "Ny.apv", file_choices, monkeypatch)
    questionnaire = window.session.project.questionnaire()
    assert questionnaire.default_language == language
    assert questionnaire.title == questionnaire.title_labels[language]


def test_new_project_dialog_offers_templates_and_needs_one(qtbot, context):
    dialog = NewProjectDialog(context.preferences)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.templates.count() >= 2
    assert dialog.choice().template_ids == [dialog.templates.item(0).data(Qt.ItemDataRole.UserRole)]
    assert ok.isEnabled()
    dialog.templates.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.choice().template_ids == []
    assert not ok.isEnabled()


def test_cancelling_the_save_dialog_creates_nothing(window, tmp_path, file_choices, monkeypatch):
    monkeypatch.setattr(new_project, "choose",
                        lambda parent, prefs: NewProjectChoice("x", ["psykisk"],
                                                               prefs.new_project_rules()))
    file_choices.save_paths.append(None)
    window.new_project()
    assert window.session is None
    assert not list(tmp_path.glob("*.apv"))


def test_open_dialog(window, project_path, file_choices):
    file_choices.open_paths.append(project_path)
    window.choose_and_open()
    assert window.session is not None and window.session.path == project_path


def test_demo_project_is_built_off_the_gui_thread_then_opened(window, qtbot, context):
    window.open_demo()
    qtbot.waitUntil(lambda: window.session is not None, timeout=30_000)
    assert window.session.path == context.demo_dir / DEMO_FILE_NAME
    assert window.session.response_count() > 100
    window.close_project()
    window.open_demo()  # the second time it is opened at once, not rebuilt
    assert window.session is not None


def test_dropping_a_project_file_opens_it(window, project_path):
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(project_path))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.session is not None and window.session.path == project_path


def test_save_a_copy_makes_a_whole_project(window, demo_path, tmp_path, file_choices):
    window.open_project(demo_path)
    copy = tmp_path / "copy.apv"
    file_choices.save_paths.append(copy)
    window.save_copy()
    with Project.open(copy) as project:
        assert [u.code for u in project.org_units()] == [
            u.code for u in window.session.project.org_units()]
        assert project.response_count() == window.session.response_count()


# The offscreen platform warns that it cannot size a shown window; nothing of ours.
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_a_path_from_the_command_line_is_opened_after_the_window_shows(
        qtbot, context, project_path, message_log):
    from apv_desktop.ui.app import start_window

    window = None
    start = MainWindow.windows[:]
    try:
        window = start_window(context, project_path, CrashLog(context.data_dir / "crash"))
        qtbot.waitUntil(lambda: window.session is not None)
        assert window.session.path == project_path
    finally:
        if window is not None:
            window.close()
    assert MainWindow.windows == start


class _reader:
    """The response count read straight from the file, bypassing the GUI."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> int:
        connection = sqlite3.connect(self.path)
        self.connection = connection
        (count,) = connection.execute("SELECT COUNT(*) FROM response").fetchone()
        return int(count)

    def __exit__(self, *args: object) -> None:
        self.connection.close()
