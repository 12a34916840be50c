"""The results' JSON is written faster than json.dumps(indent=1) writes it, never differently."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apv_desktop.interchange.json_text import indented, one_line, one_line_each

_plain = (st.none() | st.booleans() | st.integers() | st.text()
          | st.floats(allow_nan=True, allow_infinity=True))
_values = st.recursive(
    _plain,
    lambda inner: (st.lists(inner, max_size=5) | st.tuples(inner, inner)
                   | st.dictionaries(st.text(max_size=5), inner, max_size=5)
                   | st.dictionaries(st.integers() | st.booleans() | st.none(), inner,
                                     max_size=3)),
    max_leaves=40,
)


@settings(max_examples=400)
@given(_values)
def test_indented_writes_what_json_dumps_writes(value: object) -> None:
    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=1)


@settings(max_examples=400)
@given(_values)
def test_one_line_writes_what_json_dumps_writes(value: object) -> None:
    assert one_line(value) == json.dumps(value, ensure_ascii=False)


def test_a_breakdown_cell_on_one_line_is_json_dumps_of_it() -> None:
    cell = {"unit": "Ældre \"øst\"", "group": "Social\nrådgiver", "n": 12, "mean": 61.25,
            "ci_low": float("nan"), "light": None, "suppressed": False}
    assert one_line(cell) == json.dumps(cell, ensure_ascii=False)


def test_the_shapes_of_a_results_file_come_out_alike() -> None:
    record = {"unit": "Ældre\n\"øst\"", "n": 12, "mean": 61.25, "light": None, "gap": -0.0,
              "suppressed": False}
    document = {"round": "2025", "organisation": {"scores": [record, {}]}, "units": [],
                "scores": [record] * 3, "nested": [[1, [2.5, []]], {"a": {}}]}
    assert indented(document) == json.dumps(document, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("value", [{"a": {1, 2}}, [object()]])
def test_what_json_cannot_write_fails_as_it_does(value: object) -> None:
    with pytest.raises(TypeError) as refused:
        json.dumps(value, ensure_ascii=False, indent=1)
    with pytest.raises(TypeError, match=re.escape(str(refused.value))):
        indented(value)


_records = st.lists(st.dictionaries(st.text(alphabet="{}, ab", max_size=4), _values, max_size=4)
                    | _values, max_size=6)


@settings(max_examples=400)
@given(_records)
def test_records_each_on_a_line_are_json_dumps_of_each(records: list[object]) -> None:
    expected = ",\n  ".join(json.dumps(r, ensure_ascii=False) for r in records)
    assert one_line_each(records, ",\n  ") == expected


@pytest.mark.parametrize("records", [
    [{"unit": "a}, {b"}, {"unit": "c"}],  # a string that looks like the join between records
    [{"n": [{"a": 1}, {"b": 2}]}, {}],  # nested records: joined alike inside
    [{"a": 1}, [{"b": 2}, {"c": 3}]],  # a record that is no dict
    [{}, {}, {}],
])
def test_records_that_hold_the_join_itself_are_written_one_by_one(records: list[object]) -> None:
    assert one_line_each(records, "\n") == "\n".join(json.dumps(r, ensure_ascii=False)
                                                       for r in records)
