"""The project lock (two windows, two instances, stale locks) and the plain error messages."""

from __future__ import annotations

import errno
import json
import os
import socket
import sqlite3
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from apv_desktop.errors import ProjectFileError
from apv_desktop.lock import LockHolder, ProjectLock, ProjectLockedByHolder, lock_path
from apv_desktop.ui.errors import install_excepthook, known_problem_text, show_problem
from apv_desktop.ui.main_window import MainWindow


def _write_lock(project, pid: int, host: str) -> None:
    lock_path(project).write_text(json.dumps({"pid": pid, "host": host, "user": "anna"}))


def _dead_pid() -> int:
    pid = 4_000_000  # above Linux's pid_max, so no process has it
    assert not LockHolder(pid, socket.gethostname()).is_this_process
    return pid


def test_lock_is_exclusive_and_released(tmp_path):
    project = tmp_path / "p.apv"
    first, second = ProjectLock(project), ProjectLock(project)
    first.acquire()
    with pytest.raises(ProjectLockedByHolder) as caught:
        second.acquire()
    assert caught.value.holder is not None and caught.value.holder.is_this_process
    first.release()
    assert not lock_path(project).exists()
    second.acquire()
    assert second.held


def test_a_stale_lock_of_a_dead_process_is_taken_over(tmp_path):
    project = tmp_path / "p.apv"
    _write_lock(project, _dead_pid(), socket.gethostname())
    lock = ProjectLock(project)
    lock.acquire()
    assert json.loads(lock_path(project).read_text())["pid"] == os.getpid()


def test_same_project_in_a_second_window_brings_the_first_forward(
        qtbot, window, context, project_path):
    assert window.open_project(project_path)
    second = MainWindow(context)
    qtbot.addWidget(second)
    try:
        assert not second.open_project(project_path)
        assert second.session is None
        assert window.session is not None
        assert window.statusBar().currentMessage() == "Projektet er allerede åbent i dette vindue."
    finally:
        second.close()


def test_a_project_open_in_another_instance_is_refused(window, project_path, message_log):
    parent_pid = os.getppid()  # alive for sure: it runs this test
    _write_lock(project_path, parent_pid, socket.gethostname())
    assert not window.open_project(project_path)
    assert window.session is None
    assert message_log.texts == ["Projektet er allerede åbent i et andet vindue eller program."]
    assert json.loads(lock_path(project_path).read_text())["pid"] == parent_pid


def test_a_lock_from_another_computer_may_be_taken_over_when_the_user_says_so(
        window, project_path, message_log):
    _write_lock(project_path, 1234, "another-laptop")
    message_log.answers = [QMessageBox.StandardButton.No]
    assert not window.open_project(project_path)
    assert "anna på another-laptop" in message_log.shown[0].informative
    message_log.answers = [QMessageBox.StandardButton.Yes]
    assert window.open_project(project_path)
    window.close_project()
    assert not lock_path(project_path).exists()


def test_a_newer_project_file_is_refused_with_the_message_and_left_untouched(
        window, project_path, message_log):
    connection = sqlite3.connect(project_path)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    before = project_path.read_bytes()
    assert not window.open_project(project_path)
    assert message_log.shown[0].title == "Projektet kunne ikke åbnes"
    assert message_log.texts == [
        "Projektfilen er gemt af en nyere version af APV Desktop. Opdater programmet for at "
        "åbne den. Filen er ikke ændret."]
    assert "nyere version" in message_log.shown[0].informative
    assert project_path.read_bytes() == before
    assert not lock_path(project_path).exists()


def test_a_file_that_is_not_a_project_gets_a_plain_message(window, tmp_path, message_log):
    junk = tmp_path / "junk.apv"
    junk.write_bytes(b"this is not a database" * 100)
    assert not window.open_project(junk)
    assert message_log.texts == [
        "Filen er ikke et APV-projekt, eller den er beskadiget. Filen er ikke ændret."]


def test_known_file_problems_have_plain_texts():
    assert known_problem_text(OSError(errno.ENOSPC, "No space")) == (
        "Disken er fuld. Frigør plads, og prøv igen.")
    assert known_problem_text(PermissionError(errno.EACCES, "denied")) == (
        "Filen eller mappen er skrivebeskyttet.")
    assert known_problem_text(ProjectFileError("x")).startswith("Projektfilen kan ikke bruges")


def test_an_unexpected_error_shows_details_to_copy(message_log):
    try:
        raise KeyError("boom")
    except KeyError as error:
        show_problem(None, "t", error)
    (shown,) = message_log.shown
    assert shown.title == "Uventet fejl"
    assert "KeyError: 'boom'" in shown.details
    assert "test_an_unexpected_error_shows_details_to_copy" in shown.details


def test_uncaught_exceptions_end_in_the_error_dialog(message_log, monkeypatch, capsys):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(lambda: None)
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert message_log.shown[0].title == "Uventet fejl"
    assert "ZeroDivisionError" in message_log.shown[0].details
    assert "ZeroDivisionError" in capsys.readouterr().err
