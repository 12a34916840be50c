"""The breakdown's cells are rounded through a memory of values, never differently."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from apv_desktop.core.results_export import remembered_rounding
from apv_desktop.core.scoring import round_half_up


@settings(max_examples=300)
@given(st.lists(st.none() | st.floats(-1e6, 1e6) | st.sampled_from([0.0, -0.0, 41.25, 0.05]),
                max_size=30))
def test_remembered_rounding_answers_as_rounding_each_time(values: list[float | None]) -> None:
    rounded = remembered_rounding()
    for value in values * 2:  # every value asked twice: the second answer is remembered
        found, expected = rounded(value), round_half_up(value, 1)
        assert found == expected
        if expected is not None:
            assert math.copysign(1.0, found) == math.copysign(1.0, expected)  # type: ignore[arg-type]


def test_zero_and_minus_zero_keep_their_own_sign() -> None:
    rounded = remembered_rounding()
    assert str(rounded(0.0)) == "0.0"
    assert str(rounded(-0.0)) == "-0.0"
    assert str(rounded(-0.01)) == "-0.0"
    assert str(rounded(0.01)) == "0.0"
