"""Messages built from parts reach a Danish or Swedish reader without English in them: the
places, headers and row problems that the scan of test_visible_text_is_translated.py cannot see
(they are assembled before they reach a sink), run through the program's public functions."""

from __future__ import annotations

from pathlib import Path

import pytest

from apv_desktop.core.model import Dimension, Item, ItemType, OrgUnit, Questionnaire, Section
from apv_desktop.core.org_changes import Blocked, Held, org_changes, refusal
from apv_desktop.core.validation import validate
from apv_desktop.errors import InputError, RefusedError
from apv_desktop.interchange.orgfile import read_org
from apv_desktop.services.collection import prepare_round, submit_sheet
from apv_desktop.services.projects import create_project, opened
from apv_desktop.services.reorganise import preview
from tests.unit.reader_language import english_in


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
        "da": ["Spørgsmålet 1.1 »Et« har ingen gyldig svarskala (det nævner ingen).",
               "Titlen mangler tekst på Svenska.", "Afsnittet a mangler tekst på Svenska.",
               "Dimensionen D mangler tekst på Svenska."],
        "sv": ["Frågan 1.1 ”Ett” har ingen giltig svarsskala (den nämner ingen).",
               "Titeln saknar text på Svenska.", "Avsnittet a saknar text på Svenska.",
               "Dimensionen D saknar text på Svenska."],
    }[language]
    assert [t for t in texts if t in expected] == expected


OLD_ORG = [OrgUnit("ORG", "Forvaltningen"), OrgUnit("FAM", "Familie", "ORG"),
           OrgUnit("PARK", "Park", "ORG")]


@pytest.fixture(scope="module")
def answered_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose units FAM and PARK hold answers."""
    path = tmp_path_factory.mktemp("org") / "org.apv"
    create_project(path, ["kraenkende"], "Test")
    with opened(path) as project:
        project.replace_org(OLD_ORG)
        questionnaire = prepare_round(project, "2025")
        first = questionnaire.answerable_items()[0]
        choice = questionnaire.choices_for(first).choices[0].name
        for unit in ("FAM", "PARK"):
            submit_sheet(project, "2025", questionnaire, unit, {first.name: choice})
    return path


def test_dropping_a_unit_with_answers_is_refused_in_the_readers_language(
        answered_project: Path, language: str) -> None:
    with opened(answered_project) as project, pytest.raises(RefusedError) as one:
        project.replace_org(OLD_ORG[:2])
    assert str(one.value) == {
        "da": "Enheden PARK (Park) kan ikke slettes, fordi den har svar; behold den i listen "
              "(den må gerne omdøbes eller flyttes).",
        "sv": "Enheten PARK (Park) kan inte tas bort eftersom den har svar; behåll den i listan "
              "(den får gärna döpas om eller flyttas).",
    }[language]
    with opened(answered_project) as project:
        changes = preview(project, OLD_ORG[:1])
    assert not english_in(str(refusal(changes.blocked))), str(refusal(changes.blocked))
    assert [line.split(":")[0] for line in changes.lines()] == {
        "da": ["kan ikke slettes", "kan ikke slettes"],
        "sv": ["kan inte tas bort", "kan inte tas bort"]}[language]


def test_a_refusal_renders_whole_in_the_language_it_is_shown_in(language: str) -> None:
    """Raised in one language, shown in another: what each unit holds and the count of the
    units not named follow the sentence."""
    blocked = [Blocked(OrgUnit(f"U{i}", f"Unit {i}"), Held.INDICATORS) for i in range(12)]
    error = refusal(blocked)
    assert error.render("da").startswith("12 enheder kan ikke slettes, fordi de har data: "
                                         "U0 (Unit 0) har nøgletal, U1 (Unit 1) har nøgletal")
    assert " og 2 flere; behold dem" in error.render("da")
    assert error.render("sv").startswith("12 enheter kan inte tas bort eftersom de har data: "
                                         "U0 (Unit 0) har nyckeltal")
    assert " och 2 till; behåll dem" in error.render("sv")
    assert "U1 (Unit 1) has indicators" in error.render("en")


def test_the_org_changes_read_in_the_readers_language(language: str) -> None:
    new = [OrgUnit("ORG", "Forvaltning"), OrgUnit("FAM", "Familie", None, 4),
           OrgUnit("NY", "Ny", "ORG")]
    lines = org_changes([*OLD_ORG[:2]], new).lines()
    assert lines == {
        "da": ["ny: NY (Ny) under ORG", "omdøbt: ORG fra 'Forvaltningen' til 'Forvaltning'",
               "flyttet: FAM (Familie) fra ORG til øverst"],
        "sv": ["ny: NY (Ny) under ORG", "nytt namn: ORG från 'Forvaltningen' till 'Forvaltning'",
               "flyttad: FAM (Familie) från ORG till högst upp"],
    }[language]


def test_an_org_file_without_its_columns_is_explained_in_the_readers_language(
        tmp_path: Path, language: str) -> None:
    path = tmp_path / "org.csv"
    path.write_text("enhed,titel\nU1,One\n", encoding="utf-8")
    with pytest.raises(InputError) as missing:
        read_org(path)
    shown = "\n".join([str(missing.value), *missing.value.problems])
    assert not english_in(shown), shown
    assert shown.startswith({
        "da": "org.csv har ingen 'code' (eller 'kode') og 'name' (eller 'navn')-kolonne",
        "sv": "org.csv har ingen 'code' (eller 'kode') och 'name' (eller 'navn')-kolumn",
    }[language])
    assert missing.value.problems == {"da": ["kolonnen code mangler", "kolonnen name mangler"],
                                      "sv": ["kolumnen code saknas", "kolumnen name saknas"],
                                      }[language]
