"""`apv-desktop results --by ITEM`: the breakdown beside the tree, in JSON and CSV, through the
command a user's script would run."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from apv_desktop.cli import run
from tests.fixed_dates import DEMO_TODAY

BY = "sl_dage"  # the demo's unscored single choice: days of sick leave


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.apv"
    assert run(["demo", str(path), "--today", DEMO_TODAY.isoformat()]) == 0
    return path


def output(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert run(["results", *args]) == 0
    return capsys.readouterr().out


def test_json_carries_every_cell_of_every_unit_with_a_breakdown(demo: Path, capsys) -> None:
    plain = json.loads(output(capsys, str(demo), "--round", "2025"))
    data = json.loads(output(capsys, str(demo), "--round", "2025", "--by", BY))
    breakdown = data.pop("breakdown")
    assert data == plain  # the tree's figures are the same with or without a breakdown
    assert breakdown["item"] == BY and breakdown["min_units_responses"] == 10
    groups = [g["name"] for g in breakdown["groups"]]
    assert groups == ["ingen", "dage_1_5", "dage_6_14", "dage_15_plus"]
    responses = {u["code"]: u["responses"] for u in data["units"]}
    assert breakdown["units"][0] == data["organisation"]["code"]
    assert all(responses[u] >= 10 for u in breakdown["units"][1:])
    dims = [d["code"] for d in data["dimensions"]]
    assert [(s["unit"], s["group"], s["dimension"]) for s in breakdown["scores"]] == [
        (u, g, d) for d in dims for u in breakdown["units"] for g in groups]
    shown = [s for s in breakdown["scores"] if not s["suppressed"]]
    assert shown, "the demo has groups large enough to show"
    for cell in breakdown["scores"]:
        assert set(cell) >= {"unit", "group", "dimension", "n", "mean", "ci_low", "ci_high",
                             "light", "pressure_point", "suppressed"}
        if cell["suppressed"]:
            assert cell["n"] is None and cell["mean"] is None and cell["light"] is None
            assert cell["hidden_reason"] in ("too_few", "complementary")
        else:
            assert cell["n"] >= data["min_n"] and cell["light"] in ("green", "yellow", "red")


def test_csv_adds_a_row_per_cell_after_the_tree(demo: Path, capsys) -> None:
    data = json.loads(output(capsys, str(demo), "--round", "2025", "--by", BY))
    rows = list(csv.DictReader(io.StringIO(output(
        capsys, str(demo), "--round", "2025", "--by", BY, "--format", "csv"))))
    tree = [r for r in rows if not r["group"]]
    crossed = [r for r in rows if r["group"]]
    assert len(tree) == len(data["scores"])  # the organisation is the single top unit
    assert len(crossed) == len(data["breakdown"]["scores"])
    first = next(s for s in data["breakdown"]["scores"] if not s["suppressed"])
    row = next(r for r in crossed if (r["unit"], r["group"], r["dimension"]) ==
               (first["unit"], first["group"], first["dimension"]))
    assert float(row["mean"]) == first["mean"] and int(row["n"]) == first["n"]
    assert row["group_name"] and row["dimension_name"]


@pytest.mark.parametrize("item", ["qd_1", "nope", "kr_kommentar"])
def test_a_question_that_forms_no_groups_is_refused_in_one_sentence(
        demo: Path, capsys, item: str) -> None:
    capsys.readouterr()
    assert run(["results", str(demo), "--round", "2025", "--by", item]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and item in captured.err


def test_the_project_setting_decides_which_units_get_a_breakdown(demo: Path, capsys,
                                                                 tmp_path: Path) -> None:
    import shutil
    from dataclasses import replace

    from apv_desktop.services.projects import opened

    copy = tmp_path / "copy.apv"
    shutil.copy(demo, copy)
    with opened(copy) as project:
        project.set_rules(replace(project.rules(), breakdown_min_n=40))
    data = json.loads(output(capsys, str(copy), "--round", "2025", "--by", BY))
    responses = {u["code"]: u["responses"] for u in data["units"]}
    units = data["breakdown"]["units"]
    assert data["breakdown"]["min_units_responses"] == 40
    assert units[1:] == [u["code"] for u in data["units"]
                         if u["responses"] >= 40 and not u["suppressed"]
                         and u["code"] != data["organisation"]["code"]]
    assert all(responses[u] >= 40 for u in units[1:]) and len(units) > 1
