"""Answers as numbers: the one encoding shared by kiosk, imports, the store and the compute.

A respondent's answers are a vector aligned with `Questionnaire.answerable_items()`:
select_one holds the choice's position, select_multiple a bit mask of positions, integer and
decimal their value, and NaN means no answer. Free text is kept apart (it is not a number and
is shown only under the comment threshold).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from apv_desktop.core.model import ChoiceList, Item, ItemType, OrgUnit, Questionnaire
from apv_desktop.core.round_state import CLOSED, RoundState

MISSING = math.nan


@dataclass
class ResponseSet:
    """All answer sheets of one round, column-aligned with the questionnaire's answerable items."""

    item_names: list[str]
    unit_codes: list[str]  # per respondent
    values: np.ndarray  # float64, shape (respondents, items)
    texts: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # item -> (row, text)

    @property
    def size(self) -> int:
        return len(self.unit_codes)

    @classmethod
    def empty(cls, questionnaire: Questionnaire) -> ResponseSet:
        names = [i.name for i in questionnaire.answerable_items()]
        return cls(names, [], np.empty((0, len(names)), dtype=np.float64), {})


@dataclass(frozen=True)
class RoundAnswers:
    """One round's questionnaire and answers, as read from the project file."""

    name: str
    questionnaire: Questionnaire
    responses: ResponseSet
    units: list[OrgUnit] = field(default_factory=list)  # the round's org tree (frozen if closed)
    state: RoundState = CLOSED


def encode_choice(choices: ChoiceList, value: str) -> int | None:
    """Position of the choice whose name, or label in any language, equals `value`."""
    wanted = value.strip()
    for i, choice in enumerate(choices.choices):
        if choice.name == wanted:
            return i
    folded = wanted.casefold()
    for i, choice in enumerate(choices.choices):
        if choice.name.casefold() == folded:
            return i
        if any(label.strip().casefold() == folded for label in choice.labels.values() if label):
            return i
    return None


def encode_value(item: Item, choices: ChoiceList | None, raw: str) -> float:
    """The number stored for one cell; raises ValueError with a short reason if it is invalid.

    Blank means no answer. Text items are not encoded here (they return MISSING).
    """
    text = raw.strip() if raw is not None else ""
    if not text or item.type in (ItemType.TEXT, ItemType.NOTE):
        return MISSING
    if item.type is ItemType.SELECT_ONE:
        assert choices is not None
        pos = encode_choice(choices, text)
        if pos is None:
            raise ValueError(f"'{text}' is not a choice of {item.name}")
        return float(pos)
    if item.type is ItemType.SELECT_MULTIPLE:
        assert choices is not None
        mask = 0
        for part in text.replace(",", " ").split():
            pos = encode_choice(choices, part)
            if pos is None:
                raise ValueError(f"'{part}' is not a choice of {item.name}")
            mask |= 1 << pos
        return float(mask)
    number_text = text.replace(",", ".") if text.count(",") == 1 and "." not in text else text
    try:
        number = float(number_text)
    except ValueError:
        raise ValueError(f"'{text}' is not a number") from None
    if item.type is ItemType.INTEGER and not number.is_integer():
        raise ValueError(f"'{text}' is not a whole number")
    if not math.isfinite(number):
        raise ValueError(f"'{text}' is not a number")
    return number


