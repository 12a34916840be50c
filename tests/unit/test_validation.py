"""Questionnaire validation (core/validation.py) and the builder's pure edits (core/editing.py)."""

from __future__ import annotations

import pytest

from apv_desktop.core import editing
from apv_desktop.core.editing import EditRefused
from apv_desktop.core.model import (
    Choice,
    ChoiceList,
    Dimension,
    Item,
    ItemType,
    Questionnaire,
    Section,
)
from apv_desktop.core.validation import Location, LocationKind, Severity, blocking, validate
from apv_desktop.interchange.templates import load_template

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages

SCALE = ChoiceList("scale", [Choice("yes", {"da": "Ja", "en": "Yes"}, 100.0),
                             Choice("no", {"da": "Nej", "en": "No"}, 0.0)])


def small() -> Questionnaire:
    return Questionnaire(
        title="T", languages=["da", "en"], title_labels={"da": "T", "en": "T"},
        sections=[
            Section("a", {"da": "A", "en": "A"}, [
                Item("q1", ItemType.SELECT_ONE, {"da": "Et", "en": "One"}, list_name="scale",
                     dimension="D"),
                Item("q2", ItemType.SELECT_ONE, {"da": "To", "en": "Two"}, list_name="scale",
                     dimension="D"),
            ]),
            Section("b", {"da": "B", "en": "B"}, [
                Item("q3", ItemType.TEXT, {"da": "Tre", "en": "Three"},
                     relevant="${q1} = 'yes'"),
            ]),
        ],
        choice_lists={"scale": SCALE},
        dimensions=[Dimension("D", {"da": "Dim", "en": "Dim"})],
    )


def codes(questionnaire: Questionnaire) -> list[tuple[str, Location]]:
    return [(p.code, p.location) for p in validate(questionnaire)]


def test_a_sound_questionnaire_has_no_problems() -> None:
    assert validate(small()) == []


def test_each_problem_names_its_place() -> None:
    q = small()
    q.sections[0].items[1].dimension = None  # scored but counts nowhere; D keeps one item
    q.sections[1].items[0].relevant = "${q9} = 'yes' and ${q1} = 'no'"
    q.sections[1].items[0].labels = {"da": "Tre"}  # the English text is missing
    q.dimensions.append(Dimension("E", {"da": "E", "en": "E"}, min_n=2))
    assert codes(q) == [
        ("scored_without_dimension", Location(LocationKind.ITEM, "q2")),
        ("relevant_unknown_item", Location(LocationKind.ITEM, "q3")),
        ("missing_translation", Location(LocationKind.ITEM, "q3")),
        ("dimension_one_item", Location(LocationKind.DIMENSION, "D")),
        ("dimension_no_items", Location(LocationKind.DIMENSION, "E")),
        ("min_n_too_low", Location(LocationKind.DIMENSION, "E")),
    ]
    texts = [p.text for p in validate(q)]
    assert texts[1] == "The condition of 2.1 “Tre” names q9, which is not a question."
    assert texts[2] == "The question 2.1 “Tre” has no text in English."
    assert all(p.severity is Severity.WARNING for p in validate(q))


def test_errors_come_first_and_block_storing() -> None:
    q = small()
    q.sections[1].items.append(Item("q1", ItemType.TEXT, {"da": "x", "en": "x"}))
    q.choice_lists["scale"].choices[0].score = 120.0
    q.sections[0].items[0].relevant = "${q2} ="  # cannot be read
    problems = validate(q)
    assert [p.code for p in blocking(problems)] == [
        "item_duplicate", "relevant_invalid", "score_out_of_range"]
    assert problems[0].code == "item_duplicate"
    unreadable = next(p for p in problems if p.code == "relevant_invalid")
    assert unreadable.location == Location(LocationKind.ITEM, "q1")
    assert unreadable.text == ("The condition '${q2} =' of 1.1 “One” cannot be evaluated: "
                               "expected a question, a text, a number or a function at "
                               "position 8, found the end.")


def test_a_single_exposure_question_is_no_warning_in_a_strict_dimension() -> None:
    """Offensive behaviour is asked as one question of exposure per kind (COPSOQ); such a
    dimension carries its own stricter threshold. An ordinary one-item dimension is warned."""
    q = small()
    q.sections[0].items[1].dimension = None  # D keeps one scored item
    assert ("dimension_one_item", Location(LocationKind.DIMENSION, "D")) in codes(q)
    q.dimensions[0].min_n = 10
    assert [code for code, where in codes(q) if where.kind is LocationKind.DIMENSION] == []
    for template_id in ("psykisk", "kraenkende", "fysisk", "sygefravaer", "puls", "osa"):
        assert validate(load_template(template_id)) == [], template_id


def test_edits_return_a_changed_copy_and_leave_the_original() -> None:
    q = small()
    renamed = editing.update_item(q, "q1", name="first")
    assert q.item("q1") is not None and renamed.item("q1") is None
    assert renamed.sections[1].items[0].relevant == "${first} = 'yes'"
    moved = editing.move_item(q, "q1", 0, 2)  # to the end of its own section
    assert [i.name for i in moved.sections[0].items] == ["q2", "q1"]
    moved = editing.move_item(q, "q3", 0, 1)
    assert [i.name for i in moved.sections[0].items] == ["q1", "q3", "q2"]
    assert moved.sections[1].items == []
    copied, name = editing.copy_item(q, "q2", 1)
    assert name == "q2_kopi"
    assert [i.name for i in copied.sections[1].items] == ["q3", "q2_kopi"]
    assert [s.name for s in editing.move_section(q, 0, 2).sections] == ["b", "a"]


def test_renaming_a_list_or_dimension_carries_its_items_along() -> None:
    q = small()
    new_list = ChoiceList("yesno", SCALE.choices)
    changed = editing.replace_choice_list(q, "scale", new_list)
    assert list(changed.choice_lists) == ["yesno"]
    assert {i.list_name for i in changed.items()} == {"yesno", None}
    changed = editing.replace_dimension(q, "D", Dimension("DD", {"da": "Dim"}))
    assert [i.dimension for i in changed.items()] == ["DD", "DD", None]
    assert [i.dimension for i in editing.delete_dimension(q, "D").items()] == [None, None, None]


def test_edits_that_would_be_ambiguous_are_refused() -> None:
    q = small()
    with pytest.raises(EditRefused) as taken:
        editing.update_item(q, "q1", name="q2")
    assert taken.value.reason == "name_taken"
    with pytest.raises(EditRefused) as invalid:
        editing.update_item(q, "q1", name="2 words")
    assert invalid.value.reason == "name_invalid"
    with pytest.raises(EditRefused) as in_use:
        editing.delete_choice_list(q, "scale")
    assert in_use.value.reason == "list_in_use" and in_use.value.fields["item"] == "q1"


def test_a_new_question_first_in_its_section_takes_the_dimension_its_section_shares() -> None:
    q = small()
    changed, name = editing.add_item(q, 0, 0)  # before q1 and q2, both in D
    assert changed.item(name).dimension == "D"
    changed.item("q2").dimension = "E"
    again, other = editing.add_item(changed, 0, 0)  # they differ: no guess
    assert again.item(other).dimension is None
