"""Damaged project files get one clear sentence (CLI exit 2), never a traceback; a read-only
project opens for reading; a second writer waits its turn instead of failing (issue 19)."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest

from apv_desktop.cli import run
from apv_desktop.core.model import OrgUnit
from apv_desktop.errors import NotAProjectError, ProjectFileError
from apv_desktop.services.collection import prepare_round, submit_sheet
from apv_desktop.services.demo import build_demo
from apv_desktop.services.projects import create_project, opened
from apv_desktop.store import project as project_module
from apv_desktop.store.check import check_file
from apv_desktop.store.migrations import SCHEMA_VERSION
from apv_desktop.store.project import Project
from apv_desktop.tempfiles import PROCESS_START
from tests.fixed_dates import DEMO_TODAY


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.apv"
    create_project(path, ["kraenkende"], "Test")
    with opened(path) as project:
        project.replace_org([OrgUnit("A", "Team A", None, 10)])
        questionnaire = prepare_round(project, "2025")
        submit_sheet(project, "2025", questionnaire, "A", {"bu_1": "nej"})
    return path


def damage(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


DAMAGES = {
    "negative-version": ["PRAGMA user_version = -1"],
    "missing-table": ["DROP TABLE text_answer"],
    "missing-column": ["ALTER TABLE org_unit DROP COLUMN headcount"],
}


@pytest.mark.parametrize("kind", DAMAGES)
@pytest.mark.parametrize("command", ["check", "results"])
def test_a_damaged_file_is_one_sentence_and_exit_2(small: Path, capsys, kind: str,  # noqa: ANN001
                                                   command: str) -> None:
    damage(small, *DAMAGES[kind])
    before = digest(small)
    assert run([command, str(small)]) == 2
    err = capsys.readouterr().err
    assert "small.apv" in err and "Traceback" not in err
    assert "integrity OK" not in err
    assert digest(small) == before


@pytest.mark.parametrize("kind", DAMAGES)
def test_check_file_names_what_the_schema_lacks(small: Path, kind: str) -> None:
    damage(small, *DAMAGES[kind])
    problems = check_file(small, SCHEMA_VERSION)
    assert problems and all("Traceback" not in p for p in problems)
    if kind != "negative-version":
        assert any("text_answer" in p or "headcount" in p for p in problems)
    with pytest.raises(NotAProjectError):
        Project.open(small)


def test_a_healthy_file_has_every_promised_table(small: Path) -> None:
    assert check_file(small, SCHEMA_VERSION) == []


def test_a_read_only_project_opens_for_reading_and_refuses_changes_with_a_sentence(
    small: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As root every file is writable, so "may not write here" is what the program is told.
    monkeypatch.setattr(project_module, "writable", lambda path: False)
    before = digest(small)
    with Project.open(small) as project:
        assert project.read_only
        assert project.response_count() == 1
        with pytest.raises(ProjectFileError, match="skrivebeskyttet"):
            project.set_name("Nyt navn")
    assert run(["check", str(small)]) == 0
    assert run(["results", str(small)]) in (0, 2)  # an open round has no results: refused
    err = capsys.readouterr().err
    assert "Traceback" not in err and "readonly" not in err
    assert digest(small) == before


def test_an_older_read_only_project_cannot_be_upgraded_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "old.apv"
    old.write_bytes((Path(__file__).parents[1] / "data" / "schema1.apv").read_bytes())
    monkeypatch.setattr(project_module, "writable", lambda path: False)
    with pytest.raises(ProjectFileError, match="kopiér"):
        Project.open(old)
    assert [p.name for p in tmp_path.iterdir()] == ["old.apv"]  # no backup, no upgrade


def test_a_second_writer_waits_for_the_first_instead_of_failing(small: Path) -> None:
    other = sqlite3.connect(small, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another window in the middle of a write
    other.execute("UPDATE project_setting SET value = value")
    outcome: list[object] = []
    with opened(small) as project:
        name = project.name  # a reader is not kept waiting by the writer's reserved lock

        def write() -> None:
            try:
                project.set_name("Anden")
                outcome.append("stored")
            except Exception as error:  # noqa: BLE001 - the test reports it
                outcome.append(error)

        writer = threading.Thread(target=write)
        writer.start()
        writer.join(0.2)
        other.execute("COMMIT")
        other.close()
        writer.join(10)
        assert outcome == ["stored"]
        assert (name, project.name) == ("Test", "Anden")


def test_a_killed_demo_leaves_no_demo_under_its_name_and_is_cleaned_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "demo.apv"

    def killed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # as a kill halfway through

    monkeypatch.setattr("apv_desktop.services.demo.add_demo_follow_up", killed)
    with pytest.raises(KeyboardInterrupt):
        build_demo(path, today=DEMO_TODAY, respondents=50)
    assert not path.exists() and list(tmp_path.iterdir()) == []
    # What a real kill leaves (the temporary file itself) is removed by the next run.
    leftover = tmp_path / ".demo.apv.0123abcd.creating"
    leftover.write_bytes(b"half a project")
    foreign = tmp_path / ".demo.apv.notours"
    foreign.write_bytes(b"someone else's")
    for stale in (leftover, foreign):
        import os

        os.utime(stale, (PROCESS_START - 60, PROCESS_START - 60))
    monkeypatch.undo()
    build_demo(path, today=DEMO_TODAY, respondents=50)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".demo.apv.notours", "demo.apv"]
