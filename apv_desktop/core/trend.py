"""Change since an earlier round, where the two rounds measured a dimension with the same items
and the unit is made of the same units.

A dimension is comparable when its scored item names are the same in both questionnaires
(results across versions compare by item name). A unit is comparable when its composition (the
units in its subtree, itself included) is the same in both rounds' org trees, each frozen when
its round closed: after a team moved, neither its old nor its new department compares ("ikke
sammenlignelig"). Differences below 5 points are noise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from apv_desktop.core.model import Questionnaire
from apv_desktop.core.results import Results

NOISE = 5.0


@dataclass(frozen=True)
class Trend:
    unit: str
    dimension: str
    previous: float | None
    current: float | None
    delta: float | None  # current - previous, on the dimension's own scale
    comparable: bool

    @property
    def meaningful(self) -> bool:
        return self.delta is not None and abs(self.delta) >= NOISE


def scored_items(questionnaire: Questionnaire, dimension: str) -> frozenset[str]:
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


def compare_rounds(
    current: Results,
    current_questionnaire: Questionnaire,
    previous: Results,
    previous_questionnaire: Questionnaire,
) -> dict[tuple[str, str], Trend]:
    """(unit, dimension) -> trend; delta only where both scores are shown and comparable."""
    comparable = {
        d.code: bool(scored_items(current_questionnaire, d.code))
        and scored_items(current_questionnaire, d.code)
        == scored_items(previous_questionnaire, d.code)
        for d in current.dimensions
    }
    earlier = {(s.unit, s.dimension): s for s in previous.scores}
    if previous.organisation.code != current.organisation.code:
        # the org changed shape (e.g. a new top unit): compare the organisation rows anyway
        for s in previous.scores:
            if s.unit == previous.organisation.code:
                earlier[(current.organisation.code, s.dimension)] = s
    now = compositions((u.code, u.parent) for u in current.units)
    then = compositions((u.code, u.parent) for u in previous.units)
    whole = {current.organisation.code}  # the organisation is everybody in both rounds
    trends: dict[tuple[str, str], Trend] = {}
    for score in current.scores:
        before = earlier.get((score.unit, score.dimension))
        ok = comparable[score.dimension] and (
            score.unit in whole or (score.unit in then and now.get(score.unit) == then[score.unit]))
        previous_mean = before.mean if before is not None and ok else None
        delta = (
            score.mean - previous_mean
            if score.mean is not None and previous_mean is not None
            else None
        )
        trends[(score.unit, score.dimension)] = Trend(
            score.unit, score.dimension, previous_mean, score.mean, delta, ok
        )
    return trends
