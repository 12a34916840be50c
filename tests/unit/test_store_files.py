"""The project file itself: refusing what is not ours, migrations, backups, checks, schema 1."""

from __future__ import annotations

import math
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from sqlmodel import SQLModel

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import (
    Choice,
    ChoiceList,
    Direction,
    Item,
    ItemType,
    OrgUnit,
    Questionnaire,
    Rules,
    Section,
)
from apv_desktop.errors import (
    NewerProjectError,
    NotAProjectError,
    ProjectFileError,
    RefusedError,
)
from apv_desktop.store import APPLICATION_ID, SCHEMA_VERSION, Project, check_file, tables
from apv_desktop.store.migrations import MIGRATIONS, open_for_use
from tests.fixed_dates import days_during

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages

SCHEMA1_FILE = Path(__file__).resolve().parents[1] / "data" / "schema1.apv"


def small_project(path: Path) -> Path:
    """A project with two units, a two-item questionnaire and three responses."""
    questionnaire = Questionnaire(
        "Q",
        sections=[Section("", items=[Item("q1", ItemType.SELECT_ONE, list_name="yn")])],
        choice_lists={"yn": ChoiceList("yn", [Choice("ja", {}, 100.0), Choice("nej", {}, 0.0)])},
    )
    questionnaire.sections[0].items.append(Item("c", ItemType.TEXT))
    with Project.create(path) as project:
        project.replace_org([OrgUnit("A", "Team A"), OrgUnit("B", "Team B", "A")])
        project.save_questionnaire(questionnaire)
        project.ensure_round("2025")
        values = np.array([[0.0, math.nan], [1.0, math.nan], [math.nan, math.nan]])
        answers = ResponseSet(["q1", "c"], ["A", "B", "B"], values, {"c": [(2, "hej")]})
        project.add_responses("2025", answers, "kiosk", date(2025, 5, 1))
    return path


def sql(path: Path, *statements: str) -> list[tuple]:
    """Run statements straight on the file (to damage or inspect it, as a test must)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        rows: list[tuple] = []
        for statement in statements:
            rows = connection.execute(statement).fetchall()
        return rows
    finally:
        connection.close()


def assert_refused_untouched(path: Path, error_type: type[Exception]) -> str:
    before = path.read_bytes()
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(error_type) as raised:
        Project.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings
    assert str(path) in str(raised.value)
    return str(raised.value)


# --- opening what is not ours ---------------------------------------------------------------


def test_missing_file_is_a_project_file_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError) as raised:
        Project.open(tmp_path / "nope.apv")
    assert not isinstance(raised.value, NotAProjectError)
    assert "nope.apv" in str(raised.value)


@pytest.mark.parametrize(
    "content",
    [b"", b"code;name\nA;Team A\n", b"PK\x03\x04" + bytes(2000), b"SQLite format 3\x00\x10"],
    ids=["empty", "csv", "zip", "header-only"],
)
def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.apv"
    path.write_bytes(content)
    assert_refused_untouched(path, NotAProjectError)


def test_a_truncated_project_is_refused_untouched(tmp_path: Path) -> None:
    whole = small_project(tmp_path / "whole.apv").read_bytes()
    path = tmp_path / "cut.apv"
    path.write_bytes(whole[: len(whole) // 2])
    assert_refused_untouched(path, NotAProjectError)
    path.write_bytes(whole[: len(whole) - 100])  # not even a whole page
    assert_refused_untouched(path, NotAProjectError)


def test_another_programs_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    sql(
        path,
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
        "INSERT INTO notes VALUES (1, 'x')",
    )
    message = assert_refused_untouched(path, NotAProjectError)
    assert "another program" in message


def test_a_corrupt_project_is_refused_untouched(tmp_path: Path) -> None:
    path = small_project(tmp_path / "p.apv")
    data = bytearray(path.read_bytes())
    page_size = 4096
    (table_root,) = sql(path, "SELECT rootpage FROM sqlite_master WHERE name = 'org_unit'")[0]
    start = (table_root - 1) * page_size
    data[start : start + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))
    assert_refused_untouched(path, NotAProjectError)


def test_a_file_from_a_newer_program_is_refused_untouched(tmp_path: Path) -> None:
    path = small_project(tmp_path / "p.apv")
    sql(path, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    message = assert_refused_untouched(path, NewerProjectError)
    assert "newer version" in message


def test_a_write_cut_off_by_a_crash_is_rolled_back_on_open(tmp_path: Path) -> None:
    path = small_project(tmp_path / "p.apv")
    crash = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA cache_size=1')\n"  # spill changed pages into the file before commit
        "c.execute('BEGIN')\n"
        "c.execute(\"UPDATE org_unit SET name = 'half written'\")\n"
        "for i in range(2000):\n"
        "    c.execute('INSERT INTO project_setting VALUES (?, ?)', (f'k{i}', 'x' * 200))\n"
        "os._exit(0)\n"  # dies without commit or rollback, like a power cut
    )
    subprocess.run([sys.executable, "-c", crash, str(path)], check=True)
    assert (tmp_path / "p.apv-journal").exists()
    with Project.open(path) as project:
        assert [u.name for u in project.org_units()] == ["Team A", "Team B"]
        assert project.check() == []
    assert not (tmp_path / "p.apv-journal").exists()


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "p.apv"
    path.write_bytes(b"keep me")
    with pytest.raises(RefusedError):
        Project.create(path)
    assert path.read_bytes() == b"keep me"


def test_create_refuses_invalid_rules_and_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(RefusedError, match="min_n"):
        Project.create(tmp_path / "p.apv", Rules(min_n=2))
    assert list(tmp_path.iterdir()) == []


# --- the file's settings and schema ---------------------------------------------------------


def test_new_file_is_stamped_and_self_contained(tmp_path: Path) -> None:
    path = small_project(tmp_path / "p.apv")
    with Project.open(path) as project:
        project.set_name("Kommune")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["p.apv"]  # no -wal, no -journal
    assert sql(path, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert sql(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert sql(path, "PRAGMA journal_mode") == [("delete",)]


def test_migrated_schema_matches_the_sqlmodel_tables(tmp_path: Path) -> None:
    path = small_project(tmp_path / "p.apv")
    stored = {name for (name,) in sql(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    models = [
        value.__table__
        for value in vars(tables).values()
        if isinstance(value, type) and issubclass(value, SQLModel) and hasattr(value, "__table__")
    ]
    assert stored == {table.name for table in models}
    for table in models:
        columns = {
            row[1]: (bool(row[3]), row[5] > 0)
            for row in sql(path, f"PRAGMA table_info({table.name})")
        }
        expected = {c.name: (not c.nullable, c.primary_key) for c in table.columns}
        assert columns == expected, table.name


# --- migrations -----------------------------------------------------------------------------


def _add_notes_table(connection: sqlite3.Connection) -> None:
    connection.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
    connection.execute("INSERT INTO note (body) VALUES ('migrated')")


def _broken_migration(connection: sqlite3.Connection) -> None:
    connection.execute("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
    raise sqlite3.OperationalError("simulated failure")


def test_migration_backs_up_first_then_upgrades(tmp_path: Path) -> None:
    path = small_project(tmp_path / "p.apv")
    backup, days = days_during(lambda: open_for_use(path, (*MIGRATIONS, _add_notes_table)))
    assert backup in {tmp_path / f"p.apv.bak-v{SCHEMA_VERSION}-{day.isoformat()}" for day in days}
    assert sql(path, "PRAGMA user_version") == [(SCHEMA_VERSION + 1,)]
    assert sql(path, "SELECT body FROM note") == [("migrated",)]
    assert sql(backup, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert sql(backup, "SELECT COUNT(*) FROM response") == [(3,)]
    assert sql(backup, "SELECT name FROM sqlite_master WHERE name = 'note'") == []


def test_a_second_backup_on_the_same_day_gets_its_own_name(tmp_path: Path) -> None:
    path = small_project(tmp_path / "p.apv")
    first = open_for_use(path, (*MIGRATIONS, _add_notes_table))
    sql(path, "DROP TABLE note", f"PRAGMA user_version = {SCHEMA_VERSION}")
    second = open_for_use(path, (*MIGRATIONS, _add_notes_table))
    assert first is not None and second is not None and first != second
    assert second.name.endswith("-2") and first.exists()


def test_a_failed_migration_leaves_the_file_at_its_old_version(tmp_path: Path) -> None:
    path = small_project(tmp_path / "p.apv")
    with pytest.raises(ProjectFileError, match="could not be upgraded"):
        open_for_use(path, (*MIGRATIONS, _broken_migration))
    assert sql(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert sql(path, "SELECT name FROM sqlite_master WHERE name = 'half_done'") == []
    with Project.open(path) as project:
        assert project.response_count() == 3


def test_an_up_to_date_file_is_opened_without_a_backup(tmp_path: Path) -> None:
    path = small_project(tmp_path / "p.apv")
    with Project.open(path) as project:
        assert project.migration_backup is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.apv"]


# --- check and backup_to --------------------------------------------------------------------


def test_check_of_a_healthy_file_is_empty(tmp_path: Path) -> None:
    path = small_project(tmp_path / "p.apv")
    with Project.open(path) as project:
        assert project.check() == []
    assert check_file(path, SCHEMA_VERSION) == []


def test_check_reports_a_damaged_file(tmp_path: Path) -> None:
    path = small_project(tmp_path / "p.apv")
    sql(
        path,
        "UPDATE response SET answers = zeroblob(8)"
        " WHERE unit_id = (SELECT id FROM org_unit WHERE code = 'A')",
    )
    sql(path, "PRAGMA foreign_keys = OFF", "DELETE FROM org_unit WHERE code = 'B'")
    with Project.open(path) as project:
        problems = project.check()
    assert len(problems) == 3
    assert sum("points to a missing row of org_unit" in p for p in problems) == 2
    assert (
        "1 responses to questionnaire version 1 hold 8 bytes of answers, which is not 1, 2 or 8"
        " bytes for each of its 2 items" in problems
    )


def test_check_file_reports_a_foreign_file_instead_of_raising(tmp_path: Path) -> None:
    path = tmp_path / "x.apv"
    path.write_text("hello")
    problems = check_file(path, SCHEMA_VERSION)
    assert len(problems) == 1 and "x.apv" in problems[0]


def test_backup_to_writes_a_complete_copy(tmp_path: Path) -> None:
    path = small_project(tmp_path / "p.apv")
    target = tmp_path / "usb" / "copy.apv"
    target.parent.mkdir()
    with Project.open(path) as project:
        project.backup_to(target)
        with pytest.raises(RefusedError):
            project.backup_to(path)
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.apv"]
    with Project.open(target) as copy:
        assert copy.response_count() == 3
        assert [u.code for u in copy.org_units()] == ["A", "B"]


# --- the committed schema 1 file ------------------------------------------------------------


def test_the_committed_schema1_file_opens_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "old.apv"
    shutil.copyfile(SCHEMA1_FILE, path)
    with Project.open(path) as project:
        assert project.check() == []
        assert project.name == "Testkommune"
        assert project.rules() == Rules(min_n=4, comment_min_n=8)
        assert [(u.code, u.parent, u.headcount) for u in project.org_units()] == [
            ("ORG", None, 30),
            ("A", "ORG", 12),
            ("B", "ORG", 10),
            ("B1", "B", None),
        ]
        questionnaire = project.questionnaire()
        assert questionnaire is not None
        assert (questionnaire.title, questionnaire.form_id, questionnaire.version) == (
            "Mini-APV",
            "apv_mini",
            "2025-1",
        )
        assert [i.name for i in questionnaire.answerable_items()] == [
            "q1",
            "q2",
            "q3",
            "alder",
            "timer",
            "kommentar",
        ]
        q2 = questionnaire.item("q2")
        assert q2 is not None and q2.reverse and q2.hints == {"da": "Fra kolleger"}
        assert [c.score for c in questionnaire.choice_lists["freq"].choices] == [
            0.0,
            25.0,
            50.0,
            75.0,
            100.0,
            None,
        ]
        qd = questionnaire.dimension("QD")
        assert qd is not None
        assert (qd.direction, qd.reference, qd.min_n, qd.domain) == (
            Direction.HIGHER_IS_WORSE,
            55.0,
            6,
            "Krav",
        )
        assert [r.name for r in project.rounds()] == ["2025"]
        answers = project.responses("2025")
        assert answers.values.shape == (6, 6)
        rows = sorted(
            (unit, *(-1.0 if math.isnan(v) else v for v in row))
            for unit, row in zip(answers.unit_codes, answers.values.tolist(), strict=True)
        )
        assert rows[0] == ("A", 0.0, 4.0, 3.0, 34.0, 37.0, -1.0)
        assert rows[-1] == ("B1", -1.0, -1.0, -1.0, -1.0, -1.0, -1.0)
        comments = {answers.unit_codes[row]: text for row, text in answers.texts["kommentar"]}
        assert comments == {"A": "For mange møder", "B": "Godt team"}
        assert {m.date for m in project.response_meta()} == {date(2025, 3, 14)}
        assert project.response_counts_by_unit("2025") == {"ORG": 0, "A": 3, "B": 2, "B1": 1}
        assert [(i.unit, i.kind, i.value) for i in project.indicators(period="2024")] == [
            ("A", "sick_days_short_per_fte", 6.5),
            ("B", "turnover_pct", 18.0),
        ]
        assert project.assessment("A", "2025") == "Sygefraværet hænger sammen med travlhed."
        (action,) = project.actions("2025")
        assert (action.unit, action.dimension, action.status, action.deadline) == (
            "A",
            "QD",
            "in_progress",
            date(2025, 9, 1),
        )
