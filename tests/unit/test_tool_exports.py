"""Each survey tool's export of the psykisk questionnaire imports without editing and gives the
same results as our own format (tests/unit/tool_exports.py writes the files)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from apv_desktop.cli import run
from apv_desktop.core.model import ItemType
from apv_desktop.errors import InputError
from apv_desktop.interchange.responsefile import read_responses
from apv_desktop.interchange.tables import short_header
from apv_desktop.interchange.templates import load_template
from tests.unit import tool_exports
from tests.unit.tool_exports import ORG_CSV, TOOLS, simulate


@pytest.fixture(scope="module")
def simulated() -> tool_exports.Simulated:
    return simulate(load_template("psykisk"))


@pytest.fixture(scope="module")
def empty_project(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("base")
    project = folder / "base.apv"
    org = folder / "org.csv"
    org.write_text(ORG_CSV, encoding="utf-8")
    assert run(["new", str(project), "--template", "psykisk"]) == 0
    assert run(["import-org", str(project), str(org)]) == 0
    return project


def results_after_import(base: Path, answers: Path, folder: Path, *extra: str) -> dict:
    project = folder / f"{answers.stem}.apv"
    shutil.copy(base, project)
    assert run(["import-responses", str(project), str(answers), "--round", "2025", *extra]) == 0
    assert run(["close-round", str(project)]) == 0
    out = folder / f"{answers.stem}.json"
    assert run(["results", str(project), "--format", "json", "-o", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def own_results(simulated, empty_project, tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("own")
    answers = tool_exports.own_format(simulated, folder / "own.csv")
    results = results_after_import(empty_project, answers, folder)
    assert sum(not score["suppressed"] for score in results["scores"]) >= 60  # worth comparing
    return results


@pytest.mark.parametrize("tool", list(TOOLS))
def test_tool_export_gives_the_results_of_our_own_format(
    tool, simulated, empty_project, own_results, tmp_path, capsys
) -> None:
    file_name, write = TOOLS[tool]
    answers = write(simulated, tmp_path / file_name)
    capsys.readouterr()
    results = results_after_import(empty_project, answers, tmp_path)
    err = capsys.readouterr().err
    assert "PARTIAL" not in err
    assert results["units"] == own_results["units"]
    assert results["scores"] == own_results["scores"]
    assert sum(unit["responses"] for unit in results["units"][1:]) == 66


def test_identifying_columns_are_never_stored(simulated, empty_project, tmp_path, capsys) -> None:
    answers = tool_exports.microsoft_forms(simulated, tmp_path / "forms.xlsx")
    results_after_import(empty_project, answers, tmp_path)
    err = capsys.readouterr().err
    for column in ("ID", "Start time", "Completion time", "Email", "Name"):
        assert column in err.split("never stored")[1].split("\n")[0]
    stored = (tmp_path / "forms.apv").read_bytes()
    assert b"anonymous" not in stored and b"9:07:45" not in stored


def test_a_file_without_some_scored_questions_is_refused_unless_partial(
    simulated, empty_project, tmp_path, capsys
) -> None:
    answers = tool_exports.google_forms(simulated, tmp_path / "google.csv")
    table = list(csv.reader(io.StringIO(answers.read_text(encoding="utf-8"), newline="")))
    keep = [i for i, h in enumerate(table[0]) if "Krav i arbejdet" not in h]
    rows = [[row[i] for i in keep] for row in table]
    short = tmp_path / "short.csv"
    with short.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    project = tmp_path / "p.apv"
    shutil.copy(empty_project, project)
    before = project.read_bytes()
    capsys.readouterr()
    assert run(["import-responses", str(project), str(short), "--round", "2025"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("apv-desktop: short.csv matches only 48 of the 57 scored questions")
    assert "--partial" in err and "--map" in err and "Traceback" not in err
    assert project.read_bytes() == before
    assert run(["import-responses", str(project), str(short), "--round", "2025",
                "--partial"]) == 0
    assert "PARTIAL: short.csv matches only 48" in capsys.readouterr().err


def test_a_saved_mapping_fixes_what_matching_cannot(
    simulated, empty_project, own_results, tmp_path, capsys
) -> None:
    from apv_desktop.interchange.response_mapping import save_mapping

    answers = tool_exports.own_format(simulated, tmp_path / "renamed.csv")
    text = answers.read_text(encoding="utf-8").replace("unit,qd_1,", "Hvor?,Spm 1,", 1)
    answers.write_text(text, encoding="utf-8")
    project = tmp_path / "p.apv"
    shutil.copy(empty_project, project)
    assert run(["import-responses", str(project), str(answers), "--round", "2025"]) == 2
    mapping = tmp_path / "mapping.json"
    save_mapping({"Hvor?": "@unit", "Spm 1": "qd_1"}, mapping)
    results = results_after_import(empty_project, answers, tmp_path, "--map", str(mapping))
    assert results["scores"] == own_results["scores"]
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    capsys.readouterr()
    assert run(["import-responses", str(project), str(answers), "--map", str(bad)]) == 2
    assert "save the mapping again" in capsys.readouterr().err


def test_an_answer_code_out_of_range_is_the_one_problem_named(simulated, tmp_path) -> None:
    """SurveyXact writes answer codes (1 = the first choice). One 7 on a scale of 1-5 is named
    as out of range; before, it made the whole column read as choice names, and every good
    code was refused with it (122 problems for two typing errors)."""
    rows = tool_exports.rows_of(tool_exports.surveyxact_xlsx(simulated, tmp_path / "sx.xlsx"))
    questionnaire = simulated.questionnaire
    item = next(i for i in simulated.items if i.type is ItemType.SELECT_ONE)
    column = rows[0].index(item.label("da"))
    count = len(questionnaire.choices_for(item).choices)
    rows[3][column] = str(count + 2)
    with pytest.raises(InputError) as refused:
        read_responses(tool_exports.write_rows(tmp_path / "sx.csv", rows), questionnaire,
                       tool_exports.UNITS)
    assert refused.value.problems == [
        f"række 4, kolonne {short_header(item.label('da'))}: »{count + 2}« ligger uden for "
        f"svarkoderne 1-{count} på spørgsmål {item.name}"]
    rows[3][column] = "2"
    read = read_responses(tool_exports.write_rows(tmp_path / "sx.csv", rows), questionnaire,
                          tool_exports.UNITS)
    assert read.responses.values[2, questionnaire.answerable_items().index(item)] == 1
