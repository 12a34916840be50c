"""A reorganisation previewed: new, renamed, moved, removed units, and the refused removals,
the same in core, in the service and on the command line (`import-org`, `--dry-run`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from apv_desktop.cli import run
from apv_desktop.core.model import OrgUnit
from apv_desktop.core.org_changes import Held, org_changes
from apv_desktop.services.collection import prepare_round, submit_sheet
from apv_desktop.services.projects import create_project, opened
from apv_desktop.services.reorganise import preview

OLD = [OrgUnit("ORG", "Forvaltningen"), OrgUnit("PARK", "Park og vej", "ORG", 12),
       OrgUnit("PARK1", "Parkteam Nord", "PARK", 6), OrgUnit("PARK2", "Parkteam Syd", "PARK", 6),
       OrgUnit("SKOLE", "Skoler", "ORG", 40), OrgUnit("S1", "Skole 1", "SKOLE", 20)]
# Skoler renamed, PARK1 moved under SKOLE, PARK and PARK2 dropped, DAG new, S1 has 22 now.
NEW = [OrgUnit("ORG", "Forvaltningen"), OrgUnit("SKOLE", "Skoler og dagtilbud", "ORG", 40),
       OrgUnit("S1", "Skole 1", "SKOLE", 22), OrgUnit("PARK1", "Parkteam Nord", "SKOLE", 6),
       OrgUnit("DAG", "Dagtilbud", "SKOLE", 30)]


def test_each_kind_of_change_is_named_once() -> None:
    changes = org_changes(OLD, NEW)
    assert [u.code for u in changes.new] == ["DAG"]
    assert [(r.unit.code, r.old_name) for r in changes.renamed] == [("SKOLE", "Skoler")]
    assert [(m.unit.code, m.old_parent) for m in changes.moved] == [("PARK1", "PARK")]
    assert [u.code for u in changes.removed] == ["PARK", "PARK2"]
    assert [u.code for u in changes.headcount] == ["S1"]
    assert not changes.refused and not changes.nothing
    assert org_changes(OLD, OLD).nothing


def test_a_dropped_unit_holding_data_blocks_the_change() -> None:
    changes = org_changes(OLD, NEW, {"PARK2": Held.RESPONSES, "S1": Held.INDICATORS})
    assert changes.refused
    assert [(b.unit.code, b.held) for b in changes.blocked] == [("PARK2", Held.RESPONSES)]
    assert "kan ikke slettes: PARK2 (Parkteam Syd) har svar" in changes.lines()


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    path = tmp_path / "org.apv"
    create_project(path, ["kraenkende"], "Test")
    with opened(path) as project:
        project.replace_org(OLD)
    return path


def answer_in(project_path: Path, units: list[str]) -> None:
    with opened(project_path) as project:
        questionnaire = prepare_round(project, "2025")
        first = questionnaire.answerable_items()[0]
        choice = questionnaire.choices_for(first).choices[0].name
        for unit in units:
            submit_sheet(project, "2025", questionnaire, unit, {first.name: choice})


def test_the_preview_asks_the_project_what_dropped_units_hold(project_path: Path) -> None:
    answer_in(project_path, ["PARK2", "S1"])
    with opened(project_path) as project:
        changes = preview(project, NEW)
    assert [(b.unit.code, b.held) for b in changes.blocked] == [("PARK2", Held.RESPONSES)]


def write_org(path: Path, units: list[OrgUnit]) -> Path:
    rows = [f"{u.code};{u.name};{u.parent or ''};{'' if u.headcount is None else u.headcount}"
            for u in units]
    path.write_text("code;name;parent;headcount\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_import_org_prints_the_changes_and_dry_run_stores_nothing(project_path, tmp_path,
                                                                   capsys) -> None:
    org = write_org(tmp_path / "ny.csv", NEW)
    assert run(["import-org", str(project_path), str(org), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "new: DAG (Dagtilbud) under SKOLE" in out
    assert "renamed: SKOLE from 'Skoler' to 'Skoler og dagtilbud'" in out
    assert "moved: PARK1 (Parkteam Nord) from PARK to SKOLE" in out
    assert "removed: PARK2 (Parkteam Syd)" in out and "dry run" in out
    with opened(project_path) as project:
        assert project.org_units() == OLD
    assert run(["import-org", str(project_path), str(org)]) == 0
    with opened(project_path) as project:
        assert {u.code for u in project.org_units()} == {u.code for u in NEW}


def test_import_org_refuses_dropping_a_unit_with_answers_even_in_a_dry_run(
        project_path, tmp_path, capsys) -> None:
    answer_in(project_path, ["PARK2"])
    org = write_org(tmp_path / "ny.csv", NEW)
    for extra in (["--dry-run"], []):
        capsys.readouterr()
        assert run(["import-org", str(project_path), str(org), *extra]) == 2
        err = capsys.readouterr().err
        assert "PARK2 (Parkteam Syd) cannot be removed because it has answers" in err
    with opened(project_path) as project:
        assert project.org_units() == OLD
