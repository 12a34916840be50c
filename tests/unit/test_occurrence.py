"""Offensive behaviour as the share who experienced it at any frequency (core.occurrence), and
on the report's sheet only where the disclosure shows the answers."""

from __future__ import annotations

from apv_desktop.core.distribution import ItemDistribution
from apv_desktop.core.model import (
    Choice,
    ChoiceList,
    Dimension,
    Direction,
    Item,
    ItemType,
    Questionnaire,
    Section,
)
from apv_desktop.core.occurrence import occurrence_rule

FREQUENCY = ChoiceList("f", [Choice("dagligt", {"da": "Dagligt"}, 100),
                             Choice("ugentligt", {"da": "Ugentligt"}, 75),
                             Choice("sjaeldent", {"da": "Sjældnere"}, 25),
                             Choice("nej", {"da": "Nej"}, 0),
                             Choice("ved_ikke", {"da": "Ved ikke"}, None)])


def questionnaire(direction: Direction = Direction.HIGHER_IS_WORSE,
                  reverse: bool = False) -> Questionnaire:
    item = Item("bu", ItemType.SELECT_ONE, {"da": "Mobning?"}, list_name="f", dimension="BU",
                reverse=reverse)
    return Questionnaire("T", sections=[Section("s", {"da": "S"}, [item])],
                         choice_lists={"f": FREQUENCY},
                         dimensions=[Dimension("BU", {"da": "Mobning"}, direction, min_n=10)])


def test_any_frequency_counts_and_dont_know_is_left_out():
    q = questionnaire()
    item = q.item("bu")
    assert item is not None
    rule = occurrence_rule(q, item)
    assert rule is not None
    found = rule.of(ItemDistribution("U", "bu", 20, (1, 2, 3, 10, 4), False))
    assert found is not None
    assert (found.experienced, found.answered) == (6, 16)
    assert found.share == 6 / 16


def test_a_reversed_item_takes_never_from_its_other_end():
    q = questionnaire(reverse=True)
    rule = occurrence_rule(q, q.item("bu"))
    assert rule is not None and rule.never == frozenset({0})


def test_a_hidden_distribution_has_no_share():
    q = questionnaire()
    rule = occurrence_rule(q, q.item("bu"))
    assert rule is not None
    assert rule.of(ItemDistribution("U", "bu", None, None, True)) is None
