"""Schema 4 (round state, frozen org trees, background questions): a schema 3 file is backed
up and migrated; its rounds come out closed, each with the org tree of the day frozen."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import OrgUnit
from apv_desktop.errors import RefusedError
from apv_desktop.store import SCHEMA_VERSION, Project, check_file
from tests.fixed_dates import days_during

SCHEMA3_FILE = Path(__file__).resolve().parents[1] / "data" / "schema3.apv"


def stored(path: Path, statement: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(statement).fetchall()
    finally:
        connection.close()


def test_schema3_file_is_backed_up_and_its_rounds_closed_with_their_tree(tmp_path: Path) -> None:
    path = tmp_path / "old.apv"
    shutil.copyfile(SCHEMA3_FILE, path)
    before = stored(path, "SELECT s.name, u.code, COUNT(*) FROM response r"
                          " JOIN survey_round s ON s.id = r.round_id"
                          " JOIN org_unit u ON u.id = r.unit_id GROUP BY 1, 2")
    opened_project, days = days_during(lambda: Project.open(path))
    with opened_project as project:
        backup = project.migration_backup
        assert project.check() == []
        rounds = {info.name: info for info in project.rounds()}
        # closed on the day of the last sheet (never the day of the upgrade)
        assert rounds["2025"].closed_on == date(2025, 3, 20)
        assert rounds["2026"].closed_on == date(2026, 3, 20)
        assert all(info.closed and info.reopened_on is None for info in rounds.values())
        questionnaire = project.questionnaire()
        assert questionnaire is not None
        assert not any(item.background for item in questionnaire.items())
        assert project.department_texts("2025") == {"ORG": "Udfordringer\n- travlhed"}
    assert backup in {tmp_path / f"old.apv.bak-v3-{day.isoformat()}" for day in days}
    assert stored(backup, "PRAGMA user_version") == [(3,)]
    assert stored(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert check_file(path, SCHEMA_VERSION) == []

    frozen = stored(path, "SELECT s.name, ru.code, ru.parent_code, ru.name, ru.headcount,"
                          " ru.responses_at_close FROM round_unit ru"
                          " JOIN survey_round s ON s.id = ru.round_id ORDER BY 1, ru.position")
    tree = [("ORG", None, 30), ("A", "ORG", 12), ("B", "ORG", 10), ("B1", "B", None)]
    counts = {(name, code): count for name, code, count in before}
    for round_name in ("2025", "2026"):
        rows = [row for row in frozen if row[0] == round_name]
        assert [(code, parent, headcount) for _, code, parent, _, headcount, _ in rows] == tree
        assert {code: at_close for _, code, *_, at_close in rows} == {
            code: counts.get((round_name, code), 0) for code, _, _ in tree}
    assert sum(row[-1] for row in frozen) == 66 + 40


def test_a_background_question_is_stored_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "old.apv"
    shutil.copyfile(SCHEMA3_FILE, path)
    with Project.open(path) as project:
        questionnaire = project.questionnaire()
        assert questionnaire is not None
        age = questionnaire.item("alder")
        assert age is not None
        age.background = True
        project.save_questionnaire(questionnaire)
        again = project.questionnaire()
        assert again is not None
        assert [i.name for i in again.items() if i.background] == ["alder"]


def test_check_names_sheets_outside_their_rounds_frozen_tree(tmp_path: Path) -> None:
    path = tmp_path / "old.apv"
    shutil.copyfile(SCHEMA3_FILE, path)
    with Project.open(path) as project:
        assert project.check() == []
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("DELETE FROM round_unit WHERE code = 'B1' AND round_id ="
                           " (SELECT id FROM survey_round WHERE name = '2026')")
    connection.close()
    assert check_file(path, SCHEMA_VERSION) == [
        "10 besvarelser i runden 2026 hører til enheden B1, som ikke er i det organisationstræ, "
        "der blev fastfrosset, da runden blev lukket"]


def test_a_reopened_round_takes_sheets_only_for_units_of_its_frozen_tree(tmp_path: Path) -> None:
    path = tmp_path / "old.apv"
    shutil.copyfile(SCHEMA3_FILE, path)
    with Project.open(path) as project:
        project.replace_org([*project.org_units(), OrgUnit("C", "Ny afdeling", "ORG")])
        sheet = project.responses("2026")
        one = ResponseSet(sheet.item_names, ["C"], sheet.values[:1], {})
        with pytest.raises(RefusedError, match="genåbn"):
            project.add_responses("2026", one, "paper")
        project.reopen_round("2026")
        with pytest.raises(RefusedError, match="Enheden C fandtes ikke"):
            project.add_responses("2026", one, "paper")
        project.add_responses("2026", ResponseSet(sheet.item_names, ["A"], sheet.values[:1], {}),
                              "paper")
        assert [u.code for u in project.round_units("2026")] == ["ORG", "A", "B", "B1"]
        assert project.counts_at_close("2026")["A"] == 20
        assert project.response_counts_by_unit("2026")["A"] == 21
        project.close_round("2026")
        with pytest.raises(RefusedError, match="allerede lukket"):
            project.close_round("2026")
