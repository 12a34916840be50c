"""Sheet names Excel accepts whatever the unit is called: at most 31 characters (counted as
Excel counts them, in UTF-16 units), none of []:*?/\\, no apostrophe at either end, not the
reserved 'History', and unique the way Excel compares them (ignoring case)."""

from __future__ import annotations

import re

MAX_LENGTH = 31
_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")
_RESERVED = {"history"}
FALLBACK = "Ark"


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _fit(text: str, limit: int) -> str:
    """The longest start of `text` that fits in `limit` UTF-16 units (never half a character)."""
    while _utf16_length(text) > limit:
        text = text[:-1]
    return text.rstrip()


def clean_sheet_name(wanted: str, fallback: str = FALLBACK) -> str:
    """`wanted` with forbidden characters replaced and cut to Excel's length."""
    text = _FORBIDDEN.sub("-", wanted)
    text = " ".join(text.split())  # tabs, new lines and runs of spaces become one space
    text = text.strip("'").strip()
    text = _fit(text, MAX_LENGTH).strip("'").strip()
    return text or fallback


class SheetNames:
    """Hands out valid, unique sheet names in the order sheets are made."""

    def __init__(self) -> None:
        self._taken: set[str] = set(_RESERVED)
        self.names: list[str] = []

    def allocate(self, wanted: str, fallback: str = FALLBACK) -> str:
        base = clean_sheet_name(wanted, fallback)
        name = base
        number = 2
        while name.casefold() in self._taken:
            suffix = f" ({number})"
            name = _fit(base, MAX_LENGTH - len(suffix)).strip("'") + suffix
            number += 1
        self._taken.add(name.casefold())
        self.names.append(name)
        return name


def sheet_reference(name: str, cell: str = "A1") -> str:
    """A reference usable in a hyperlink or formula: 'Name'!A1 (apostrophes doubled)."""
    return "'{}'!{}".format(name.replace("'", "''"), cell)
