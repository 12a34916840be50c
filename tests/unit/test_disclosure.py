"""The disclosure model by example: exact numbers, inherited thresholds, honest reasons, texts
that name hidden units."""

from __future__ import annotations

import numpy as np

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.department_report import hidden_units_named
from apv_desktop.core.disclosure import hidden_reason_text, item_threshold
from apv_desktop.core.model import Dimension, Item, ItemType, OrgUnit, Rules, Section
from apv_desktop.core.results import compute_results
from apv_desktop.core.results_export import results_csv, results_dict
from apv_desktop.core.validation import validate
from apv_desktop.i18n import translator
from apv_desktop.interchange.templates import load_template
from tests.unit.core_fixtures import response_set, small_org, small_questionnaire

SHOW_ALL = Rules(min_n=1, comment_min_n=1)


def shuffled(responses: ResponseSet, seed: int) -> ResponseSet:
    order = np.random.default_rng(seed).permutation(responses.size)
    return ResponseSet(responses.item_names, [responses.unit_codes[i] for i in order],
                       responses.values[order], {})


def test_the_same_answers_in_any_stored_order_give_the_same_figures() -> None:
    q = small_questionnaire()
    rng = np.random.default_rng(7)
    answers = "abcde"
    rows = [(unit, {name: answers[rng.integers(5)] for name in ("q1", "q2", "q3", "s1", "s2")})
            for unit in ["A"] * 37 + ["B"] * 41]
    responses = response_set(rows, q)
    first = results_dict(compute_results(q, small_org(), responses, Rules(), "r"))
    for seed in range(5):
        again = compute_results(q, small_org(), shuffled(responses, seed), Rules(), "r")
        assert results_dict(again) == first


def test_means_are_rounded_half_up_from_the_exact_fraction() -> None:
    q = small_questionnaire()
    # SS: two respondents score (25 + 0) / 2 = 12.5, two score 0: the mean is exactly 6.25.
    rows = [("A", {"s1": "d", "s2": "e"})] * 2 + [("A", {"s1": "e", "s2": "e"})] * 2
    results = compute_results(q, small_org(), response_set(rows, q), SHOW_ALL, "r")
    assert results.score("A", "SS").mean == 6.3  # round() would give 6.2 (half to even)
    assert any(row.startswith("A,Team A,SS,Støtte,4,6.3,") for row in
               results_csv(results).splitlines())


def test_hidden_cells_publish_no_count_of_their_own() -> None:
    q = small_questionnaire()
    rows = [("A", {"q1": "a", "q2": "a", "q3": "a"})] * 2 + \
        [("B", {"q1": "b", "q2": "b", "q3": "b"})] * 6
    data = results_dict(compute_results(q, small_org(), response_set(rows, q), Rules(), "r"))
    team_a = next(s for s in data["scores"] if (s["unit"], s["dimension"]) == ("A", "QD"))
    assert team_a["suppressed"] and team_a["n"] is None and team_a["mean"] is None
    assert next(u for u in data["units"] if u["code"] == "A")["responses"] == 2


def test_thresholds_are_inherited_through_every_relevant_path() -> None:
    q = small_questionnaire()
    q.dimensions.append(Dimension("BU", {"da": "Mobning"}, min_n=10))
    q.sections[0].items[0].dimension = "BU"  # q1 is about offensive behaviour
    who = Item("who", ItemType.SELECT_MULTIPLE, list_name="freq", relevant="${q1} != 'e'")
    again = Item("again", ItemType.SELECT_ONE, list_name="freq", relevant="${who} != ''")
    on_page = Item("on_page", ItemType.SELECT_ONE, list_name="freq")
    q.sections[0].items += [who, again]
    q.sections.append(Section("p2", {}, [on_page], relevant="${q1} = 'a'"))
    rules = Rules(min_n=5)
    assert [item_threshold(q, i, rules) for i in (who, again, on_page)] == [10, 10, 10]
    assert item_threshold(q, q.sections[0].items[3], rules) == 5  # s1 reads nothing strict


def test_follow_ups_are_hidden_with_the_question_they_follow() -> None:
    q = small_questionnaire()
    who = Item("who", ItemType.SELECT_ONE, list_name="freq", relevant="${s1} = 'a'")
    q.sections[0].items.append(who)
    rows = [("A", {"s1": "a", "s2": "a", "who": "b"})] * 6 + \
        [("B", {"s1": "a", "s2": "a", "who": "b"})] * 3
    results = compute_results(q, small_org(), response_set(rows, q), Rules(), "r")
    disclosure = results.disclosure
    for unit in ("ORG", "A", "B"):
        if results.score(unit, "SS").suppressed:
            assert disclosure.item_hidden(unit, "who") is not None
    assert disclosure.item_threshold("who") == disclosure.dimension_threshold("SS")


def test_hidden_reasons_are_honest_and_the_same_words_everywhere() -> None:
    q = small_questionnaire()
    full = {"q1": "a", "q2": "b", "q3": "c", "s1": "a", "s2": "b"}
    rows = [("A", full)] * 2 + [("B", full)] * 6
    results = compute_results(q, small_org(), response_set(rows, q), Rules(), "r")
    assert results.score("A", "QD").hidden_reason == "too_few"
    assert results.score("B", "QD").hidden_reason == "complementary"
    assert results.unit("B").hidden_reason == "complementary"
    tr = translator("da")
    assert hidden_reason_text(tr, "too_few") == "skjult, for få svar"
    assert hidden_reason_text(tr, "complementary") == "skjult for at beskytte en mindre gruppe"


def test_a_department_text_naming_a_hidden_unit_is_found() -> None:
    q = small_questionnaire()
    full = {"q1": "a", "q2": "b", "q3": "c", "s1": "a", "s2": "b"}
    rows = [("A", full)] * 2 + [("B", full)] * 6
    results = compute_results(q, small_org(), response_set(rows, q), Rules(), "r")
    text = "I team a er arbejdspresset for højt; Team B savner ledelse. Teamarbejdet er godt."
    assert hidden_units_named(results, text) == ["Team A", "Team B"]
    assert hidden_units_named(results, "Forvaltningen samlet: godt.") == []


def test_the_sick_leave_causes_naming_offensive_behaviour_keep_the_strict_threshold() -> None:
    q = load_template("sygefravaer")
    causes = q.item("sl_aarsag")
    assert causes is not None
    labels = [c.label("da") for c in q.choices_for(causes).choices]  # type: ignore[union-attr]
    assert "Krænkende handlinger, trusler eller vold" in labels
    assert item_threshold(q, causes, Rules(min_n=5)) == 10
    assert not [p for p in validate(q) if "SL_KR" in str(p)]
    # In a release, the causes of a team of 6 are hidden while its sick-leave score is shown.
    names = [i.name for i in q.answerable_items()]
    values = np.full((6, len(names)), np.nan)
    values[:, names.index("sl_dage")] = 1
    values[:, names.index("sl_1")] = 0  # 'ja'
    values[:, names.index("sl_aarsag")] = 1
    for name in ("sl_2", "sl_3"):
        values[:, names.index(name)] = 0
    team = ResponseSet(names, ["T"] * 6, values, {})
    results = compute_results(q, [OrgUnit("T", "Team")], team, Rules(min_n=5), "r")
    assert not results.score("T", "SL").suppressed
    assert results.disclosure.item_hidden("T", "sl_aarsag") is not None
