"""The shipped questionnaire templates: readable, complete in da/sv/en, combinable."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from apv_desktop.core.model import Direction, ItemType, Questionnaire
from apv_desktop.errors import InputError
from apv_desktop.interchange.templates import combine_templates, list_templates, load_template
from apv_desktop.interchange.xlsform import read_xlsform, write_xlsform
from apv_desktop.resource_paths import resource_path
from apv_desktop.ui.form.hints import respondent_hint

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages

TEMPLATE_IDS = ["psykisk", "kraenkende", "fysisk", "sygefravaer", "puls", "osa", "baggrund"]
LANGS = ("da", "sv", "en")
WORSE = Direction.HIGHER_IS_WORSE
BETTER = Direction.HIGHER_IS_BETTER
PSYKISK_DIRECTIONS = {
    **{code: WORSE for code in ("QD", "WP", "ED", "CO", "WF", "BO", "ST")},
    **{code: BETTER for code in ("IN", "PD", "MW", "PR", "RE", "CL", "QL", "SS", "SC", "SW",
                                 "TM", "JU", "JS")},
}
REFERENCE = re.compile(r"\$\{([^}]*)\}")


@pytest.fixture(scope="module")
def templates() -> dict[str, Questionnaire]:
    return {template_id: load_template(template_id) for template_id in TEMPLATE_IDS}


def _scored_items(questionnaire: Questionnaire, code: str) -> list[str]:
    return [i.name for i in questionnaire.items()
            if i.dimension == code and questionnaire.is_scored(i)]


def test_index_lists_the_templates_in_order_and_is_packaged() -> None:
    index_path = resource_path("templates", "index.json")
    assert index_path.exists()
    entries = json.loads(index_path.read_text(encoding="utf-8"))
    assert [entry["id"] for entry in entries] == TEMPLATE_IDS
    infos = list_templates()
    assert [info.id for info in infos] == TEMPLATE_IDS
    for info in infos:
        assert info.path.exists()
        assert info.path == resource_path("templates", f"{info.id}.xlsx")
        assert info.file == f"{info.id}.xlsx"
        assert all(info.title.get(code) and info.description.get(code) for code in LANGS)
    assert infos[0].title_in("sv") == "Psykosocial arbetsmiljö"
    assert infos[-2].title_in("fi") == "OSA (Sverige) – organisatorisk og socialt arbejdsmiljø"


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_template_reads_without_warnings(template_id: str) -> None:
    result = read_xlsform(resource_path("templates", f"{template_id}.xlsx"))
    assert result.warnings == []
    assert result.questionnaire.form_id == f"apv_{template_id}"


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_every_text_is_there_in_danish_swedish_and_english(
    templates: dict[str, Questionnaire], template_id: str
) -> None:
    questionnaire = templates[template_id]
    missing = []
    texts = [("title", questionnaire.title_labels)]
    texts += [(f"section {s.name}", s.labels) for s in questionnaire.sections]
    texts += [(f"item {i.name}", i.labels) for i in questionnaire.items()]
    texts += [(f"choice {cl.name}/{c.name}", c.labels)
              for cl in questionnaire.choice_lists.values() for c in cl.choices]
    texts += [(f"dimension {d.code}", d.labels) for d in questionnaire.dimensions]
    texts += [(f"hint {i.name}", i.hints) for i in questionnaire.items() if i.hints]
    for where, labels in texts:
        missing += [f"{where}: {code}" for code in LANGS if not labels.get(code, "").strip()]
    assert missing == []
    assert set(questionnaire.languages) == set(LANGS)


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_template_is_internally_consistent(
    templates: dict[str, Questionnaire], template_id: str
) -> None:
    questionnaire = templates[template_id]
    names = [item.name for item in questionnaire.items()]
    assert len(names) == len(set(names))
    codes = {d.code for d in questionnaire.dimensions}
    section_names = {s.name for s in questionnaire.sections}
    earlier: set[str] = set()
    for item in questionnaire.items():
        if item.dimension:
            assert item.dimension in codes
            # item names are prefixed by their dimension so that templates combine cleanly
            # (a dimension that only tags a question with a stricter threshold scores nothing)
            tag = questionnaire.dimension(item.dimension)
            tag_only = not questionnaire.is_scored(item)
            assert tag_only or item.name.startswith(item.dimension.lower() + "_")
            assert not tag_only or (tag is not None and tag.min_n), item.name
        # skip logic only looks back at questions already asked
        assert set(REFERENCE.findall(item.relevant or "")) <= earlier, item.name
        earlier.add(item.name)
    for dimension in questionnaire.dimensions:
        assert _scored_items(questionnaire, dimension.code) or dimension.min_n, dimension.code
        assert dimension.domain in section_names


def test_psykisk_covers_the_twenty_dimensions_with_directions(
    templates: dict[str, Questionnaire],
) -> None:
    psykisk = templates["psykisk"]
    directions = {d.code: d.direction for d in psykisk.dimensions}
    assert directions == PSYKISK_DIRECTIONS
    for code in PSYKISK_DIRECTIONS:
        assert 2 <= len(_scored_items(psykisk, code)) <= 4, code
    assert [s.label("da") for s in psykisk.sections[:5]] == [
        "Krav i arbejdet", "Organisering og indhold", "Samarbejde og ledelse",
        "Værdier på arbejdspladsen", "Trivsel og helbred",
    ]
    comment = list(psykisk.items())[-1]
    assert comment.type is ItemType.TEXT and comment.dimension is None
    assert comment.label("da") == "Har du kommentarer til dit arbejdsmiljø?"


def test_psykisk_scales_are_scored_100_to_0_with_dont_know_unscored(
    templates: dict[str, Questionnaire],
) -> None:
    lists = templates["psykisk"].choice_lists
    assert [(c.label("da"), c.score) for c in lists["frekvens"].choices] == [
        ("Altid", 100), ("Ofte", 75), ("Somme tider", 50), ("Sjældent", 25),
        ("Aldrig eller næsten aldrig", 0),
    ]
    assert [c.score for c in lists["grad"].choices] == [100, 75, 50, 25, 0]
    assert lists["grad"].choices[0].label("en") == "To a very large extent"
    dont_know = lists["grad_vedikke"].choices[-1]
    assert (dont_know.label("sv"), dont_know.score) == ("Vet inte", None)
    # leadership, trust and justice items offer "don't know"; a reversed item exists
    psykisk = templates["psykisk"]
    for code in ("QL", "TM", "JU"):
        assert all(psykisk.item(name).list_name == "grad_vedikke"
                   for name in _scored_items(psykisk, code))
    assert psykisk.item("wp_2").reverse


def test_kraenkende_is_worse_when_higher_with_a_stricter_threshold(
    templates: dict[str, Questionnaire],
) -> None:
    kraenkende = templates["kraenkende"]
    assert {d.code for d in kraenkende.dimensions} == {"SH", "BU", "TV", "PV"}
    for dimension in kraenkende.dimensions:
        assert dimension.direction is WORSE
        assert dimension.min_n is not None and dimension.min_n >= 10
    scale = kraenkende.choice_lists["forekomst_12m"]
    assert [(c.name, c.score) for c in scale.choices] == [
        ("dagligt", 100), ("ugentligt", 75), ("maanedligt", 50), ("faa_gange", 25), ("nej", 0),
    ]
    from_whom = kraenkende.item("bu_fra")
    assert from_whom.type is ItemType.SELECT_MULTIPLE
    assert "${bu_1} != 'nej'" in from_whom.relevant
    assert [c.name for c in kraenkende.choice_lists["fra_hvem"].choices] == [
        "kolleger", "ledere", "borgere", "andre",
    ]


def test_fysisk_has_a_problem_checklist_per_area(templates: dict[str, Questionnaire]) -> None:
    fysisk = templates["fysisk"]
    assert [d.code for d in fysisk.dimensions] == [
        "PE_CLIMATE", "PE_NOISE", "PE_LIGHT", "PE_ERGO", "PE_HOME",
    ]
    assert all(d.direction is WORSE for d in fysisk.dimensions)
    assert [(c.name, c.score) for c in fysisk.choice_lists["ja_delvis_nej"].choices] == [
        ("ja", 100), ("delvis", 50), ("nej", 0),
    ]
    for dimension in fysisk.dimensions:
        describe = fysisk.item(f"{dimension.code.lower()}_tekst")
        assert describe.type is ItemType.TEXT
        assert f"${{{_scored_items(fysisk, dimension.code)[0]}}} = 'ja'" in describe.relevant


def test_sygefravaer_and_osa(templates: dict[str, Questionnaire]) -> None:
    sick = templates["sygefravaer"]
    assert sick.dimension("SL").direction is WORSE
    assert sick.dimension("GH").direction is BETTER
    assert sick.item("sl_aarsag").type is ItemType.SELECT_MULTIPLE
    assert sick.item("sl_hjaelp").type is ItemType.TEXT
    assert sick.choice_lists["ja_delvis_nej_vedikke"].choices[-1].score is None
    osa = templates["osa"]
    assert osa.default_language == "sv"
    assert osa.title == "OSA – organisatorisk och social arbetsmiljö"
    assert osa.dimension("OSA_VB").min_n == 10


def test_puls_reuses_psykisk_items_and_dimensions(templates: dict[str, Questionnaire]) -> None:
    puls, psykisk = templates["puls"], templates["psykisk"]
    scored = [item for item in puls.items() if puls.is_scored(item)]
    assert len(scored) <= 20  # a short measure: two questions per dimension
    for code in {item.dimension for item in scored}:
        assert len(_scored_items(puls, code)) == 2, code
    for item in scored:
        assert item == psykisk.item(item.name)
    assert {item.dimension for item in scored} == {
        "QD", "WP", "IN", "RE", "QL", "SS", "JS", "BO", "ST",
    }
    for dimension in puls.dimensions:
        assert dimension == psykisk.dimension(dimension.code)


def test_names_are_unique_across_templates_and_shared_lists_agree(
    templates: dict[str, Questionnaire],
) -> None:
    owners: dict[str, str] = {}
    for template_id, questionnaire in templates.items():
        for item in questionnaire.items():
            owner = owners.setdefault(item.name, template_id)
            assert owner == template_id or (owner, template_id) == ("psykisk", "puls"), item.name
    for first in templates.values():
        for second in templates.values():
            for name in first.choice_lists.keys() & second.choice_lists.keys():
                assert first.choice_lists[name] == second.choice_lists[name], name


def test_combining_the_danish_apv_templates() -> None:
    ids = ["psykisk", "kraenkende", "fysisk", "sygefravaer"]
    parts = [load_template(template_id) for template_id in ids]
    combined = combine_templates(ids)
    assert [s.name for s in combined.sections] == [s.name for q in parts for s in q.sections]
    assert [i.name for i in combined.items()] == [i.name for q in parts for i in q.items()]
    assert len(combined.dimensions) == 20 + 4 + 5 + 3  # sygefravaer: SL, GH and the SL_KR tag
    assert combined.title == ("Psykisk arbejdsmiljø + Krænkende handlinger + "
                              "Fysisk arbejdsmiljø, kontor og hjemmearbejde + "
                              "Sygefravær og trivsel")
    assert combined.title_labels["en"].startswith("Psychosocial work environment + Offensive")
    assert set(combined.choice_lists) == {n for q in parts for n in q.choice_lists}
    assert combined.dimension("BU").min_n == 10


def test_combined_questionnaire_survives_an_xlsform_round_trip(tmp_path: Path) -> None:
    combined = combine_templates(["psykisk", "kraenkende", "fysisk", "sygefravaer", "osa"])
    write_xlsform(combined, tmp_path / "combined.xlsx")
    result = read_xlsform(tmp_path / "combined.xlsx")
    assert result.warnings == []
    assert result.questionnaire == combined


def test_combining_templates_that_share_item_names_is_refused() -> None:
    with pytest.raises(InputError, match="'psykisk' and 'puls' both hold the question 'qd_1'"):
        combine_templates(["psykisk", "puls"])
    with pytest.raises(InputError, match="more than once"):
        combine_templates(["fysisk", "fysisk"])
    with pytest.raises(InputError):
        combine_templates([])


def test_unknown_template_names_the_known_ones() -> None:
    with pytest.raises(InputError) as raised:
        load_template("psykosocial")
    assert "'psykosocial'" in str(raised.value)
    assert "psykisk, kraenkende, fysisk, sygefravaer, puls, osa" in str(raised.value)


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_write_then_read_gives_the_same_questionnaire(
    templates: dict[str, Questionnaire], template_id: str, tmp_path: Path
) -> None:
    path = tmp_path / f"{template_id}.xlsx"
    write_xlsform(templates[template_id], path)
    result = read_xlsform(path)
    assert result.warnings == []
    assert result.questionnaire == templates[template_id]


def test_committed_files_match_the_template_sources(
    templates: dict[str, Questionnaire],
) -> None:
    """The xlsx files are generated from tools/templates; a change there needs a regenerate
    (`python -m tools.templates.generate`)."""
    generate = pytest.importorskip("tools.templates.generate")
    assert generate.problems(generate.build_all()) == []
    assert generate.build_all() == templates
    index = json.loads(resource_path("templates", "index.json").read_text(encoding="utf-8"))
    assert index == generate.index_entries()


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_every_template_opens_without_a_warning(template_id: str) -> None:
    from apv_desktop.core.validation import validate

    assert [p.text for p in validate(load_template(template_id))] == []


def test_the_from_whom_follow_ups_each_name_their_behaviour(
        templates: dict[str, Questionnaire]) -> None:
    follow_ups = [i for i in templates["kraenkende"].items() if i.name.endswith("_fra")]
    assert len(follow_ups) == 4
    for language in LANGS:
        labels = [item.labels[language] for item in follow_ups]
        assert len(set(labels)) == 4, labels
    assert "Hvem kom den uønskede seksuelle opmærksomhed fra?" in [
        item.labels["da"] for item in follow_ups]


def test_the_index_says_how_many_questions_and_minutes(
        templates: dict[str, Questionnaire]) -> None:
    for info in list_templates():
        assert info.questions == len(templates[info.id].answerable_items())
        assert info.minutes is not None and 1 <= info.minutes <= info.questions
def test_the_background_template_marks_its_questions_and_combines_with_the_apv() -> None:
    combined = combine_templates(["psykisk", "baggrund"])
    background = [item for item in combined.items() if item.background]
    assert [item.name for item in background] == ["bg_stilling", "bg_anciennitet",
                                                  "bg_arbejdstid"]
    for item in background:
        assert item.type is ItemType.SELECT_ONE and not combined.is_scored(item)
        assert "anonymitetsgränsen" in respondent_hint(item, "sv")  # the respondent is told
