"""Answers as numbers: the one encoding shared by kiosk, imports, the store and the compute.

A respondent's answers are a vector aligned with `Questionnaire.answerable_items()`:
select_one holds the choice's position, select_multiple a bit mask of positions, integer and
decimal their value, and NaN means no answer. Free text is kept apart (it is not a number and
is shown only under the comment threshold).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from apv_desktop.core.model import ChoiceList, Item, ItemType, OrgUnit, Questionnaire
from apv_desktop.core.round_state import CLOSED, RoundState
from apv_desktop.i18n import tr

if TYPE_CHECKING:  # NumPy is imported where answers are computed on, not where they are read
    import numpy as np

MISSING = math.nan
NOT_A_CHOICE = 0xFF  # choice_codes() of an answer that is no choice position below 255


def choice_codes(values: np.ndarray) -> np.ndarray:
    """ResponseSet.choice_codes of a float matrix (NaN = no answer)."""
    import numpy as np

    codes = np.full(values.shape, NOT_A_CHOICE, dtype=np.uint8, order="F")
    with np.errstate(invalid="ignore"):
        for j in range(values.shape[1] if values.ndim == 2 else 0):
            column = values[:, j]
            small = (column > -1) & (column < NOT_A_CHOICE)
            codes[small, j] = column[small]  # truncated toward zero, as astype(int) does
    return codes


def values_of_codes(codes: np.ndarray) -> np.ndarray:
    """The float matrix whose choice codes `codes` (uint8, rows x items) are, when every answer
    is a whole number below NOT_A_CHOICE: each code as a number, NOT_A_CHOICE as no answer.
    Column-major, as the compute reads it."""
    import numpy as np

    table = np.arange(256, dtype=np.float64)
    table[NOT_A_CHOICE] = MISSING
    return table[np.asfortranarray(codes).T].T


class ResponseSet:
    """All answer sheets of one round, column-aligned with the questionnaire's answerable items.

    Made from a float matrix (`values`), or with `of_codes` from one byte per answer, row after
    row: the form a file of choices is read in and the store keeps it in. A set of codes makes
    its float matrix on first use, so reading a file into the store needs no NumPy."""

    def __init__(
        self,
        item_names: list[str],
        unit_codes: list[str],  # per respondent
        values: np.ndarray,  # float64, shape (respondents, items)
        texts: dict[str, list[tuple[int, str]]] | None = None,  # item -> (row, text)
    ) -> None:
        self.item_names = item_names
        self.unit_codes = unit_codes
        self.texts = {} if texts is None else texts
        self._values: np.ndarray | None = values
        self._rows: bytes | None = None  # of_codes' bytes, while `values` was not replaced
        # choice_codes() of `_codes_of` (the values they were made from; stale once replaced).
        self._codes: np.ndarray | None = None
        self._codes_of: np.ndarray | None = None

    @classmethod
    def of_codes(
        cls,
        item_names: list[str],
        unit_codes: list[str],
        rows: bytes,
        texts: dict[str, list[tuple[int, str]]] | None = None,
    ) -> ResponseSet:
        """The sheets whose answers are whole numbers below NOT_A_CHOICE, each one byte in
        `rows` (len(item_names) bytes a sheet, one sheet after another), NOT_A_CHOICE for no
        answer: choice_codes() as they are."""
        if len(rows) != len(unit_codes) * len(item_names):
            raise ValueError("rows hold another number of answers than the sheets have")
        made = cls(item_names, unit_codes, None, texts)  # type: ignore[arg-type]
        made._rows = rows
        return made

    def __repr__(self) -> str:
        return f"ResponseSet({len(self.item_names)} items, {self.size} sheets)"

    @property
    def size(self) -> int:
        return len(self.unit_codes)

    @property
    def values(self) -> np.ndarray:
        if self._values is None:
            codes = self._code_matrix()
            self._values = values_of_codes(codes)
            self._codes, self._codes_of = codes, self._values
            # The matrix may now be changed in place, which the bytes would not follow.
            self._rows = None
        return self._values

    @values.setter
    def values(self, values: np.ndarray) -> None:
        self._values, self._rows = values, None

    def code_rows(self) -> list[bytes] | None:
        """Per sheet its answers as of_codes' bytes; None for a set made from floats or whose
        `values` were used (and so may have been changed)."""
        rows, width = self._rows, len(self.item_names)
        if rows is None:
            return None
        return [rows[start : start + width] for start in range(0, len(rows), width or 1)] \
            if width else [b""] * self.size

    def _code_matrix(self) -> np.ndarray:
        import numpy as np

        assert self._rows is not None
        matrix = np.frombuffer(self._rows, dtype=np.uint8)
        return np.asfortranarray(matrix.reshape(self.size, len(self.item_names)))

    def choice_codes(self) -> np.ndarray:
        """The answers as choice positions in one byte each, column-major: a value v with
        -1 < v < NOT_A_CHOICE becomes int(v) (as `values.astype(int)` truncates), anything
        else (no answer, negative, larger) NOT_A_CHOICE. A lookup table of 256 entries then maps
        a whole column at once (scoring, disclosure); made once per set of values. Not valid
        after `values` is changed in place."""
        values = self.values
        if self._codes is None or self._codes_of is not values:
            self._codes = choice_codes(values)
            self._codes_of = values
        return self._codes

    def keep_codes(self, codes: np.ndarray) -> None:
        """Take `codes` as choice_codes() of the current values (the store has them already:
        the one-byte cells answers are kept in)."""
        assert codes.shape == self.values.shape and codes.dtype.itemsize == 1
        self._codes, self._codes_of = codes, self.values

    @classmethod
    def empty(cls, questionnaire: Questionnaire) -> ResponseSet:
        names = [i.name for i in questionnaire.answerable_items()]
        return cls.of_codes(names, [], b"", {})


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
            raise ValueError(tr("»{text}« er ikke et svar på spørgsmål {name}",
                                text=text, name=item.name))
        return float(pos)
    if item.type is ItemType.SELECT_MULTIPLE:
        assert choices is not None
        mask = 0
        for part in text.replace(",", " ").split():
            pos = encode_choice(choices, part)
            if pos is None:
                raise ValueError(tr("»{part}« er ikke et svar på spørgsmål {name}",
                                    part=part, name=item.name))
            mask |= 1 << pos
        return float(mask)
    number_text = text.replace(",", ".") if text.count(",") == 1 and "." not in text else text
    try:
        number = float(number_text)
    except ValueError:
        raise ValueError(tr("»{text}« er ikke et tal", text=text)) from None
    if item.type is ItemType.INTEGER and not number.is_integer():
        raise ValueError(tr("»{text}« er ikke et helt tal", text=text))
    if not math.isfinite(number):
        raise ValueError(tr("»{text}« er ikke et tal", text=text))
    return number


