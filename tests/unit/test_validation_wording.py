"""The problem list names a question as its user knows it: number and text, not its name."""

from __future__ import annotations

from apv_desktop.core.model import (
    Choice,
    ChoiceList,
    Dimension,
    Item,
    ItemType,
    Questionnaire,
    Section,
)
from apv_desktop.core.validation import validate

SCALE = ChoiceList("scale", [Choice("yes", {"da": "Ja", "sv": "Ja"}, 100.0),
                             Choice("no", {"da": "Nej", "sv": "Nej"}, 0.0)])
LONG = "Hvor ofte bliver du afbrudt i dit arbejde af kolleger eller kunder?"


def questionnaire() -> Questionnaire:
    return Questionnaire(
        title="T", languages=["da", "sv"], title_labels={"da": "T", "sv": "T"},
        sections=[Section("a", {"da": "A", "sv": "A"}, [
            Item("q1", ItemType.SELECT_ONE, {"da": "Et", "sv": "Ett"}, list_name="scale",
                 dimension="D"),
            Item("q2", ItemType.SELECT_ONE, {"da": "To", "sv": "Två"}, list_name="scale",
                 dimension="D"),
            Item("spm", ItemType.SELECT_ONE, {"da": LONG}, list_name="scale"),
            Item("blank", ItemType.TEXT, {}),
        ])],
        choice_lists={"scale": SCALE},
        dimensions=[Dimension("D", {"da": "Dim", "sv": "Dim"})],
    )


def test_a_question_with_text_is_named_by_number_and_text(language: str) -> None:
    texts = {p.code: p.text for p in validate(questionnaire())}
    short = "Hvor ofte bliver du afbrudt i dit arbej…"
    expected = {
        "da": {"scored_without_dimension":
               f"Spørgsmålet 1.3 »{short}« har svar med point, men ingen dimension, så det "
               "tæller ingen steder.",
               "missing_translation": f"Spørgsmålet 1.3 »{short}« mangler tekst på Svenska."},
        "sv": {"scored_without_dimension":
               f"Frågan 1.3 ”{short}” har svar med poäng men ingen dimension, så den räknas "
               "ingenstans.",
               "missing_translation": f"Frågan 1.3 ”{short}” saknar text på Svenska."},
    }[language]
    for code, text in expected.items():
        assert texts[code] == text
    assert "spm" not in " ".join(texts.values())


def test_a_question_without_text_keeps_its_name(language: str) -> None:
    texts = {p.code: p.text for p in validate(questionnaire())}
    assert "blank" in texts["item_no_label"]
