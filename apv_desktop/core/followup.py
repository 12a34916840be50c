"""Did the action work? The score of an action's unit x dimension (or item) in the round the
action was made from, beside the same score in a later round, each with n and its interval.

Rounds compare by item name: a pulse follow-up asks a few items of the full questionnaire under
the same names, so both scores are computed on the items the two rounds share (a dimension of
three items in 2025 and one of them in the pulse is compared on that one item in both rounds).
Each score is a real `compute_results` score of its own round, so the anonymity rules (min_n,
a dimension's stricter threshold, complementary suppression) hold exactly as everywhere else.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from enum import StrEnum

from apv_desktop.core.answers import RoundAnswers
from apv_desktop.core.model import Direction, OrgUnit, Questionnaire, Rules
from apv_desktop.core.results import Score, compute_results
from apv_desktop.core.trend import NOISE, same_composition

UnitScores = dict[str, Score]  # one dimension's scores of a round, by unit code


class Verdict(StrEnum):
    BETTER = "better"  # at least NOISE points better (on the oriented scale)
    WORSE = "worse"
    UNCHANGED = "unchanged"  # a difference below NOISE points
    HIDDEN = "hidden"  # one of the two scores may not be shown (too few answers)
    NOT_COMPARABLE = "not_comparable"  # no shared scored item, or the unit was reorganised
    NO_TARGET = "no_target"  # the action names no unit and dimension or item


@dataclass(frozen=True)
class Target:
    """What an action is about: a unit and a dimension, or a unit and one item."""

    unit: str | None
    dimension: str | None
    item_name: str | None = None


@dataclass(frozen=True)
class ScoreAt:
    round: str
    n: int | None  # None when hidden: a hidden score publishes no count of its own
    mean: float | None  # None when hidden
    ci_low: float | None
    ci_high: float | None
    light: str | None
    suppressed: bool


@dataclass(frozen=True)
class FollowUp:
    target: Target
    dimension: str | None  # the dimension compared (an item's own dimension for an item)
    direction: Direction | None
    compared_items: tuple[str, ...]  # the scored item names both rounds asked
    before: ScoreAt | None
    after: ScoreAt | None
    change: float | None  # after - before, oriented so that positive is better
    verdict: Verdict


def follow_up(
    targets: list[Target],
    before: RoundAnswers,
    after: RoundAnswers,
    units: list[OrgUnit],
    rules: Rules,
) -> list[FollowUp]:
    """One FollowUp per target, in order. Targets sharing a dimension share the computation."""
    cache: dict[tuple[str, tuple[str, ...]], tuple[UnitScores, UnitScores]] = {}
    found: list[FollowUp] = []
    for target in targets:
        dimension, items = _compared(target, before.questionnaire, after.questionnaire)
        if target.unit is None or dimension is None:
            found.append(FollowUp(target, dimension, None, (), None, None, None,
                                  Verdict.NO_TARGET))
            continue
        info = after.questionnaire.dimension(dimension) or before.questionnaire.dimension(
            dimension)
        direction = info.direction if info is not None else None
        if not items or not _same_unit(target.unit, before, after, units):
            found.append(FollowUp(target, dimension, direction, items, None, None, None,
                                  Verdict.NOT_COMPARABLE))
            continue
        key = (dimension, items)
        if key not in cache:
            cache[key] = (
                _scores(before, dimension, items, units, rules),
                _scores(after, dimension, items, units, rules),
            )
        scores_before, scores_after = cache[key]
        found.append(_judged(target, dimension, direction, items,
                             _at(before.name, scores_before, target.unit),
                             _at(after.name, scores_after, target.unit)))
    return found


def _compared(target: Target, first: Questionnaire, second: Questionnaire
              ) -> tuple[str | None, tuple[str, ...]]:
    """The dimension compared and the scored items both questionnaires ask for it."""
    if target.item_name:
        item = second.item(target.item_name) or first.item(target.item_name)
        dimension = item.dimension if item is not None else target.dimension
        shared = _scored(first, dimension) & _scored(second, dimension) & {target.item_name}
        return dimension, tuple(sorted(shared))
    if not target.dimension:
        return None, ()
    dimension = target.dimension
    return dimension, tuple(sorted(_scored(first, dimension) & _scored(second, dimension)))


def _scored(questionnaire: Questionnaire, dimension: str | None) -> set[str]:
    if dimension is None:
        return set()
    return {i.name for i in questionnaire.items()
            if i.dimension == dimension and questionnaire.is_scored(i)}


def _same_unit(unit: str, before: RoundAnswers, after: RoundAnswers,
               units: list[OrgUnit]) -> bool:
    """Whether the unit is made of the same units in both rounds' trees (each frozen when its
    round closed; `units` for a round read without its tree)."""
    first, second = before.units or units, after.units or units
    tops = [{u.code for u in tree if u.parent is None} for tree in (first, second)]
    if tops[0] == tops[1] == {unit}:
        return True  # the organisation is everybody in both rounds
    return same_composition(unit, ((u.code, u.parent) for u in first),
                            ((u.code, u.parent) for u in second))


def _scores(answers: RoundAnswers, dimension: str, items: tuple[str, ...],
            units: list[OrgUnit], rules: Rules) -> UnitScores:
    """Results of the round on a copy of its questionnaire that scores only `items`."""
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


def _at(round_name: str, scores: UnitScores, unit: str) -> ScoreAt | None:
    score = scores.get(unit)
    if score is None:
        return None
    return ScoreAt(round_name, score.n, score.mean, score.ci_low, score.ci_high, score.light,
                   score.suppressed)


def _judged(target: Target, dimension: str, direction: Direction | None,
            items: tuple[str, ...], before: ScoreAt | None, after: ScoreAt | None) -> FollowUp:
    if before is None or after is None or before.mean is None or after.mean is None:
        return FollowUp(target, dimension, direction, items, before, after, None, Verdict.HIDDEN)
    change = after.mean - before.mean
    if direction is Direction.HIGHER_IS_WORSE:
        change = -change
    verdict = (Verdict.UNCHANGED if abs(change) < NOISE
               else Verdict.BETTER if change > 0 else Verdict.WORSE)
    return FollowUp(target, dimension, direction, items, before, after, change, verdict)
