"""What makes a list of org units a valid organisation tree: the one rule the store, the org file
import and the editable table all apply (they used to disagree: the store took `U1` and `u1`
together, the file refused them).

Pure: no Qt, no SQL. Like core/validation.py, an OrgProblem carries a `code` (the key of its
Danish sentence in MESSAGES), the `fields` that sentence needs and where it is (the unit's
position in the list and its code, so a file import can name the row); `text` renders it through
i18n in the current language. Every problem is an error: a tree with one is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from apv_desktop.core.model import OrgUnit
from apv_desktop.i18n import N_, current_language, translator

MAX_CODE_LENGTH = 50  # a code is a key people type and read in reports
MAX_NAME_LENGTH = 200


class OrgField(StrEnum):
    """The unit's field a problem is about (a column of the file or the table)."""

    CODE = "code"
    NAME = "name"
    PARENT = "parent"
    HEADCOUNT = "headcount"


# code -> (field, the Danish sentence with {fields}, rendered through i18n by OrgProblem.text)
MESSAGES: dict[str, tuple[OrgField, str]] = {
    "code_empty": (OrgField.CODE, N_("Enheden »{name}« har ingen kode.")),
    "code_duplicate": (OrgField.CODE, N_(
        "Koden »{code}« bruges allerede af {first}; koder "
        "sammenlignes uden hensyn til store og små bogstaver.")),
    "code_too_long": (OrgField.CODE, N_("Koden »{code}« er længere end {limit} tegn.")),
    "name_empty": (OrgField.NAME, N_("Enheden {code} har intet navn.")),
    "name_too_long": (OrgField.NAME, N_("Navnet på enheden {code} er længere end {limit} tegn.")),
    "parent_unknown": (OrgField.PARENT, N_(
        "Overenheden »{parent}« for enheden {code} er ikke "
        "koden på en enhed.")),
    "parent_self": (OrgField.PARENT, N_("Enheden {code} kan ikke være sin egen overenhed.")),
    "parent_cycle": (OrgField.PARENT, N_(
        "Overenheden »{parent}« for enheden {code} giver en "
        "ring af overenheder ({cycle}).")),
    "headcount_invalid": (OrgField.HEADCOUNT, N_(
        "Antal ansatte »{headcount}« for enheden {code} "
        "er ikke et helt tal på 0 eller mere.")),
}


@dataclass(frozen=True)
class OrgProblem:
    code: str
    index: int  # the unit's position in the list checked
    unit: str  # the unit's code as given ('' when it has none)
    fields: dict[str, str] = field(default_factory=dict)
    other: int | None = None  # the position of the other unit involved (the first duplicate)

    @property
    def field(self) -> OrgField:
        return MESSAGES[self.code][0]

    @property
    def text(self) -> str:
        """The sentence in the current language (the window's, or the CLI's --lang)."""
        return self.text_with()

    def text_with(self, **fields: str) -> str:
        """The sentence with some fields put otherwise (a file names rows)."""
        return translator(current_language())(MESSAGES[self.code][1], **{**self.fields, **fields})


def code_key(code: str) -> str:
    """Two codes that differ only in case (or surrounding blanks) name the same unit."""
    return code.strip().casefold()


def whole_number(text: str) -> int | None:
    """A headcount typed or read from a file: '12', '12.0' and '12,0' are 12; None when the text
    is not a whole number of 0 or more (a decimal comma is how Danes and Swedes type it)."""
    text = text.strip()
    if text.isascii() and text.isdigit():
        return int(text)
    if text.count(",") + text.count(".") != 1:
        return None
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(number) if number.is_integer() and number >= 0 else None


def org_problems(units: list[OrgUnit]) -> list[OrgProblem]:
    """Every reason `units` is not a valid organisation tree, in list order; empty when valid."""
    problems: list[OrgProblem] = []
    first_with: dict[str, tuple[int, OrgUnit]] = {}
    for index, unit in enumerate(units):
        problems += _own_problems(index, unit, first_with)
    for index, unit in enumerate(units):
        if unit.parent and code_key(unit.parent) == code_key(unit.code):
            problems.append(OrgProblem("parent_self", index, unit.code, {"code": unit.code}))
        elif unit.parent and unit.parent not in {u.code for _, u in first_with.values()}:
            problems.append(OrgProblem("parent_unknown", index, unit.code,
                                       {"code": unit.code, "parent": unit.parent}))
    problems += _cycles(units)
    return sorted(problems, key=lambda p: p.index)


def _own_problems(index: int, unit: OrgUnit, first_with: dict[str, tuple[int, OrgUnit]],
                  ) -> list[OrgProblem]:
    problems: list[OrgProblem] = []

    def add(code: str, other: int | None = None, **fields: str) -> None:
        problems.append(OrgProblem(code, index, unit.code, {"code": unit.code, **fields}, other))

    key = code_key(unit.code)
    if not key:
        add("code_empty", name=unit.name)
    elif key in first_with:
        first_index, first = first_with[key]
        add("code_duplicate", first_index, first=first.code)
    else:
        first_with[key] = (index, unit)
    if len(unit.code) > MAX_CODE_LENGTH:
        add("code_too_long", limit=str(MAX_CODE_LENGTH))
    if not unit.name.strip():
        add("name_empty")
    elif len(unit.name) > MAX_NAME_LENGTH:
        add("name_too_long", limit=str(MAX_NAME_LENGTH))
    headcount = unit.headcount
    if headcount is not None and (isinstance(headcount, bool) or not isinstance(headcount, int)
                                  or headcount < 0):
        add("headcount_invalid", headcount=str(headcount))
    return problems


def _cycles(units: list[OrgUnit]) -> list[OrgProblem]:
    """One problem per cycle of two or more units, at the cycle's first unit in the list."""
    index_of: dict[str, int] = {}
    for index, unit in enumerate(units):
        index_of.setdefault(unit.code, index)
    problems: list[OrgProblem] = []
    reported: set[str] = set()
    for unit in units:
        path: list[str] = []
        current: str | None = unit.code
        while current is not None and current in index_of and current not in path:
            path.append(current)
            parent = units[index_of[current]].parent
            current = None if parent == current else parent  # a self-parent is its own problem
        if current is None or current not in path or current in reported:
            continue
        cycle = path[path.index(current):]
        reported.update(cycle)
        start = min(cycle, key=index_of.__getitem__)
        turn = cycle.index(start)
        cycle = cycle[turn:] + cycle[:turn]
        first = units[index_of[start]]
        problems.append(OrgProblem("parent_cycle", index_of[start], first.code, {
            "code": first.code, "parent": first.parent or "",
            "cycle": " -> ".join([*cycle, cycle[0]])}))
    return problems
