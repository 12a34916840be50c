"""The one-byte choice codes the compute reads answers through, and the shortcuts built on them:
they must give exactly what reading the float answers gives, odd values included."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apv_desktop.core.answers import NOT_A_CHOICE, ResponseSet, choice_codes
from apv_desktop.core.disclosure import Disclosure, Family
from apv_desktop.core.distribution import item_distributions
from apv_desktop.core.orgtree import OrgIndex
from apv_desktop.core.scoring import (
    DimensionScores,
    item_score_lookup,
    respondent_dimension_scores,
)
from apv_desktop.store import Project
from tests.unit.core_fixtures import small_org, small_questionnaire

NAN = math.nan
ODD_VALUES = [NAN, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 2.5, -0.5, -3.0, 254.0, 300.0, 1e20,
              math.inf]


def test_a_code_is_the_position_truncated_as_astype_does() -> None:
    values = np.array([[NAN, -0.5, 0.0, 2.7, 254.0, 254.9, 255.0, 1e20, -3.0, math.inf,
                        -math.inf, -1.0]])
    assert choice_codes(values).tolist() == [[NOT_A_CHOICE, 0, 0, 2, 254, 254, NOT_A_CHOICE,
                                              NOT_A_CHOICE, NOT_A_CHOICE, NOT_A_CHOICE,
                                              NOT_A_CHOICE, NOT_A_CHOICE]]


def test_the_codes_follow_new_values() -> None:
    responses = ResponseSet(["a"], ["A"], np.array([[1.0]]))
    assert responses.choice_codes().tolist() == [[1]]
    responses.values = np.array([[2.0]])
    assert responses.choice_codes().tolist() == [[2]]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from([NAN, 0.0, 1.0, 4.0, 254.0]), min_size=3, max_size=3),
                max_size=12))
def test_a_set_read_as_codes_is_the_set_of_their_floats(rows: list[list[float]]) -> None:
    """A file of choices is read as one byte a cell (ResponseSet.of_codes): its values, codes
    and stored bytes are those of the same answers given as floats."""
    values = np.array(rows, dtype=np.float64).reshape(len(rows), 3)
    codes = bytes(NOT_A_CHOICE if math.isnan(v) else int(v) for row in rows for v in row)
    as_floats = ResponseSet(["a", "b", "c"], ["A"] * len(rows), values)
    as_codes = ResponseSet.of_codes(["a", "b", "c"], ["A"] * len(rows), codes)
    assert as_codes.code_rows() == [codes[start : start + 3] for start in range(0, len(codes), 3)]
    np.testing.assert_array_equal(as_codes.values, values)
    assert as_codes.values.flags.f_contiguous  # the compute reads it a column at a time
    assert as_codes.choice_codes().tolist() == as_floats.choice_codes().tolist()
    # Once its values are out, they may be changed in place: the bytes would not follow.
    assert as_codes.code_rows() is None


def test_codes_must_hold_one_byte_for_each_answer_of_each_sheet() -> None:
    with pytest.raises(ValueError):
        ResponseSet.of_codes(["a", "b"], ["A", "B"], b"\x00\x01\x02")


def test_sheets_stored_from_codes_read_back_as_from_floats(tmp_path: Path) -> None:
    names = [i.name for i in small_questionnaire().answerable_items()]
    rows = [[float((row + item) % 5) if (row * item) % 7 else NAN for item in range(len(names))]
            for row in range(30)]
    codes = bytes(NOT_A_CHOICE if math.isnan(v) else int(v) for row in rows for v in row)
    read = []
    for made in (ResponseSet(names, ["A"] * 30, np.array(rows)),
                 ResponseSet.of_codes(names, ["A"] * 30, codes)):
        path = tmp_path / f"{len(read)}.apv"
        with Project.create(path) as project:
            project.replace_org(small_org())
            project.save_questionnaire(small_questionnaire())
            project.ensure_round("2025")
            project.add_responses("2025", made, "import")
            read.append(project.responses("2025"))
    def sheets(responses: ResponseSet) -> list[tuple[str, list[float]]]:  # in any order
        filled = np.nan_to_num(responses.values, nan=-1.0).tolist()
        return sorted(zip(responses.unit_codes, filled, strict=True))

    assert sheets(read[0]) == sheets(read[1]) == sorted(
        zip(["A"] * 30, np.nan_to_num(np.array(rows), nan=-1.0).tolist(), strict=True))


def _reference_units(values: np.ndarray, lookup: np.ndarray, grid: int) -> np.ndarray:
    """Each answer's score in units of 1/grid, -1 where none: the float reading, one by one."""
    out = []
    for value in values:
        if math.isnan(value) or not -1 < value < len(lookup):
            out.append(-1)
            continue
        score = lookup[int(value)]
        out.append(-1 if math.isnan(score) else round(score * grid))
    return np.array(out, dtype=np.int64)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(ODD_VALUES), min_size=6, max_size=6),
                min_size=1, max_size=25))
def test_odd_answers_score_as_the_float_reading_does(rows: list[list[float]]) -> None:
    questionnaire = small_questionnaire()
    names = [i.name for i in questionnaire.answerable_items()]
    values = np.array(rows)[:, : len(names)]
    responses = ResponseSet(names, ["A"] * len(rows), values)
    scores = respondent_dimension_scores(questionnaire, responses)
    assert scores.units is not None and scores.scale is not None
    lookups = item_score_lookup(questionnaire)
    for d, code in enumerate(scores.codes):
        items = [i.name for i in questionnaire.items() if i.dimension == code]
        units = np.column_stack([_reference_units(values[:, names.index(n)], lookups[n], 4)
                                 for n in items])
        answered = (units >= 0).sum(axis=1)
        valid = answered * 2 >= len(items)
        mean = np.where(units >= 0, units, 0).sum(axis=1) / np.maximum(answered, 1) / 4
        assert np.array_equal(np.isnan(scores.matrix[:, d]), ~valid)
        assert np.allclose(scores.matrix[valid, d], mean[valid])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.just(NAN), st.integers(0, 400).map(float)), min_size=1,
                max_size=60))
def test_respondents_are_ordered_as_by_their_scores(column: list[float]) -> None:
    matrix = np.array(column)[:, None] / 4
    units = np.nan_to_num(np.array(column)).astype(np.int64)[:, None]
    scores = DimensionScores(["D"], matrix, units, [4])
    expected = np.argsort(matrix[:, 0], kind="stable")
    assert scores.value_order(0).tolist() == expected.tolist()


def test_answers_read_back_carry_the_codes_of_their_values(tmp_path: Path) -> None:
    questionnaire = small_questionnaire()
    names = [i.name for i in questionnaire.answerable_items()]
    rng = np.random.default_rng(3)
    values = rng.integers(0, 6, (40, len(names))).astype(np.float64)
    values[rng.random(values.shape) < 0.2] = NAN
    with Project.create(tmp_path / "p.apv") as project:
        project.replace_org(small_org())
        project.save_questionnaire(questionnaire)
        project.ensure_round("2025")
        project.add_responses("2025", ResponseSet(names, ["A"] * 40, values, {}), "import")
        read = project.responses("2025")
    fresh = ResponseSet(read.item_names, read.unit_codes, np.array(read.values), {})
    assert np.array_equal(read.choice_codes(), fresh.choice_codes())
    assert read.choice_codes().tolist() == choice_codes(read.values).tolist()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B"]),
                          st.lists(st.sampled_from(ODD_VALUES), min_size=6, max_size=6)),
                min_size=1, max_size=25))
def test_odd_answers_are_counted_as_the_float_reading_does(
        rows: list[tuple[str, list[float]]]) -> None:
    questionnaire = small_questionnaire()
    names = [i.name for i in questionnaire.answerable_items()]
    values = np.array([answers for _, answers in rows])[:, : len(names)]
    units = [unit for unit, _ in rows]
    org = OrgIndex(small_org())
    size = len(org.tree)
    everything = Disclosure(
        [org.code_at(i) for i in range(size)], [None] * size,
        [Family(tuple(names), (), 3, 3, (None,) * size, (None,) * size)])
    found = item_distributions(questionnaire, small_org(), ResponseSet(names, units, values),
                               everything)
    for j, name in enumerate(names[:5]):
        for unit in ("A", "B"):
            column = [value for u, value in zip(units, values[:, j], strict=True) if u == unit]
            distribution = found[(unit, name)]
            assert distribution.n == sum(not math.isnan(v) for v in column)
            assert distribution.counts == tuple(column.count(float(k)) for k in range(6))
