"""The syntax of XLSForm expressions (`relevant`): a tokenizer and a recursive-descent parser to
a small tree. Evaluating the tree is core/relevance.py's job; this module only says what an
expression is and which items it reads, so every caller asks the same parser.

The subset is the part of ODK XPath that real ODK and Kobo forms use in `relevant`:
  ${name}, `.` (the current item's answer), numbers, strings in '…' or "…" (Excel's curly
  quotes ‘…’ and “…” too, as pyxform accepts them), parentheses, unary minus,
  + - * div mod, = != < <= > >=, and, or, and the functions in FUNCTIONS.
Precedence as in XPath 1.0: or < and < (= !=) < (< <= > >=) < (+ -) < (* div mod) < unary -.
Anything else is refused with a RelevanceError naming the position; nothing is ever eval()ed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from apv_desktop.errors import InputError
from apv_desktop.i18n import N_, tr, trn

# name -> (fewest, most) arguments. string-length() without an argument reads the current item.
FUNCTIONS: dict[str, tuple[int, int]] = {
    "not": (1, 1),
    "true": (0, 0),
    "false": (0, 0),
    "selected": (2, 2),
    "count-selected": (1, 1),
    "string-length": (0, 1),
    "if": (3, 3),
    "number": (1, 1),
    "string": (1, 1),
    "boolean": (1, 1),
    "contains": (2, 2),
    "starts-with": (2, 2),
}

EXCERPT_LENGTH = 60  # how much of a long expression a message quotes

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<ref>\$\{\s*(?P<refname>[^\W\d][\w.\-]*)\s*\})
      | (?P<string>['‘’][^'‘’]*['‘’]|["“”][^"“”]*["“”])
      | (?P<number>\d+(?:\.\d*)?|\.\d+)
      | (?P<op><=|>=|!=|=|<|>|\+|-|\*)
      | (?P<paren>[(),])
      | (?P<dot>\.)
      | (?P<word>[^\W\d][\w\-]*)
    )""",
    re.VERBOSE,
)
# A ${name} is any valid XLSForm name (xlsform_survey.VALID_NAME), Danish letters included.
_KINDS = ("ref", "string", "number", "op", "paren", "dot", "word")
_EQUALITY = ("=", "!=")
_RELATIONAL = ("<", "<=", ">", ">=")


def excerpt(expression: str) -> str:
    """The expression on one line (positions still match), shortened when it is long."""
    text = re.sub(r"\s", " ", expression)
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1] + "…"


class RelevanceError(InputError):
    """An expression we cannot evaluate. `reason` says what and where inside the expression
    (without quoting it), so a caller can name its own place (a row, an item) first."""

    def __init__(self, expression: str, reason: str) -> None:
        super().__init__(N_("Betingelsen »{condition}« kan ikke beregnes: {reason}."),
                         condition=excerpt(expression), reason=reason)
        self.expression = expression
        self.reason = reason


# --- the tree ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Literal:
    value: str | float


@dataclass(frozen=True)
class Reference:
    name: str  # ${name}


@dataclass(frozen=True)
class Current:
    """`.`: the answer of the item the expression belongs to."""


@dataclass(frozen=True)
class Negate:
    operand: Node


@dataclass(frozen=True)
class Binary:
    op: str  # or, and, = != < <= > >=, + - * div mod
    left: Node
    right: Node


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Node, ...]


Node = Literal | Reference | Current | Negate | Binary | Call


# --- tokens --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # one of _KINDS, or end
    text: str
    position: int  # 1-based, for messages
    end: int = 0  # 0-based end of the token's text (a ${…} with its braces)


def _tokens(expression: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while expression[position:].strip():
        match = _TOKEN.match(expression, position)
        if match is None:
            start = len(expression) - len(expression[position:].lstrip())
            raise RelevanceError(
                expression,
                tr("tekst, vi ikke forstår, ved position {position}: »{text}«",
                   position=start + 1, text=expression[start:start + 10]),
            )
        kind = next(k for k in _KINDS if match.group(k))
        text = match.group("refname") if kind == "ref" else match.group(kind)
        tokens.append(_Token(kind, text, match.start(kind) + 1, match.end(kind)))
        position = match.end()
    tokens.append(_Token("end", "", len(expression) + 1))
    return tokens


# --- the parser ----------------------------------------------------------------------------


def parse(expression: str) -> Node:
    """The tree of `expression`; raises RelevanceError when it is not in the subset."""
    parser = _Parser(expression)
    try:
        node = parser.disjunction()
    except RecursionError:
        raise RelevanceError(expression, tr("den er indlejret for dybt")) from None
    if parser.peek().kind != "end":
        raise parser.fail(tr("en operator, »and«, »or« eller slutningen"))
    return node


def referenced_names(expression: str) -> list[str]:
    """The item names ${…} an expression reads, in order of first use, once each.
    Raises RelevanceError when the expression cannot be parsed."""
    names: list[str] = []
    _collect(parse(expression), names)
    return names


def rename_reference(expression: str, old: str, new: str) -> str:
    """The expression with every ${old} read as ${new}; text inside quotes is left alone.
    An expression that cannot be tokenized is returned unchanged."""
    try:
        tokens = _tokens(expression)
    except RelevanceError:
        return expression
    for token in reversed(tokens):
        if token.kind == "ref" and token.text == old:
            start = token.position - 1
            expression = expression[:start] + "${" + new + "}" + expression[token.end:]
    return expression


def _collect(node: Node, names: list[str]) -> None:
    if isinstance(node, Reference):
        if node.name not in names:
            names.append(node.name)
    elif isinstance(node, Negate):
        _collect(node.operand, names)
    elif isinstance(node, Binary):
        _collect(node.left, names)
        _collect(node.right, names)
    elif isinstance(node, Call):
        for arg in node.args:
            _collect(arg, names)


class _Parser:
    def __init__(self, expression: str) -> None:
        self.expression = expression
        self.tokens = _tokens(expression)
        self.index = 0

    def fail(self, what: str, token: _Token | None = None) -> RelevanceError:
        token = token or self.peek()
        found = tr("slutningen") if token.kind == "end" else f"'{token.text}'"
        return RelevanceError(
            self.expression, tr("forventede {what} ved position {position}, fandt {found}",
                                what=what, position=token.position, found=found)
        )

    def peek(self) -> _Token:
        return self.tokens[self.index]

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, text: str) -> None:
        if self.peek().kind != "paren" or self.peek().text != text:
            raise self.fail(f"'{text}'")
        self.take()

    def _binary_level(self, operators: tuple[str, ...], operand: Callable[[], Node]) -> Node:
        """A left-associative chain of `operators` between operands parsed by `operand`."""
        node = operand()
        while self._is_operator(operators):
            op = self.take().text
            node = Binary(op, node, operand())
        return node

    def _is_operator(self, operators: tuple[str, ...]) -> bool:
        token = self.peek()
        return token.kind in ("op", "word") and token.text in operators

    def disjunction(self) -> Node:
        return self._binary_level(("or",), self.conjunction)

    def conjunction(self) -> Node:
        return self._binary_level(("and",), self.equality)

    def equality(self) -> Node:
        return self._binary_level(_EQUALITY, self.relational)

    def relational(self) -> Node:
        return self._binary_level(_RELATIONAL, self.additive)

    def additive(self) -> Node:
        return self._binary_level(("+", "-"), self.multiplicative)

    def multiplicative(self) -> Node:
        return self._binary_level(("*", "div", "mod"), self.unary)

    def unary(self) -> Node:
        if self.peek().kind == "op" and self.peek().text == "-":
            self.take()
            return Negate(self.unary())
        return self.primary()

    def primary(self) -> Node:
        token = self.take()
        if token.kind == "ref":
            return Reference(token.text)
        if token.kind == "string":
            return Literal(token.text[1:-1])
        if token.kind == "number":
            return Literal(float(token.text))
        if token.kind == "dot":
            return Current()
        if token.kind == "paren" and token.text == "(":
            inner = self.disjunction()
            self.expect(")")
            return inner
        if token.kind == "word" and self.peek().kind == "paren" and self.peek().text == "(":
            return self.call(token)
        self.index -= 1
        raise self.fail(tr("et spørgsmål, en tekst, et tal eller en funktion"))

    def call(self, name: _Token) -> Call:
        if name.text not in FUNCTIONS:
            raise RelevanceError(
                self.expression,
                tr("funktionen »{function}« ved position {position} er ikke en, APV Desktop kan "
                   "beregne (den kender {known})", function=name.text, position=name.position,
                   known=", ".join(f"{f}()" for f in FUNCTIONS)),
            )
        self.expect("(")
        args: list[Node] = []
        if not (self.peek().kind == "paren" and self.peek().text == ")"):
            args.append(self.disjunction())
            while self.peek().kind == "paren" and self.peek().text == ",":
                self.take()
                args.append(self.disjunction())
        self.expect(")")
        fewest, most = FUNCTIONS[name.text]
        if not fewest <= len(args) <= most:
            wanted = str(fewest) if fewest == most else tr("{fewest} til {most}", fewest=fewest,
                                                            most=most)
            raise RelevanceError(
                self.expression,
                trn("{function}() ved position {position} får {n} argument, men tager {wanted}",
                    "{function}() ved position {position} får {n} argumenter, men tager {wanted}",
                    len(args), function=name.text, position=name.position, wanted=wanted),
            )
        return Call(name.text, tuple(args))
