"""The fast paths of the scoring arithmetic give exactly what the exact ones give: rounding
half up by float arithmetic (the printed decimal decides near a half), for one value and for
an array, and sums by group over a subset through the shared sort by value."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from apv_desktop.core.scoring import (
    DimensionScores,
    GroupStats,
    round_half_up,
    round_half_up_array,
)


def exact(value: float, digits: int) -> float:
    return float(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP))


def same(a: float | None, b: float) -> bool:
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


HALVES = [k / 100 + 0.005 for k in range(-500, 500)] + [41.25, 2.675, 1.005, 0.05, -0.05, -0.0]


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.integers(0, 2))
def test_one_value_rounds_as_its_printed_decimal(value: float, digits: int) -> None:
    assert same(round_half_up(value, digits), exact(value, digits))


def test_halves_and_their_neighbours_round_as_printed() -> None:
    for value in HALVES + [math.nextafter(h, 0) for h in HALVES]:
        for digits in (0, 1, 2):
            assert same(round_half_up(value, digits), exact(value, digits)), (value, digits)
    assert round_half_up(41.25) == 41.3 and round_half_up(float("nan")) is None


def test_an_array_rounds_as_each_value_does() -> None:
    rng = np.random.default_rng(1)
    values = np.concatenate([rng.uniform(-120, 120, 5000), np.array(HALVES), [math.nan]])
    out = round_half_up_array(values)
    for value, found in zip(values, out, strict=True):
        expected = round_half_up(float(value))
        assert (expected is None and math.isnan(found)) or same(expected, float(found))


def test_sums_with_the_others_in_a_dropped_group_equal_the_sums_of_the_subset() -> None:
    """How a breakdown leaves out the respondents without a group (core/breakdown.py)."""
    rng = np.random.default_rng(2)
    matrix = rng.integers(0, 5, (400, 3)) * 25.0
    matrix[rng.random(matrix.shape) < 0.1] = math.nan
    units = np.nan_to_num(matrix / 25.0).astype(np.int64)
    scores = DimensionScores(["a", "b", "c"], matrix, units, [4, 4, 4])
    group = rng.integers(0, 7, 400)
    rows = rng.random(400) < 0.6
    subset = DimensionScores(["a", "b", "c"], matrix[rows], units[rows], [4, 4, 4])
    everyone = GroupStats.by_group(scores, np.where(rows, group, 7), 8)
    chosen = GroupStats(everyone.n[:7], everyone.total[:7], everyone.total_sq[:7], everyone.scale)
    alone = GroupStats.by_group(subset, group[rows], 7)
    assert (chosen.n == alone.n).all() and (chosen.total == alone.total).all()
    assert (chosen.total_sq == alone.total_sq).all()  # the same order of float additions
