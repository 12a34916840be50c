"""Indicator import (CSV/XLSX): columns by code or Danish name, all-or-nothing with clear errors,
and refusing person data."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from apv_desktop.cli import run
from apv_desktop.core.model import OrgUnit
from apv_desktop.errors import InputError, RefusedError
from apv_desktop.services.actionplan import import_indicators, unit_indicators
from apv_desktop.store.project import Project

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.apv"
    with Project.create(path) as made:
        made.replace_org([OrgUnit("ORG", "Forvaltningen"), OrgUnit("A", "Myndighed", "ORG"),
                          OrgUnit("B", "Drift", "ORG"), OrgUnit("B2", "Drift", "B")])
    return path


def csv(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "tal.csv"
    path.write_text(text, encoding=encoding)
    return path


def test_danish_csv_with_decimal_commas_is_stored(project: Path, tmp_path: Path) -> None:
    file = csv(tmp_path, "Enhed;Periode;Korttidssygefravær;Langtidssygefravær;"
                         "Personaleomsætning;Sager pr. medarbejder;Anbefalet antal sager\n"
                         "A;2025;9,4;21,5;27 %;38;25\n"
                         "Myndighed;2024;8,1;;18;34;25\n", "cp1252")
    summary = import_indicators(project, file)
    assert (summary.figures, summary.units, summary.periods) == (9, 1, ["2024", "2025"])
    with Project.open(project) as opened:
        assert unit_indicators(opened, "A") == {
            "2024": {"sick_days_short_per_fte": 8.1, "turnover_pct": 18.0, "caseload": 34.0,
                     "caseload_recommended": 25.0},
            "2025": {"sick_days_short_per_fte": 9.4, "sick_days_long_per_fte": 21.5,
                     "turnover_pct": 27.0, "caseload": 38.0, "caseload_recommended": 25.0},
        }


def test_xlsx_with_code_headers_and_a_dry_run(project: Path, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["unit", "period", "vacancies", "overtime_hours"])
    sheet.append(["B2", 2025, 2, 140.5])
    file = tmp_path / "tal.xlsx"
    book.save(file)
    assert import_indicators(project, file, dry_run=True).figures == 2
    with Project.open(project) as opened:
        assert opened.indicators() == []
    import_indicators(project, file)
    with Project.open(project) as opened:
        assert [(i.unit, i.period, i.kind, i.value) for i in opened.indicators()] == [
            ("B2", "2025", "overtime_hours", 140.5), ("B2", "2025", "vacancies", 2.0)]


def test_bad_cells_are_all_listed_and_nothing_is_stored(project: Path, tmp_path: Path) -> None:
    file = csv(tmp_path, "unit,period,turnover_pct,vacancies\n"
                         "A,2025,12,1\n"          # fine, but must not be stored
                         "X,2025,5,1\n"           # row 3: unknown unit
                         "Drift,2025,5,1\n"       # row 4: ambiguous name
                         "A,,mange,-1\n"          # row 5: empty period, not a number, negative
                         "A,2025,3,0\n")          # row 6: repeats row 2
    with pytest.raises(InputError) as caught:
        import_indicators(project, file)
    problems = caught.value.problems
    assert str(caught.value).startswith("tal.csv: 6 problems; nothing was imported; row 3")
    assert problems == [
        "row 3, column A: 'X' is not a unit of the project",
        "row 4, column A: the name 'Drift' belongs to several units (B, B2); use the unit code",
        "row 5, column B: the period is empty (write e.g. 2025)",
        "row 5, column C: 'mange' is not a number",
        "row 5, column D: '-1' must be a number of 0 or more",
        "row 6: unit A and period 2025 are already given in row 2",
    ]
    with Project.open(project) as opened:
        assert opened.indicators() == []


@pytest.mark.parametrize("header", ["CPR", "Medarbejder", "Navn", "Initialer", "employee_id"])
def test_person_data_columns_are_refused_with_the_reason(project: Path, tmp_path: Path,
                                                         header: str) -> None:
    file = csv(tmp_path, f"enhed;periode;{header};korttidsfravær\nA;2025;x;3\n")
    with pytest.raises(RefusedError, match="indicators are facts about units, not about people"):
        import_indicators(project, file)
    with Project.open(project) as opened:
        assert opened.indicators() == []


@pytest.mark.parametrize(("text", "message"), [
    ("periode;turnover_pct\n2025;3\n", "has no 'unit' (or 'enhed') column"),
    ("unit;period;humør\nA;2025;3\n", "column C ('humør') is not an indicator"),
    ("unit;period\nA;2025\n", "has no indicator columns"),
    ("unit;period;vacancies\nA;2025;\n", "holds no figures"),
])
def test_wrong_headers_are_named(project: Path, tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        import_indicators(project, csv(tmp_path, text))
    assert message in str(caught.value)


def test_cli_import_indicators_exit_codes(project: Path, tmp_path: Path, capsys) -> None:
    good = csv(tmp_path, "unit;period;turnover_pct\nA;2025;12\n")
    assert run(["import-indicators", str(project), str(good)]) == 0
    assert "Imported 1 figure for 1 unit (periods 2025)" in capsys.readouterr().out
    bad = tmp_path / "folk.csv"
    bad.write_text("unit;period;cpr\nA;2025;010101-1234\n", encoding="utf-8")
    assert run(["import-indicators", str(project), str(bad)]) == 2
    err = capsys.readouterr().err
    assert "not about people" in err and "Traceback" not in err
