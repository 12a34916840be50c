"""How the cells of a response file become stored numbers: choices, multiple choices, units.

A choice is found by its name, or by its label in any language ignoring case. A column whose
values are all numbers 1..k (SurveyXact's and LimeSurvey's codes) or `A1`..`Ak` (LimeSurvey's
default answer codes), that the choice names cannot read, and whose list has no numbered choice
names of its own, is read as choice positions: that is its only consistent reading.
Multiple choices arrive joined by ';' (Microsoft Forms), ', ' (Google Forms) or spaces (XLSForm
tools); labels that hold the separator themselves ("Borgere, klienter eller patienter") are kept
whole by splitting only where known choices result.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from apv_desktop.core.answers import MISSING, encode_value
from apv_desktop.core.model import ChoiceList, Item, ItemType, OrgUnit, Questionnaire
from apv_desktop.errors import InputError
from apv_desktop.i18n import current_language, tr
from apv_desktop.interchange.tables import normalise_header

_POSITION_CODE = re.compile(r"^(?:a)?0*([1-9]\d{0,2})$", re.IGNORECASE)
# Values of a LimeSurvey/Kobo one-column-per-option column that mean "chosen" / "not chosen".
CHOSEN = frozenset({"y", "yes", "ja", "1", "true", "sand", "sant", "x", "selected", "valgt"})
NOT_CHOSEN = frozenset({"", "n", "no", "nej", "0", "false", "falsk", "falskt", "not selected"})


def encoder_for(
    item: Item, questionnaire: Questionnaire, cells: Collection[str] | None = None
) -> Callable[[str], float]:
    """A function from one non-blank cell to its stored number; raises ValueError if invalid.

    `cells` (the column's values) lets a column of position codes be read as positions."""
    choices = questionnaire.choices_for(item)
    if item.type in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE) and choices is None:
        raise InputError(
            "Spørgsmål {name} har ingen svarskala (»{list_name}« mangler); tilføj skalaen på "
            "spørgeskemaets choices-ark.", name=item.name, list_name=item.list_name
        )
    if item.type not in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE):
        return lambda raw: encode_value(item, choices, raw)
    assert choices is not None
    lookup = choice_lookup(choices)
    count = len(choices.choices)
    numbered = any(_POSITION_CODE.match(choice.name) for choice in choices.choices)
    by_position = (not numbered and cells is not None
                   and reads_as_positions(cells, lookup, count))
    if by_position:
        lookup = _position_lookup(count)

    def refused(raw: str) -> ValueError:
        if by_position:
            return ValueError(tr("»{raw}« ligger uden for svarkoderne 1-{count} på spørgsmål "
                                 "{name}", raw=raw, count=count, name=item.name))
        return ValueError(tr("»{raw}« er ikke et svar på spørgsmål {name}; svarene er "
                             "{answers}", raw=raw, name=item.name, answers=_answers(choices)))

    if item.type is ItemType.SELECT_MULTIPLE:
        return lambda raw: encode_multiple(lookup, raw, refused) if raw else MISSING

    def encode_one(raw: str) -> float:
        position = lookup(raw)
        if position is not None:
            return float(position)
        if not raw:
            return MISSING
        raise refused(raw)

    return encode_one


def _answers(choices: ChoiceList, shown: int = 7) -> str:
    """The choices as the reader knows them (labels in the current language), for a message."""
    language = current_language()
    labels = [choice.label(language) or choice.name for choice in choices.choices]
    listed = " / ".join(labels[:shown])  # a label may hold a comma
    return listed + (tr(" og {count} flere", count=len(labels) - shown)
                     if len(labels) > shown else "")


def choice_lookup(choices: ChoiceList) -> Callable[[str], int | None]:
    """encode_choice's rules (name, then name or label in any language ignoring case) as dicts."""
    exact: dict[str, int] = {}
    folded: dict[str, int] = {}
    for position, choice in enumerate(choices.choices):
        exact.setdefault(choice.name, position)
        folded.setdefault(normalise_header(choice.name), position)
        for label in choice.labels.values():
            if label and label.strip():
                folded.setdefault(normalise_header(label), position)

    def lookup(raw: str) -> int | None:
        found = exact.get(raw)
        return found if found is not None else folded.get(normalise_header(raw))

    return lookup


def reads_as_positions(
    cells: Collection[str], lookup: Callable[[str], int | None], count: int
) -> bool:
    """True when the choices cannot read the column but every value in it is a position code
    (1, 2, … or A1, A2, …): read so, a code above `count` is named as out of range instead of
    every good code being refused as no choice name."""
    values = {part for cell in set(cells) for part in _parts(cell)}
    if not values or all(lookup(value) is not None for value in values):
        return False
    return all(_POSITION_CODE.match(value) for value in values)


def _parts(cell: str) -> list[str]:
    return [part for part in re.split(r"[;,\s]+", cell) if part] if cell else []


def _position_lookup(count: int) -> Callable[[str], int | None]:
    def lookup(raw: str) -> int | None:
        code = _POSITION_CODE.match(raw.strip())
        return int(code[1]) - 1 if code and int(code[1]) <= count else None

    return lookup


def encode_multiple(lookup: Callable[[str], int | None], raw: str,
                    refused: Callable[[str], ValueError]) -> float:
    """The bit mask of the choices in `raw`; raises refused(part) for a part that is no choice."""
    whole = lookup(raw)
    if whole is not None:  # one choice whose label holds a space or comma
        return float(1 << whole)
    for separator in (";", ","):
        if separator in raw:
            positions = split_known(raw.split(separator), lookup, separator)
            if positions is not None:
                return float(sum(1 << p for p in set(positions)))
    parts = raw.replace(";", " ").replace(",", " ").split()
    mask = 0
    for part in parts:
        position = lookup(part)
        if position is None:
            raise refused(part)
        mask |= 1 << position
    return float(mask)


def split_known(
    pieces: list[str], lookup: Callable[[str], int | None], separator: str
) -> list[int] | None:
    """Join consecutive `pieces` back with `separator` so that every group is a known choice
    (fewest groups first, so 'Borgere, klienter eller patienter' stays one); None if none fits."""
    best: list[list[int] | None] = [[]] + [None] * len(pieces)
    for end in range(1, len(pieces) + 1):
        for start in range(end):
            before = best[start]
            if before is None:
                continue
            text = separator.join(pieces[start:end]).strip()
            if not text:  # Microsoft Forms ends the list with ';'
                found: list[int] | None = before
            else:
                position = lookup(text)
                found = None if position is None else [*before, position]
            current = best[end]
            if found is not None and (current is None or len(found) < len(current)):
                best[end] = found
    return best[len(pieces)]


def option_chosen(raw: str) -> bool:
    """Whether a one-column-per-option cell marks the option chosen; ValueError if unclear."""
    key = normalise_header(raw)
    if key in NOT_CHOSEN:
        return False
    if key in CHOSEN:
        return True
    raise ValueError(tr("»{raw}« er hverken et ja (Y, 1, Ja) eller et nej (tom, N, 0, Nej)",
                        raw=raw))


def unit_resolver(units: list[OrgUnit]) -> Callable[[str], str]:
    """The unit code a cell names (by code, or by a name only one unit has); ValueError with
    the reason for a cell that names no single unit."""
    exact = {unit.code: unit.code for unit in units}
    codes_folded: dict[str, list[str]] = {}
    names_folded: dict[str, list[str]] = {}
    for unit in units:
        codes_folded.setdefault(unit.code.casefold(), []).append(unit.code)
        names_folded.setdefault(normalise_header(unit.name), []).append(unit.code)

    def resolve(raw: str) -> str:
        if not raw:
            raise ValueError(tr("enheden er tom"))
        if raw in exact:
            return raw
        by_code = codes_folded.get(raw.casefold(), [])
        if len(by_code) == 1:
            return by_code[0]
        by_name = names_folded.get(normalise_header(raw), [])
        if len(by_name) == 1:
            return by_name[0]
        if by_name:
            raise ValueError(
                tr("»{raw}« er navnet på {count_by_name} enheder (koderne {value}); brug koden",
                   raw=raw, count_by_name=len(by_name), value=', '.join(by_name))
            )
        raise ValueError(tr("»{raw}« er hverken kode eller navn på en enhed", raw=raw))

    return resolve
