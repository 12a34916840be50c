"""Every unit x dimension result of a round: scores, intervals, lights, pressure points and what
must stay hidden. The one computation behind `results`, the report and the results screen.
What is hidden is decided by core.disclosure for every output; the scores here only ask it."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from apv_desktop.core.anonymity import Hidden, suppress
from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.disclosure import Disclosure
from apv_desktop.core.judgement import Judge
from apv_desktop.core.model import DEFAULT_LANGUAGE, Direction, OrgUnit, Questionnaire, Rules
from apv_desktop.core.orgtree import OrgIndex, roll_up, rolled_headcount
from apv_desktop.core.round_release import released, republished
from apv_desktop.core.round_state import CLOSED, RoundState
from apv_desktop.core.scoring import (
    DimensionScores,
    GroupStats,
    respondent_dimension_scores,
)

Progress = Callable[[float, str], None]
"""Called with a fraction 0..1 and a short message; raises to cancel. No Qt needed."""



@dataclass
class UnitResult:
    code: str
    name: str
    parent: str | None
    headcount: int | None  # the unit with its sub-units
    responses: int  # the unit with its sub-units
    response_rate: float | None
    suppressed: bool
    comments_shown: bool
    depth: int
    hidden_reason: str | None = None  # why the unit's own figures are hidden (Hidden value)


@dataclass
class DimensionInfo:
    code: str
    name: str
    direction: Direction
    reference: float | None
    min_n: int
    domain: str | None


@dataclass
class Score:
    unit: str  # ORGANISATION for the whole organisation
    dimension: str
    n: int | None  # None where hidden: a hidden cell publishes no count of its own
    mean: float | None
    ci_low: float | None
    ci_high: float | None
    light: str | None
    pressure_point: bool
    strength: bool
    suppressed: bool
    hidden_reason: str | None
    gap: float | None  # oriented: negative = worse than the comparison basis
    severity: float | None  # how far from good, for ranking pressure points


@dataclass
class Results:
    round: str
    rules: Rules
    organisation_name: str
    units: list[UnitResult]
    dimensions: list[DimensionInfo]
    scores: list[Score]
    organisation: UnitResult  # the single top unit, or a virtual group with code ORGANISATION
    disclosure: Disclosure  # what this release may show (every output asks it)
    round_state: str = "closed"  # "open": response counts and rates only, no scores
    withheld: bool = False  # scores, answers and comments withheld (open, or too few new sheets)
    respondent_scores: DimensionScores | None = None  # reused by results by background group
    _index: dict[tuple[str, str], Score] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {(s.unit, s.dimension): s for s in self.scores}

    def score(self, unit: str, dimension: str) -> Score:
        return self._index[(unit, dimension)]

    def unit(self, code: str) -> UnitResult:
        return next(u for u in self.units if u.code == code)

    def pressure_points(self) -> list[Score]:
        points = [s for s in self.scores if s.pressure_point]
        return sorted(points, key=lambda s: (-(s.severity or 0.0), s.unit, s.dimension))

    def strengths(self) -> list[Score]:
        found = [s for s in self.scores if s.strength]
        return sorted(found, key=lambda s: (s.severity or 0.0, s.unit, s.dimension))


def compute_results(
    questionnaire: Questionnaire,
    units: list[OrgUnit],
    responses: ResponseSet,
    rules: Rules,
    round_name: str,
    *,
    organisation_name: str = "",
    language: str = DEFAULT_LANGUAGE,
    progress: Progress | None = None,
    state: RoundState = CLOSED,
) -> Results:
    """`units` is the round's org tree (frozen when it closed); `state` what it may publish."""
    report = progress or (lambda fraction, message: None)
    org = OrgIndex(units)
    report(0.05, "scoring")
    dim_scores = respondent_dimension_scores(questionnaire, responses)
    group = org.group_of(responses.unit_codes)
    report(0.5, "grouping")
    stats = GroupStats.by_group(dim_scores, group, len(org.tree)).rolled_up(org.tree.parent)
    low, high = stats.interval_bounds()
    shown_mean = stats.rounded_means()
    answered = np.bincount(group, minlength=len(org.tree))
    respondents = roll_up(org.tree.parent, answered)

    complete = republished(questionnaire, org, responses, rules, dim_scores, state.closings)
    disclosure = released(complete, state, responses.unit_codes, rules)
    withheld = disclosure is not complete
    comment_hidden = suppress(org.tree, respondents, rules.comment_min_n)
    if withheld:
        comment_hidden = [Hidden.WITHHELD] * len(org.tree)
    headcount = rolled_headcount(org)
    unit_results = [
        _unit_result(org, i, respondents, headcount, disclosure.units, comment_hidden,
                     organisation_name)
        for i in range(len(org.tree))
    ]
    report(0.7, "anonymity")
    dimensions: list[DimensionInfo] = []
    scores: list[Score] = []
    for d, code in enumerate(dim_scores.codes):
        dimension = questionnaire.dimension(code)
        assert dimension is not None
        info = DimensionInfo(
            code, dimension.label(language), dimension.direction, dimension.reference,
            disclosure.dimension_threshold(code), dimension.domain,
        )
        dimensions.append(info)
        hidden = [disclosure.score_hidden(org.code_at(i), code) for i in range(len(org.tree))]
        judge = Judge(rules, info.direction, info.reference, _org_mean(shown_mean[0, d], hidden[0]))
        for i in range(len(org.tree)):
            scores.append(
                judged_score(org.code_at(i), code, int(stats.n[i, d]), shown_mean[i, d],
                             (low[i, d], high[i, d]), hidden[i], judge, is_org=i == 0)
            )
    report(1.0, "done")
    return Results(
        round=round_name,
        rules=rules,
        organisation_name=organisation_name,
        units=unit_results[1:] if org.virtual_root else unit_results,
        dimensions=dimensions,
        scores=scores,
        organisation=unit_results[0],
        disclosure=disclosure,
        round_state=state.name,
        withheld=withheld,
        respondent_scores=dim_scores,
    )


def _org_mean(value: float, hidden: Hidden | None) -> float | None:
    return None if hidden is not None or math.isnan(value) else float(value)


def _unit_result(
    org: OrgIndex,
    i: int,
    respondents: np.ndarray,
    headcount: list[int | None],
    hidden: list[Hidden | None],
    comment_hidden: list[Hidden | None],
    organisation_name: str,
) -> UnitResult:
    offset = 1 if org.virtual_root else 0
    unit = org.units[i - offset] if i >= offset else None
    count = int(respondents[i])
    heads = headcount[i]
    reason = hidden[i]
    return UnitResult(
        code=org.code_at(i),
        name=unit.name if unit else organisation_name,
        parent=unit.parent if unit else None,
        headcount=heads,
        responses=count,
        response_rate=(count / heads) if heads else None,
        suppressed=reason is not None,
        comments_shown=comment_hidden[i] is None,
        depth=org.depth[i] - offset if unit else 0,
        hidden_reason=reason.value if reason is not None else None,
    )


def judged_score(
    unit: str, dimension: str, n: int, mean: float, bounds: tuple[float, float],
    hidden: Hidden | None, judge: Judge, *, is_org: bool,
) -> Score:
    """`mean` is already rounded half up to one decimal, and so are the interval's `bounds`
    (GroupStats.interval_bounds: NaN where there is no interval)."""
    if hidden is not None or math.isnan(mean):
        reason = hidden.value if hidden is not None else Hidden.TOO_FEW.value
        return Score(unit, dimension, None, None, None, None, None, False, False, True, reason,
                     None, None)
    verdict = judge.verdict(float(mean))
    low, high = bounds
    return Score(
        unit, dimension, n, float(mean), None if math.isnan(low) else float(low),
        None if math.isnan(high) else float(high), verdict.light,
        pressure_point=verdict.pressure_point and not is_org,
        strength=verdict.strength and not is_org,
        suppressed=False, hidden_reason=None, gap=verdict.gap,
        severity=verdict.severity,
    )
