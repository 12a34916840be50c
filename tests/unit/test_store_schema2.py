"""Schema 2 (department report texts): an old schema 1 file is backed up, then migrated."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from apv_desktop.core.model import OrgUnit
from apv_desktop.errors import RefusedError
from apv_desktop.store import SCHEMA_VERSION, Project
from tests.fixed_dates import days_during

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages

SCHEMA1_FILE = Path(__file__).resolve().parents[1] / "data" / "schema1.apv"


def user_version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()


def test_schema1_file_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.apv"
    shutil.copyfile(SCHEMA1_FILE, path)
    opened_project, days = days_during(lambda: Project.open(path))
    with opened_project as project:
        backup = project.migration_backup
        assert backup in {tmp_path / f"old.apv.bak-v1-{day.isoformat()}" for day in days}
        assert project.check() == []
        assert project.department_texts("2025") == {}
        project.set_department_text("A", "2025", "Udfordringer\n- travlhed")
        assert project.department_texts("2025") == {"A": "Udfordringer\n- travlhed"}
        # what schema 1 held is still there
        assert project.assessment("A", "2025") == "Sygefraværet hænger sammen med travlhed."
    assert user_version(path) == SCHEMA_VERSION
    assert backup is not None and user_version(backup) == 1
    connection = sqlite3.connect(backup)
    try:
        tables = {name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "department_report" not in tables and "action_item" in tables
        assert connection.execute("SELECT COUNT(*) FROM response").fetchone() == (6,)
    finally:
        connection.close()


def test_department_text_is_replaced_and_removed_by_blank_text(tmp_path: Path) -> None:
    path = tmp_path / "old.apv"
    shutil.copyfile(SCHEMA1_FILE, path)
    with Project.open(path) as project:
        project.set_department_text("B", "2025", "første")
        project.set_department_text("B", "2025", "anden")
        project.set_department_text("A", "2025", "a")
        assert project.department_texts("2025") == {"A": "a", "B": "anden"}
        project.set_department_text("B", "2025", "  ")
        assert project.department_texts("2025") == {"A": "a"}
        with pytest.raises(RefusedError):
            project.set_department_text("A", "1999", "x")


def test_a_unit_with_a_department_report_cannot_be_removed(tmp_path: Path) -> None:
    path = tmp_path / "old.apv"
    shutil.copyfile(SCHEMA1_FILE, path)
    with Project.open(path) as project:
        units = project.org_units()
        project.replace_org([*units, OrgUnit("C", "Ny afdeling", "ORG")])
        project.set_department_text("C", "2025", "tekst")
        with pytest.raises(RefusedError, match="department report"):
            project.replace_org(units)
