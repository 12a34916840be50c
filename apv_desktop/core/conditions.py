"""A `relevant` expression as the builder's condition picker shows it: rows of (question,
comparison, answers), joined by "any" or "all". Reading goes through the one parser
(core/expression.py); an expression the rows cannot say is None (the builder then offers the
raw expression under "Avanceret"). Writing gives the form the shipped templates use, so a
template's condition reads and writes back unchanged.

Pure: no Qt, no translation.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from apv_desktop.core.expression import (
    Binary,
    Call,
    Literal,
    Node,
    Reference,
    RelevanceError,
    parse,
)


class Comparison(StrEnum):
    IS = "is"  # the answer is one of `answers`
    IS_NOT = "is_not"  # answered, and with none of `answers`
    ANSWERED = "answered"
    NOT_ANSWERED = "not_answered"


class Join(StrEnum):
    ANY = "or"
    ALL = "and"


@dataclass(frozen=True)
class Clause:
    item: str
    comparison: Comparison
    answers: tuple[str, ...] = ()
    multiple: bool = False  # the item is select_multiple: an answer is tested with selected()


@dataclass(frozen=True)
class Condition:
    clauses: tuple[Clause, ...]
    join: Join = Join.ANY


# --- writing ---------------------------------------------------------------------------------


def _quoted(value: str) -> str:
    return f'"{value}"' if "'" in value else f"'{value}'"


def _is(clause: Clause, answer: str) -> str:
    if clause.multiple:
        return f"selected(${{{clause.item}}}, {_quoted(answer)})"
    return f"${{{clause.item}}} = {_quoted(answer)}"


def _terms(clause: Clause) -> tuple[list[str], Join]:
    """The clause's terms and how they are joined among themselves."""
    ref = f"${{{clause.item}}}"
    if clause.comparison is Comparison.ANSWERED:
        return [f"{ref} != ''"], Join.ALL
    if clause.comparison is Comparison.NOT_ANSWERED:
        return [f"{ref} = ''"], Join.ALL
    if clause.comparison is Comparison.IS:
        return [_is(clause, answer) for answer in clause.answers], Join.ANY
    nots = [f"not({_is(clause, a)})" if clause.multiple else f"{ref} != {_quoted(a)}"
            for a in clause.answers]
    return [f"{ref} != ''", *nots], Join.ALL


def write_condition(condition: Condition) -> str | None:
    """The expression; None when there is no clause (the question is always shown)."""
    parts = []
    for clause in condition.clauses:
        terms, join = _terms(clause)
        if not terms:
            continue
        text = f" {join.value} ".join(terms)
        alone = len(condition.clauses) == 1
        if len(terms) > 1 and join is not condition.join and not alone:
            text = f"({text})"
        parts.append(text)
    return f" {condition.join.value} ".join(parts) or None


# --- reading ---------------------------------------------------------------------------------


def read_condition(expression: str | None, multiple: frozenset[str] = frozenset()
                   ) -> Condition | None:
    """The rows of `expression` (`multiple`: the names of select_multiple items); an empty
    Condition for no expression; None when the rows cannot say it."""
    if not expression or not expression.strip():
        return Condition(())
    try:
        tree = parse(expression)
    except RelevanceError:
        return None
    single = _clause(tree, multiple)
    if single is not None:
        return Condition((single,))
    for join in (Join.ANY, Join.ALL):
        terms = _flatten(tree, join.value)
        if len(terms) < 2:
            continue
        clauses = [_clause(term, multiple) for term in terms]
        if any(c is None for c in clauses):
            return None
        return Condition(_merged([c for c in clauses if c is not None], join), join)
    return None


def _flatten(node: Node, op: str) -> list[Node]:
    if isinstance(node, Binary) and node.op == op:
        return [*_flatten(node.left, op), *_flatten(node.right, op)]
    return [node]


def _merged(clauses: list[Clause], join: Join) -> tuple[Clause, ...]:
    """Under "any", `q = a or q = b` is one row: q is one of a, b."""
    out: list[Clause] = []
    for clause in clauses:
        last = out[-1] if out else None
        if (join is Join.ANY and last is not None and clause.comparison is Comparison.IS
                and last.comparison is Comparison.IS and last.item == clause.item):
            out[-1] = Clause(last.item, Comparison.IS, last.answers + clause.answers,
                             last.multiple)
        else:
            out.append(clause)
    return tuple(out)


def _clause(node: Node, multiple: frozenset[str]) -> Clause | None:
    """One row: `q = 'a'`, `selected(q, 'a')`, `q != ''`, `q = ''`, `q = 'a' or q = 'b'`, or
    `q != '' and q != 'a' [and q != 'b' …]`."""
    simple = _equals(node, multiple)
    if simple is not None:
        item, answer, multi = simple
        if answer == "":
            return Clause(item, Comparison.NOT_ANSWERED)
        return Clause(item, Comparison.IS, (answer,), multi)
    if isinstance(node, Binary) and node.op == "!=" and _answer_test(node) is not None:
        return Clause(_answer_test(node) or "", Comparison.ANSWERED)
    ors = _flatten(node, "or")
    if len(ors) > 1:
        found = [_equals(term, multiple) for term in ors]
        if all(f is not None and f[1] for f in found) and len({f[0] for f in found if f}) == 1:
            first = found[0]
            assert first is not None
            return Clause(first[0], Comparison.IS, tuple(f[1] for f in found if f), first[2])
        return None
    ands = _flatten(node, "and")
    if len(ands) > 1 and isinstance(ands[0], Binary) and ands[0].op == "!=":
        tested = _answer_test(ands[0])
        nots = [_not_equal(term, multiple) for term in ands[1:]]
        if tested and all(n is not None and n[0] == tested for n in nots):
            return Clause(tested, Comparison.IS_NOT, tuple(n[1] for n in nots if n),
                          tested in multiple)
    return None


def _answer_test(node: Binary) -> str | None:
    """The item of `${q} != ''`."""
    if isinstance(node.left, Reference) and node.right == Literal(""):
        return node.left.name
    return None


def _equals(node: Node, multiple: frozenset[str]) -> tuple[str, str, bool] | None:
    """(item, answer, is select_multiple) of `${q} = 'a'` or `selected(${q}, 'a')`."""
    if (isinstance(node, Binary) and node.op == "=" and isinstance(node.left, Reference)
            and isinstance(node.right, Literal) and isinstance(node.right.value, str)
            and node.left.name not in multiple):
        return node.left.name, node.right.value, False
    if (isinstance(node, Call) and node.name == "selected" and len(node.args) == 2
            and isinstance(node.args[0], Reference) and isinstance(node.args[1], Literal)
            and isinstance(node.args[1].value, str) and node.args[1].value):
        return node.args[0].name, node.args[1].value, True
    return None


def _not_equal(node: Node, multiple: frozenset[str]) -> tuple[str, str] | None:
    """(item, answer) of `${q} != 'a'` or `not(selected(${q}, 'a'))`."""
    if (isinstance(node, Binary) and node.op == "!=" and isinstance(node.left, Reference)
            and isinstance(node.right, Literal) and isinstance(node.right.value, str)
            and node.right.value and node.left.name not in multiple):
        return node.left.name, node.right.value
    if isinstance(node, Call) and node.name == "not" and len(node.args) == 1:
        inner = _equals(node.args[0], multiple)
        if inner is not None and inner[2]:
            return inner[0], inner[1]
    return None
