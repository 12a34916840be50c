"""Change since an earlier round, where the two rounds measured a dimension with the same items.

A dimension is comparable when its scored item names are the same in both questionnaires
(results across versions compare by item name). Differences below 5 points are noise.
"""

from __future__ import annotations

from dataclasses import dataclass

from apv_desktop.core.model import Direction, Questionnaire
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


def oriented_change(delta: float, direction: Direction) -> float:
    """A change turned the way "Forskel" is: minus is always worse (a rise in stress is minus)."""
    return delta if direction is Direction.HIGHER_IS_BETTER else -delta


def scored_items(questionnaire: Questionnaire, dimension: str) -> frozenset[str]:
    return frozenset(
        i.name for i in questionnaire.items()
        if i.dimension == dimension and questionnaire.is_scored(i)
    )


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
    trends: dict[tuple[str, str], Trend] = {}
    for score in current.scores:
        before = earlier.get((score.unit, score.dimension))
        ok = comparable[score.dimension]
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
