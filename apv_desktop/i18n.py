"""The one translation mechanism of the program, for the GUI and the reports alike (no Qt).

Texts are written in Danish in the code, wrapped in `tr("...")`; the Danish text is the key into
the JSON catalogs resources/i18n/<lang>.json and <area>.<lang>.json ({danish: translation}; one
file per area of the program, merged, so that areas are translated independently). A missing
entry falls back to the Danish text, and a test (tests/gui/test_gui_translations.py) fails when
a `tr` literal lacks a Swedish or English entry. Fields are filled after translating:
tr("{n} svar", n=3).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache

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
    merged: dict[str, str] = {}
    for path in sorted(resource_path("i18n").glob("*.json")):
        if path.name == f"{code}.json" or path.name.endswith(f".{code}.json"):
            with path.open(encoding="utf-8") as handle:
                merged.update({str(k): str(v) for k, v in json.load(handle).items()})
    return merged


def _translate(code: str, text: str, fields: dict[str, object]) -> str:
    translated = catalog(code).get(text) or text
    return translated.format(**fields) if fields else translated


def tr(text: str, **fields: object) -> str:
    """`text` (Danish) in the current language, with `{fields}` filled in."""
    return _translate(_current, text, fields)


def translator(code: str) -> Translate:
    """A tr-like function for one language, whatever the UI shows (a report in English)."""
    checked = _checked(code)

    def translate(text: str, **fields: object) -> str:
        return _translate(checked, text, fields)

    return translate


def set_language(code: str) -> None:
    global _current
    _current = _checked(code)


def current_language() -> str:
    return _current


def language_for_locale(locale_name: str) -> str:
    """The program language for a system locale such as 'sv_SE' or 'en-GB'; Danish otherwise.

    Norwegian readers read Danish more easily than English, so nb/nn/no map to Danish too."""
    prefix = locale_name.replace("-", "_").split("_")[0].lower()
    return prefix if prefix in LANGUAGES else DEFAULT_LANGUAGE


def _checked(code: str) -> str:
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
    return code


def format_decimal(value: float, language: str | None = None, digits: int = 1) -> str:
    """A number as the reader writes it: decimal comma in Danish and Swedish."""
    language = language or _current
    text = f"{value:.{digits}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]  # no "-0,0"
    return text if language == "en" else text.replace(".", ",")
