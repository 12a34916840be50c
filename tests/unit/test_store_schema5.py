"""Schema 5 (each sheet knows the closing that first published it): a schema 4 file is backed
up and migrated; the sheets of its closed round come out published by the first closing, those
of its reopened round unpublished; later closings number the sheets they publish."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from apv_desktop.core.answers import ResponseSet
from apv_desktop.store import SCHEMA_VERSION, Project, check_file
from tests.fixed_dates import days_during

SCHEMA4_FILE = Path(__file__).resolve().parents[1] / "data" / "schema4.apv"


def stored(path: Path, statement: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(statement).fetchall()
    finally:
        connection.close()


def test_schema4_file_is_backed_up_and_its_published_sheets_marked(tmp_path: Path) -> None:
    path = tmp_path / "old.apv"
    shutil.copyfile(SCHEMA4_FILE, path)
    opened_project, days = days_during(lambda: Project.open(path))
    with opened_project as project:
        backup = project.migration_backup
        assert project.check() == []
        assert not project.round("2026").closed
        assert list(project.responses_and_closings("2025")[1]) == [1] * 66
        assert list(project.responses_and_closings("2026")[1]) == [0] * 46
    assert backup in {tmp_path / f"old.apv.bak-v4-{day.isoformat()}" for day in days}
    assert stored(backup, "PRAGMA user_version") == [(4,)]
    assert stored(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert check_file(path, SCHEMA_VERSION) == []
    assert stored(path, "SELECT s.name, r.closing, COUNT(*) FROM response r JOIN survey_round s"
                        " ON s.id = r.round_id GROUP BY 1, 2 ORDER BY 1") == [
        ("2025", 1, 66), ("2026", None, 46)]


def test_each_publishing_closing_numbers_the_sheets_it_publishes(tmp_path: Path) -> None:
    path = tmp_path / "old.apv"
    shutil.copyfile(SCHEMA4_FILE, path)
    with Project.open(path) as project:
        project.close_round("2026")  # its first closing since the upgrade publishes all 46
        assert list(project.responses_and_closings("2026")[1]) == [1] * 46
        sheets = project.responses("2026")

        def add(count: int) -> None:
            project.add_responses("2026", ResponseSet(sheets.item_names, ["B"] * count,
                                                      sheets.values[:count], {}), "paper")

        project.reopen_round("2026")
        add(3)
        project.close_round("2026", new_baseline=False)  # withheld: publishes nothing
        assert sorted(project.responses_and_closings("2026")[1]) == [0] * 3 + [1] * 46
        project.reopen_round("2026")
        add(2)
        project.close_round("2026")
        closings = project.responses_and_closings("2026")[1]
        assert sorted(closings) == [1] * 46 + [2] * 5
        # in the order of responses(): the new sheets are those in B with the closing 2
        sources = [meta.source for meta in project.response_meta("2026")]
        assert [s for s, c in zip(sources, closings, strict=True) if c == 2] == ["paper"] * 5
        assert project.check() == []


def test_check_names_published_sheets_of_a_round_never_closed(tmp_path: Path) -> None:
    path = tmp_path / "old.apv"
    shutil.copyfile(SCHEMA4_FILE, path)
    with Project.open(path) as project:
        assert project.check() == []
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("DELETE FROM round_unit WHERE round_id ="
                           " (SELECT id FROM survey_round WHERE name = '2025')")
    connection.close()
    assert check_file(path, SCHEMA_VERSION) == [
        "66 besvarelser i runden 2025 er markeret som offentliggjort, men runden er aldrig "
        "blevet lukket"]
