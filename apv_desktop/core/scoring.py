"""Scoring by the COPSOQ convention.

Each scored answer maps to 0..100 (reversed items the other way); a respondent's dimension score
is the mean of the scored items they answered in it, if they answered at least half of them; a
group's score is the mean of its respondents' dimension scores, with a 95% t-interval.

Means are exact: every choice score is a multiple of 1/K for a small K (the questionnaire's
grid), so a respondent's dimension score is an integer number of units of 1/(K*L), where L is a
common multiple of the possible counts of answered items. Group sums are integer sums, which do
not depend on the order the answers are stored in; the mean is rounded half up to one decimal
from that exact fraction. The same file imported twice gives the same figure everywhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import numpy as np

from apv_desktop.core.answers import NOT_A_CHOICE, ResponseSet
from apv_desktop.core.model import Questionnaire
from apv_desktop.core.orgtree import roll_up

# Two-sided 95% critical values of Student's t for 1..30 degrees of freedom; past 30 the
# interpolation below is within 0.01 of the exact value, which is far below display precision.
_T95 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip


def t_critical_95(df: int) -> float:
    if df < 1:
        return math.nan
    if df <= len(_T95):
        return _T95[df - 1]
    return 1.960 + 2.4 / df  # asymptotic expansion of t(0.975, df)


GRID_LIMIT = 1000  # a choice score is read as the nearest fraction with at most this denominator


_NEAR_HALF = 1e-7  # how close to a half a scaled value must be for the exact decimal path
_FAST_LIMIT = 1e9  # beyond this (or for inf) only the decimal path is trusted


def round_half_up(value: float | None, digits: int = 1) -> float | None:
    """`value` to `digits` decimals, halves away from zero (41.25 -> 41.3), as people round.

    Rounds the decimal the float prints as (41.25, not the binary 41.2499999...). Away from a
    half, the float arithmetic gives that same answer and is what runs (tens of thousands of
    scores per release); near a half the exact decimal decides."""
    if value is None or math.isnan(value):
        return None
    power = 10.0 ** digits
    scaled = abs(value) * power
    if scaled < _FAST_LIMIT and abs(scaled - math.floor(scaled) - 0.5) > _NEAR_HALF:
        return math.copysign(math.floor(scaled + 0.5), value) / power
    exact = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
    return float(exact)


def round_half_up_array(values: np.ndarray, digits: int = 1) -> np.ndarray:
    """round_half_up of each value (NaN stays NaN), in one pass: the same float arithmetic,
    and the exact decimal for the few values near a half."""
    power = 10.0 ** digits
    scaled = np.abs(values) * power
    with np.errstate(invalid="ignore"):
        out = np.copysign(np.floor(scaled + 0.5), values) / power
        fast = (np.abs(scaled - np.floor(scaled) - 0.5) > _NEAR_HALF) & (scaled < _FAST_LIMIT)
    for at in zip(*np.nonzero(~fast), strict=True):
        exact = round_half_up(float(values[at]), digits)
        out[at] = math.nan if exact is None else exact
    return out


_MISSING_16 = 0xFFFF  # the 16-bit sort key of a missing score: after every score's units


@dataclass
class DimensionScores:
    """Per respondent, per dimension: the respondent's score or NaN when missing, and the same
    score exactly as an integer count of 1/scale[d] (0 where missing)."""

    codes: list[str]
    matrix: np.ndarray  # float64 (respondents, dimensions)
    units: np.ndarray | None = None  # int64 (respondents, dimensions)
    scale: list[int] | None = None  # per dimension: units per score point
    _orders: dict[int, np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    def value_order(self, dimension: int) -> np.ndarray:
        """The respondents by their score on `dimension` (stable; missing last), sorted once
        and shared by every grouping of these scores: the tree's and each breakdown's."""
        found = self._orders.get(dimension)
        if found is None:
            found = self._orders[dimension] = np.argsort(self._sort_key(dimension),
                                                         kind="stable")
        return found

    def _sort_key(self, dimension: int) -> np.ndarray:
        """What orders the respondents as their scores on `dimension` do, missing last: the
        exact units in 16 bits when they fit (NumPy sorts those by radix, in linear time),
        else the scores. The units order as the scores: a score is its units over one scale."""
        scores = self.matrix[:, dimension]
        if self.units is None or not len(scores):
            return scores
        units = self.units[:, dimension]
        if units.min() < 0 or units.max() >= _MISSING_16:
            return scores
        return np.where(np.isnan(scores), _MISSING_16, units).astype(np.uint16)


def item_score_lookup(questionnaire: Questionnaire) -> dict[str, np.ndarray]:
    """Per scored item: choice position -> score 0..100 (NaN = not scored), reverse applied."""
    lookups: dict[str, np.ndarray] = {}
    for item in questionnaire.items():
        if not questionnaire.is_scored(item):
            continue
        choices = questionnaire.choices_for(item)
        assert choices is not None
        scores = np.array(
            [math.nan if c.score is None else float(c.score) for c in choices.choices]
        )
        lookups[item.name] = 100.0 - scores if item.reverse else scores
    return lookups


def score_grid(lookups: dict[str, np.ndarray]) -> int:
    """K: the smallest number such that every choice score times K is a whole number."""
    grid = 1
    for scores in lookups.values():
        for score in scores[~np.isnan(scores)]:
            grid = math.lcm(grid, Fraction(float(score)).limit_denominator(GRID_LIMIT).denominator)
    return grid


def _units(lookup: np.ndarray, grid: int) -> np.ndarray:
    """Choice scores in units of 1/grid (-1 = not scored)."""
    return np.array([
        -1 if math.isnan(s) else int(Fraction(float(s)).limit_denominator(GRID_LIMIT) * grid)
        for s in lookup
    ], dtype=np.int64)


def respondent_dimension_scores(
    questionnaire: Questionnaire, responses: ResponseSet
) -> DimensionScores:
    lookups = item_score_lookup(questionnaire)
    grid = score_grid(lookups)
    column = {name: j for j, name in enumerate(responses.item_names)}
    scored_items = [
        (dimension.code, items) for dimension in questionnaire.dimensions
        if (items := [i.name for i in questionnaire.items()
                      if i.dimension == dimension.code and i.name in lookups and i.name in column])
    ]
    # Column-major, filled a dimension at a time: every later use reads one dimension's column.
    matrix = np.full((responses.size, len(scored_items)), math.nan, order="F")
    units = np.zeros((responses.size, len(scored_items)), dtype=np.int64, order="F")
    scale: list[int] = []
    for d, (_, items) in enumerate(scored_items):
        # Item by item (a column each), summed as they come: no (respondents x items) copy.
        answered = np.zeros(responses.size, dtype=np.int64)
        total = np.zeros(responses.size, dtype=np.int64)
        for name in items:
            scored, item_units = _item_units(responses, column[name], _units(lookups[name], grid))
            answered += scored
            total += item_units
        # A common multiple of every count of answered items the half rule lets through.
        common = math.lcm(*range((len(items) + 1) // 2, len(items) + 1))
        # Per count of answered items: the factor to units of 1/(grid * common); 0 below the
        # half rule, where the score is missing.
        factor = np.array([common // a if a * 2 >= len(items) else 0
                           for a in range(len(items) + 1)], dtype=np.int64)
        units[:, d] = total * factor[answered]
        valid = answered * 2 >= len(items)
        matrix[valid, d] = units[valid, d] / (grid * common)
        scale.append(grid * common)
    return DimensionScores([code for code, _ in scored_items], matrix, units, scale)


def _item_units(responses: ResponseSet, column: int, lookup: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """Per respondent: whether the item in `column` has a scored answer, and its score in
    units (`lookup`, 0 where none). Through tables over the choice codes when every choice
    position fits one (always but for lists of 255 choices or more)."""
    if len(lookup) >= NOT_A_CHOICE:
        found = _scores_of(responses.values[:, column], lookup)
        scored = found >= 0
        return scored, np.where(scored, found, 0)
    codes = responses.choice_codes()[:, column]
    scored_table = np.zeros(NOT_A_CHOICE + 1, dtype=bool)
    scored_table[: len(lookup)] = lookup >= 0
    unit_table = np.zeros(NOT_A_CHOICE + 1, dtype=np.int64)
    unit_table[: len(lookup)] = np.maximum(lookup, 0)
    return scored_table[codes], unit_table[codes]


def _scores_of(positions: np.ndarray, lookup: np.ndarray) -> np.ndarray:
    """Each stored answer (a choice position, NaN = none) through `lookup`; -1 where none."""
    out = np.full(positions.shape, -1, dtype=np.int64)
    valid = ~np.isnan(positions)
    index = positions[valid].astype(np.int64)
    in_range = (index >= 0) & (index < len(lookup))
    valid_idx = np.flatnonzero(valid)[in_range]
    out[valid_idx] = lookup[index[in_range]]
    return out


@dataclass
class GroupStats:
    """Sums over groups (rows) and dimensions (columns), from which means and intervals follow.
    `total` is exact (integer units of 1/scale); `total_sq` is a float summed in a fixed order."""

    n: np.ndarray  # int64 (groups, dimensions)
    total: np.ndarray  # int64, units of 1/scale[d]
    total_sq: np.ndarray  # float64, squared scores
    scale: list[int]

    @classmethod
    def by_group(cls, scores: DimensionScores, group: np.ndarray, groups: int) -> GroupStats:
        """Sums per group of the respondents. To sum only some, put the others in a group of
        their own and drop it: every other group adds the same scores in the same order."""
        assert scores.units is not None and scores.scale is not None
        dims = scores.matrix.shape[1]
        n = np.zeros((groups, dims), dtype=np.int64)
        total = np.zeros((groups, dims), dtype=np.int64)
        total_sq = np.zeros((groups, dims))
        for d in range(dims):
            col = scores.matrix[:, d]
            # By value, so the float sum does not depend on the storage order: each group
            # adds its scores in the order of the shared sort (ties in storage order).
            # Missing scores sort last: the respondents counted are a prefix.
            order = scores.value_order(d)[: np.count_nonzero(~np.isnan(col))]
            by = group[order]
            n[:, d] = np.bincount(by, minlength=groups)
            units = scores.units[order, d]
            # Whole numbers summed as floats stay exact below 2**53 (a round's total is
            # far below: respondents x units per point x 100).
            assert not len(units) or int(units.max()) * len(units) < 1 << 53
            total[:, d] = np.rint(np.bincount(by, weights=units, minlength=groups))
            total_sq[:, d] = np.bincount(by, weights=col[order] ** 2, minlength=groups)
        return cls(n, total, total_sq, list(scores.scale))

    def rolled_up(self, parent: list[int]) -> GroupStats:
        """Each group's sums plus those of all its descendants."""
        return GroupStats(
            roll_up(parent, self.n), roll_up(parent, self.total), roll_up(parent, self.total_sq),
            self.scale,
        )

    def rounded_means(self) -> np.ndarray:
        """Each mean rounded half up to one decimal, from the exact sums (NaN where n = 0)."""
        out = np.full(self.n.shape, math.nan)
        answered = self.n > 0
        # Integer arithmetic throughout (int64 holds n * scale * 20 for any real round), so
        # the halves are exact: tenths = floor((10 * total / denominator) + 1/2).
        denominator = (self.n * np.asarray(self.scale, dtype=np.int64))[answered]
        tenths = (20 * self.total[answered] + denominator) // (2 * denominator)
        out[answered] = tenths / 10
        return out

    def mean_and_interval(self) -> tuple[np.ndarray, np.ndarray]:
        """Exact means (as floats) and the half-width of the 95% interval (NaN where n < 2)."""
        scale = np.array(self.scale, dtype=np.float64)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = self.total / (self.n * scale)
            variance = (self.total_sq - self.n * mean**2) / (self.n - 1)
            sd = np.sqrt(np.clip(variance, 0.0, None))
            # once per distinct degrees of freedom (a breakdown has tens of thousands of cells)
            df, where = np.unique(np.maximum(self.n - 1, 0), return_inverse=True)
            t = np.array([t_critical_95(int(d)) for d in df], dtype=float)[where].reshape(
                self.n.shape)
            half = t * sd / np.sqrt(self.n)
        mean[self.n == 0] = math.nan
        half[self.n < 2] = math.nan
        return mean, half

    def interval_bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """The 95% interval's ends within 0..100, rounded as shown (NaN where n < 2)."""
        mean, half = self.mean_and_interval()
        with np.errstate(invalid="ignore"):
            low = round_half_up_array(np.maximum(0.0, mean - half))
            high = round_half_up_array(np.minimum(100.0, mean + half))
        low[np.isnan(half)] = math.nan
        high[np.isnan(half)] = math.nan
        return low, high
