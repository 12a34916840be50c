"""A crash at any write leaves a project that opens whole, with the data of the last committed
transaction: SQLite's hot journal is applied before the file is judged (issue 19).

The exhaustive tests kill a kiosk submit, an import and a migration at every disk write
(strace fault injection, see crash_points.py); the first test makes a crash mid-commit
without strace, so it runs everywhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from apv_desktop.core.model import OrgUnit
from apv_desktop.errors import ProjectFileError
from apv_desktop.services.collection import (
    merge_projects,
    prepare_round,
    round_questionnaire,
    submit_sheet,
)
from apv_desktop.services.projects import create_project, opened
from apv_desktop.services.transfer import import_responses
from apv_desktop.store.engine import journal_path
from apv_desktop.store.migrations import SCHEMA_VERSION
from apv_desktop.store.project import Project
from apv_desktop.tempfiles import PROCESS_START
from tests.unit.crash_points import (
    Operation,
    Report,
    kill_at_every_call,
    strace_works,
)

SCHEMA1_FILE = Path(__file__).resolve().parents[1] / "data" / "schema1.apv"
needs_strace = pytest.mark.skipif(not strace_works(), reason="needs strace (fault injection)")

# Grows the file inside one transaction (a tiny page cache spills pages into the file before
# the commit), then dies: the file is longer than its header says, and the journal is hot.
DIE_MID_COMMIT = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA cache_size = 2")
connection.execute("BEGIN")
for _ in range(300):
    connection.execute("INSERT INTO project_setting (key, value) VALUES (hex(randomblob(16)), ?)",
                       ("x" * 3000,))
os._exit(9)
"""

def kiosk_project(path: Path) -> Path:
    create_project(path, ["kraenkende"], "Test")
    with opened(path) as project:
        project.replace_org([OrgUnit("A", "Team A", None, 10)])
        prepare_round(project, "2025")
    return path


def fresh_copy(pristine: Path, path: Path) -> None:
    for leftover in path.parent.glob(f"{path.name}*"):
        leftover.unlink()
    for leftover in path.parent.glob(f".{path.name}*"):
        leftover.unlink()
    shutil.copyfile(pristine, path)


def test_a_file_cut_off_mid_commit_opens_with_its_last_commit(tmp_path: Path) -> None:
    path = kiosk_project(tmp_path / "p.apv")
    with opened(path) as project:
        name, before = project.name, project.response_count()
    died = subprocess.run([sys.executable, "-c", DIE_MID_COMMIT, str(path)], check=False)
    assert died.returncode == 9 and journal_path(path).exists()
    with opened(path) as project:  # the journal is rolled back before the file is judged
        assert project.check() == []
        assert (project.name, project.response_count()) == (name, before)
    assert not journal_path(path).exists()


def test_a_hot_journal_that_cannot_be_applied_says_to_keep_the_two_files_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = kiosk_project(tmp_path / "p.apv")
    subprocess.run([sys.executable, "-c", DIE_MID_COMMIT, str(path)], check=False)
    before = path.read_bytes()
    with pytest.raises(ProjectFileError) as refusal:
        Project.open(path, read_only=True)
    # read-only: SQLite may not roll the journal back, so the user is told what to do
    assert "p.apv-journal" in str(refusal.value) and "adskil aldrig" in str(refusal.value)
    assert path.read_bytes() == before and journal_path(path).exists()


def test_a_cut_off_file_says_to_put_a_journal_back(tmp_path: Path):
    path = kiosk_project(tmp_path / "p.apv")
    path.write_bytes(path.read_bytes()[: 4096 * 3])  # as if its journal had been deleted
    with pytest.raises(ProjectFileError, match="p.apv-journal"):
        Project.open(path)


def _killed(runs: list) -> int:  # noqa: ANN001
    return sum(run.killed for run in runs)


def _submit_two_sheets(path: Path) -> Operation:
    def operation(report: Report) -> None:
        with opened(path) as project:
            questionnaire = round_questionnaire(project, "2025")
            for count in (1, 2):
                submit_sheet(project, "2025", questionnaire, "A",
                             {"bu_1": "nej", "kr_kommentar": "x" * 900})
                report(str(count))  # the respondent has seen "Tak for dine svar"
    return operation


@needs_strace
def test_killing_a_kiosk_submit_at_every_write_loses_no_confirmed_sheet(tmp_path: Path) -> None:
    pristine = kiosk_project(tmp_path / "pristine.apv")
    path = tmp_path / "kiosk.apv"
    runs = []
    for run in kill_at_every_call(_submit_two_sheets(path), lambda: fresh_copy(pristine, path),
                                  tmp_path):
        runs.append(run)
        with opened(path) as project:
            assert project.check() == [], run
            stored = project.response_count("2025")
            assert len(run.reported) <= stored <= 2, run
            assert len(project.responses("2025").texts.get("kr_kommentar", [])) == stored
    assert _killed(runs) >= 20
    print(f"kiosk: {len(runs)} runs, {_killed(runs)} kills, 0 confirmed sheets lost")


@needs_strace
def test_killing_an_import_at_every_write_keeps_all_or_nothing(tmp_path: Path) -> None:
    pristine = kiosk_project(tmp_path / "pristine.apv")
    rows = "".join(f"A;{'dagligt' if n % 2 else 'nej'};{'kommentar ' * 40}\n" for n in range(200))
    answers = tmp_path / "answers.csv"
    answers.write_text("unit;bu_1;kr_kommentar\n" + rows, encoding="utf-8")
    path = tmp_path / "import.apv"
    runs = []
    def import_all(report: object) -> None:
        import_responses(path, answers, "2025", partial=True)  # the file covers a few items

    for run in kill_at_every_call(import_all,
                                  lambda: fresh_copy(pristine, path), tmp_path):
        runs.append(run)
        with opened(path) as project:
            assert project.check() == [], run
            assert project.response_count() in (0, 200), run
    assert _killed(runs) >= 20
    print(f"import: {len(runs)} runs, {_killed(runs)} kills, no partial import")


def _open_old_file(path: Path) -> Operation:
    def operation(report: Report) -> None:
        Project.open(path).close()
    return operation


# The migration (1 → 2 → 3, repack and VACUUM) writes far more than the others: its kill points
# are shared out over four tests (every fourth write each), so each stays under the suite's 10 s
# and together they still kill at every write.
MIGRATION_SHARES = 4


@needs_strace
@pytest.mark.parametrize("share", range(MIGRATION_SHARES))
def test_killing_a_migration_at_every_write_keeps_the_old_or_the_new_file(
        tmp_path: Path, share: int) -> None:
    reference_path = tmp_path / "reference.apv"
    shutil.copyfile(SCHEMA1_FILE, reference_path)
    with opened(reference_path) as reference:
        expected = (reference.response_count(), [u.code for u in reference.org_units()])
    path = tmp_path / "old.apv"
    runs = []
    for run in kill_at_every_call(_open_old_file(path), lambda: fresh_copy(SCHEMA1_FILE, path),
                                  tmp_path, share=(share, MIGRATION_SHARES)):
        runs.append(run)
        for leftover in tmp_path.glob(".old.apv*"):  # left by the crash: "an earlier run"
            os.utime(leftover, (PROCESS_START - 60, PROCESS_START - 60))
        with opened(path) as project:
            assert project.check() == [], run
            assert (project.response_count(), [u.code for u in project.org_units()]) == \
                expected, run
        assert not [p for p in os.listdir(tmp_path) if p.startswith(".old.apv")], run
    assert _killed(runs) >= 5
    assert SCHEMA_VERSION >= 2
    print(f"migration (share {share}): {len(runs)} runs, {_killed(runs)} kills, 0 sheets lost")


@needs_strace
def test_killing_a_merge_at_every_write_keeps_all_or_nothing(tmp_path: Path) -> None:
    pristine = kiosk_project(tmp_path / "pristine.apv")
    laptop = tmp_path / "laptop" / "laptop.apv"
    laptop.parent.mkdir()
    shutil.copyfile(pristine, laptop)
    with opened(laptop) as project:
        questionnaire = round_questionnaire(project, "2025")
        for _ in range(30):
            submit_sheet(project, "2025", questionnaire, "A",
                         {"bu_1": "nej", "kr_kommentar": "y" * 400})
    laptop_bytes = laptop.read_bytes()
    path = tmp_path / "target.apv"
    runs = []
    for run in kill_at_every_call(lambda report: merge_projects(path, [laptop]) and None,
                                  lambda: fresh_copy(pristine, path), tmp_path):
        runs.append(run)
        with opened(path) as project:
            assert project.check() == [], run
            assert project.response_count() in (0, 30), run
        assert laptop.read_bytes() == laptop_bytes, run
    assert _killed(runs) >= 20
    print(f"merge: {len(runs)} runs, {_killed(runs)} kills, no partial merge, source unchanged")
