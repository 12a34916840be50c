"""A project where the program may not write opens for viewing: said in the title bar, no lock
file, and a change is refused with a sentence (issue 19)."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from apv_desktop.errors import ProjectFileError
from apv_desktop.lock import lock_path
from apv_desktop.ui import session as session_module


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_read_only_project_opens_for_viewing(window, demo_path: Path,  # noqa: ANN001
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # As root every file is writable, so "may not write here" is what the program is told.
    monkeypatch.setattr(session_module, "writable", lambda path: False)
    before = digest(demo_path)
    assert window.open_project(demo_path)
    assert window.windowTitle() == "Djursby Kommune (skrivebeskyttet) – APV Desktop"
    assert "skrivebeskyttet" in window.statusBar().currentMessage()
    assert window.count_label.text().endswith("svar i projektet")
    assert not lock_path(demo_path).exists()
    with pytest.raises(ProjectFileError) as refusal:
        window.session.project.set_name("Andet navn")
    assert "skrivebeskyttet" in str(refusal.value)
    window.close_project()
    assert digest(demo_path) == before


def test_a_project_left_mid_commit_opens_whole_in_the_window(window, demo_path: Path) -> None:  # noqa: ANN001
    with sqlite3.connect(demo_path) as connection:
        (count,) = connection.execute("SELECT COUNT(*) FROM response").fetchone()
    connection.close()
    die = ("import os, sqlite3, sys\n"
           "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
           "c.execute('PRAGMA cache_size = 2'); c.execute('BEGIN')\n"
           "c.execute('DELETE FROM text_answer'); c.execute('DELETE FROM response')\n"
           "os._exit(9)\n")
    subprocess.run([sys.executable, "-c", die, str(demo_path)], check=False)
    assert demo_path.with_name("Demo.apv-journal").exists()
    assert window.open_project(demo_path)
    assert window.session.project.response_count() == count

