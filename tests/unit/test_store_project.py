"""Project contents: settings, questionnaires and their versions, the org tree, plans."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import (
    Choice,
    ChoiceList,
    Dimension,
    Direction,
    Item,
    ItemType,
    OrgUnit,
    Questionnaire,
    Rules,
    Section,
)
from apv_desktop.errors import ProjectFileError, RefusedError
from apv_desktop.store import Project
from tests.fixed_dates import days_during

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "p.apv", name="Jobcenter Nord") as opened:
        yield opened


def full_questionnaire() -> Questionnaire:
    """Every field of core/model.py set to something other than its default."""
    return Questionnaire(
        title="Trivsel",
        form_id="trivsel_2025",
        version="v3",
        languages=["sv", "da", "en"],
        default_language="sv",
        title_labels={"sv": "Trivsel", "da": "Trivsel", "en": "Well-being"},
        sections=[
            Section("", items=[Item("intro", ItemType.NOTE, {"sv": "Välkommen"}, {"sv": "!"})]),
            Section(
                "arbete",
                {"sv": "Arbetet", "da": "Arbejdet"},
                [
                    Item(
                        "q1",
                        ItemType.SELECT_ONE,
                        {"sv": "Hinner du?", "da": "Når du?"},
                        {"da": "Tænk på den sidste måned"},
                        list_name="freq",
                        dimension="QD",
                        reverse=True,
                        required=True,
                        relevant="${intro} = ''",
                    ),
                    Item("q2", ItemType.SELECT_MULTIPLE, {"da": "Hvor?"}, list_name="where"),
                    Item("n", ItemType.INTEGER),
                    Item("hours", ItemType.DECIMAL, {"en": "Hours"}),
                ],
                relevant="${n} > 0",
            ),
            Section("slut", {}, [Item("comment", ItemType.TEXT, {"da": "Kommentar"})]),
        ],
        choice_lists={
            "freq": ChoiceList(
                "freq",
                [
                    Choice("5", {"da": "Altid", "sv": "Alltid"}, 100.0),
                    Choice("1", {"da": "Aldrig"}, 0.0),
                    Choice("x", {"da": "Ved ikke"}, None),
                    Choice("3", {}, 37.5),
                ],
            ),
            "where": ChoiceList("where", [Choice("home"), Choice("office", {"en": "Office"})]),
        },
        dimensions=[
            Dimension("QD", {"da": "Krav", "sv": "Krav"}, Direction.HIGHER_IS_WORSE, 48.5, 20, "d"),
            Dimension("SS"),
        ],
    )


def one_item_questionnaire(title: str = "Q") -> Questionnaire:
    items = [Item("q1", ItemType.SELECT_ONE, list_name="yn")]
    lists = {"yn": ChoiceList("yn", [Choice("ja", {}, 100.0), Choice("nej", {}, 0.0)])}
    return Questionnaire(title, sections=[Section("", items=items)], choice_lists=lists)


def add_one_response(project: Project, round_name: str, unit: str = "A") -> None:
    answers = ResponseSet(["q1"], [unit], np.array([[1.0]]))
    project.add_responses(round_name, answers, "kiosk")


# --- settings -------------------------------------------------------------------------------


def test_name_and_rules_are_kept(project: Project) -> None:
    assert project.name == "Jobcenter Nord"
    assert project.rules() == Rules()
    rules = Rules(min_n=6, comment_min_n=12, green_at=70.0, comparison="reference")
    project.set_rules(rules)
    project.set_name("Jobcenter Syd")
    path = project.path
    project.close()
    with Project.open(path) as reopened:
        assert reopened.rules() == rules
        assert reopened.name == "Jobcenter Syd"


@pytest.mark.parametrize(
    "rules, word",
    [(Rules(min_n=2), "min_n"), (Rules(min_n="5"), "min_n"), (Rules(comparison="x"), "comparison")],  # type: ignore[arg-type]
)
def test_invalid_rules_are_refused(project: Project, rules: Rules, word: str) -> None:
    with pytest.raises(RefusedError, match=word):
        project.set_rules(rules)
    assert project.rules() == Rules()


def test_a_closed_project_refuses_use(project: Project) -> None:
    project.close()
    with pytest.raises(ProjectFileError, match="closed"):
        project.rules()


# --- questionnaires -------------------------------------------------------------------------


def test_questionnaire_round_trips_every_field(project: Project) -> None:
    assert project.questionnaire() is None
    version_id = project.save_questionnaire(full_questionnaire())
    path = project.path
    project.close()
    with Project.open(path) as reopened:
        stored = reopened.questionnaire(version_id)
        assert stored == full_questionnaire()
        assert stored is not None
        assert list(stored.choice_lists) == ["freq", "where"]
        assert [c.name for c in stored.choice_lists["freq"].choices] == ["5", "1", "x", "3"]
        assert reopened.questionnaire(version_id + 1) is None


def test_unanswered_version_is_replaced_in_place(project: Project) -> None:
    first = project.save_questionnaire(one_item_questionnaire("first"))
    second = project.save_questionnaire(full_questionnaire())
    assert second == first
    assert project.questionnaire() == full_questionnaire()
    assert [(v.id, v.title, v.response_count) for v in project.questionnaire_versions()] == [
        (first, "Trivsel", 0)
    ]


def test_answered_version_is_frozen_and_editing_makes_a_new_one(project: Project) -> None:
    project.replace_org([OrgUnit("A", "Team A")])
    first = project.save_questionnaire(one_item_questionnaire("first"))
    project.ensure_round("2024")
    add_one_response(project, "2024")
    assert project.save_questionnaire(one_item_questionnaire("first")) == first  # unchanged
    second = project.save_questionnaire(one_item_questionnaire("second"))
    assert second != first
    assert project.questionnaire(first) == one_item_questionnaire("first")
    assert project.questionnaire() == one_item_questionnaire("second")
    assert [(v.title, v.response_count) for v in project.questionnaire_versions()] == [
        ("first", 1),
        ("second", 0),
    ]
    assert project.round("2024").questionnaire_version_id == first
    assert project.ensure_round("2025").questionnaire_version_id == second


def test_ambiguous_questionnaire_is_refused(project: Project) -> None:
    broken = one_item_questionnaire()
    broken.sections[0].items.append(Item("q1", ItemType.TEXT))
    with pytest.raises(RefusedError, match="q1 is used by 2 questions"):
        project.save_questionnaire(broken)
    missing_list = one_item_questionnaire()
    missing_list.sections[0].items[0].list_name = "nope"
    with pytest.raises(RefusedError, match="nope"):
        project.save_questionnaire(missing_list)
    assert project.questionnaire_versions() == []


# --- rounds ---------------------------------------------------------------------------------


def test_rounds_latest_and_unknown(project: Project) -> None:
    with pytest.raises(RefusedError, match="no survey round"):
        project.round()
    with pytest.raises(RefusedError, match="questionnaire"):
        project.ensure_round("2025")
    version = project.save_questionnaire(one_item_questionnaire())
    project.ensure_round("2025")
    project.ensure_round("2022")
    assert project.ensure_round("2025").name == "2025"  # existing: returned, not duplicated
    assert [r.name for r in project.rounds()] == ["2025", "2022"]
    assert project.round().name == "2022"  # the one created last
    assert project.round("2025").questionnaire_version_id == version
    with pytest.raises(RefusedError, match="2030"):
        project.round("2030")


def test_a_round_with_responses_keeps_its_version(project: Project) -> None:
    project.replace_org([OrgUnit("A", "Team A")])
    first = project.save_questionnaire(one_item_questionnaire("first"))
    project.ensure_round("2025")
    add_one_response(project, "2025")
    second = project.save_questionnaire(one_item_questionnaire("second"))
    with pytest.raises(RefusedError, match="already has responses"):
        project.ensure_round("2025", second)
    assert project.round("2025").questionnaire_version_id == first


# --- organisation ---------------------------------------------------------------------------


def test_org_upsert_keeps_parents_before_children(project: Project) -> None:
    project.replace_org(
        [
            OrgUnit("T2", "Team 2", "D1", 8),
            OrgUnit("D1", "Afdeling 1", "TOP", 30),
            OrgUnit("TOP", "Forvaltning", None, 100),
            OrgUnit("T1", "Team 1", "D1", 12),
        ]
    )
    assert [u.code for u in project.org_units()] == ["TOP", "D1", "T2", "T1"]
    project.replace_org(
        [
            OrgUnit("TOP", "Forvaltningen", None, 90),
            OrgUnit("T1", "Team 1", "TOP", 11),  # moved up
            OrgUnit("D1", "Afdeling 1", "TOP", 19),
        ]  # T2 removed
    )
    assert project.org_units() == [
        OrgUnit("TOP", "Forvaltningen", None, 90),
        OrgUnit("T1", "Team 1", "TOP", 11),
        OrgUnit("D1", "Afdeling 1", "TOP", 19),
    ]


@pytest.mark.parametrize(
    "units, words",
    [
        ([OrgUnit("A", "a"), OrgUnit("A", "b")], "already used by A"),
        ([OrgUnit("A", "a", "X")], "parent 'X' of unit A is not the code of a unit"),
        ([OrgUnit("A", "a", "B"), OrgUnit("B", "b", "A")], "cycle"),
        ([OrgUnit("A", "a", "A")], "its own parent"),
        ([OrgUnit("", "a")], "no code"),
        ([OrgUnit("A", "a", None, -1)], "headcount"),
    ],
)
def test_invalid_org_is_refused_and_nothing_changes(
    project: Project, units: list[OrgUnit], words: str
) -> None:
    project.replace_org([OrgUnit("OLD", "Old")])
    with pytest.raises(RefusedError, match=words):
        project.replace_org(units)
    assert project.org_units() == [OrgUnit("OLD", "Old")]


def test_a_unit_with_responses_cannot_be_removed(project: Project) -> None:
    project.replace_org([OrgUnit("A", "Team A"), OrgUnit("B", "Team B", "A")])
    project.save_questionnaire(one_item_questionnaire())
    project.ensure_round("2025")
    add_one_response(project, "2025", "B")
    with pytest.raises(RefusedError,
                       match=r"B \(Team B\) cannot be removed because it has answers"):
        project.replace_org([OrgUnit("A", "Team A")])
    project.replace_org([OrgUnit("B", "Team B (renamed)"), OrgUnit("A", "Team A", "B")])
    assert project.org_units() == [OrgUnit("B", "Team B (renamed)"), OrgUnit("A", "Team A", "B")]
    assert project.response_counts_by_unit("2025") == {"B": 1, "A": 0}


# --- indicators, assessments, action plans --------------------------------------------------


def test_indicators_are_upserted_and_removed(project: Project) -> None:
    project.replace_org([OrgUnit("A", "Team A"), OrgUnit("B", "Team B")])
    project.set_indicator("B", "2024", "caseload", 31)
    project.set_indicator("A", "2024", "turnover_pct", 12.5)
    project.set_indicator("A", "2024", "turnover_pct", 14.0)
    project.set_indicator("A", "2023", "turnover_pct", 9.0)
    assert [(i.unit, i.period, i.value) for i in project.indicators(kind="turnover_pct")] == [
        ("A", "2023", 9.0),
        ("A", "2024", 14.0),
    ]
    assert [i.kind for i in project.indicators(unit_code="B")] == ["caseload"]
    project.set_indicator("A", "2023", "turnover_pct", None)
    assert len(project.indicators()) == 2
    with pytest.raises(RefusedError, match="Z"):
        project.set_indicator("Z", "2024", "caseload", 1.0)
    with pytest.raises(RefusedError, match="number"):
        project.set_indicator("A", "2024", "caseload", math.nan)


def test_assessments_per_unit_and_round(project: Project) -> None:
    project.replace_org([OrgUnit("A", "Team A"), OrgUnit("B", "Team B")])
    project.save_questionnaire(one_item_questionnaire())
    project.ensure_round("2025")
    assert project.assessment("A", "2025") is None
    project.set_assessment("A", "2025", "Travlhed giver fravær.")
    project.set_assessment("A", "2025", "Travlhed giver langtidsfravær.")
    project.set_assessment("B", "2025", "Ingen sammenhæng.")
    assert project.assessment("A", "2025") == "Travlhed giver langtidsfravær."
    assert project.assessments("2025") == {
        "A": "Travlhed giver langtidsfravær.",
        "B": "Ingen sammenhæng.",
    }
    project.set_assessment("B", "2025", "  ")
    assert project.assessments("2025") == {"A": "Travlhed giver langtidsfravær."}


def test_action_plan_items(project: Project) -> None:
    project.replace_org([OrgUnit("A", "Team A")])
    project.save_questionnaire(one_item_questionnaire())
    project.ensure_round("2024")
    project.ensure_round("2025")
    first, days = days_during(lambda: project.add_action(
        "2025", "For mange sager", unit="A", dimension="QD", deadline=date(2025, 10, 1)
    ))
    project.add_action("2024", "Støj i kontorlandskab", responsible="AMiR")
    assert (first.round, first.unit, first.status) == ("2025", "A", "not_started")
    assert first.created in days
    updated = project.update_action(
        first.id,
        status="done",
        follow_up_date=datetime(2025, 11, 3, 10, 5),
        effect="Sagstal faldet",
        unit=None,
    )
    assert (updated.status, updated.follow_up_date, updated.unit) == (
        "done",
        date(2025, 11, 3),
        None,
    )
    assert [a.problem for a in project.actions()] == ["For mange sager", "Støj i kontorlandskab"]
    assert [a.problem for a in project.actions("2025")] == ["For mange sager"]
    with pytest.raises(RefusedError, match="status"):
        project.update_action(first.id, status="finished")
    with pytest.raises(RefusedError, match="colour"):
        project.update_action(first.id, colour="red")
    with pytest.raises(RefusedError, match="problem"):
        project.add_action("2025", "   ")
    project.delete_action(first.id)
    assert [a.round for a in project.actions()] == ["2024"]


def test_several_action_changes_are_stored_all_or_none(project: Project) -> None:
    project.save_questionnaire(one_item_questionnaire())
    project.replace_org([OrgUnit("A", "Afdeling A")])
    project.ensure_round("2025")
    first = project.add_action("2025", "Travlhed", unit="A")
    with pytest.raises(RefusedError):
        project.change_actions([(first.id, {"status": "done"})],
                               [("2025", "Nyt punkt", {"unit": "NOPE"})])
    assert project.actions()[0].status == "not_started" and len(project.actions()) == 1
    project.change_actions([(first.id, {"status": "done"})], [("2025", "Nyt punkt", {"unit": "A"})])
    assert [a.status for a in project.actions()] == ["done", "not_started"]
