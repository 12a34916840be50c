"""Item distributions, comments and trends: counted by hand, and hidden where they must be."""

from __future__ import annotations

import copy

import numpy as np

from apv_desktop.core.answers import RoundAnswers
from apv_desktop.core.comments import unit_comments
from apv_desktop.core.distribution import item_distributions, item_threshold
from apv_desktop.core.model import Dimension, Direction, Item, ItemType, Rules
from apv_desktop.core.results import compute_results
from apv_desktop.core.trend import compare_rounds
from tests.unit.core_fixtures import response_set, small_org, small_questionnaire
from tests.unit.test_scoring import ROWS


def distributions(q, rows, rules: Rules) -> dict:
    responses = response_set(rows, q)
    results = compute_results(q, small_org(), responses, rules, "r")
    return item_distributions(q, small_org(), responses, results.disclosure)


def test_distribution_counts_choices_by_hand() -> None:
    q = small_questionnaire()
    found = distributions(q, ROWS, Rules(min_n=1, comment_min_n=1))
    # Team A answered q1: a, dk, c; Team B: b, e, a. Choices: a b c d e dk.
    assert found[("A", "q1")].counts == (1, 0, 1, 0, 0, 1)
    assert found[("B", "q1")].counts == (1, 1, 0, 0, 1, 0)
    assert found[("ORG", "q1")].counts == (2, 1, 1, 0, 1, 1) and found[("ORG", "q1")].n == 6


def test_distributions_are_hidden_wherever_their_dimension_is() -> None:
    q = small_questionnaire()
    found = distributions(q, ROWS, Rules(min_n=3))
    results = compute_results(q, small_org(), response_set(ROWS, q), Rules(min_n=3), "r")
    for unit in ("ORG", "A", "B"):
        for item, dimension in (("q1", "QD"), ("q3", "QD"), ("s1", "SS")):
            if results.score(unit, dimension).suppressed:
                assert found[(unit, item)].suppressed
    # SS is shown for the organisation, but two people there scored only one of its two
    # items: the score minus the items' sums would be a figure about those two, so the items'
    # answer counts stay hidden.
    assert not results.score("ORG", "SS").suppressed and found[("ORG", "s1")].suppressed
    # Hidden figures carry no count of their own.
    assert found[("A", "q3")].counts is None and found[("A", "q3")].n is None
    assert results.score("A", "QD").n is None


def test_follow_up_items_inherit_the_stricter_threshold() -> None:
    q = small_questionnaire()
    q.dimensions.append(Dimension("BU", {"da": "Mobning"}, Direction.HIGHER_IS_WORSE, min_n=10))
    q.sections[0].items[0].dimension = "BU"
    follow_up = Item("who", ItemType.SELECT_ONE, list_name="freq", relevant="${q1} != 'e'")
    assert item_threshold(q, follow_up, Rules(min_n=5)) == 10
    assert item_threshold(q, q.sections[0].items[3], Rules(min_n=5)) == 5


def comment_rows(count_a: int, count_b: int) -> tuple:
    q = small_questionnaire()
    rows = [("A", {"q1": "a"})] * count_a + [("B", {"q1": "b"})] * count_b
    responses = response_set(rows, q)
    responses.texts["comment"] = [(r, f"kommentar {r}") for r in range(len(rows))]
    return q, responses


def test_comments_only_where_the_comment_threshold_is_met() -> None:
    q, responses = comment_rows(12, 3)
    rules = Rules(min_n=3, comment_min_n=10)
    results = compute_results(q, small_org(), responses, rules, "2025")
    # Showing both Team A's and the organisation's comments would single out Team B's three:
    # the organisation stays shown (it has all 15) and Team A's comments are held back.
    everyone = unit_comments(q, small_org(), responses, results, "ORG")
    assert sorted(c.text for c in everyone) == sorted(f"kommentar {r}" for r in range(15))
    assert unit_comments(q, small_org(), responses, results, "A") == []
    assert unit_comments(q, small_org(), responses, results, "B") == []
    roomier = compute_results(q, small_org(), responses, Rules(min_n=3, comment_min_n=3), "x")
    team_a = unit_comments(q, small_org(), responses, roomier, "A")
    assert sorted(c.text for c in team_a) == sorted(f"kommentar {r}" for r in range(12))


def test_comments_are_sorted_alphabetically_so_their_order_says_nothing() -> None:
    q, responses = comment_rows(30, 0)
    results = compute_results(q, small_org(), responses, Rules(), "2025")
    texts = [c.text for c in unit_comments(q, small_org(), responses, results, "A")]
    assert texts == sorted(texts) and texts != sorted(texts, key=lambda t: int(t.split()[1]))
    reordered = copy.deepcopy(responses)
    reordered.texts["comment"] = list(reversed(responses.texts["comment"]))
    again = unit_comments(q, small_org(), reordered, results, "A")
    assert [c.text for c in again] == texts


def test_trend_compares_dimensions_on_the_items_both_rounds_asked() -> None:
    q = small_questionnaire()
    responses = response_set(ROWS, q)
    rules = Rules(min_n=2, comment_min_n=2)
    now = compute_results(q, small_org(), responses, rules, "2025")
    earlier_q = copy.deepcopy(q)
    earlier_q.sections[0].items = [i for i in earlier_q.sections[0].items if i.name != "s2"]
    earlier_responses = copy.deepcopy(responses)
    keep = [j for j, name in enumerate(responses.item_names) if name != "s2"]
    earlier_responses.item_names = [responses.item_names[j] for j in keep]
    earlier_responses.values = np.array(responses.values[:, keep]) - 0.0
    earlier_responses.values[:, 0] = 4.0  # everyone answered q1 'e' (0) back then
    before = compute_results(earlier_q, small_org(), earlier_responses, rules, "2022")
    trends = compare_rounds(now, RoundAnswers("2025", q, responses), before,
                            RoundAnswers("2022", earlier_q, earlier_responses), small_org())
    qd = trends[("ORG", "QD")]
    assert qd.comparable and qd.delta == now.score("ORG", "QD").mean - before.score(
        "ORG", "QD").mean
    assert qd.meaningful and not qd.partial
    ss = trends[("ORG", "SS")]  # s2 was not asked in 2022: SS compares on its other items
    assert ss.comparable and ss.partial and "s2" not in ss.items
