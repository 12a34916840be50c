"""A reorganisation: the org list imported again drops, moves and renames units, in one go."""

from __future__ import annotations

from pathlib import Path

import pytest

from apv_desktop.cli import run
from apv_desktop.core.model import OrgUnit
from apv_desktop.errors import RefusedError
from apv_desktop.services.collection import prepare_round, submit_sheet
from apv_desktop.services.projects import create_project, opened

OLD = [OrgUnit("ORG", "Forvaltningen"), OrgUnit("PARK", "Park og vej", "ORG", 12),
       OrgUnit("PARK1", "Parkteam Nord", "PARK", 6), OrgUnit("PARK2", "Parkteam Syd", "PARK", 6),
       OrgUnit("SKOLE", "Skoler", "ORG", 40), OrgUnit("S1", "Skole 1", "SKOLE", 20)]


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    path = tmp_path / "org.apv"
    create_project(path, ["kraenkende"], "Test")
    with opened(path) as project:
        project.replace_org(OLD)
    return path


def write_org(path: Path, rows: list[str]) -> Path:
    path.write_text("code;name;parent;headcount\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_unit_and_its_sub_units_dropped_together_are_removed(project_path):
    new = [OrgUnit("ORG", "Forvaltningen"), OrgUnit("SKOLE", "Skoler og dagtilbud", "ORG", 40),
           OrgUnit("S1", "Skole 1", "SKOLE", 20)]
    with opened(project_path) as project:
        project.replace_org(new)
        assert project.org_units() == new
        assert project.check() == []


def test_a_sub_unit_moved_out_of_a_dropped_unit_stays(project_path):
    new = [OrgUnit("ORG", "Forvaltningen"), OrgUnit("PARK1", "Parkteam Nord", "ORG", 6),
           OrgUnit("SKOLE", "Skoler", "ORG", 40), OrgUnit("S1", "Skole 1", "PARK1", 20)]
    with opened(project_path) as project:
        project.replace_org(new)
        assert project.org_units() == [new[0], new[1], new[3], new[2]]  # parents first


def test_units_with_answers_are_not_removed_and_the_refusal_names_them(project_path):
    with opened(project_path) as project:
        questionnaire = prepare_round(project, "2025")
        first = questionnaire.answerable_items()[0]
        choice = questionnaire.choices_for(first).choices[0].name
        for unit in ("PARK1", "PARK2"):
            submit_sheet(project, "2025", questionnaire, unit, {first.name: choice})
        with pytest.raises(RefusedError) as refused:
            project.replace_org([OrgUnit("ORG", "Forvaltningen")])
        text = str(refused.value)
        assert "PARK1 (Parkteam Nord)" in text and "PARK2 (Parkteam Syd)" in text
        assert "PARK " not in text and "S1" not in text  # those hold nothing
        assert project.org_units() == OLD  # nothing changed


def test_the_cli_re_import_applies_or_refuses_with_exit_2(project_path, tmp_path, capsys):
    smaller = write_org(tmp_path / "ny.csv", ["ORG;Forvaltningen;;", "SKOLE;Skoler;ORG;40"])
    assert run(["import-org", str(project_path), str(smaller)]) == 0
    with opened(project_path) as project:
        assert [u.code for u in project.org_units()] == ["ORG", "SKOLE"]
        questionnaire = prepare_round(project, "2025")
        first = questionnaire.answerable_items()[0]
        choice = questionnaire.choices_for(first).choices[0].name
        submit_sheet(project, "2025", questionnaire, "SKOLE", {first.name: choice})
    capsys.readouterr()
    only_top = write_org(tmp_path / "top.csv", ["ORG;Forvaltningen;;"])
    assert run(["import-org", str(project_path), str(only_top)]) == 2
    err = capsys.readouterr().err
    assert "SKOLE (Skoler)" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
