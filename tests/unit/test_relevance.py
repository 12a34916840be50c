"""The `relevant` evaluator: the templates' conditions, every operator, and clear refusals."""

from __future__ import annotations

import pytest

from apv_desktop.core.expression import FUNCTIONS
from apv_desktop.core.relevance import (
    RelevanceError,
    check_relevance,
    is_relevant,
    referenced_names,
)
from apv_desktop.core.validation import referenced_names as validation_names
from apv_desktop.errors import InputError

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages

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
        ("${a} | ${b}", "position 6"),
        ("jr:choice-name(${a}, '${a}')", "position 3"),
        ("selected(${a})", "takes 2"),
        ("if(${a} = 1, 'x')", "takes 3"),
        ("${a} = 'x' and", "the end"),
        ("regex(., '[0-9]+')", "'regex'"),
        ("-", "the end"),
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
    assert referenced_names("if(${a} > 1, count-selected(${c}), -${b}) = ${a}") == ["a", "c", "b"]
    # validation's list (used by renames and the unknown-item check) is the same parser's
    assert validation_names("string-length(${x}) > 0 and selected(${y}, 'z')") == ["x", "y"]
    assert validation_names("${x} = ") == []


ANSWERS = {"n": "12", "m": "", "multi": "a b c", "t": "hello", "comma": "2,5", "word": "abc",
           "self": "7"}


@pytest.mark.parametrize(
    ("expression", "shown"),
    [
        ("count-selected(${multi}) = 3", True),
        ("count-selected(${m}) = 0", True),
        ("count-selected(${multi}) > 1 and selected(${multi}, \"a\")", True),
        ("string-length(${t}) = 5", True),
        ("string-length(${m}) = 0", True),
        ("string-length(${n}) > 2", False),
        ("if(${n} > 10, 'big', 'small') = 'big'", True),
        ("if(${m} != '', 1, 0)", False),
        ("${n} + 1 = 13", True),
        ("${n} - 2 * 3 = 6", True),  # * binds tighter than -
        ("(${n} - 2) * 3 = 30", True),
        ("${n} div 5 = 2.4", True),
        ("${n} mod 5 = 2", True),
        ("-${n} < 0", True),
        ("- -${n} = 12", True),
        ("${n} - -1 = 13", True),
        ("${comma} * 2 = 5", True),  # a decimal comma reads as a number
        ("${m} + 1 > 0", False),  # arithmetic on an unanswered question is NaN
        ("${m} + 1 = ${m} + 1", False),  # NaN equals nothing, not even itself
        ("${m} + 1 != 0", True),
        ("${word} + 1 > 0", False),
        ("${n} div 0 > 1000", True),  # Infinity, not a crash
        ("${n} mod 0 = ${n} mod 0", False),  # NaN, not a crash
        ("0 div 0 = 0", False),
        (". = 7", True),
        (". > 3 and string-length() = 1", True),
        ("number(${n}) = 12", True),
        ("number(${word}) = number(${word})", False),
        ("string(${n}) = '12'", True),
        ("boolean(${m})", False),
        ("boolean(${t})", True),
        ("contains(${t}, 'ell')", True),
        ("starts-with(${t}, 'he')", True),
        ("${t} >= 'hello' and ${t} <= 'hello'", True),
        ("${t} > 'a' and ${t} < 'i'", True),
        ("1 < 2 = true()", True),  # relational binds tighter than equality
        ("${n} = 1 or ${n} = 12 and ${t} = 'hello'", True),  # and binds tighter than or
        ("not(${n} = 1 or ${n} = 12)", False),
        ("${leader} = ‘other’", True),  # Excel's curly quotes, as pyxform reads them
        ("${leader}=“other”", True),
        ("${n}>=12 and ${t}!=''", True),
    ],
)
def test_the_wider_subset(expression, shown):
    answers = {**ANSWERS, "leader": "other"}
    assert is_relevant(expression, answers, current="self") is shown


def test_every_known_function_evaluates_without_raising():
    samples = {0: "()", 1: "(${m})", 2: "(${m}, ${n})", 3: "(${m}, ${n}, ${t})"}
    for name, (fewest, most) in FUNCTIONS.items():
        for count in range(fewest, most + 1):
            for answers in ({}, ANSWERS):
                is_relevant(f"{name}{samples[count]}", answers)


def test_long_expressions_are_quoted_in_part():
    expression = "${a} = 'x' and " * 10 + "bogus"
    with pytest.raises(RelevanceError) as caught:
        check_relevance(expression)
    assert "…" in str(caught.value)
    assert caught.value.reason.startswith("expected a question")
    assert caught.value.expression == expression


def test_deep_nesting_is_refused_not_a_crash():
    with pytest.raises(RelevanceError, match="nested too deeply"):
        check_relevance("(" * 5000 + "1" + ")" * 5000)


def test_names_may_start_with_danish_letters():
    assert is_relevant("${ønske} = 'ja' and ${_x.y-z} = 1", {"ønske": "ja", "_x.y-z": "1"})
    assert referenced_names("${æ} = ''") == ["æ"]


def test_a_rename_rewrites_references_but_not_quoted_text():
    from apv_desktop.core.expression import rename_reference

    assert rename_reference("${a} = '${a}' or selected(${ a }, 'x') and ${ab} = 1", "a", "b") == (
        "${b} = '${a}' or selected(${b}, 'x') and ${ab} = 1")
    assert rename_reference("${a} = 'x", "a", "b") == "${a} = 'x"  # unreadable: left alone
