"""One rule for what two rounds compare on: the team view's trend and the action plan's
follow-up score a dimension on the same shared items and so never contradict each other."""

from __future__ import annotations

import pytest

from apv_desktop.core.followup import Target, Verdict, follow_up
from apv_desktop.core.model import Rules
from apv_desktop.core.results import compute_results
from apv_desktop.core.trend import compare_rounds, compared_items
from tests.unit.test_followup import FIRST, PULSE, UNITS

RULES = Rules(min_n=3, comment_min_n=3)


def _results(answers):  # type: ignore[no-untyped-def]
    return compute_results(answers.questionnaire, UNITS, answers.responses, RULES, answers.name)


def test_a_pulse_asking_part_of_a_dimension_compares_in_trend_and_follow_up_alike() -> None:
    # Before the rule was shared the trend called D "not comparable" (the pulse asks b, the
    # full round a and b) while the follow-up compared it on b: the two screens contradicted.
    trends = compare_rounds(_results(PULSE), PULSE, _results(FIRST), FIRST, UNITS)
    (followed,) = follow_up([Target("T1", "D")], FIRST, PULSE, UNITS, RULES)
    trend = trends[("T1", "D")]
    assert compared_items(FIRST.questionnaire, PULSE.questionnaire, "D") == ("b",)
    assert trend.comparable and trend.partial and trend.items == followed.compared_items
    assert followed.before is not None and followed.after is not None
    assert trend.previous == followed.before.mean == 50.0
    assert trend.current == followed.after.mean
    assert trend.delta == pytest.approx(followed.change)
    assert followed.verdict is Verdict.BETTER and trend.meaningful


def test_identical_items_use_the_rounds_own_scores() -> None:
    now, before = _results(FIRST), _results(FIRST)
    trend = compare_rounds(now, FIRST, before, FIRST, UNITS)[("T2", "D")]
    assert trend.comparable and not trend.partial
    assert trend.current == now.score("T2", "D").mean and trend.delta == 0.0
