"""Results by background group: the figures against the tree's own computation on a subset, and
the cells that must be hidden, by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.breakdown import Breakdown, NotABackgroundQuestion, compute_breakdown
from apv_desktop.core.model import Choice, ChoiceList, Item, ItemType, Questionnaire, Rules
from apv_desktop.core.results import compute_results
from apv_desktop.core.round_state import RoundState
from tests.unit.core_fixtures import FREQ, small_org, small_questionnaire

JOBS = ChoiceList("job", [Choice("sag", {"da": "Sagsbehandler"}), Choice("adm", {"da": "Adm."})])


def questionnaire() -> Questionnaire:
    q = small_questionnaire()
    q.choice_lists["job"] = JOBS
    q.sections[0].items.append(Item("job", ItemType.SELECT_ONE, {"da": "Job"},
                                    list_name="job", background=True))
    return q


def answers(groups: dict[str, list[str | None]], seed: int = 1) -> ResponseSet:
    """Random scored answers (no "ved ikke") to every question; per unit one background answer
    per person."""
    q = questionnaire()
    names = [i.name for i in q.answerable_items()]
    rng = np.random.default_rng(seed)
    codes: list[str] = []
    rows: list[list[float]] = []
    for unit, jobs in groups.items():
        for job in jobs:
            codes.append(unit)
            row = [float(rng.integers(0, len(FREQ.choices) - 1)) for _ in names]
            row[names.index("job")] = math.nan if job is None else float(JOBS.index_of(job) or 0)
            rows.append(row)
    return ResponseSet(names, codes, np.array(rows), {})


def breakdown(groups: dict[str, list[str | None]], rules: Rules) -> Breakdown:
    q = questionnaire()
    responses = answers(groups)
    results = compute_results(q, small_org(), responses, rules, "r")
    return compute_breakdown(q, small_org(), responses, results, "job")


def hidden(found: Breakdown, unit: str, group: str) -> str | None:
    return found.cell(unit, group, "QD").score.hidden_reason


def test_a_shown_cell_is_the_tree_score_of_that_group_alone() -> None:
    groups: dict[str, list[str | None]] = {"A": ["sag"] * 7 + ["adm"] * 6,
                                           "B": ["sag"] * 6 + ["adm"] * 8}
    rules = Rules(min_n=5, breakdown_min_n=10)
    q = questionnaire()
    responses = answers(groups)
    found = compute_breakdown(q, small_org(), responses,
                              compute_results(q, small_org(), responses, rules, "r"), "job")
    assert found.units == ["ORG", "A", "B"] and found.groups == ["sag", "adm"]
    assert found.labels == ["Sagsbehandler", "Adm."]
    shown = [c for c in found.scores if not c.score.suppressed]
    assert len(shown) == 12  # every cell reaches 5 and nothing is left to subtract
    for job in ("sag", "adm"):
        rows = responses.values[:, responses.item_names.index("job")] == JOBS.index_of(job)
        alone = ResponseSet(responses.item_names, list(np.array(responses.unit_codes)[rows]),
                            responses.values[rows], {})
        by_tree = compute_results(q, small_org(), alone, Rules(min_n=3), "r")
        for unit in ("ORG", "A", "B"):
            for dimension in ("QD", "SS"):
                cell, tree = found.cell(unit, job, dimension).score, by_tree.score(unit, dimension)
                assert (cell.n, cell.mean, cell.ci_low, cell.ci_high) == \
                    (tree.n, tree.mean, tree.ci_low, tree.ci_high)
                assert cell.light is not None


def test_a_small_group_is_hidden_and_so_is_the_group_it_could_be_subtracted_from() -> None:
    found = breakdown({"A": ["sag"] * 6 + ["adm"] * 2, "B": ["sag"] * 6 + ["adm"] * 6},
                      Rules(min_n=5, breakdown_min_n=5))
    assert hidden(found, "A", "adm") == "too_few"
    assert hidden(found, "A", "sag") == "complementary"  # A's 8 minus its 6 would give the 2
    # ORG's administrative staff minus B's would give A's two as well.
    assert "complementary" in (hidden(found, "ORG", "adm"), hidden(found, "B", "adm"))
    cell = found.cell("A", "adm", "QD").score
    assert cell.n is None and cell.mean is None and cell.ci_low is None and cell.light is None


def test_people_without_a_group_protect_a_small_one() -> None:
    """With five who did not answer the background question, A minus its 6 gives 7 people."""
    found = breakdown({"A": ["sag"] * 6 + ["adm"] * 2 + [None] * 5, "B": ["sag"] * 6},
                      Rules(min_n=5, breakdown_min_n=5))
    assert hidden(found, "A", "adm") == "too_few"
    assert hidden(found, "A", "sag") is None


def test_units_with_few_answers_get_no_breakdown_and_the_rest_keep_their_pattern() -> None:
    groups: dict[str, list[str | None]] = {"A": ["sag"] * 6 + ["adm"] * 5,
                                           "B": ["sag"] * 5 + ["adm"] * 4}
    wide = breakdown(groups, Rules(min_n=4, breakdown_min_n=4))
    narrow = breakdown(groups, Rules(min_n=4, breakdown_min_n=10))
    assert wide.units == ["ORG", "A", "B"] and narrow.units == ["ORG", "A"]
    for cell in narrow.scores:
        assert cell.score == wide.cell(cell.score.unit, cell.group, cell.score.dimension).score


def test_the_breakdown_is_only_by_an_unscored_single_choice() -> None:
    q = questionnaire()
    responses = answers({"A": ["sag"] * 6})
    results = compute_results(q, small_org(), responses, Rules(), "r")
    with pytest.raises(NotABackgroundQuestion, match="q1 er ikke et baggrundsspørgsmål"):
        compute_breakdown(q, small_org(), responses, results, "q1")
    with pytest.raises(NotABackgroundQuestion, match="intet spørgsmål med navnet nope"):
        compute_breakdown(q, small_org(), responses, results, "nope")


def test_an_open_round_shows_no_cell_of_any_breakdown() -> None:
    q = questionnaire()
    responses = answers({"A": ["sag"] * 7 + ["adm"] * 6, "B": ["sag"] * 6 + ["adm"] * 8})
    results = compute_results(q, small_org(), responses, Rules(), "r",
                              state=RoundState(closed=False))
    found = compute_breakdown(q, small_org(), responses, results, "job")
    assert found.units == ["ORG", "A", "B"]
    assert {c.score.hidden_reason for c in found.scores} == {"withheld"}
    assert all(c.score.n is None and c.score.mean is None for c in found.scores)
