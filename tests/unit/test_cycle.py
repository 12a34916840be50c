"""The APV cycle at a glance (services.cycle): where the project stands, element by element,
from an empty project to a plan that has been carried out and followed up."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import OrgUnit
from apv_desktop.services.cycle import Element, Missing, cycle_state
from apv_desktop.services.demo import build_demo
from apv_desktop.services.projects import create_project
from apv_desktop.services.rounds import close_round
from apv_desktop.store.project import Project
from tests.fixed_dates import DEMO_TODAY


def _with_answers(path: Path, count: int) -> Project:
    create_project(path)
    project = Project.open(path)
    project.replace_org([OrgUnit("ORG", "Org", None, 20), OrgUnit("T1", "Team", "ORG", 10)])
    questionnaire = project.questionnaire()
    assert questionnaire is not None
    empty = ResponseSet.empty(questionnaire)
    values = np.full((count, len(empty.item_names)), math.nan)
    project.ensure_round("2025")
    project.add_responses("2025", ResponseSet(empty.item_names, ["T1"] * count, values),
                          "import")
    return project


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cycle") / "demo.apv"
    build_demo(path, today=DEMO_TODAY)
    return path


def test_an_empty_project_starts_with_the_organisation(tmp_path: Path) -> None:
    with Project.create(tmp_path / "empty.apv") as project:
        state = cycle_state(project, DEMO_TODAY)
    assert state.units == 0 and state.round_name is None and not state.results_ready
    assert state.element(Element.MAPPING).missing == (Missing.NO_ORGANISATION,)
    assert state.element(Element.SICK_LEAVE).missing == (
        Missing.NO_SICK_LEAVE_FIGURES, Missing.NO_SICK_LEAVE_ASSESSMENT)
    assert state.element(Element.ACTION_PLAN).missing == (Missing.NO_ACTIONS,)
    assert not any(e.done for e in state.elements)


def test_a_round_collecting_answers_has_no_results_yet(tmp_path: Path) -> None:
    with _with_answers(tmp_path / "p.apv", 3) as project:
        state = cycle_state(project, DEMO_TODAY)
    assert state.round_name == "2025" and state.answers == 3 and state.staff == 30
    assert state.response_rate == pytest.approx(0.1)
    assert state.round_closed is False  # a new round is open for answers
    assert not state.results_ready
    assert state.element(Element.MAPPING).missing == (Missing.ROUND_OPEN, Missing.TOO_FEW_ANSWERS)


def test_results_are_ready_with_enough_answers(tmp_path: Path) -> None:
    with _with_answers(tmp_path / "p.apv", 6) as project:
        assert not cycle_state(project, DEMO_TODAY).results_ready  # still collecting
        close_round(project, "2025")
        state = cycle_state(project, DEMO_TODAY)
    assert state.round_closed and state.results_ready and state.element(Element.MAPPING).done
    assert state.questionnaire and state.questions > 0
    assert state.element(Element.ACTION_PLAN).missing == (Missing.NO_ACTIONS,)


def test_the_demo_plan_has_an_overdue_action(demo: Path) -> None:
    with Project.open(demo) as project:
        state = cycle_state(project, DEMO_TODAY)
    # the latest round is the pulse; the plan followed is the 2025 APV's
    assert state.round_name == "2026-opfølgning" and state.plan_round == "2025"
    assert state.actions == 4 and state.actions_overdue == 1 and state.actions_open == 3
    assert state.element(Element.ACTION_PLAN).done
    assert state.element(Element.SICK_LEAVE).done
    follow_up = state.element(Element.FOLLOW_UP)
    assert Missing.ACTIONS_OVERDUE in follow_up.missing and not follow_up.done
    assert follow_up.page == "action_plan"


def test_all_four_elements_done_once_every_action_is_carried_out_and_followed_up(
        demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "done.apv"
    copy.write_bytes(demo.read_bytes())
    with Project.open(copy) as project:
        for action in project.actions():
            project.update_action(action.id, status="done", effect="Virkede: færre sager.")
        state = cycle_state(project, DEMO_TODAY)
    assert state.actions_overdue == 0 and state.actions_open == 0
    assert all(e.done for e in state.elements), state.elements
