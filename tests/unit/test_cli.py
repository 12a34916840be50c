"""The headless commands end to end, as a user's script would run them."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from apv_desktop.__main__ import SCREEN_VARIABLES
from apv_desktop.cli import run
from tests.fixed_dates import DEMO_TODAY


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.apv"
    assert run(["demo", str(path), "--today", DEMO_TODAY.isoformat()]) == 0
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def results_json(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    capsys.readouterr()
    assert run(["results", str(path), "--format", "json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_demo_results_cover_every_unit_and_dimension(demo: Path, capsys) -> None:
    data = results_json(demo, capsys, "--round", "2025")
    assert data["round"] == "2025" and data["min_n"] == 5
    units = {u["code"] for u in data["units"]}
    dims = {d["code"] for d in data["dimensions"]}
    assert {"QD", "WP", "RE", "BO", "ST"} <= dims
    assert {(s["unit"], s["dimension"]) for s in data["scores"]} == {
        (u, d) for u in units for d in dims
    }
    for score in data["scores"]:
        if score["suppressed"]:
            assert score["mean"] is None and score["light"] is None and score["ci_low"] is None
        else:
            assert score["n"] >= data["min_n"] and 0 <= score["mean"] <= 100


def test_demo_shows_the_planted_problems_and_hides_small_teams(demo: Path, capsys) -> None:
    data = results_json(demo, capsys, "--round", "2025")
    score = {(s["unit"], s["dimension"]): s for s in data["scores"]}
    assert score[("FAM-MYN", "QD")]["pressure_point"]
    assert score[("FAM-MYN", "BO")]["pressure_point"]
    assert score[("VEJ-DRIFT", "RE")]["pressure_point"]
    unit = {u["code"]: u for u in data["units"]}
    for small in ("FAM-HAN", "BYG-NAT", "STAB-HR"):
        assert unit[small]["responses"] < 5 and unit[small]["suppressed"]
        assert score[(small, "QD")]["suppressed"]


def test_results_csv_has_a_row_per_unit_and_dimension(demo: Path, capsys, tmp_path) -> None:
    out = tmp_path / "r.csv"
    assert run(["results", str(demo), "--format", "csv", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    data = results_json(demo, capsys)
    assert lines[0].startswith("unit,unit_name,dimension")
    assert len(lines) - 1 == len(data["scores"])


def test_check_reports_a_healthy_demo(demo: Path, capsys) -> None:
    assert run(["check", str(demo)]) == 0
    assert "integrity OK" in capsys.readouterr().out


def test_new_project_from_template_exports_and_reimports(tmp_path: Path, capsys) -> None:
    project = tmp_path / "mine.apv"
    assert run(["new", str(project), "--template", "psykisk"]) == 0
    assert run(["export-form", str(project), str(tmp_path / "form.xlsx")]) == 0
    other = tmp_path / "other.apv"
    assert run(["new", str(other), "--template", "puls"]) == 0
    assert run(["import-form", str(other), str(tmp_path / "form.xlsx")]) == 0
    assert run(["export-form", str(other), str(tmp_path / "again.xlsx")]) == 0
    from apv_desktop.interchange.xlsform import read_xlsform

    first = read_xlsform(tmp_path / "form.xlsx").questionnaire
    assert read_xlsform(tmp_path / "again.xlsx").questionnaire == first


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """A project with a two-item form, two teams, ready for responses."""
    form = Workbook()
    survey = form.active
    survey.title = "survey"
    survey.append(["type", "name", "label::Dansk (da)", "dimension", "reverse"])
    survey.append(["select_one enig", "a1", "Jeg har indflydelse", "IN", "no"])
    survey.append(["select_one enig", "a2", "Jeg bestemmer for lidt", "IN", "yes"])
    choices = form.create_sheet("choices")
    choices.append(["list_name", "name", "label::Dansk (da)", "score"])
    for name, label, score in [("1", "Helt uenig", 0), ("2", "Uenig", 25), ("3", "Både og", 50),
                               ("4", "Enig", 75), ("5", "Helt enig", 100),
                               ("vi", "Ved ikke", None)]:
        choices.append(["enig", name, label, score])
    form.save(tmp_path / "form.xlsx")
    org = write_csv(tmp_path / "org.csv",
                    "kode;navn;overordnet;antal\nK;Kontoret;;0\nT1;Team 1;K;4\nT2;Team 2;K;4\n",
                    "cp1252")
    project = tmp_path / "p.apv"
    assert run(["new", str(project), "--template", "puls"]) == 0
    assert run(["import-form", str(project), str(tmp_path / "form.xlsx")]) == 0
    assert run(["import-org", str(project), str(org)]) == 0
    return project


def test_import_responses_then_results_by_hand(small_project: Path, tmp_path, capsys) -> None:
    answers = write_csv(tmp_path / "svar.csv", "\ufeffunit;a1;a2\n"
                        "T1;5;1\nT1;Enig;Helt uenig\nT1;4;vi\nT2;1;5\nT2;2;4\nT2;Både og;\n"
                        "T2;3;3\n")
    assert run(["import-responses", str(small_project), str(answers), "--round", "2025"]) == 0
    assert run(["close-round", str(small_project)]) == 0
    capsys.readouterr()
    assert run(["results", str(small_project), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # min_n 5: teams of 3 and 4 are hidden, the office of 7 is shown (a2 has 5 scored answers
    # there: with only 4, its answer shares would describe fewer than 5 people and hide it all).
    score = {(s["unit"], s["dimension"]): s for s in data["scores"]}
    # a2 is reversed: '1' (0) counts 100, '5' (100) counts 0. Respondent scores:
    # T1: (100+100)/2, (75+100)/2, 75 (a2 'ved ikke', half rule met);
    # T2: (0+0)/2, (25+25)/2, 50 (a2 blank), (50+50)/2.
    expected = (100 + 87.5 + 75 + 0 + 25 + 50 + 50) / 7
    assert score[("K", "IN")]["mean"] == pytest.approx(expected, abs=0.05)
    assert score[("K", "IN")]["n"] == 7
    assert score[("T1", "IN")]["suppressed"] and score[("T2", "IN")]["suppressed"]


def test_dry_run_stores_nothing(small_project: Path, tmp_path, capsys) -> None:
    answers = write_csv(tmp_path / "svar.csv", "unit,a1,a2\nT1,5,1\n")
    before = digest(small_project)
    assert run(["import-responses", str(small_project), str(answers), "--round", "x",
                "--dry-run"]) == 0
    assert digest(small_project) == before


def corrupt_variants(tmp_path: Path, project: Path) -> dict[str, Path]:
    newer = tmp_path / "newer.apv"
    newer.write_bytes(project.read_bytes())
    with sqlite3.connect(newer) as db:
        db.execute("PRAGMA user_version = 999")
    db.close()
    truncated = tmp_path / "truncated.apv"
    truncated.write_bytes(project.read_bytes()[: 4096 + 100])
    text = tmp_path / "notes.apv"
    text.write_text("Dette er ikke en projektfil", encoding="utf-8")
    return {"newer": newer, "truncated": truncated, "not sqlite": text}


@pytest.mark.parametrize("kind", ["newer", "truncated", "not sqlite"])
def test_a_bad_project_file_is_refused_and_left_alone(small_project, tmp_path, capsys,
                                                      kind: str) -> None:
    path = corrupt_variants(tmp_path, small_project)[kind]
    before = digest(path)
    assert run(["results", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path.name) in err and "Traceback" not in err and len(err.splitlines()) == 1
    assert digest(path) == before


def bad_form_files(tmp_path: Path) -> dict[str, Path]:
    def workbook(name: str, survey_rows: list[list], choices_rows: list[list] | None) -> Path:
        wb = Workbook()
        ws = wb.active
        ws.title = "survey" if survey_rows else "andet"
        for row in survey_rows or [["x"]]:
            ws.append(row)
        if choices_rows:
            ch = wb.create_sheet("choices")
            for row in choices_rows:
                ch.append(row)
        path = tmp_path / name
        wb.save(path)
        return path

    header = ["type", "name", "label"]
    choices = [["list_name", "name", "label"], ["yn", "yes", "Ja"], ["yn", "no", "Nej"]]
    not_a_workbook = tmp_path / "form.docx"
    not_a_workbook.write_bytes(b"PK\x03\x04 not really")
    return {
        "not xlsx": not_a_workbook,
        "no survey": workbook("nosurvey.xlsx", [], choices),
        "missing list": workbook("missing.xlsx", [header, ["select_one abc", "q1", "Q"]], choices),
        "duplicate": workbook("dup.xlsx", [header, ["select_one yn", "q1", "A"],
                                           ["select_one yn", "q1", "B"]], choices),
    }


@pytest.mark.parametrize("kind", ["not xlsx", "no survey", "missing list", "duplicate"])
def test_a_bad_form_is_refused_and_the_project_is_unchanged(small_project, tmp_path, capsys,
                                                            kind: str) -> None:
    form = bad_form_files(tmp_path)[kind]
    before = digest(small_project)
    assert run(["import-form", str(small_project), str(form)]) == 2
    err = capsys.readouterr().err
    assert form.name in err and "Traceback" not in err
    assert digest(small_project) == before


@pytest.mark.parametrize(
    ("content", "where"),
    [("unit;a1;a2\nT9;5;1\n", "T9"), ("unit;a1;a2\nT1;6;1\n", "a1"),
     ("unit;a1;a2\nT1;5;1\nT1;5;Måske\n", "row 3")],
    ids=["unknown unit", "not a choice", "bad value in row 3"],
)
def test_bad_responses_change_nothing(small_project, tmp_path, capsys, content, where) -> None:
    answers = write_csv(tmp_path / "svar.csv", content)
    before = digest(small_project)
    assert run(["import-responses", str(small_project), str(answers), "--round", "2025"]) == 2
    err = capsys.readouterr().err
    assert where in err and "svar.csv" in err and "Traceback" not in err
    assert digest(small_project) == before


def test_responses_file_of_the_wrong_type(small_project, tmp_path, capsys) -> None:
    bad = tmp_path / "svar.pdf"
    bad.write_bytes(b"%PDF-1.4")
    before = digest(small_project)
    assert run(["import-responses", str(small_project), str(bad), "--round", "2025"]) == 2
    assert "svar.pdf" in capsys.readouterr().err
    assert digest(small_project) == before


def test_the_installed_command_runs(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "apv_desktop", "--version"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.startswith("apv-desktop ")
    missing = subprocess.run([sys.executable, "-m", "apv_desktop", "check",
                              str(tmp_path / "nope.apv")], capture_output=True, text=True)
    assert missing.returncode == 2 and "nope.apv" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_a_reader_that_stops_early_gets_no_traceback(demo: Path) -> None:
    process = subprocess.Popen([sys.executable, "-m", "apv_desktop", "results", str(demo)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()  # like `| head -c 10`
    error = process.stderr.read().decode()
    assert process.wait() == 0 and "Traceback" not in error


def test_the_window_without_a_screen_says_so(demo: Path) -> None:
    environment = {k: v for k, v in os.environ.items()
                   if k not in SCREEN_VARIABLES}
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux can lack a screen this way")
    out = subprocess.run([sys.executable, "-m", "apv_desktop", str(demo)], env=environment,
                         capture_output=True, text=True)
    assert out.returncode == 2 and "no screen found" in out.stderr and "Traceback" not in out.stderr
