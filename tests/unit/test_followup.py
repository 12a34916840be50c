"""Before/after follow-up of actions: the same unit x dimension in two rounds, compared on the
items both rounds asked, with n, intervals and the anonymity rules of the results."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from apv_desktop.core.answers import ResponseSet, RoundAnswers
from apv_desktop.core.followup import Target, Verdict, follow_up
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
from apv_desktop.services.actionplan import follow_ups, overdue_actions
from apv_desktop.services.demo import FOLLOW_UP_ROUND, build_demo
from apv_desktop.store.project import Project
from tests.fixed_dates import DEMO_TODAY

SCALE = ChoiceList("s", [Choice(str(k), {}, 25.0 * (k - 1)) for k in range(1, 6)])
UNITS = [OrgUnit("ORG", "Org"), OrgUnit("T1", "Team 1", "ORG"), OrgUnit("T2", "Team 2", "ORG")]


def form(*names: str, direction: Direction = Direction.HIGHER_IS_BETTER) -> Questionnaire:
    items = [Item(n, ItemType.SELECT_ONE, list_name="s", dimension="D") for n in names]
    return Questionnaire("Q", sections=[Section("", items=items)], choice_lists={"s": SCALE},
                         dimensions=[Dimension("D", direction=direction)])


def answers(names: list[str], rows: list[tuple[str, list[float]]]) -> ResponseSet:
    """Rows of (unit, choice positions 0..4; NaN = no answer)."""
    return ResponseSet(names, [u for u, _ in rows], np.array([v for _, v in rows], dtype=float))


NAN = math.nan
# Round 1 asks a and b; the pulse asks only b, so both are compared on b alone.
FIRST = RoundAnswers("2025", form("a", "b"), answers(["a", "b"], [
    ("T1", [4, 0]), ("T1", [4, 2]), ("T1", [4, 4]),          # b: 0, 50, 100 -> 50
    ("T2", [0, 1]), ("T2", [0, 1]), ("T2", [0, 1]),           # b: 25
]))
PULSE = RoundAnswers("2026", form("b"), answers(["b"], [
    ("T1", [4]), ("T1", [4]), ("T1", [3]),                    # 100, 100, 75 -> 91.67
    ("T2", [1]), ("T2", [1]), ("T2", [1]),                    # 25
]))


def test_scores_compare_on_the_shared_items_with_n_and_interval() -> None:
    (result,) = follow_up([Target("T1", "D")], FIRST, PULSE, UNITS, Rules(min_n=3,
                                                                          comment_min_n=3))
    assert result.compared_items == ("b",)
    assert result.before is not None and result.after is not None
    assert (result.before.round, result.before.n, result.before.mean) == ("2025", 3, 50.0)
    # Figures are published rounded half up to one decimal: 275/3 = 91.67 -> 91.7.
    assert result.after.n == 3 and result.after.mean == 91.7
    # t-interval with 2 df: 50 +- 4.303 * 50 / sqrt(3) = 50 +- 124.2
    assert result.before.ci_low == 0.0
    assert result.before.ci_high == 100.0
    assert result.change == pytest.approx(91.7 - 50)
    assert result.verdict is Verdict.BETTER


def test_a_hidden_score_gives_no_change_and_its_sibling_is_protected_too() -> None:
    rules = Rules(min_n=3, comment_min_n=3)
    few = RoundAnswers("2026", form("b"), answers(["b"], [
        ("T1", [4]), ("T1", [4]), ("T1", [3]), ("T2", [1]), ("T2", [1]),  # T2: only 2
    ]))
    small, sibling = follow_up([Target("T2", "D"), Target("T1", "D")], FIRST, few, UNITS, rules)
    assert small.before is not None and small.before.mean == 25.0
    assert small.after is not None and small.after.suppressed and small.after.mean is None
    assert small.change is None and small.verdict is Verdict.HIDDEN
    # T1 = ORG - T2 would reveal T2, so the complementary rule hides T1 as well
    assert sibling.after is not None and sibling.after.suppressed
    assert sibling.verdict is Verdict.HIDDEN


def test_higher_is_worse_is_turned_so_that_a_fall_is_better() -> None:
    worse_pulse = RoundAnswers("2", form("b", direction=Direction.HIGHER_IS_WORSE),
                               PULSE.responses)
    worse_first = RoundAnswers("1", form("a", "b", direction=Direction.HIGHER_IS_WORSE),
                               FIRST.responses)
    (result,) = follow_up([Target("T1", "D")], worse_first, worse_pulse, UNITS,
                          Rules(min_n=3, comment_min_n=3))
    assert result.change == pytest.approx(50 - 91.7)
    assert result.verdict is Verdict.WORSE


def test_item_targets_unknown_dimensions_and_free_actions() -> None:
    rules = Rules(min_n=3, comment_min_n=3)
    by_item, not_asked, free = follow_up(
        [Target("T1", None, "b"), Target("T1", None, "a"), Target(None, None)],
        FIRST, PULSE, UNITS, rules)
    assert by_item.dimension == "D" and by_item.compared_items == ("b",)
    assert by_item.verdict is Verdict.BETTER
    assert not_asked.verdict is Verdict.NOT_COMPARABLE and not_asked.compared_items == ()
    assert free.verdict is Verdict.NO_TARGET


def test_small_differences_are_unchanged() -> None:
    pulse = RoundAnswers("2026", form("b"), answers(["b"], [
        ("T1", [2]), ("T1", [2]), ("T1", [3]), ("T2", [1]), ("T2", [1]), ("T2", [1]),
    ]))  # T1: 58.33 vs 50 is 8.3 better; T2: 25 vs 25
    results = follow_up([Target("T1", "D"), Target("T2", "D")], FIRST, pulse, UNITS,
                        Rules(min_n=3, comment_min_n=3))
    assert [r.verdict for r in results] == [Verdict.BETTER, Verdict.UNCHANGED]
    assert results[1].change == 0.0


# --- the demo project's two rounds ------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.apv"
    build_demo(path, today=DEMO_TODAY)
    return path


def test_demo_recognition_at_driftsgaarden_improved_and_workload_did_not(demo: Path) -> None:
    with Project.open(demo) as project:
        assert [r.name for r in project.rounds()] == ["2025", FOLLOW_UP_ROUND]
        actions = {(a.unit, a.dimension): a for a in project.actions()}
        found = follow_ups(project, project.actions())
    recognition = found[actions[("VEJ-DRIFT", "RE")].id]
    assert recognition.compared_items == ("re_1", "re_2")  # the pulse asks both
    assert recognition.before is not None and recognition.after is not None
    assert recognition.before.round == "2025" and recognition.after.round == FOLLOW_UP_ROUND
    assert recognition.before.n >= 5 and recognition.after.n >= 5
    assert recognition.before.light == "red" and recognition.after.light != "red"
    assert recognition.verdict is Verdict.BETTER and recognition.change is not None
    assert recognition.change >= 20
    # the interval of the later score lies wholly above the earlier one
    assert recognition.after.ci_low is not None and recognition.before.ci_high is not None
    assert recognition.after.ci_low > recognition.before.ci_high
    workload = found[actions[("FAM-MYN", "QD")].id]
    assert workload.verdict is not Verdict.BETTER
    assert workload.after is not None and workload.after.light == "red"
    violence = found[actions[("BS-BOR", "TV")].id]  # the pulse does not ask about violence
    assert violence.verdict is Verdict.NOT_COMPARABLE


def test_demo_has_exactly_one_overdue_action(demo: Path) -> None:
    with Project.open(demo) as project:
        late = overdue_actions(project, DEMO_TODAY)
    assert [(a.unit, a.dimension, a.status) for a in late] == [("FAM-MYN", "QD", "in_progress")]
