"""The traffic light, pressure points and strengths for one dimension (design.md defaults).

A strength (gode erfaringer) mirrors a pressure point: a green score at least `pressure_gap`
points better than the comparison basis (the organisation, or the reference value)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from apv_desktop.core.model import Direction, Rules
from apv_desktop.core.scoring import round_half_up

GREEN, YELLOW, RED = "green", "yellow", "red"
Translate = Callable[..., str]


@dataclass(frozen=True)
class Verdict:
    light: str
    pressure_point: bool
    strength: bool
    gap: float | None  # oriented difference to the comparison basis; negative = worse
    severity: float  # how far from good; larger = worse, negative = comfortably good


@dataclass(frozen=True)
class Judge:
    """Judges scores of one dimension; `organisation_mean` is None when the organisation's own
    score is hidden (then no gap to it is shown)."""

    rules: Rules
    direction: Direction
    reference: float | None
    organisation_mean: float | None
    # Verdicts by shown mean: a dimension's scores take at most 1,001 shown values, judged
    # once each (a breakdown judges tens of thousands of cells)
    _known: dict[float, Verdict] = field(default_factory=dict, compare=False, repr=False)

    def oriented(self, mean: float) -> float:
        """The score turned so that higher is better."""
        return mean if self.direction is Direction.HIGHER_IS_BETTER else 100.0 - mean

    def verdict(self, mean: float) -> Verdict:
        found = self._known.get(mean)
        if found is None:
            found = self._known[mean] = self._judge(mean)
        return found

    def _judge(self, mean: float) -> Verdict:
        rules = self.rules
        score = self.oriented(mean)
        # Lights judge the figures as they are shown (one decimal): a shown 66.7 is never yellow.
        if self.reference is not None:
            to_reference = score - self.oriented(self.reference)
            shown = round_half_up(to_reference) or 0.0
            light = (
                RED if shown <= rules.reference_red_at
                else YELLOW if shown <= rules.reference_yellow_at
                else GREEN
            )
            severity = -to_reference
        else:
            shown = round_half_up(score) or 0.0
            light = RED if shown < rules.yellow_at else YELLOW if shown < rules.green_at else GREEN
            severity = rules.green_at - score
        gap = self._gap(score)
        behind = gap is not None and gap <= -rules.pressure_gap
        ahead = gap is not None and gap >= rules.pressure_gap
        return Verdict(
            light=light,
            pressure_point=light == RED or behind,
            strength=light == GREEN and ahead,
            gap=gap,
            severity=max(severity, -gap) if behind and gap is not None else severity,
        )

    def _gap(self, score: float) -> float | None:
        by_reference = self.rules.comparison == "reference"
        basis = self.reference if by_reference else self.organisation_mean
        # Gaps are judged as shown (one decimal, half up), so 9.95 behind counts as 10.
        return None if basis is None else round_half_up(score - self.oriented(basis))


def direction_text(tr: Translate, direction: Direction) -> str:
    """Which way a dimension's score reads, said wherever a score is shown (window, report,
    charts): COPSOQ mixes resources (higher is better) and demands (higher is worse)."""
    if direction is Direction.HIGHER_IS_WORSE:
        return tr("højere er dårligere")
    return tr("højere er bedre")


def pressure_point_rule(tr: Translate, rules: Rules) -> str:
    """What makes a score a pressure point (and a strength), said beside every list of them:
    a point may be red without being far from the others, or far behind without being red."""
    if rules.comparison == "reference":
        return tr("Et pressionspunkt er en score, der er rød eller mindst {gap} point "
                  "dårligere end referenceværdien.", gap=f"{rules.pressure_gap:g}")
    return tr("Et pressionspunkt er en score, der er rød eller mindst {gap} point "
              "dårligere end hele organisationen. Gode erfaringer er grønne "
              "scorer mindst {gap} point bedre end organisationen.",
              gap=f"{rules.pressure_gap:g}")


def score_with_direction(tr: Translate, dimension: str, score: str, direction: Direction) -> str:
    """A dimension and its score as a list line ("Udbrændthed 21,7 (lav er godt)"): a strength
    of a demand is a low score, and the reader is told so instead of having to know it."""
    if direction is Direction.HIGHER_IS_WORSE:
        return tr("{dimension} {score} (lav er godt)", dimension=dimension, score=score)
    return tr("{dimension} {score} (høj er godt)", dimension=dimension, score=score)
