"""How many experienced something at all: for a scored question about offensive behaviour
("Har du været udsat for mobning? Dagligt … Nej"), the share of the scored answers that are
not the "never" end, whatever the frequency. A committee reads "12 % have been bullied"; a
score of 8 on a 0–100 scale says little to it.

The share is computed from a distribution that the release's disclosure already shows (the
strict threshold of offensive behaviour is its family's): a hidden distribution has no share.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from apv_desktop.core.distribution import ItemDistribution
from apv_desktop.core.model import Direction, Item, Questionnaire
from apv_desktop.core.scoring import item_score_lookup


@dataclass(frozen=True)
class Occurrence:
    share: float  # 0..1 of the scored answers
    experienced: int
    answered: int  # scored answers ("ved ikke" not counted)


@dataclass(frozen=True)
class OccurrenceRule:
    """Which answers of one question are scored, and which of them mean "never"."""

    scored: frozenset[int]  # choice positions with a score
    never: frozenset[int]  # the scored positions at the good end of the dimension

    def of(self, distribution: ItemDistribution) -> Occurrence | None:
        """The share who experienced it, or None where the distribution is hidden."""
        counts = distribution.counts
        if distribution.suppressed or counts is None:
            return None
        answered = sum(c for k, c in enumerate(counts) if k in self.scored)
        if not answered:
            return None
        experienced = answered - sum(c for k, c in enumerate(counts) if k in self.never)
        return Occurrence(experienced / answered, experienced, answered)


def occurrence_rule(questionnaire: Questionnaire, item: Item) -> OccurrenceRule | None:
    """The rule for a scored question; None when the question is not scored."""
    lookup = item_score_lookup(questionnaire).get(item.name)
    dimension = questionnaire.dimension(item.dimension) if item.dimension else None
    if lookup is None or dimension is None:
        return None
    scored = {k: float(v) for k, v in enumerate(lookup) if not math.isnan(v)}
    if not scored:
        return None
    pick = min if dimension.direction is Direction.HIGHER_IS_WORSE else max
    best = pick(scored.values())
    return OccurrenceRule(frozenset(scored), frozenset(k for k, v in scored.items() if v == best))
