"""Messages built from parts reach a Danish or Swedish reader without English in them: the
places, headers and row problems that the scan of test_visible_text_is_translated.py cannot see
(they are assembled before they reach a sink), run through the program's public functions."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from apv_desktop.core.model import Dimension, Item, ItemType, Questionnaire, Section
from apv_desktop.core.validation import validate
from apv_desktop.i18n import current_language, set_language

# Words of the English sentences these messages were written in; none is Danish or Swedish.
ENGLISH = re.compile(r"\b(the|and|or|of|is|are|has|none|missing|column|row|item|section|"
                     r"choice|cannot|because|added|already|there|save|format|changed)\b",
                     re.IGNORECASE)


@pytest.fixture(params=["da", "sv"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    before = current_language()
    set_language(request.param)
    yield request.param
    set_language(before)


def english_in(text: str) -> list[str]:
    return ENGLISH.findall(text)


def test_a_missing_translation_names_its_place_in_the_readers_language(language: str) -> None:
    q = Questionnaire(
        title="T", languages=["da", "sv"], title_labels={"da": "T"},
        sections=[Section("a", {"da": "A"}, [
            Item("q1", ItemType.SELECT_ONE, {"da": "Et", "sv": "Ett"}, list_name=None,
                 dimension="D")])],
        dimensions=[Dimension("D", {"da": "Dim"})])
    texts = [p.text for p in validate(q)]
    assert texts and all(not english_in(t) for t in texts), texts
    expected = {
        "da": ["Spørgsmålet q1 har ingen gyldig svarskala (det nævner ingen).",
               "Titlen mangler tekst på Svenska.", "Afsnittet a mangler tekst på Svenska.",
               "Dimensionen D mangler tekst på Svenska."],
        "sv": ["Frågan q1 har ingen giltig svarsskala (den nämner ingen).",
               "Titeln saknar text på Svenska.", "Avsnittet a saknar text på Svenska.",
               "Dimensionen D saknar text på Svenska."],
    }[language]
    assert [t for t in texts if t in expected] == expected
