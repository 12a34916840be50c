"""The leak classes of issue 13, each tried as a curious manager would: through the CLI, with
only the program's own outputs (results JSON/CSV and the Excel report)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from apv_desktop.cli import run
from apv_desktop.services.projects import opened

SCALE = [("5", "I meget høj grad", 100), ("4", "I høj grad", 75), ("3", "Delvis", 50),
         ("2", "I ringe grad", 25), ("1", "I meget ringe grad", 0), ("vi", "Ved ikke", None)]


def write_form(path: Path) -> None:
    form = Workbook()
    survey = form.active
    survey.title = "survey"
    survey.append(["type", "name", "label::Dansk (da)", "dimension", "relevant"])
    survey.append(["select_one grad", "in1", "Indflydelse 1", "IN", None])
    survey.append(["select_one grad", "in2", "Indflydelse 2", "IN", None])
    survey.append(["select_one grad", "in3", "Indflydelse 3", "IN", None])
    survey.append(["select_one ja_nej", "bu1", "Mobbet?", "BU", None])
    survey.append(["begin_group", "hvem", "Om mobningen", None, "${bu1} = 'ja'"])
    survey.append(["select_one fra", "bu_fra", "Fra hvem?", None, None])
    survey.append(["select_one ja_nej", "bu_igen", "Sker det stadig?", None, "${bu_fra} != ''"])
    survey.append(["end_group", None, None, None, None])
    choices = form.create_sheet("choices")
    choices.append(["list_name", "name", "label::Dansk (da)", "score"])
    for name, label, score in SCALE:
        choices.append(["grad", name, label, score])
    choices.append(["ja_nej", "ja", "Ja", 100])
    choices.append(["ja_nej", "nej", "Nej", 0])
    choices.append(["fra", "leder", "Leder", None])
    choices.append(["fra", "kollega", "Kollega", None])
    dimensions = form.create_sheet("dimensions")
    dimensions.append(["code", "label::Dansk (da)", "direction", "min_n"])
    dimensions.append(["IN", "Indflydelse", "higher_is_better", None])
    dimensions.append(["BU", "Mobning", "higher_is_worse", 10])
    form.save(path)


def answers(rng: random.Random, unit: str) -> list[str]:
    scale = ["5", "4", "3", "2", "1", "vi", ""]
    bullied = rng.random() < 0.4
    who = rng.choice(["leder", "kollega"]) if bullied else ""
    return [unit, rng.choice(scale), rng.choice(scale), rng.choice(scale),
            "ja" if bullied else "nej", who, rng.choice(["ja", "nej"]) if who else ""]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write_form(tmp_path / "form.xlsx")
    (tmp_path / "org.csv").write_text(
        "kode;navn;overordnet;antal\nK;Kontoret;;2\nA;Afdeling;K;3\nT1;Team 1;A;8\n"
        "T2;Team 2;A;8\nT3;Team 3;K;12\n", encoding="utf-8")
    rng = random.Random(13)
    rows = [answers(rng, unit) for unit, count in (("K", 2), ("A", 3), ("T1", 4), ("T2", 4),
                                                    ("T3", 12)) for _ in range(count)]
    # Team 1 has 7 answer sheets, but three said "ved ikke" to every influence question: the
    # team is shown, its influence score is not, and neither may its answer shares be.
    rows += [["T1", "vi", "vi", "vi", "nej", "", ""]] * 3
    header = "unit;in1;in2;in3;bu1;bu_fra;bu_igen\n"
    (tmp_path / "svar.csv").write_text(header + "".join(";".join(r) + "\n" for r in rows),
                                       encoding="utf-8")
    rng.shuffle(rows)
    (tmp_path / "svar2.csv").write_text(header + "".join(";".join(r) + "\n" for r in rows),
                                        encoding="utf-8")
    path = tmp_path / "p.apv"
    assert run(["new", str(path), "--template", "puls"]) == 0
    assert run(["import-form", str(path), str(tmp_path / "form.xlsx")]) == 0
    assert run(["import-org", str(path), str(tmp_path / "org.csv")]) == 0
    assert run(["import-responses", str(path), str(tmp_path / "svar.csv"), "--round", "r"]) == 0
    assert run(["close-round", str(path), "--round", "r"]) == 0
    return path


def results_json(path: Path, capsys: pytest.CaptureFixture[str], round_name: str = "r") -> dict:
    return json.loads(results_text(path, capsys, round_name))


def results_text(path: Path, capsys: pytest.CaptureFixture[str], round_name: str = "r",
                 form: str = "json") -> str:
    capsys.readouterr()
    assert run(["results", str(path), "--format", form, "--round", round_name]) == 0
    return capsys.readouterr().out


def test_class_1_no_item_shares_where_the_score_is_hidden(project, tmp_path, capsys) -> None:
    data = results_json(project, capsys)
    hidden = {(s["unit"], s["dimension"]) for s in data["scores"] if s["suppressed"]}
    assert hidden, "the case must hide something to test anything"
    for score in data["scores"]:
        if score["suppressed"]:
            assert score["n"] is None and score["mean"] is None
    assert run(["report", str(project), "-o", str(tmp_path / "r.xlsx")]) == 0
    workbook = load_workbook(tmp_path / "r.xlsx")
    names = {u["name"]: u["code"] for u in data["units"]}
    assert ("T1", "IN") in hidden and "Team 1" in workbook.sheetnames
    checked = 0
    for sheet in workbook.sheetnames:
        if sheet not in names or (names[sheet], "IN") not in hidden:
            continue
        ws = workbook[sheet]
        for row in ws.iter_rows(min_col=1, max_col=2):
            if str(row[0].value).startswith("Indflydelse "):
                assert row[1].value == "skjult", (sheet, row[0].value)
                checked += 1
    assert checked >= 3


def test_class_2_there_is_no_data_sheet(project, tmp_path, capsys) -> None:
    capsys.readouterr()
    assert run(["report", str(project), "-o", str(tmp_path / "r.xlsx"), "--data"]) == 0
    assert "no longer offered" in capsys.readouterr().err
    assert "Data" not in load_workbook(tmp_path / "r.xlsx").sheetnames


def test_class_4_follow_ups_in_a_group_keep_the_strict_threshold(project, tmp_path,
                                                                  capsys) -> None:
    assert run(["report", str(project), "-o", str(tmp_path / "r.xlsx")]) == 0
    ws = load_workbook(tmp_path / "r.xlsx")["Krænkende handlinger"]
    data = results_json(project, capsys)
    responses = {u["name"]: u["responses"] for u in data["units"]}
    responses["Kontoret"] = data["organisation"]["responses"]
    for question in ("Fra hvem?", "Sker det stadig?"):
        start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == question)
        row = start + 2
        while ws.cell(row, 1).value in responses:
            # Shown only for groups of at least 10 (the strict threshold of the question the
            # follow-up, and the follow-up of the follow-up, depend on).
            assert responses[ws.cell(row, 1).value] >= 10, (question, ws.cell(row, 1).value)
            row += 1


def test_exact_numbers_the_same_file_in_any_order(project, tmp_path, capsys) -> None:
    again = tmp_path / "q.apv"
    assert run(["new", str(again), "--template", "puls"]) == 0
    assert run(["import-form", str(again), str(tmp_path / "form.xlsx")]) == 0
    assert run(["import-org", str(again), str(tmp_path / "org.csv")]) == 0
    assert run(["import-responses", str(again), str(tmp_path / "svar2.csv"), "--round",
                "r"]) == 0
    assert run(["close-round", str(again)]) == 0
    assert results_json(project, capsys) == results_json(again, capsys)


def test_smaller_a_department_text_naming_a_hidden_unit_is_warned(project, tmp_path,
                                                                   capsys) -> None:
    data = results_json(project, capsys)
    hidden = [u for u in data["units"] if u["suppressed"]]
    assert hidden
    with opened(project) as p:
        p.set_department_text("A", "r", f"Udfordringer\n- {hidden[0]['name']} har det svært.")
    capsys.readouterr()
    assert run(["report", str(project), "-o", str(tmp_path / "r.xlsx")]) == 0
    assert hidden[0]["name"] in capsys.readouterr().err


def write_answers(path: Path, rows: list[list[str]]) -> Path:
    header = "unit;in1;in2;in3;bu1;bu_fra;bu_igen\n"
    path.write_text(header + "".join(";".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_class_3_a_reorganisation_leaves_a_closed_round_as_it_was(project, tmp_path,
                                                                   capsys) -> None:
    before = results_text(project, capsys), results_text(project, capsys, form="csv")
    # Team 2 moves from the department A straight under the office.
    (tmp_path / "org2.csv").write_text(
        "kode;navn;overordnet;antal\nK;Kontoret;;2\nA;Afdeling;K;3\nT1;Team 1;A;8\n"
        "T2;Team 2;K;8\nT3;Team 3;K;12\n", encoding="utf-8")
    assert run(["import-org", str(project), str(tmp_path / "org2.csv")]) == 0
    assert (results_text(project, capsys), results_text(project, capsys, form="csv")) == before
    assert json.loads(before[0])["round_state"] == "closed"

    # The next round, on the new tree: the department A (now without Team 2) answers poorly,
    # so it is a pressure point, and its previous score is "ikke sammenlignelig".
    rng = random.Random(3)
    rows = [[unit, "1", "1", "1", "nej", "", ""] for unit in ["A"] * 3 + ["T1"] * 8]
    rows += [answers(rng, unit) for unit in ["T2"] * 8 + ["T3"] * 12 + ["K"] * 2]
    rows += [["T3", "5", "5", "5", "nej", "", ""]] * 6
    assert run(["import-responses", str(project), str(write_answers(tmp_path / "s.csv", rows)),
                "--round", "s"]) == 0
    assert run(["close-round", str(project), "--round", "s"]) == 0
    assert run(["report", str(project), "-o", str(tmp_path / "s.xlsx"), "--round", "s"]) == 0
    ws = load_workbook(tmp_path / "s.xlsx")["Pressionspunkter"]
    header, column = next((r, c) for r in range(1, ws.max_row + 1)
                          for c in range(1, ws.max_column + 1)
                          if ws.cell(r, c).value == "Forrige runde")
    end = next(r for r in range(header + 1, ws.max_row + 2) if not ws.cell(r, 3).value)
    previous = {ws.cell(r, 2).value: ws.cell(r, column).value for r in range(header + 1, end)}
    assert previous.get("Afdeling") == "ikke sammenlignelig", previous
    assert all(value != "ikke sammenlignelig" for unit, value in previous.items()
               if unit in ("Team 1", "Team 3", "Kontoret"))


def test_class_5_no_scores_while_open_and_one_more_sheet_reveals_nothing(project, tmp_path,
                                                                          capsys) -> None:
    rng = random.Random(5)
    rows = [answers(rng, unit) for unit in ["T1"] * 8 + ["T2"] * 8 + ["T3"] * 12 + ["A"] * 3]
    assert run(["import-responses", str(project), str(write_answers(tmp_path / "s.csv", rows)),
                "--round", "s"]) == 0

    def published(data: dict) -> list[tuple]:
        return [(s["unit"], s["dimension"], s["n"], s["mean"], s["ci_low"], s["ci_high"])
                for s in data["scores"] if s["mean"] is not None or s["n"] is not None]

    interim = results_json(project, capsys, "s")
    assert interim["round_state"] == "open" and published(interim) == []
    assert interim["organisation"]["responses"] == len(rows)
    assert {s["hidden_reason"] for s in interim["scores"]} == {"withheld"}
    assert run(["report", str(project), "-o", str(tmp_path / "open.xlsx"), "--round", "s"]) == 0
    assert "FORELØBIG" in load_workbook(tmp_path / "open.xlsx").worksheets[0]["A2"].value

    assert run(["close-round", str(project), "--round", "s"]) == 0
    first = results_json(project, capsys, "s")
    assert first["round_state"] == "closed" and published(first)

    # A closed round takes no more sheets; the refusal says how to reopen.
    one = write_answers(tmp_path / "one.csv", [answers(rng, "T3")])
    capsys.readouterr()
    assert run(["import-responses", str(project), str(one), "--round", "s"]) == 2
    assert "--reopen" in capsys.readouterr().err
    assert run(["close-round", str(project), "--round", "s"]) == 2
    capsys.readouterr()

    assert run(["--lang", "da", "close-round", str(project), "--round", "s", "--reopen"]) == 0
    assert "rapporter" in capsys.readouterr().err  # the warning that earlier reports exist
    assert run(["import-responses", str(project), str(one), "--round", "s"]) == 0
    assert published(results_json(project, capsys, "s")) == []
    assert run(["close-round", str(project), "--round", "s"]) == 0
    second = results_json(project, capsys, "s")
    # Closed again with one more sheet: nothing but the response counts differs from before,
    # so the difference of the two releases says nothing about the new sheet.
    assert second["round_state"] == "closed" and published(second) == []
    assert second["organisation"]["responses"] == first["organisation"]["responses"] + 1

    # Once the changed team has enough new sheets (the strictest threshold, 10), scores return.
    assert run(["close-round", str(project), "--round", "s", "--reopen"]) == 0
    more = write_answers(tmp_path / "more.csv", [answers(rng, "T3") for _ in range(9)])
    assert run(["import-responses", str(project), str(more), "--round", "s"]) == 0
    assert run(["close-round", str(project), "--round", "s"]) == 0
    assert published(results_json(project, capsys, "s"))


def test_class_5_enough_new_sheets_publish_again_hiding_at_least_what_was_hidden(
        project, tmp_path, capsys) -> None:
    """A reopened round whose changed team gets the strictest threshold's sheets is published
    again; what the first release hid stays hidden (were Team 2 shown now, its scores minus the
    new sheets' share of the department's difference would give its four first sheets)."""
    def hidden(data: dict) -> set[tuple[str, str]]:
        return {(s["unit"], s["dimension"]) for s in data["scores"] if s["mean"] is None}

    first = results_json(project, capsys)
    assert ("T2", "IN") in hidden(first)
    assert run(["close-round", str(project), "--round", "r", "--reopen"]) == 0
    rng = random.Random(7)
    more = write_answers(tmp_path / "more.csv", [answers(rng, "T2") for _ in range(10)])
    assert run(["import-responses", str(project), str(more), "--round", "r"]) == 0
    assert run(["close-round", str(project), "--round", "r"]) == 0
    second = results_json(project, capsys)
    assert second["round_state"] == "closed" and not hidden(second) >= {
        (s["unit"], s["dimension"]) for s in second["scores"]}
    assert hidden(first) <= hidden(second)
    with opened(project) as opened_project:
        assert sorted(set(opened_project.responses_and_closings("r")[1])) == [1, 2]
