"""Kiosk sheets and merging the project files of several laptops (services/collection.py)."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest

from apv_desktop.cli import run
from apv_desktop.core.model import OrgUnit
from apv_desktop.errors import RefusedError
from apv_desktop.services.collection import (
    merge_projects,
    prepare_round,
    sheet_to_responses,
    submit_sheet,
)
from apv_desktop.services.projects import create_project, opened

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages

UNITS = [OrgUnit("ORG", "Forvaltningen"), OrgUnit("A", "Team A", "ORG", 8),
         OrgUnit("B", "Team B", "ORG", 6)]


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A project with the bullying template, two teams and an empty round 2025."""
    path = tmp_path / "base.apv"
    create_project(path, ["kraenkende"], "Test")
    with opened(path) as project:
        project.replace_org(UNITS)
        prepare_round(project, "2025")
    return path


def laptop(base: Path, name: str, sheets: list[tuple[str, dict[str, str]]]) -> Path:
    """A copy of the base project with these sheets entered in the kiosk."""
    path = base.with_name(name)
    shutil.copyfile(base, path)
    with opened(path) as project:
        questionnaire = prepare_round(project, "2025")
        for unit, answers in sheets:
            submit_sheet(project, "2025", questionnaire, unit, answers)
    return path


def test_a_sheet_keeps_only_shown_answers(base):
    with opened(base) as project:
        questionnaire = prepare_round(project, "2025")
    # bu_fra is asked only after a yes to bu_1: with 'nej' it is dropped.
    sheet = sheet_to_responses(questionnaire, "A", {"bu_1": "nej", "bu_fra": "kolleger",
                                                    "kr_kommentar": "Mere tid"})
    names = sheet.item_names
    assert sheet.unit_codes == ["A"]
    choices = questionnaire.choices_for(questionnaire.item("bu_1"))
    assert sheet.values[0, names.index("bu_1")] == choices.index_of("nej")
    assert math.isnan(sheet.values[0, names.index("bu_fra")])
    assert sheet.texts == {"kr_kommentar": [(0, "Mere tid")]}


def test_empty_or_invalid_sheets_are_refused(base):
    with opened(base) as project:
        questionnaire = prepare_round(project, "2025")
        with pytest.raises(RefusedError, match="empty"):
            submit_sheet(project, "2025", questionnaire, "A", {"bu_1": " "})
        with pytest.raises(RefusedError, match="bu_1"):
            submit_sheet(project, "2025", questionnaire, "A", {"bu_1": "maybe"})
        with pytest.raises(RefusedError, match="not asked"):
            submit_sheet(project, "2025", questionnaire, "A", {"nosuch": "x"})
        assert project.response_count("2025") == 0


def test_submitted_sheets_have_a_random_id_and_a_day_only(base):
    with opened(base) as project:
        questionnaire = prepare_round(project, "2025")
        ids = [submit_sheet(project, "2025", questionnaire, "A", {"bu_1": "nej"})
               for _ in range(3)]
        meta = project.response_meta("2025")
    assert len(set(ids)) == 3 and {m.uuid for m in meta} == set(ids)
    assert {m.source for m in meta} == {"kiosk"}
    assert all(type(m.date).__name__ == "date" for m in meta)


def test_merge_adds_each_sheet_once_and_twice_changes_nothing(base):
    one = laptop(base, "one.apv", [("A", {"bu_1": "nej"}), ("B", {"bu_1": "nej"})])
    two = laptop(base, "two.apv", [("A", {"kr_kommentar": "Hej"})])
    first = merge_projects(base, [one, two])
    assert [(s.added, s.skipped, len(s.conflicts)) for s in first.sources] == [(2, 0, 0),
                                                                              (1, 0, 0)]
    second = merge_projects(base, [one, two])
    assert (second.added, second.skipped, second.conflicts) == (0, 3, 0)
    with opened(base) as project:
        assert project.response_count("2025") == 3
        assert sorted(m.unit for m in project.response_meta("2025")) == ["A", "A", "B"]
        assert {m.source for m in project.response_meta("2025")} == {"merge"}
        assert project.responses("2025").texts == {"kr_kommentar": [
            (next(i for i, m in enumerate(project.response_meta("2025"))
                  if m.unit == "A" and math.isnan(project.responses("2025").values[i, 0])),
             "Hej")]}
        assert project.check() == []


def test_the_same_id_with_other_answers_is_a_conflict(base):
    one = laptop(base, "one.apv", [("A", {"bu_1": "nej"})])
    fresh = laptop(base, "fresh.apv", [])
    with opened(one) as project:
        sheet_id = project.response_meta("2025")[0].uuid
    with opened(fresh) as project:  # the same id, other answers (another unit)
        questionnaire = prepare_round(project, "2025")
        sheet = sheet_to_responses(questionnaire, "B", {"bu_1": "nej"})
        project.add_responses("2025", sheet, "kiosk", uuids=[sheet_id])
    merge_projects(base, [one])
    report = merge_projects(base, [fresh])
    assert report.sources[0].conflicts == [sheet_id]
    assert (report.added, report.skipped) == (0, 0)
    with opened(base) as project:
        assert [m.unit for m in project.response_meta("2025")] == ["A"]


def test_another_questionnaire_or_org_is_refused_and_nothing_changes(base, tmp_path):
    good = laptop(base, "good.apv", [("A", {"bu_1": "nej"})])
    other_form = tmp_path / "other.apv"
    create_project(other_form, ["puls"], "Other")
    with opened(other_form) as project:
        project.replace_org(UNITS)
        questionnaire = prepare_round(project, "2025")
        first = questionnaire.answerable_items()[0]
        choice = questionnaire.choices_for(first).choices[0].name
        submit_sheet(project, "2025", questionnaire, "A", {first.name: choice})
    with pytest.raises(RefusedError, match="another questionnaire"):
        merge_projects(base, [good, other_form])
    other_org = laptop(base, "org.apv", [("A", {"bu_1": "nej"})])
    with opened(other_org) as project:
        project.replace_org([*UNITS, OrgUnit("C", "Team C", "ORG", 3)])
    with pytest.raises(RefusedError, match="another organisation.*C"):
        merge_projects(base, [good, other_org])
    with pytest.raises(RefusedError, match="project itself"):
        merge_projects(base, [base])
    with opened(base) as project:
        assert project.response_count("2025") == 0


def test_merge_into_a_project_without_the_round_creates_it(base, tmp_path):
    empty = tmp_path / "empty.apv"
    shutil.copyfile(base, empty)
    other = laptop(base, "other.apv", [("B", {"bu_1": "nej"})])
    with opened(other) as project:
        questionnaire = prepare_round(project, "2025-opfølgning")
        submit_sheet(project, "2025-opfølgning", questionnaire, "A", {"bu_1": "nej"})
    report = merge_projects(empty, [other])
    assert report.added == 2
    with opened(empty) as project:
        assert {r.name: r.response_count for r in project.rounds()} == {"2025": 1,
                                                                      "2025-opfølgning": 1}


def test_cli_merge_reports_and_refuses(base, tmp_path, capsys):
    one = laptop(base, "one.apv", [("A", {"bu_1": "nej"})])
    assert run(["merge", str(base), str(one)]) == 0
    out = capsys.readouterr().out
    assert "1 added, 0 already there, 0 conflicting" in out
    assert run(["merge", str(base), str(one)]) == 0
    assert "0 added, 1 already there" in capsys.readouterr().out
    assert run(["merge", str(base), str(tmp_path / "missing.apv")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_merging_new_sheets_into_a_closed_round_is_refused_and_stores_nothing(base, capsys):
    one = laptop(base, "one.apv", [("A", {"bu_1": "nej"})])
    two = laptop(base, "two.apv", [("B", {"bu_1": "nej"})])
    assert merge_projects(base, [one]).added == 1
    with opened(base) as project:
        project.close_round("2025")
    assert merge_projects(base, [one]).skipped == 1  # the same sheets again: nothing new
    capsys.readouterr()
    assert run(["merge", str(base), str(one), str(two)]) == 2
    assert "--reopen" in capsys.readouterr().err
    with opened(base) as project:
        assert project.response_count("2025") == 1
