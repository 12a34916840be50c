"""The attacker of test_disclosure_attacker, given results by background group as well.

The release now holds the tree (every shown score and item distribution) and a breakdown by a
background question: per shown unit, group and dimension the score's n, sum and sum of squares.
The attacker is granted everyone's group (a manager knows who is a social worker) and, as
before, who answered what kind of answer. A secret is any set of fewer than the threshold's
respondents formed from *atoms* (a unit's own respondents in one group, "no answer" being a group
of its own here), optionally intersected with one answer pattern; it leaks when its vector lies
in the span of everything published. Random trees, random group memberships with skipped
background answers, "ved ikke", half-rule drops, a strict dimension with follow-ups.
"""

from __future__ import annotations

import math
import os
from itertools import combinations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.breakdown import Breakdown, compute_breakdown
from apv_desktop.core.distribution import item_distributions
from apv_desktop.core.model import Choice, ChoiceList, Item, ItemType, OrgUnit, Rules, Section
from apv_desktop.core.results import Results, compute_results
from tests.unit.test_disclosure_attacker import FROM, ITEMS, Oracle, _basis, questionnaire

GROUPS = ChoiceList("job", [Choice("sag"), Choice("adm"), Choice("led")])
ITEMS_S1 = list(ITEMS).index("s1")


def with_background(strict_min_n: int, groups: int):  # type: ignore[no-untyped-def]
    q = questionnaire(strict_min_n)
    q.choice_lists["job"] = ChoiceList("job", GROUPS.choices[:groups])
    q.sections.append(Section("bag", {}, [Item("bg", ItemType.SELECT_ONE, {"da": "Job"},
                                                list_name="job", background=True)]))
    return q


@st.composite
def crossed_releases(draw: st.DrawFn):  # type: ignore[no-untyped-def]
    """Like test_disclosure_attacker.releases, with units large enough for groups to show."""
    size = draw(st.integers(1, 5))
    parents = [None] + [draw(st.integers(0, i - 1)) for i in range(1, size)]
    units = [OrgUnit(f"U{i}", f"U{i}", None if p is None else f"U{p}") for i, p in
             enumerate(parents)]
    min_n = draw(st.integers(3, 4))
    strict = min_n + draw(st.integers(0, 2))
    groups = draw(st.integers(2, 3))
    codes: list[str] = []
    rows: list[list[float]] = []
    for unit in units:
        for _ in range(draw(st.sampled_from([0, 1, 2, 4, 6, 8, 11]))):
            codes.append(unit.code)
            row = []
            for choices, _ in ITEMS.values():
                k = draw(st.integers(-1, len(choices.choices) - 1))  # -1: skipped
                if choices is FROM and k >= 0:
                    k += 1  # a select_multiple stores a bit mask: 1 or 2 (3 = both)
                row.append(math.nan if k < 0 else float(k))
            g = draw(st.sampled_from([-1, *range(groups), *range(groups), 0]))
            rows.append([*row, math.nan if g < 0 else float(g)])
    values = np.array(rows, dtype=float).reshape(len(rows), len(ITEMS) + 1)
    crossed = ResponseSet([*ITEMS, "bg"], codes, values, {})
    breakdown_min_n = draw(st.sampled_from([min_n, min_n, 2 * min_n]))
    return units, crossed, min_n, strict, groups, breakdown_min_n


def publish(case, min_n: int, strict: int) -> tuple[Results, dict, Breakdown]:
    units, responses, _, _, groups, breakdown_min_n = case
    q = with_background(strict, groups)
    rules = Rules(min_n=min_n, comment_min_n=min_n, breakdown_min_n=breakdown_min_n)
    results = compute_results(q, units, responses, rules, "r")
    distributions = item_distributions(q, units, responses, results.disclosure)
    return results, distributions, compute_breakdown(q, units, responses, results, "bg")


class CrossedOracle(Oracle):
    def __init__(self, units: list[OrgUnit], responses: ResponseSet) -> None:
        super().__init__(units, responses)
        column = responses.values[:, responses.item_names.index("bg")]
        self.group = [None if math.isnan(v) else int(v) for v in column]

    def read_all(self, results: Results, distributions: dict, breakdown: Breakdown) -> None:
        # The background question's own distribution tells who is in which group: granted.
        self.read(results, {k: v for k, v in distributions.items() if k[1] in ITEMS})
        members = self.release_members(results, None)
        for cell in breakdown.scores:
            score = cell.score
            if score.suppressed:
                assert score.n is None and score.mean is None and score.ci_low is None
                continue
            g = breakdown.groups.index(cell.group)
            people = [r for r in members[score.unit] if self.group[r] == g]
            self.count_rows.append(self.count_vector(people, ("valid", score.dimension)))
            self.value_rows += [self.score_vector(people, score.dimension),
                                self.square_vector(people, score.dimension)]

    def crossed_leaks(self, min_n: int, strict: int) -> list[str]:
        counts = _basis(self.count_rows, len(self.stats) * self.responses.size)
        values = _basis(self.value_rows, len(self.value_index))
        atoms: dict[tuple[str, int | None], list[int]] = {}
        for r, unit in enumerate(self.responses.unit_codes):
            atoms.setdefault((unit, self.group[r]), []).append(r)
        found: list[str] = []
        seen: set[frozenset[int]] = set()
        patterns: list[tuple | None] = [None, *{self.pattern(r) for r in
                                                range(self.responses.size)}]
        for pattern in patterns:
            parts = [(key, [r for r in people if pattern is None or self.pattern(r) == pattern])
                     for key, people in atoms.items()]
            parts = [(key, people) for key, people in parts if people]
            for size in range(1, strict):
                for chosen in combinations(parts, size):
                    people = sorted(r for _, group in chosen for r in group)
                    if len(people) >= strict or frozenset(people) in seen:
                        continue
                    seen.add(frozenset(people))
                    label = tuple(key for key, _ in chosen)
                    if pattern is None:
                        found += self._count_leaks(counts, people, label, min_n, strict)
                    found += self._value_leaks(values, people, label, min_n, strict)
        return found


def attack(case, *extra_settings: tuple[int, int]) -> list[str]:
    units, responses, min_n, strict, _, _ = case
    oracle = CrossedOracle(units, responses)
    weakest = (min_n, strict)
    for setting in [(min_n, strict), *extra_settings]:
        oracle.read_all(*publish(case, *setting))
        weakest = (min(weakest[0], setting[0]), min(weakest[1], setting[1]))
    return oracle.crossed_leaks(*weakest)


CASES = settings(max_examples=int(os.environ.get("APV_ATTACKER_CASES", "120")), deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
MANY = settings(max_examples=3000, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
many_cases = pytest.mark.skipif(not os.environ.get("APV_ATTACKER_MANY"),
                                reason="thousands of cases: run with APV_ATTACKER_MANY=1")


@CASES
@given(crossed_releases())
def test_no_small_group_is_computable_from_tree_and_breakdown(case) -> None:
    assert attack(case) == []


@CASES
@given(crossed_releases())
def test_two_releases_with_breakdowns_under_different_thresholds_give_no_small_group(
        case) -> None:
    _, _, min_n, strict, _, _ = case
    assert attack(case, (min_n + 1, strict + 1)) == []


@pytest.mark.slow
@many_cases
@MANY
@given(crossed_releases())
def test_no_small_group_is_computable_from_tree_and_breakdown_many_cases(case) -> None:
    assert attack(case) == []


@pytest.mark.slow
@many_cases
@settings(MANY, max_examples=1500)
@given(crossed_releases())
def test_two_releases_with_breakdowns_many_cases(case) -> None:
    _, _, min_n, strict, _, _ = case
    assert attack(case, (min_n + 1, strict + 1)) == []


def test_a_stricter_dimension_never_decides_another_dimensions_cells() -> None:
    """Found by the property test above: under one setting the strict dimension S shared the
    tree's pattern with D, so S's small counts hid D's cell U3 x sag; under a stricter setting
    they did not, D's U3 x sag was shown, and the first release's U0 x sag minus it was the one
    social worker of U1. Each dimension's breakdown pattern is now its own."""
    units = [OrgUnit("U0", "U0"), OrgUnit("U1", "U1", "U0"), OrgUnit("U2", "U2", "U0"),
             OrgUnit("U3", "U3", "U0"), OrgUnit("U4", "U4", "U3")]
    codes = ["U0"] * 2 + ["U1"] * 11 + ["U2"] * 6 + ["U3"] * 11 + ["U4"] * 2
    values = np.tile([0.0, 0, 0, 0, 1, 0, 0, math.nan], (len(codes), 1))
    values[[2, 5, 6, 7, 8, 9, 11, 12, 24, 26], ITEMS_S1] = math.nan  # skipped the strict one
    values[[4, 24, 26, 30, 31], -1] = 0  # five social workers: one in U1, four in U3 and U4
    case = (units, ResponseSet([*ITEMS, "bg"], codes, values, {}), 3, 3, 2, 3)
    assert attack(case, (4, 4)) == []


def test_the_attacker_finds_a_group_given_away_by_subtraction() -> None:
    """The oracle can fail: a breakdown shown without complementary suppression leaks."""
    units = [OrgUnit("U0", "U0")]
    rows = 8
    values = np.full((rows, len(ITEMS) + 1), 0.0)
    values[:, -1] = [0, 0, 0, 0, 0, 0, 1, 1]  # six in one group, two in the other
    responses = ResponseSet([*ITEMS, "bg"], ["U0"] * rows, values, {})
    case = (units, responses, 3, 3, 2, 3)
    results, distributions, breakdown = publish(case, 3, 3)
    oracle = CrossedOracle(units, responses)
    oracle.read(results, {k: v for k, v in distributions.items() if k[1] in ITEMS})
    oracle.read_all(results, {}, breakdown)
    assert oracle.crossed_leaks(3, 3) == []  # as published: the large group is hidden too
    shown = breakdown.cell("U0", "sag", "D").score
    assert shown.suppressed and shown.hidden_reason == "complementary"
    people = [r for r in range(rows) if oracle.group[r] == 0]
    oracle.count_rows.append(oracle.count_vector(people, ("valid", "D")))
    oracle.value_rows += [oracle.score_vector(people, "D"), oracle.square_vector(people, "D")]
    assert oracle.crossed_leaks(3, 3) != []  # had it been shown, the two would follow
