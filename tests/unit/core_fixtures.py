"""A small questionnaire and org used by the core tests, with answers scored by hand."""

from __future__ import annotations

import math

import numpy as np

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import (
    Choice,
    ChoiceList,
    Dimension,
    Direction,
    Item,
    ItemType,
    OrgUnit,
    Questionnaire,
    Section,
)

FREQ = ChoiceList(
    "freq",
    [
        Choice("a", {"da": "Altid"}, 100),
        Choice("b", {"da": "Ofte"}, 75),
        Choice("c", {"da": "Somme tider"}, 50),
        Choice("d", {"da": "Sjældent"}, 25),
        Choice("e", {"da": "Aldrig"}, 0),
        Choice("dk", {"da": "Ved ikke"}, None),
    ],
)


def small_questionnaire() -> Questionnaire:
    def item(name: str, dim: str, reverse: bool = False) -> Item:
        return Item(name, ItemType.SELECT_ONE, {"da": name}, list_name="freq", dimension=dim,
                    reverse=reverse)

    return Questionnaire(
        title="Test",
        sections=[
            Section("s", {"da": "Side"}, [
                item("q1", "QD"), item("q2", "QD"), item("q3", "QD", reverse=True),
                item("s1", "SS"), item("s2", "SS"),
                Item("comment", ItemType.TEXT, {"da": "Kommentar"}),
            ]),
        ],
        choice_lists={"freq": FREQ},
        dimensions=[
            Dimension("QD", {"da": "Krav"}, Direction.HIGHER_IS_WORSE),
            Dimension("SS", {"da": "Støtte"}, Direction.HIGHER_IS_BETTER),
        ],
    )  # fmt: skip


def small_org() -> list[OrgUnit]:
    return [
        OrgUnit("ORG", "Forvaltning", None, 4),
        OrgUnit("A", "Team A", "ORG", 6),
        OrgUnit("B", "Team B", "ORG", 6),
    ]


def response_set(rows: list[tuple[str, dict[str, str]]], q: Questionnaire) -> ResponseSet:
    """Rows of (unit, {item: choice name}) -> an encoded ResponseSet."""
    names = [i.name for i in q.answerable_items()]
    values = np.full((len(rows), len(names)), math.nan)
    for r, (_, answers) in enumerate(rows):
        for item_name, choice in answers.items():
            values[r, names.index(item_name)] = FREQ.index_of(choice)
    return ResponseSet(names, [unit for unit, _ in rows], values, {})
