"""Issue 17: Google Forms and Microsoft Forms head each column with the question's text and add
no number when two questions share one. A form built from the kraenkende template that asks
"Hvem kom det fra?" after each of its four kinds of offensive behaviour (the shipped template
now words the four apart; users' own forms often do not): the k-th such column holds the k-th
such question (in questionnaire order), and the results equal those of our own format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from apv_desktop.cli import run
from apv_desktop.core.model import Questionnaire
from apv_desktop.interchange.templates import load_template
from apv_desktop.interchange.xlsform_write import write_xlsform
from tests.unit import tool_exports
from tests.unit.tool_exports import ORG_CSV, simulate

REPEATED = "Hvem kom det fra?"


@pytest.fixture(scope="module")
def form() -> Questionnaire:
    questionnaire = load_template("kraenkende")
    followups = [i for i in questionnaire.items() if i.name.endswith("_fra")]
    assert len(followups) == 4
    for item in followups:
        item.labels = {"da": REPEATED}
    return questionnaire


@pytest.fixture(scope="module")
def simulated(form: Questionnaire) -> tool_exports.Simulated:
    return simulate(form, respondents=60, seed=5)


@pytest.fixture(scope="module")
def empty_project(tmp_path_factory, form: Questionnaire) -> Path:
    folder = tmp_path_factory.mktemp("base")
    project, org, xlsform = folder / "base.apv", folder / "org.csv", folder / "form.xlsx"
    org.write_text(ORG_CSV, encoding="utf-8")
    write_xlsform(form, xlsform)
    assert run(["new", str(project), "--template", "kraenkende"]) == 0
    assert run(["import-form", str(project), str(xlsform)]) == 0
    assert run(["import-org", str(project), str(org)]) == 0
    return project


def imported(base: Path, answers: Path) -> tuple[int, dict]:
    project = answers.with_suffix(".apv")
    shutil.copy(base, project)
    code = run(["import-responses", str(project), str(answers), "--round", "2025"])
    if code:
        return code, {}
    out = answers.with_suffix(".json")
    assert run(["results", str(project), "--format", "json", "-o", str(out)]) == 0
    return code, json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("tool", ["google_forms", "microsoft_forms"])
def test_repeated_question_texts_go_to_their_questions_in_order(
    tool, simulated, empty_project, tmp_path, capsys
) -> None:
    file_name = {"google_forms": "google.csv", "microsoft_forms": "forms.xlsx"}[tool]
    answers = getattr(tool_exports, tool)(simulated, tmp_path / file_name)
    assert tool_exports.headers_of(answers).count(REPEATED) == 4  # as the tools write them
    own = tool_exports.own_format(simulated, tmp_path / "own.csv")
    assert imported(empty_project, answers)[1] == imported(empty_project, own)[1]
    assert "match no question" not in capsys.readouterr().err


def test_a_count_that_does_not_match_the_questions_is_refused_with_a_sentence(
    simulated, empty_project, tmp_path, capsys
) -> None:
    answers = tool_exports.google_forms(simulated, tmp_path / "google.csv")
    rows = tool_exports.rows_of(answers)
    last = max(i for i, header in enumerate(rows[0]) if header == REPEATED)
    trimmed = [row[:last] + row[last + 1:] for row in rows]  # three columns for four questions
    tool_exports.write_rows(tmp_path / "three.csv", trimmed)
    capsys.readouterr()
    assert imported(empty_project, tmp_path / "three.csv")[0] == 2
    error = capsys.readouterr().err
    assert f"3 columns are headed '{REPEATED}'" in error
    assert "4 questions have that text" in error and "map each to its question" in error
    assert "Traceback" not in error
