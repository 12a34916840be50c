"""Change since an earlier round, and the one rule of what two rounds compare on.

Rounds compare by item name, on the scored items of a dimension that both questionnaires ask
(`compared_items`). When that is every scored item of the dimension in both rounds, each round's
own scores are those scores; otherwise (a pulse asks one of a dimension's three items) both
rounds are scored again on the shared items alone (`scores_on_items`), with the same anonymity
rules as everywhere else. The team view's trend and the action plan's follow-up both use this
rule, so they never disagree about whether, or on what, a dimension compares.
A unit compares only where its composition (the units in its subtree, itself included) is the
same in both rounds' org trees, each frozen when its round closed: after a team moved, neither
its old nor its new department compares ("ikke sammenlignelig").
Differences below 5 points are noise.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass

from apv_desktop.core.answers import RoundAnswers
from apv_desktop.core.model import Direction, OrgUnit, Questionnaire, Rules
from apv_desktop.core.results import Results, Score, compute_results

NOISE = 5.0
UnitScores = dict[str, Score]  # one dimension's scores of a round, by unit code


@dataclass(frozen=True)
class Trend:
    unit: str
    dimension: str
    previous: float | None
    current: float | None
    delta: float | None  # current - previous, on the dimension's own scale
    comparable: bool
    items: tuple[str, ...] = ()  # the scored items both rounds asked (what was compared)
    partial: bool = False  # compared on fewer items than one of the rounds asked

    @property
    def meaningful(self) -> bool:
        return self.delta is not None and abs(self.delta) >= NOISE


def oriented_change(delta: float, direction: Direction) -> float:
    """A change turned the way "Forskel" is: minus is always worse (a rise in stress is minus)."""
    return delta if direction is Direction.HIGHER_IS_BETTER else -delta


def scored_items(questionnaire: Questionnaire, dimension: str | None) -> frozenset[str]:
    if dimension is None:
        return frozenset()
    return frozenset(
        i.name for i in questionnaire.items()
        if i.dimension == dimension and questionnaire.is_scored(i)
    )


def compositions(units: Iterable[tuple[str, str | None]]) -> dict[str, frozenset[str]]:
    """Unit code -> the codes of its subtree (itself included), from (code, parent) pairs."""
    pairs = list(units)
    parent = dict(pairs)
    found: dict[str, set[str]] = {code: set() for code, _ in pairs}
    for code, _ in pairs:
        current: str | None = code
        seen: set[str] = set()
        while current is not None and current in found and current not in seen:
            seen.add(current)
            found[current].add(code)
            current = parent.get(current)
    return {code: frozenset(members) for code, members in found.items()}


def same_composition(
    unit: str, first: Iterable[tuple[str, str | None]], second: Iterable[tuple[str, str | None]]
) -> bool:
    """Whether `unit` is made of the same units in both trees (false when one lacks it)."""
    before, after = compositions(first), compositions(second)
    return unit in before and before.get(unit) == after.get(unit)


def compared_items(first: Questionnaire, second: Questionnaire, dimension: str | None
                   ) -> tuple[str, ...]:
    """The rule: the scored items of `dimension` that both questionnaires ask (sorted)."""
    return tuple(sorted(scored_items(first, dimension) & scored_items(second, dimension)))


def scores_on_items(answers: RoundAnswers, dimension: str, items: tuple[str, ...],
                    units: list[OrgUnit], rules: Rules) -> UnitScores:
    """The round's scores of `dimension` on `items` alone (a copy of its questionnaire that
    scores nothing else), so two rounds are scored on the same questions."""
    questionnaire = copy.deepcopy(answers.questionnaire)
    wanted = set(items)
    for item in questionnaire.items():
        if item.name not in wanted:
            item.dimension = None
    questionnaire.dimensions = [d for d in questionnaire.dimensions if d.code == dimension]
    if not questionnaire.dimensions:
        return {}
    results = compute_results(questionnaire, answers.units or units, answers.responses, rules,
                              answers.name, state=answers.state)
    return {s.unit: s for s in results.scores}


def compare_rounds(
    current: Results,
    current_answers: RoundAnswers,
    previous: Results,
    previous_answers: RoundAnswers,
    units: list[OrgUnit],
) -> dict[tuple[str, str], Trend]:
    """(unit, dimension) -> trend under `current.rules`; delta only where both scores are shown
    and the rounds share a scored item of the dimension."""
    now_q, before_q = current_answers.questionnaire, previous_answers.questionnaire
    earlier = {(s.unit, s.dimension): s for s in previous.scores}
    if previous.organisation.code != current.organisation.code:
        # the org changed shape (e.g. a new top unit): compare the organisation rows anyway
        for s in previous.scores:
            if s.unit == previous.organisation.code:
                earlier[(current.organisation.code, s.dimension)] = s
    now_tree = compositions((u.code, u.parent) for u in current.units)
    then_tree = compositions((u.code, u.parent) for u in previous.units)
    same_units = {code for code, members in now_tree.items() if then_tree.get(code) == members}
    same_units.add(current.organisation.code)  # the organisation is everybody in both rounds
    trends: dict[tuple[str, str], Trend] = {}
    for dimension in current.dimensions:
        code = dimension.code
        items = compared_items(now_q, before_q, code)
        partial = bool(items) and not (
            set(items) == scored_items(now_q, code) == scored_items(before_q, code))
        now_scores: UnitScores = {s.unit: s for s in current.scores if s.dimension == code}
        if partial:
            now_scores = scores_on_items(current_answers, code, items, units, current.rules)
            before = scores_on_items(previous_answers, code, items, units, current.rules)
            then: dict[str, Score] = before
        else:
            then = {u: s for (u, d), s in earlier.items() if d == code}
        for score in current.scores:
            if score.dimension != code:
                continue
            compared = items if score.unit in same_units else ()
            # never show more than the rounds' own results do: a hidden score stays hidden
            shown_now = now_scores.get(score.unit) if not score.suppressed else None
            mean_now = shown_now.mean if shown_now is not None else None
            own_then = earlier.get((score.unit, code))
            was = then.get(score.unit) if compared and not (
                own_then is not None and own_then.suppressed) else None
            mean_then = was.mean if was is not None else None
            delta = mean_now - mean_then if mean_now is not None and mean_then is not None \
                else None
            trends[(score.unit, code)] = Trend(score.unit, code, mean_then,
                                               mean_now if compared else score.mean, delta,
                                               bool(compared), compared, partial)
    return trends
