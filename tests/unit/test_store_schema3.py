"""Schema 3 (answers packed, one byte per choice): a schema 2 file is backed up, migrated and
gives the same answers and results as before."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import numpy as np

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.results import compute_results
from apv_desktop.core.results_export import results_dict
from apv_desktop.services.compute import results_of
from apv_desktop.store import SCHEMA_VERSION, Project
from tests.fixed_dates import days_during

SCHEMA2_FILE = Path(__file__).resolve().parents[1] / "data" / "schema2.apv"


def stored(path: Path, statement: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(statement).fetchall()
    finally:
        connection.close()


def float64_answers(path: Path, width: int) -> tuple[list[str], np.ndarray]:
    """Unit codes and answers of a schema 1 or 2 file, read as those schemas stored them."""
    rows = stored(path, "SELECT u.code, r.answers FROM response r"
                        " JOIN org_unit u ON u.id = r.unit_id ORDER BY r.id")
    values = np.frombuffer(b"".join(blob for _, blob in rows), dtype="<f8")
    return [code for code, _ in rows], values.reshape(len(rows), width)


def test_schema2_file_is_migrated_to_packed_answers_with_identical_results(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.apv"
    shutil.copyfile(SCHEMA2_FILE, path)
    opened_project, days = days_during(lambda: Project.open(path))
    with opened_project as project:
        backup = project.migration_backup
        assert project.check() == []
        responses = project.responses("2025")
        questionnaire = project.questionnaire()
        assert questionnaire is not None
        results = results_of(project, "2025")
        units, rules, name = project.org_units(), project.rules(), project.name
        assert project.department_texts("2025") == {"ORG": "Udfordringer\n- travlhed"}
    assert backup in {tmp_path / f"old.apv.bak-v2-{day.isoformat()}" for day in days}
    assert stored(backup, "PRAGMA user_version") == [(2,)]
    assert stored(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]

    codes, before = float64_answers(backup, len(responses.item_names))
    assert responses.unit_codes == codes
    np.testing.assert_array_equal(responses.values, before)  # NaN where NaN, else equal
    old = ResponseSet(responses.item_names, codes, before, responses.texts)
    expected = compute_results(questionnaire, units, old, rules, "2025", organisation_name=name)
    assert json.dumps(results_dict(results)) == json.dumps(results_dict(expected))
    assert any(not unit.suppressed for unit in results.units)

    # choices and whole numbers take one byte each; sheets with a decimal keep float64
    sizes = dict(stored(path, "SELECT length(answers), COUNT(*) FROM response GROUP BY 1"))
    width = len(responses.item_names)
    assert set(sizes) == {width, 8 * width} and sizes[width] > sizes[8 * width]


def test_sheets_of_every_cell_type_read_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "old.apv"
    shutil.copyfile(SCHEMA2_FILE, path)
    with Project.open(path) as project:
        project.reopen_round("2025")  # migration 4 closed it
        names = project.responses("2025").item_names
        nan = np.nan
        values = np.array([
            [0, 5, 7, nan, nan, nan],  # one byte
            [1, 2, 3, 300, nan, nan],  # two bytes (age 300 does not fit a byte)
            [1, 2, 3, 45, 37.5, nan],  # a decimal: float64
            [nan] * 6,
        ])
        project.add_responses("2025",
                              ResponseSet(names, ["A", "A", "B", "B1"], values), "paper")
        after = project.responses("2025")
    rows = {tuple(np.nan_to_num(row, nan=-1)) for row in after.values}
    assert {tuple(np.nan_to_num(row, nan=-1)) for row in values} <= rows
    sizes = {size for (size,) in stored(path, "SELECT DISTINCT length(answers) FROM response")}
    assert sizes == {6, 12, 48}
