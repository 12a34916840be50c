"""A safe evaluator of XLSForm `relevant` expressions (never eval()).

Supported: ${name}, = != < > <= >=, and, or, not(...), selected(${x}, 'v'), string literals in
single or double quotes, numbers, parentheses, and '' for an unanswered question. Anything else
is refused with a RelevanceError naming the expression and the position, so the builder can
show it while the user types.

Values: a select_one answer is its choice name, a select_multiple answer the names separated by
spaces (as XLSForm has it), a number its text; '' means not answered. A comparison between two
values that both read as numbers compares numbers, otherwise text (as ODK does for `=`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from apv_desktop.errors import InputError

Value = str | float | bool
Answers = Mapping[str, str]

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<ref>\$\{\s*(?P<refname>[A-Za-z_][\w.\-]*)\s*\})
      | (?P<string>'[^']*'|"[^"]*")
      | (?P<number>\d+(?:\.\d+)?|\.\d+)
      | (?P<op><=|>=|!=|=|<|>)
      | (?P<paren>[(),])
      | (?P<word>[A-Za-z_][\w\-]*)
    )""",
    re.VERBOSE,
)
_COMPARISONS = ("=", "!=", "<", ">", "<=", ">=")


class RelevanceError(InputError):
    """A `relevant` expression uses syntax we do not understand."""


@dataclass(frozen=True)
class _Token:
    kind: str  # ref, string, number, op, paren, word, end
    text: str
    position: int


def _tokens(expression: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while expression[position:].strip():
        match = _TOKEN.match(expression, position)
        if match is None:
            start = position + len(expression[position:]) - len(expression[position:].lstrip())
            raise RelevanceError(
                f"The condition '{expression}' has text we do not understand at position "
                f"{start + 1}: '{expression[start:start + 10]}'."
            )
        kind = next(k for k in ("ref", "string", "number", "op", "paren", "word") if match.group(k))
        text = match.group("refname") if kind == "ref" else match.group(kind)
        tokens.append(_Token(kind, text, match.start(kind) + 1))
        position = match.end()
    tokens.append(_Token("end", "", len(expression) + 1))
    return tokens


# A parsed expression is a tree of closures taking the answers; built once per expression.
Node = Callable[[Answers], Value]


class _Parser:
    def __init__(self, expression: str) -> None:
        self.expression = expression
        self.tokens = _tokens(expression)
        self.index = 0

    def fail(self, what: str, token: _Token | None = None) -> RelevanceError:
        token = token or self.peek()
        found = "the end" if token.kind == "end" else f"'{token.text}'"
        return RelevanceError(
            f"The condition '{self.expression}' is not understood: expected {what} at position "
            f"{token.position}, found {found}."
        )

    def peek(self) -> _Token:
        return self.tokens[self.index]

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, text: str) -> None:
        if self.peek().text != text or self.peek().kind not in ("paren", "op"):
            raise self.fail(f"'{text}'")
        self.take()

    def parse(self) -> Node:
        node = self.disjunction()
        if self.peek().kind != "end":
            raise self.fail("'and', 'or' or the end")
        return node

    def disjunction(self) -> Node:
        parts = [self.conjunction()]
        while self._is_word("or"):
            self.take()
            parts.append(self.conjunction())
        if len(parts) == 1:
            return parts[0]
        return lambda answers: any(_truth(part(answers)) for part in parts)

    def conjunction(self) -> Node:
        parts = [self.comparison()]
        while self._is_word("and"):
            self.take()
            parts.append(self.comparison())
        if len(parts) == 1:
            return parts[0]
        return lambda answers: all(_truth(part(answers)) for part in parts)

    def comparison(self) -> Node:
        left = self.operand()
        token = self.peek()
        if token.kind != "op":
            return left
        self.take()
        right = self.operand()
        compare = _comparator(token.text)
        return lambda answers: compare(left(answers), right(answers))

    def operand(self) -> Node:
        token = self.take()
        if token.kind == "ref":
            name = token.text
            return lambda answers: answers.get(name, "") or ""
        if token.kind == "string":
            text = token.text[1:-1]
            return lambda answers: text
        if token.kind == "number":
            number = float(token.text)
            return lambda answers: number
        if token.kind == "paren" and token.text == "(":
            inner = self.disjunction()
            self.expect(")")
            return inner
        if token.kind == "word" and token.text in ("true", "false") and self._is_call():
            self.expect("(")
            self.expect(")")
            value = token.text == "true"
            return lambda answers: value
        if token.kind == "word" and token.text == "not" and self._is_call():
            self.expect("(")
            inner = self.disjunction()
            self.expect(")")
            return lambda answers: not _truth(inner(answers))
        if token.kind == "word" and token.text == "selected" and self._is_call():
            return self.selected()
        self.index -= 1
        if token.kind == "word":
            raise self.fail("a question, a text, a number, not(…) or selected(…)")
        raise self.fail("a question, a text or a number")

    def selected(self) -> Node:
        self.expect("(")
        field = self.operand()
        self.expect(",")
        wanted = self.operand()
        self.expect(")")
        return lambda answers: str(wanted(answers)) in str(field(answers)).split()

    def _is_word(self, word: str) -> bool:
        token = self.peek()
        return token.kind == "word" and token.text == word

    def _is_call(self) -> bool:
        return self.peek().kind == "paren" and self.peek().text == "("


def _truth(value: Value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return value != 0
    return value != ""


def _as_number(value: Value) -> float | None:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, float):
        return value
    try:
        return float(value.strip().replace(",", ".")) if value.strip() else None
    except ValueError:
        return None


def _comparator(op: str) -> Callable[[Value, Value], bool]:
    def compare(left: Value, right: Value) -> bool:
        left_number, right_number = _as_number(left), _as_number(right)
        a: float | str
        b: float | str
        if left_number is not None and right_number is not None:
            a, b = left_number, right_number
        elif op in ("<", ">", "<=", ">=") and (left == "" or right == ""):
            return False  # an unanswered question is neither more nor less than anything
        else:
            a, b = _as_text(left), _as_text(right)
        if op == "=":
            return a == b
        if op == "!=":
            return a != b
        if op == "<":
            return a < b  # type: ignore[operator]
        if op == ">":
            return a > b  # type: ignore[operator]
        if op == "<=":
            return a <= b  # type: ignore[operator]
        return a >= b  # type: ignore[operator]

    return compare


def _as_text(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return value


@lru_cache(maxsize=512)
def compile_relevance(expression: str) -> Node:
    """The expression as a function of the answers; raises RelevanceError on unknown syntax."""
    if not expression or not expression.strip():
        return lambda answers: True
    return _Parser(expression).parse()


def is_relevant(expression: str | None, answers: Answers) -> bool:
    """Whether a question (or section) with this `relevant` is shown, given the answers so far.

    `answers` maps item names to their answer text ('' or absent = not answered)."""
    if not expression or not expression.strip():
        return True
    return _truth(compile_relevance(expression)(answers))


def referenced_names(expression: str) -> list[str]:
    """The question names ${…} an expression reads, in order of first use."""
    names: list[str] = []
    for token in _tokens(expression):
        if token.kind == "ref" and token.text not in names:
            names.append(token.text)
    return names


def check_relevance(expression: str) -> None:
    """Raises RelevanceError when the expression cannot be evaluated."""
    compile_relevance(expression)
