"""The `relevant` evaluator: the templates' conditions, every operator, and clear refusals."""

from __future__ import annotations

import pytest

from apv_desktop.core.relevance import (
    RelevanceError,
    check_relevance,
    is_relevant,
    referenced_names,
)
from apv_desktop.errors import InputError

BULLYING = "${bu_1} != '' and ${bu_1} != 'nej'"


@pytest.mark.parametrize(
    ("answers", "shown"),
    [({}, False), ({"bu_1": ""}, False), ({"bu_1": "nej"}, False), ({"bu_1": "ja_maaned"}, True)],
)
def test_the_bullying_follow_up_shows_only_after_a_yes(answers, shown):
    assert is_relevant(BULLYING, answers) is shown


def test_the_home_office_condition():
    assert is_relevant("${pe_home_0} = 'ja'", {"pe_home_0": "ja"})
    assert not is_relevant("${pe_home_0} = 'ja'", {"pe_home_0": "nej"})
    assert not is_relevant("${pe_home_0} = 'ja'", {})


@pytest.mark.parametrize(
    ("expression", "shown"),
    [
        ("${n} > 3", True),
        ("${n} >= 12", True),
        ("${n} < 12", False),
        ("${n} <= 12", True),
        ("${n} = 12.0", True),  # numbers compare as numbers
        ("${n} != 12", False),
        ("${m} > 3", False),  # unanswered is neither above nor below
        ("${m} = ''", True),
        ("not(${m} = '')", False),
        ("${a} = 'x' or ${n} = 1", False),
        ("${a} = 'x' or (${n} = 12 and ${b} = \"y\")", True),
        ("selected(${multi}, 'b')", True),
        ("selected(${multi}, 'd')", False),
        ("selected(${m}, 'b')", False),
        ("not(selected(${multi}, 'c')) and ${n} > 2", False),
        ("true() and not(false())", True),
        ("  ", True),
    ],
)
def test_operators(expression, shown):
    answers = {"n": "12", "m": "", "a": "z", "b": "y", "multi": "a b c"}
    assert is_relevant(expression, answers) is shown


def test_text_comparisons_are_by_text():
    assert is_relevant("${x} < 'b'", {"x": "a"})
    assert not is_relevant("${x} = 'A'", {"x": "a"})


@pytest.mark.parametrize(
    ("expression", "where"),
    [
        ("${a} + 1", "position 6"),
        ("count(${a}) > 1", "'count'"),
        ("${a} = ", "the end"),
        ("(${a} = 'x'", "expected ')'"),
        ("${a} = 'x' ${b}", "'and', 'or' or the end"),
        ("__import__('os')", "'__import__'"),
        ("${a} = 'x", "position 8"),
    ],
)
def test_unknown_syntax_is_refused_with_the_place(expression, where):
    with pytest.raises(RelevanceError) as caught:
        check_relevance(expression)
    assert where in str(caught.value)
    assert expression in str(caught.value)
    assert isinstance(caught.value, InputError)


def test_referenced_names():
    assert referenced_names(BULLYING) == ["bu_1"]
    assert referenced_names("${a} = 'x' or selected(${b}, 'y') or ${a} = ''") == ["a", "b"]
