"""The one translation mechanism of the program, for the GUI and the reports alike (no Qt).

Texts are written in Danish in the code, wrapped in `tr("...")`; the Danish text is the key into
the JSON catalogs resources/i18n/<lang>.json and <area>.<lang>.json ({danish: translation}; one
file per area of the program, merged, so that areas are translated independently). A missing
entry falls back to the Danish text, and a test (tests/gui/test_gui_translations.py) fails when
a `tr` literal lacks a Swedish or English entry. Fields are filled after translating:
tr("{n} svar", n=3).

A sentence that counts uses `trn("{n} punkt", "{n} punkter", n)`: the catalog entry of the
singular holds the translated forms by CLDR plural category ({"one": …, "other": …}), and
Babel picks the category for the language, so "1 punkter" cannot happen. Numbers shown to a
reader go through `format_decimal`/`format_number` (Babel's CLDR data: decimal comma and
thousands separators in Danish and Swedish).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache, lru_cache

from apv_desktop.core.model import DEFAULT_LANGUAGE, LANGUAGES
from apv_desktop.resource_paths import resource_path

Translate = Callable[..., str]

LANGUAGE_NAMES: dict[str, str] = {"da": "Dansk", "sv": "Svenska", "en": "English"}

_current = DEFAULT_LANGUAGE


@cache
def catalog(code: str) -> dict[str, str]:
    """The catalog of `code` (empty for Danish, the source language)."""
    if code == DEFAULT_LANGUAGE:
        return {}
    return {k: v for k, v in _entries(code).items() if isinstance(v, str)}


@cache
def plural_catalog(code: str) -> dict[str, dict[str, str]]:
    """The plural entries of `code`: Danish singular -> {CLDR category: translated form}."""
    if code == DEFAULT_LANGUAGE:
        return {}
    return {k: v for k, v in _entries(code).items() if isinstance(v, dict)}


@cache
def _entries(code: str) -> dict[str, str | dict[str, str]]:
    # Read once for both catalogs, and taken as JSON gives them (keys and texts are strings
    # there; tests/gui/test_gui_translations.py checks every catalog's shape): the first
    # translated word of a command is on every command's path in Swedish and English.
    merged: dict[str, str | dict[str, str]] = {}
    for path in sorted(resource_path("i18n").glob("*.json")):
        if path.name == f"{code}.json" or path.name.endswith(f".{code}.json"):
            merged.update(json.loads(path.read_bytes()))
    return merged


def _translate(code: str, text: str, fields: dict[str, object]) -> str:
    translated = catalog(code).get(text) or text
    return translated.format(**fields) if fields else translated


# Whole counts without Babel: loading its CLDR data costs every command that prints a count
# ~25 ms of a ~200 ms run (issue 18). For a non-negative int, CLDR's rules of da/sv/en come
# down to these facts: the thousands separator, and 'one' exactly for 1 (da's other 'one'
# cases are fractions). They are Babel's, checked against it for every language in
# tests/unit/test_startup_cost.py; anything else (fractions, other languages) asks Babel.
_THOUSANDS = {"da": ".", "sv": "\xa0", "en": ","}


def _whole_count(count: float, language: str) -> bool:
    return type(count) is int and count >= 0 and language in _THOUSANDS


def plural_category(count: float, language: str) -> str:
    """CLDR's plural category of `count` in `language` ('one' or 'other' for da/sv/en)."""
    if _whole_count(count, language):
        return "one" if count == 1 else "other"
    from babel import Locale  # lazily, like the number formats: a catalog lookup needs neither

    return str(Locale.parse(language).plural_form(abs(count)))


def _translate_plural(code: str, one: str, other: str, count: float,
                      fields: dict[str, object]) -> str:
    category = plural_category(count, code)
    forms = plural_catalog(code).get(one) or {"one": one, "other": other}
    chosen = forms.get(category) or forms.get("other") or other
    return chosen.format(n=format_number(count, code), **fields)


def trn(one: str, other: str, count: float, /, **fields: object) -> str:
    """The Danish sentence `one` (singular) or `other` (plural) in the current language, the form
    chosen by `count`'s plural category there; `{n}` is the count, formatted for the reader."""
    return _translate_plural(_current, one, other, count, fields)


def N_(text: str) -> str:  # noqa: N802  (gettext's name for it)
    """Marks a Danish text for the catalogs where it is defined but rendered later (a table of
    coded messages); the scan of tests/gui/test_gui_translations.py finds it like a tr()."""
    return text


def tr(text: str, /, **fields: object) -> str:
    """`text` (Danish) in the current language, with `{fields}` filled in."""
    return _translate(_current, text, fields)


def translator(code: str) -> Translate:
    """A tr-like function for one language, whatever the UI shows (a report in English)."""
    checked = _checked(code)

    def translate(text: str, /, **fields: object) -> str:
        return _translate(checked, text, fields)

    return translate


def set_language(code: str) -> None:
    global _current
    _current = _checked(code)


def current_language() -> str:
    return _current


def language_for_locale(locale_name: str, fallback: str = DEFAULT_LANGUAGE) -> str:
    """The program language for a system locale such as 'sv_SE' or 'en-GB'; `fallback` otherwise
    (Danish for the window, English for the command line: cli_language.py).

    Norwegian readers read Danish more easily than English, so nb/nn/no map to Danish too."""
    prefix = locale_name.replace("-", "_").split("_")[0].split(".")[0].lower()
    if prefix in ("nb", "nn", "no"):
        return DEFAULT_LANGUAGE
    return prefix if prefix in LANGUAGES else fallback


def _checked(code: str) -> str:
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
    return code


def load_language_data(language: str | None = None) -> None:
    """Read Babel's CLDR data of `language` (the current one) now, which the first number or
    plural formatted would otherwise read (70 ms): the window has a pool thread do it at start,
    so a project opens without that pause on the GUI thread (issue 18)."""
    language = language or _current
    plural_category(1.5, language)  # a fraction: a whole count would not need the data
    format_decimal(1.0, language)


def format_decimal(value: float, language: str | None = None, digits: int = 1) -> str:
    """A number as the reader writes it, with `digits` decimals: decimal comma and thousands
    separators in Danish and Swedish (1.234,5 and 1 234,5), 1,234.5 in English (CLDR)."""
    rounded = round(float(value), digits)
    if rounded == 0:
        rounded = 0.0  # no "-0,0"
    return _formatted_decimal(rounded, language or _current, digits)


@lru_cache(maxsize=8192)
def _formatted_decimal(rounded: float, language: str, digits: int) -> str:
    """Babel's text of an already rounded number, remembered: a 100,000-respondent round shows
    thousands of scores, each formatted again on every paint and size hint (25 µs each in
    Babel), yet 0–100 with one decimal has only about a thousand texts (issue 18)."""
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    from babel import numbers

    return numbers.format_decimal(rounded, format=pattern, locale=language)


def parse_number(text: str, language: str | None = None) -> float:
    """A number as a reader types it, the reverse of format_number: '1.234,5' (da), '1 234,5'
    (sv), '1,234.5' (en); a lone comma is always the decimal mark and a lone point too, unless
    it groups thousands the way the language writes them ('1.234' in Danish is 1234).
    Raises ValueError for text that is not a number."""
    language = language or _current
    from babel import numbers

    compact = "".join(text.split()).replace("\u202f", "")
    group = numbers.get_group_symbol(language)
    if "," in compact and "." in compact:
        return float(numbers.parse_decimal(compact, locale=language, strict=False))
    if group == "." and re.fullmatch(r"-?\d{1,3}(\.\d{3})+", compact):
        return float(compact.replace(".", ""))
    return float(compact.replace(",", "."))


def format_number(value: float, language: str | None = None) -> str:
    """A count or a figure as the reader writes it: whole numbers without decimals, others
    with as many as they have (up to three), grouped by the language's separators."""
    language = language or _current
    if _whole_count(value, language):
        return f"{value:,}".replace(",", _THOUSANDS[language])
    from babel import numbers

    return numbers.format_decimal(value, format="#,##0.###", locale=language)
