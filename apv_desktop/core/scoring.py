"""Scoring by the COPSOQ convention.

Each scored answer maps to 0..100 (reversed items the other way); a respondent's dimension score
is the mean of the scored items they answered in it, if they answered at least half of them; a
group's score is the mean of its respondents' dimension scores, with a 95% t-interval.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from apv_desktop.core.answers import ResponseSet
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


@dataclass
class DimensionScores:
    """Per respondent, per dimension: the respondent's score or NaN when missing."""

    codes: list[str]
    matrix: np.ndarray  # float64 (respondents, dimensions)


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


def respondent_dimension_scores(
    questionnaire: Questionnaire, responses: ResponseSet
) -> DimensionScores:
    lookups = item_score_lookup(questionnaire)
    column = {name: j for j, name in enumerate(responses.item_names)}
    codes: list[str] = []
    columns: list[np.ndarray] = []
    for dimension in questionnaire.dimensions:
        items = [
            i.name
            for i in questionnaire.items()
            if i.dimension == dimension.code and i.name in lookups and i.name in column
        ]
        if not items:
            continue
        item_scores = np.column_stack(
            [_scores_of(responses.values[:, column[name]], lookups[name]) for name in items]
        ) if responses.size else np.empty((0, len(items)))
        answered = np.sum(~np.isnan(item_scores), axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.nansum(item_scores, axis=1) / answered
        mean[answered * 2 < len(items)] = math.nan
        codes.append(dimension.code)
        columns.append(mean)
    matrix = np.column_stack(columns) if columns else np.empty((responses.size, 0))
    return DimensionScores(codes, matrix.reshape(responses.size, len(codes)))


def _scores_of(positions: np.ndarray, lookup: np.ndarray) -> np.ndarray:
    out = np.full(positions.shape, math.nan)
    valid = ~np.isnan(positions)
    index = positions[valid].astype(np.int64)
    in_range = (index >= 0) & (index < len(lookup))
    valid_idx = np.flatnonzero(valid)[in_range]
    out[valid_idx] = lookup[index[in_range]]
    return out


@dataclass
class GroupStats:
    """Sums over groups (rows) and dimensions (columns), from which means and intervals follow."""

    n: np.ndarray  # int64 (groups, dimensions)
    total: np.ndarray  # float64
    total_sq: np.ndarray  # float64

    @classmethod
    def by_group(cls, scores: np.ndarray, group: np.ndarray, groups: int) -> GroupStats:
        dims = scores.shape[1]
        n = np.zeros((groups, dims), dtype=np.int64)
        total = np.zeros((groups, dims))
        total_sq = np.zeros((groups, dims))
        for d in range(dims):
            col = scores[:, d]
            ok = ~np.isnan(col)
            n[:, d] = np.bincount(group[ok], minlength=groups)
            total[:, d] = np.bincount(group[ok], weights=col[ok], minlength=groups)
            total_sq[:, d] = np.bincount(group[ok], weights=col[ok] ** 2, minlength=groups)
        return cls(n, total, total_sq)

    def rolled_up(self, parent: list[int]) -> GroupStats:
        """Each group's sums plus those of all its descendants."""
        return GroupStats(
            roll_up(parent, self.n), roll_up(parent, self.total), roll_up(parent, self.total_sq)
        )

    def mean_and_interval(self) -> tuple[np.ndarray, np.ndarray]:
        """Means and the half-width of the 95% interval (NaN where n < 2)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = self.total / self.n
            variance = (self.total_sq - self.n * mean**2) / (self.n - 1)
            sd = np.sqrt(np.clip(variance, 0.0, None))
            t = np.vectorize(t_critical_95, otypes=[float])(np.maximum(self.n - 1, 0))
            half = t * sd / np.sqrt(self.n)
        mean[self.n == 0] = math.nan
        half[self.n < 2] = math.nan
        return mean, half
