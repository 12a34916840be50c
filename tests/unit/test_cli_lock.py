"""One writer per project, for the command line too: every command that writes a project holds
its lock and is refused, naming the holder, while a window (another process) has it open;
reading commands go on working; an empty lock file is not taken over."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from apv_desktop.cli import run
from apv_desktop.lock import lock_path
from tests.fixed_dates import DEMO_TODAY

ORG_CSV = "kode;navn;overordnet;antal\nK;Kontoret;;0\nT1;Team 1;K;6\nT2;Team 2;K;6\n"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def other_process() -> Iterator[int]:
    """The pid of a live process that is not this one: the 'window' holding the lock."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        yield process.pid
    finally:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def _demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lockdemo") / "demo.apv"
    assert run(["demo", str(path), "--respondents", "60", "--today", DEMO_TODAY.isoformat()]) == 0
    return path


@pytest.fixture
def project(_demo: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.apv"
    shutil.copyfile(_demo, path)
    return path


def hold(project: Path, pid: int) -> str:
    """Write the lock a window of process `pid` on this computer would; returns its text."""
    text = json.dumps({"pid": pid, "host": socket.gethostname(), "user": "anna"})
    lock_path(project).write_text(text, encoding="utf-8")
    return text


def writing_commands(project: Path, folder: Path) -> dict[str, list[str]]:
    """Each writing command with its arguments (the lock is checked before any input is read)."""
    org = folder / "org.csv"
    org.write_text(ORG_CSV, encoding="utf-8")
    answers = folder / "svar.csv"
    answers.write_text("unit;bo_1\nFAM-MYN;1\n", encoding="utf-8")
    indicators = folder / "fravaer.csv"
    indicators.write_text("unit;period;turnover_pct\nFAM-MYN;2026;12\n",
                          encoding="utf-8")
    other = folder / "laptop2.apv"
    shutil.copyfile(project, other)
    return {
        "import-org": ["import-org", str(project), str(org)],
        "import-responses": ["import-responses", str(project), str(answers), "--round", "x"],
        "import-indicators": ["import-indicators", str(project), str(indicators)],
        "import-form": ["import-form", str(project), str(folder / "form.xlsx")],
        "import-actionplan": ["import-actionplan", str(project), str(folder / "rapport.xlsx")],
        "merge": ["merge", str(project), str(other)],
    }


@pytest.mark.parametrize("command", ["import-org", "import-responses", "import-indicators",
                                     "import-form", "import-actionplan", "merge"])
def test_a_writing_command_is_refused_while_a_window_holds_the_project(
        command, project, tmp_path, other_process, capsys):
    argv = writing_commands(project, tmp_path)[command]
    lock_text = hold(project, other_process)
    before = digest(project)
    capsys.readouterr()
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert f"already open by anna on {socket.gethostname()} (process {other_process})" in err
    assert err.count("\n") == 1 and "Traceback" not in err  # one sentence
    assert digest(project) == before
    assert lock_path(project).read_text(encoding="utf-8") == lock_text  # still the window's


@pytest.mark.parametrize("command", ["demo", "new"])
def test_creating_a_project_is_refused_while_its_name_is_locked(
        command, tmp_path, other_process, capsys):
    target = tmp_path / "ny.apv"
    hold(target, other_process)
    assert run([command, str(target)]) == 2
    assert f"(process {other_process})" in capsys.readouterr().err
    assert not target.exists()


def test_without_a_holder_the_same_command_writes_and_leaves_no_lock(project, tmp_path):
    argv = writing_commands(project, tmp_path)["import-indicators"]
    before = digest(project)
    assert run(argv) == 0
    assert digest(project) != before
    assert not lock_path(project).exists()


def test_a_lock_left_by_a_dead_process_is_taken_over(project, tmp_path):
    hold(project, 4_000_000)  # above Linux's pid_max: no process has it
    assert run(writing_commands(project, tmp_path)["import-indicators"]) == 0
    assert not lock_path(project).exists()


def test_an_empty_lock_file_is_a_holder_mid_write_and_not_taken_over(project, tmp_path, capsys):
    lock_path(project).write_bytes(b"")
    before = digest(project)
    assert run(writing_commands(project, tmp_path)["import-indicators"]) == 2
    err = capsys.readouterr().err
    assert "being opened by another window or program" in err and "demo.apv.lock" in err
    assert digest(project) == before
    assert lock_path(project).read_bytes() == b""


def test_reading_commands_work_while_a_window_holds_the_project(
        project, tmp_path, other_process, capsys):
    hold(project, other_process)
    before = digest(project)
    assert run(["results", str(project), "--round", "2025"]) == 0
    assert json.loads(capsys.readouterr().out)["round"] == "2025"
    assert run(["check", str(project)]) == 0
    assert run(["export-form", str(project), str(tmp_path / "form.xlsx")]) == 0
    assert run(["report", str(project), "-o", str(tmp_path / "r.xlsx"), "--round", "2025"]) == 0
    assert (tmp_path / "form.xlsx").is_file() and (tmp_path / "r.xlsx").is_file()
    # a dry run writes nothing, so it needs no lock either
    indicators = tmp_path / "fravaer.csv"
    indicators.write_text("unit;period;turnover_pct\nFAM-MYN;2026;12\n",
                          encoding="utf-8")
    assert run(["import-indicators", str(project), str(indicators), "--dry-run"]) == 0
    assert digest(project) == before


def test_the_installed_command_exits_2_naming_the_test_process_as_holder(project, tmp_path):
    """Through the real entry point in its own process; the holder is this (live) test."""
    argv = writing_commands(project, tmp_path)["import-indicators"]
    hold(project, os.getpid())
    before = digest(project)
    # No timeout, like test_cli's processes: its polling sleep fails under faketime.
    done = subprocess.run([sys.executable, "-m", "apv_desktop", *argv], capture_output=True,
                          text=True)
    assert done.returncode == 2, done.stderr
    assert f"(process {os.getpid()}); close it there and try again." in done.stderr
    assert digest(project) == before
