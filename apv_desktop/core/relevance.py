"""Evaluating XLSForm `relevant` expressions over the answers (the syntax is core/expression.py;
never eval()).

Values: a select_one answer is its choice name, a select_multiple answer the names separated by
spaces (as XLSForm has it), a number its text; '' means not answered. As in XPath, a string
turns into a number with number() (blank or not a number: NaN) and into a truth value by being
non-empty; arithmetic on an unanswered question gives NaN, so no comparison with it holds.

Comparisons keep what the product has always done: when both sides read as numbers they
compare as numbers, otherwise as text (as ODK does for `=`); an unanswered question is neither
more nor less than anything. Once compiled, evaluation never raises: a form that can be
imported can always be shown.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from apv_desktop.core.expression import (
    Binary,
    Call,
    Current,
    Literal,
    Negate,
    Node,
    Reference,
    RelevanceError,
    parse,
)
from apv_desktop.core.expression import referenced_names as referenced_names

__all__ = ["RelevanceError", "check_relevance", "compile_relevance", "is_relevant",
           "referenced_names"]

Value = str | float | bool
Answers = Mapping[str, str]
# A compiled expression: a function of the answers and the name of the item it belongs to.
Evaluator = Callable[[Answers, str], Value]

_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
    ">": operator.gt, ">=": operator.ge,
}


def to_boolean(value: Value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return value != 0 and not math.isnan(value)
    return value != ""


def to_number(value: Value) -> float:
    """XPath number(): NaN for a blank or a text that is not a number (a decimal comma is
    accepted, as Danish and Swedish users type it)."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, float):
        return value
    text = value.strip().replace(",", ".")
    try:
        return float(text) if text else math.nan
    except ValueError:
        return math.nan


def to_text(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return str(int(value)) if value.is_integer() else repr(value)
    return value


def _reads_as_number(value: Value) -> float | None:
    if isinstance(value, str) and not value.strip():
        return None
    number = to_number(value)
    return None if isinstance(value, str) and math.isnan(number) else number


def compare(op: str, left: Value, right: Value) -> bool:
    left_number, right_number = _reads_as_number(left), _reads_as_number(right)
    if left_number is not None and right_number is not None:
        return _COMPARE[op](left_number, right_number)
    if op not in ("=", "!=") and (left == "" or right == ""):
        return False  # an unanswered question is neither more nor less than anything
    return _COMPARE[op](to_text(left), to_text(right))


def _arithmetic(op: str, left: float, right: float) -> float:
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    if op == "div":
        if right == 0:
            return math.nan if left == 0 or math.isnan(left) else math.copysign(math.inf, left)
        return left / right
    if right == 0 or math.isinf(left):  # mod
        return math.nan
    return math.fmod(left, right)  # XPath's mod keeps the sign of the dividend


def _function(name: str, args: list[Value], current: Value) -> Value:
    if name == "not":
        return not to_boolean(args[0])
    if name in ("true", "false"):
        return name == "true"
    if name == "selected":
        return to_text(args[1]).strip() in to_text(args[0]).split()
    if name == "count-selected":
        return float(len(to_text(args[0]).split()))
    if name == "string-length":
        return float(len(to_text(args[0] if args else current)))
    if name == "number":
        return to_number(args[0])
    if name == "string":
        return to_text(args[0])
    if name == "boolean":
        return to_boolean(args[0])
    if name == "contains":
        return to_text(args[1]) in to_text(args[0])
    if name == "starts-with":
        return to_text(args[0]).startswith(to_text(args[1]))
    raise AssertionError(f"the parser accepted an unknown function {name}")  # pragma: no cover


def _compiled(node: Node) -> Evaluator:
    """The tree as nested closures, so that evaluating many answer sheets does not walk it."""
    if isinstance(node, Literal):
        value = node.value
        return lambda answers, current: value
    if isinstance(node, Reference):
        name = node.name
        return lambda answers, current: answers.get(name) or ""
    if isinstance(node, Current):
        return lambda answers, current: answers.get(current) or ""
    if isinstance(node, Negate):
        inner = _compiled(node.operand)
        return lambda answers, current: -to_number(inner(answers, current))
    if isinstance(node, Binary):
        return _compiled_binary(node)
    return _compiled_call(node)


def _compiled_binary(node: Binary) -> Evaluator:
    left, right, op = _compiled(node.left), _compiled(node.right), node.op
    if op == "or":
        return lambda a, c: to_boolean(left(a, c)) or to_boolean(right(a, c))
    if op == "and":
        return lambda a, c: to_boolean(left(a, c)) and to_boolean(right(a, c))
    if op in _COMPARE:
        return lambda a, c: compare(op, left(a, c), right(a, c))
    return lambda a, c: _arithmetic(op, to_number(left(a, c)), to_number(right(a, c)))


def _compiled_call(node: Call) -> Evaluator:
    args = [_compiled(arg) for arg in node.args]
    name = node.name
    if name == "if":  # only the branch taken is evaluated
        condition, then, otherwise = args
        return lambda a, c: then(a, c) if to_boolean(condition(a, c)) else otherwise(a, c)
    return lambda a, c: _function(name, [arg(a, c) for arg in args], a.get(c) or "")


@lru_cache(maxsize=1024)
def compile_relevance(expression: str) -> Evaluator:
    """The expression as a function of (answers, own item name); raises RelevanceError when it
    cannot be evaluated. A blank expression is always true."""
    if not expression.strip():
        return lambda answers, current: True
    return _compiled(parse(expression))


def is_relevant(expression: str | None, answers: Answers, current: str = "") -> bool:
    """Whether a question (or section) with this `relevant` is shown, given the answers so far.

    `answers` maps item names to their answer text ('' or absent = not answered); `current`
    names the item the condition belongs to (what `.` reads)."""
    if not expression or not expression.strip():
        return True
    return to_boolean(compile_relevance(expression)(answers, current))


def check_relevance(expression: str) -> None:
    """Raises RelevanceError when the expression cannot be evaluated."""
    compile_relevance(expression)

