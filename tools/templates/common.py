"""Builders shared by the template modules: three-language labels, items, sections, dimensions.

The templates are data; these helpers keep each item to a few readable lines and make sure every
label is given in all three languages (a missing language is a TypeError at build time, not a
silent gap in the shipped file).
"""

from __future__ import annotations

from apv_desktop.core.model import (
    Choice,
    ChoiceList,
    Dimension,
    Direction,
    Item,
    ItemType,
    Section,
)

WORSE = Direction.HIGHER_IS_WORSE
BETTER = Direction.HIGHER_IS_BETTER

# The stricter anonymity threshold for offensive-behaviour dimensions (domain.md: 10 or more).
OFFENSIVE_MIN_N = 10


def tr(da: str, sv: str, en: str) -> dict[str, str]:
    """A label in Danish, Swedish and English."""
    return {"da": da, "sv": sv, "en": en}


def choice_list(name: str, *choices: tuple[str, float | None, str, str, str]) -> ChoiceList:
    """A list from (name, score, da, sv, en) tuples; score None = answer not scored."""
    return ChoiceList(
        name,
        [Choice(c_name, tr(da, sv, en), score) for c_name, score, da, sv, en in choices],
    )


def one(
    name: str,
    choices: ChoiceList,
    dimension: str | None,
    *,
    da: str,
    sv: str,
    en: str,
    reverse: bool = False,
    hint: dict[str, str] | None = None,
    relevant: str | None = None,
    required: bool = False,
) -> Item:
    """A select_one item."""
    return Item(
        name=name,
        type=ItemType.SELECT_ONE,
        labels=tr(da, sv, en),
        hints=dict(hint or {}),
        list_name=choices.name,
        dimension=dimension,
        reverse=reverse,
        required=required,
        relevant=relevant,
    )


def many(
    name: str,
    choices: ChoiceList,
    *,
    da: str,
    sv: str,
    en: str,
    hint: dict[str, str] | None = None,
    relevant: str | None = None,
    dimension: str | None = None,
) -> Item:
    """A select_multiple item. It is never scored; a `dimension` only tags it with that
    dimension's stricter anonymity threshold (a list of causes that names offensive behaviour)."""
    return Item(
        name=name,
        type=ItemType.SELECT_MULTIPLE,
        labels=tr(da, sv, en),
        hints=dict(hint or {}),
        list_name=choices.name,
        dimension=dimension,
        relevant=relevant,
    )


def text(
    name: str,
    *,
    da: str,
    sv: str,
    en: str,
    hint: dict[str, str] | None = None,
    relevant: str | None = None,
) -> Item:
    """A free-text item: shown only under the comment threshold, never scored."""
    return Item(
        name=name,
        type=ItemType.TEXT,
        labels=tr(da, sv, en),
        hints=dict(hint or {}),
        relevant=relevant,
    )


def section(name: str, labels: dict[str, str], items: list[Item]) -> Section:
    return Section(name=name, labels=labels, items=items)


def dimension(
    code: str,
    direction: Direction,
    domain: str,
    labels: dict[str, str],
    *,
    min_n: int | None = None,
) -> Dimension:
    """A dimension; `domain` is the name of the section whose labels name its domain."""
    return Dimension(code=code, labels=labels, direction=direction, min_n=min_n, domain=domain)


def answered_other_than(item: str, choice: str) -> str:
    """Relevance: the item is answered, and not with `choice`.

    Written out with the blank test because in XLSForm an unanswered question compares unequal
    to every value, so a bare `!=` would show the follow-up before the question is answered.
    """
    return f"${{{item}}} != '' and ${{{item}}} != '{choice}'"


def any_answered_with(items: list[str], choices: list[str]) -> str:
    """Relevance: at least one of `items` is answered with one of `choices`."""
    return " or ".join(f"${{{item}}} = '{choice}'" for item in items for choice in choices)
