"""Scores computed by hand: reversed items, 'ved ikke', the half rule, roll-up, intervals."""

from __future__ import annotations

import statistics

import pytest

from apv_desktop.core.model import Rules
from apv_desktop.core.results import compute_results
from apv_desktop.core.scoring import t_critical_95
from tests.unit.core_fixtures import response_set, small_org, small_questionnaire

ROWS = [
    # Team A. QD items q1, q2, q3 (q3 reversed: a->0 ... e->100); 'dk' is not scored.
    ("A", {"q1": "a", "q2": "b", "q3": "e", "s1": "a", "s2": "a"}),  # QD (100+75+100)/3
    ("A", {"q1": "dk", "q2": "dk", "q3": "c", "s1": "c"}),  # QD: 1 of 3 answered -> missing
    ("A", {"q1": "c", "q2": "dk", "q3": "a", "s1": "e", "s2": "c"}),  # QD (50+0)/2
    # Team B
    ("B", {"q1": "b", "q2": "b", "q3": "b", "s1": "b", "s2": "b"}),  # QD (75+75+25)/3
    ("B", {"q1": "e", "q2": "e", "s1": "d", "s2": "d"}),  # QD (0+0)/2: 2 of 3 is enough
    ("B", {"q1": "a", "q2": "a", "q3": "a", "s2": "a"}),  # QD (100+100+0)/3, SS 1 of 2 = half
]
A_QD = [(100 + 75 + 100) / 3, (50 + 0) / 2]
B_QD = [(75 + 75 + 25) / 3, 0.0, (100 + 100 + 0) / 3]


# Rules that hide nothing, so the scores themselves can be checked by hand.
SHOW_ALL = Rules(min_n=1, comment_min_n=1)


def compute(rules: Rules):
    q = small_questionnaire()
    return compute_results(q, small_org(), response_set(ROWS, q), rules, "2025")


def test_team_scores_follow_the_convention_by_hand() -> None:
    results = compute(SHOW_ALL)
    a, b = results.score("A", "QD"), results.score("B", "QD")
    assert a.n == 2 and a.mean == pytest.approx(statistics.mean(A_QD), abs=0.05)
    assert b.n == 3 and b.mean == pytest.approx(statistics.mean(B_QD), abs=0.05)
    # SS: row 2 answered 1 of 2 items, which is half: counted.
    assert results.score("A", "SS").mean == pytest.approx(statistics.mean([100, 50, 25]), abs=0.05)
    assert results.score("B", "SS").mean == pytest.approx(statistics.mean([75, 25, 100]), abs=0.05)


def test_a_unit_covers_its_sub_units() -> None:
    results = compute(SHOW_ALL)
    org = results.score("ORG", "QD")
    assert org.n == 5
    assert org.mean == pytest.approx(statistics.mean(A_QD + B_QD), abs=0.05)
    assert results.unit("ORG").responses == 6
    assert results.unit("ORG").headcount == 16  # own 4 + 6 + 6
    assert results.unit("A").response_rate == pytest.approx(3 / 6)


def test_interval_is_a_t_interval() -> None:
    results = compute(SHOW_ALL)
    b = results.score("B", "QD")
    half = t_critical_95(2) * statistics.stdev(B_QD) / 3**0.5
    assert b.ci_low == pytest.approx(max(0.0, statistics.mean(B_QD) - half), abs=0.05)
    assert b.ci_high == pytest.approx(min(100.0, statistics.mean(B_QD) + half), abs=0.05)


def test_light_respects_direction() -> None:
    results = compute(SHOW_ALL)
    # QD is higher-is-worse: Team B's 41.7 demands orient to 58.3 -> yellow.
    assert results.score("B", "QD").light == "yellow"
    # SS is higher-is-better: Team A's support 58.3 -> yellow; Team B's 66.7 -> green.
    assert results.score("A", "SS").light == "yellow"
    assert results.score("B", "SS").light == "green"


def test_reference_decides_the_light_when_given() -> None:
    q = small_questionnaire()
    q.dimensions[1].reference = 75.0  # SS, higher is better
    results = compute_results(q, small_org(), response_set(ROWS, q), SHOW_ALL, "r")
    assert results.score("A", "SS").light == "red"  # 58.3 - 75 = -16.7
    assert results.score("B", "SS").light == "yellow"  # 66.7 - 75 = -8.3


def test_pressure_point_when_red_or_ten_behind_the_organisation() -> None:
    results = compute(SHOW_ALL)
    org_ss = results.score("ORG", "SS").mean
    a_ss = results.score("A", "SS")
    assert a_ss.light == "yellow"
    assert a_ss.gap == pytest.approx(a_ss.mean - org_ss)
    assert a_ss.pressure_point == (a_ss.gap <= -10)
    assert not results.score("ORG", "QD").pressure_point  # the organisation itself is no team
    ranked = results.pressure_points()
    assert [p.severity for p in ranked] == sorted((p.severity for p in ranked), reverse=True)


def test_too_small_team_is_hidden_and_its_sibling_protects_it() -> None:
    q = small_questionnaire()
    full = {"q1": "a", "q2": "b", "q3": "c", "s1": "a", "s2": "b"}
    rows = [("A", full), ("A", full), ("B", full), ("B", full), ("B", full)]
    results = compute_results(q, small_org(), response_set(rows, q), Rules(min_n=3), "r")
    a, b = results.score("A", "QD"), results.score("B", "QD")
    assert a.suppressed and a.hidden_reason == "too_few" and a.mean is None and a.light is None
    # Without hiding B, ORG minus B would give Team A's two respondents.
    assert b.suppressed and b.hidden_reason == "complementary" and b.mean is None
    assert not results.score("ORG", "QD").suppressed


@pytest.mark.parametrize(
    ("red", "yellow"), [(-5.0, -10.0), (-10.0, 2.0), (-5.0, -5.0)],
    ids=["red above yellow", "yellow above zero", "equal"],
)
def test_reference_thresholds_must_be_ordered(red: float, yellow: float) -> None:
    problems = Rules(reference_red_at=red, reference_yellow_at=yellow).validate()
    assert any("reference_red_at" in p for p in problems)
    assert Rules().validate() == []
