"""Every CSV APV Desktop writes: a name a spreadsheet would run as a formula is written as text
(a leading '), numbers stay numbers."""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from apv_desktop.cli import run
from apv_desktop.core.csv_text import safe_cell

HOSTILE = ['=HYPERLINK("http://x.example","klik")', "+SUM(1;2)", "-2+3", "@cmd", "\tfane",
           "\rvogn"]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_text_that_starts_like_a_formula_is_quoted(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", [-3.5, 3, "-3.5", "+4", "-12,5", "Skole-Øst", "", None, True])
def test_numbers_and_ordinary_names_are_unchanged(value: object) -> None:
    assert safe_cell(value) == value


def test_results_csv_writes_hostile_unit_and_dimension_names_as_text(tmp_path: Path) -> None:
    project = tmp_path / "demo.apv"
    assert run(["demo", str(project), "--respondents", "300"]) == 0
    hostile = tmp_path / "hostile.apv"
    shutil.copy(project, hostile)
    with sqlite3.connect(hostile) as connection:
        connection.execute("UPDATE org_unit SET name = ? WHERE code = 'FAM'", (HOSTILE[0],))
        # the closed round shows the tree frozen when it closed
        connection.execute("UPDATE round_unit SET name = ? WHERE code = 'FAM'", (HOSTILE[0],))
        connection.execute("UPDATE dimension SET labels = json_set(labels, '$.da', '@SUM(A1)') "
                           "WHERE code = 'QD'")
    out = tmp_path / "r.csv"
    assert run(["results", str(hostile), "--round", "2025", "--format", "csv", "-o",
                str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    unit_names = {row["unit_name"] for row in rows if row["unit"] == "FAM"}
    dimension_names = {row["dimension_name"] for row in rows if row["dimension"] == "QD"}
    assert unit_names == {"'" + HOSTILE[0]}
    assert dimension_names == {"'@SUM(A1)"}
    cells = [cell for row in rows for cell in row.values()]
    assert not [cell for cell in cells if cell and cell[0] in "=+@\t\r"]
    gaps = [row["gap"] for row in rows if row["gap"].startswith("-")]
    assert gaps and all(float(gap) <= 0 for gap in gaps)  # negative numbers stay numbers
