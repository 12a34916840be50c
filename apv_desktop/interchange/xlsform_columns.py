"""Column headers, language names and cell values of XLSForm sheets, shared by reader and writer.

XLSForms are written by hand, so headers are matched loosely: case, spacing and `_` versus a
space do not matter (`List Name` == `list_name`), and a language is attached with `::` or `:`
(`label::Dansk (da)`, `label:English`). A language code in parentheses wins over the name.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

# Names people write in headers and settings, mapped to the codes the product uses.
KNOWN_LANGUAGE_NAMES: dict[str, str] = {
    "dansk": "da",
    "danish": "da",
    "svenska": "sv",
    "swedish": "sv",
    "english": "en",
    "engelsk": "en",
    "engelska": "en",
    "norsk": "nb",
    "norwegian": "nb",
    "bokmål": "nb",
    "deutsch": "de",
    "german": "de",
}

# How the writer names a language in a header; other codes are written as `code (code)`.
WRITTEN_LANGUAGE_NAMES: dict[str, str] = {"da": "Dansk", "sv": "Svenska", "en": "English"}

_CODE_IN_PARENTHESES = re.compile(r"\(([^()]*)\)\s*$")
_NOT_SLUG = re.compile(r"[^\w]+")
_BASE_SEPARATORS = re.compile(r"[\s_]+")


@dataclass(frozen=True)
class Column:
    """One header cell: `base` is the normalised column name ("label", "list_name", ...), and
    `language` the code from a `::`/`:` suffix, or None for a plain column."""

    index: int
    header: str
    base: str
    language: str | None


def clean_text(value: str) -> str:
    """Text with whitespace (non-breaking spaces too) stripped from the ends only: inside a
    label, a non-breaking space may be meant."""
    return value.strip()


def language_code(name: str) -> str | None:
    """The code for a language as written in a header or setting; None when nothing is given.

    `Dansk (da)` -> da (the code in parentheses wins), `English` -> en, `Swahili` -> swahili.
    """
    text = clean_text(name)
    match = _CODE_IN_PARENTHESES.search(text)
    if match and match.group(1).strip():
        return match.group(1).strip().lower()
    key = text.casefold()
    if not key:
        return None
    if key in KNOWN_LANGUAGE_NAMES:
        return KNOWN_LANGUAGE_NAMES[key]
    return _NOT_SLUG.sub("-", key).strip("-") or None


def language_header_name(code: str) -> str:
    """`Dansk (da)` for da; `xx (xx)` for a code without a known name."""
    return f"{WRITTEN_LANGUAGE_NAMES.get(code, code)} ({code})"


def parse_header(raw: object, index: int) -> Column:
    text = " ".join(clean_text(cell_text(raw)).split())
    base, separator, rest = text.partition(":")
    language = language_code(rest.lstrip(":")) if separator else None
    normalised = _BASE_SEPARATORS.sub("_", base.strip().casefold()).strip("_")
    return Column(index=index, header=text, base=normalised, language=language)


def cell_text(value: object) -> str:
    """A cell as text: numbers without a spurious `.0`, dates in ISO form, text stripped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return clean_text(str(value))


def cell_number(value: object) -> float | None:
    """A numeric cell (or text holding a number, `,` as decimal mark allowed); None when blank.

    Raises ValueError when the cell holds something that is not a finite number.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("a true/false value is not a number")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = cell_text(value)
        if not text:
            return None
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        number = float(text)  # raises ValueError for text that is not a number
    if not math.isfinite(number):
        raise ValueError("not a finite number")
    return number


_TRUE_WORDS = {"yes", "true", "true()", "1", "ja", "y"}
_FALSE_WORDS = {"no", "false", "false()", "0", "nej", "n", ""}


def yes_no(value: object) -> bool | None:
    """True for yes/true/TRUE()/1, False for no/false/0/blank, None for anything else."""
    word = cell_text(value).casefold().replace(" ", "")
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    return None
