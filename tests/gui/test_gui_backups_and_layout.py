"""Restoring a rolling backup to a new project file, and the window's size, place and page
remembered between runs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from apv_desktop.backups import list_backups
from apv_desktop.services.backups import BackupInfo
from apv_desktop.services.projects import opened
from apv_desktop.settings import load_preferences
from apv_desktop.ui import backup_dialog
from apv_desktop.ui.context import AppContext
from apv_desktop.ui.main_window import MainWindow

Yes = QMessageBox.StandardButton.Yes
No = QMessageBox.StandardButton.No


def test_restore_is_offered_only_with_an_open_project_that_has_backups(window, project_path,
                                                                        context, qtbot):
    assert not window.menus.restore_backup.isEnabled()
    window.open_project(project_path)
    qtbot.waitUntil(window.menus.restore_backup.isEnabled)  # once the backup on open is made
    for backup in list_backups(project_path, context.backup_dir):
        backup.unlink()
    window.menus.file_menu.aboutToShow.emit()
    assert not window.menus.restore_backup.isEnabled()
    window.close_project()
    assert not window.menus.restore_backup.isEnabled()


def test_a_backup_is_saved_as_a_new_project_and_opened(window, demo_path, tmp_path,
                                                       file_choices, message_log, monkeypatch,
                                                       qtbot):
    window.open_project(demo_path)
    responses = window.session.response_count()
    # changed at once, while the backup may still be copying: it keeps the file as it opened
    window.session.project.set_name("Ændret efter kopien")
    qtbot.waitUntil(window.menus.restore_backup.isEnabled)
    offered: list[list[BackupInfo]] = []

    def choose(parent: object, backups: list[BackupInfo]) -> Path:
        offered.append(backups)
        return backups[0].path

    monkeypatch.setattr(backup_dialog, "choose_backup", choose)
    target = tmp_path / "gendannet.apv"
    file_choices.save_paths = [target]
    message_log.answers = [Yes]
    window.menus.restore_backup.trigger()

    [backups] = offered
    assert len(backups) == 1
    assert backups[0].responses == responses
    assert backups[0].size_bytes == backups[0].path.stat().st_size
    assert window.session is not None and window.session.path == target
    assert window.session.response_count() == responses
    assert window.session.project.name == "Djursby Kommune"
    with opened(demo_path) as original:  # the project it came from is as the user left it
        assert original.name == "Ændret efter kopien"


def test_declining_to_open_keeps_the_current_project(window, project_path, tmp_path,
                                                     file_choices, message_log, monkeypatch,
                                                     qtbot):
    window.open_project(project_path)
    qtbot.waitUntil(window.menus.restore_backup.isEnabled)
    monkeypatch.setattr(backup_dialog, "choose_backup", lambda parent, backups: backups[0].path)
    target = tmp_path / "kopi.apv"
    file_choices.save_paths = [target]
    message_log.answers = [No]
    window.restore_from_backup()
    assert target.is_file()
    assert window.session.path == project_path.absolute()
    assert message_log.shown[-1].kind.name == "QUESTION"


def test_a_backup_is_never_written_over_the_open_project(window, project_path, file_choices,
                                                         message_log, monkeypatch,
                                                         qtbot):
    window.open_project(project_path)
    qtbot.waitUntil(window.menus.restore_backup.isEnabled)
    window.session.project.set_name("Nyt navn")
    monkeypatch.setattr(backup_dialog, "choose_backup", lambda parent, backups: backups[0].path)
    file_choices.save_paths = [project_path]
    window.restore_from_backup()
    assert message_log.shown[-1].title == "Sikkerhedskopien kunne ikke gendannes"
    assert window.session.project.name == "Nyt navn"


def test_cancelling_the_choice_writes_nothing(window, project_path, tmp_path, file_choices,
                                              message_log, monkeypatch,
                                              qtbot):
    window.open_project(project_path)
    qtbot.waitUntil(window.menus.restore_backup.isEnabled)
    monkeypatch.setattr(backup_dialog, "choose_backup", lambda parent, backups: None)
    window.restore_from_backup()
    assert not message_log.shown
    assert [p.name for p in (tmp_path / "projects").glob("*.apv")] == ["Test.apv"]


def test_the_dialog_lists_backups_newest_first_and_returns_the_choice(qtbot, context,
                                                                      tmp_path):
    newer = BackupInfo(tmp_path / "b.apv", datetime(2026, 3, 2, 14, 5, 9), 2048, 17)
    older = BackupInfo(tmp_path / "a.apv", datetime(2026, 3, 1, 8, 0, 0), 1024, None)
    dialog = backup_dialog.BackupDialog([newer, older])
    qtbot.addWidget(dialog)
    assert dialog.table.topLevelItemCount() == 2
    first = dialog.table.topLevelItem(0)
    assert first.text(0) == "2026-03-02 14:05:09"
    assert first.text(2) == "17"
    assert dialog.table.topLevelItem(1).text(2) == "–"
    # sizes as the file manager writes them (kB, MB), not Qt's default KiB/MiB
    assert first.text(1).replace(",", ".") == "2.0 kB"
    assert dialog.chosen() == newer.path
    dialog.table.setCurrentItem(dialog.table.topLevelItem(1))
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    assert dialog.chosen() == older.path


def test_size_place_and_page_are_remembered_between_runs(qtbot, context, demo_path):
    first = MainWindow(context)
    qtbot.addWidget(first)
    first.resize(760, 540)
    first.open_project(demo_path)
    first.show_page(2)
    first.close()
    saved = load_preferences(context.preferences_path)
    assert saved.last_page == first.pages[2].page_id
    assert saved.window_geometry

    next_run = AppContext(context.data_dir)
    second = MainWindow(next_run)
    qtbot.addWidget(second)
    second.restore_layout()
    assert (second.width(), second.height()) == (760, 540)
    second.open_project(demo_path)
    assert second.navigation.currentRow() == 2
    second.close()


def test_a_broken_saved_layout_is_ignored(qtbot, context, project_path):
    context.preferences.window_geometry = "kein base64 !!"
    context.preferences.last_page = "no-such-page"
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.restore_layout()
    assert (window.width(), window.height()) == (1100, 720)
    window.open_project(project_path)
    assert window.navigation.currentRow() == 0
    window.close()
