"""The report's story (core.story): the summary's facts and a block for every department, in
words that say which way each dimension points, with changes signed like "Forskel"."""

from __future__ import annotations

import re
from datetime import date

import pytest

from apv_desktop.core.model import OrgUnit, Rules
from apv_desktop.core.records import ActionItem
from apv_desktop.core.results import Results, compute_results
from apv_desktop.core.story import LIGHT_SYMBOLS, PRESSURE_SYMBOL, build_story, sections_of
from apv_desktop.core.trend import Trend
from apv_desktop.i18n import translator
from tests.unit.core_fixtures import response_set, small_questionnaire

HEADINGS = ["Udfordringer", "Gode erfaringer", "Fremadrettede fokuspunkter",
            "Opmærksomhedspunkter i forbindelse med sygefravær"]
CALM = {"q1": "e", "q2": "e", "q3": "a", "s1": "a", "s2": "a"}  # no demands, full support
BUSY = {"q1": "a", "q2": "a", "q3": "e", "s1": "d", "s2": "e"}  # all demands, little support
MIDDLE = {"q1": "c", "q2": "c", "q3": "c", "s1": "c", "s2": "c"}


def org() -> list[OrgUnit]:
    return [
        OrgUnit("ORG", "Forvaltning", None, 0),
        OrgUnit("D1", "Afdeling et", "ORG", 0),
        OrgUnit("T1", "Roligt team", "D1", 9),
        OrgUnit("T2", "Travlt team", "D1", 9),
        OrgUnit("D2", "Lille afdeling", "ORG", 0),
        OrgUnit("T3", "Mini et", "D2", 2),
        OrgUnit("T4", "Mini to", "D2", 2),
        OrgUnit("T5", "Selvstændigt team", "ORG", 12),
    ]


@pytest.fixture(scope="module")
def results() -> Results:
    questionnaire = small_questionnaire()
    rows = ([("T1", CALM)] * 8 + [("T2", BUSY)] * 8 + [("T3", MIDDLE)] * 2
            + [("T4", MIDDLE)] + [("T5", MIDDLE)] * 10)
    return compute_results(questionnaire, org(), response_set(rows, questionnaire), Rules(),
                           "2025", organisation_name="Forvaltning")


def test_every_department_has_a_block_and_a_hidden_one_quotes_no_figure(results):
    action = ActionItem(1, "2025", "T3", None, None, "Lokaler", "", "Nye lokaler", "Leder", None,
                        "not_started", None, "", "", date(2025, 1, 1))
    story = build_story(results, translator("da"), "da", actions=[action],
                        assessments={"T3": "hemmelig vurdering", "T1": "åben vurdering"})
    blocks = {b.unit: b for b in story.departments}
    assert list(blocks) == ["D1", "D2", "T5"]
    for block in blocks.values():
        assert [s.heading for s in block.sections] == HEADINGS
        assert all(s.bullets for s in block.sections)
    hidden = blocks["D2"]
    assert hidden.hidden and hidden.hidden_reason == "skjult, for få svar"
    text = " ".join(b for s in hidden.sections for b in s.bullets)
    assert "skjult, for få svar" in text and "Nye lokaler" in text
    assert not re.search(r"\d", text.replace("frist -", "")), text
    assert not blocks["D1"].hidden and blocks["D1"].hidden_reason == ""
    every = " ".join(b for block in story.departments for s in block.sections for b in s.bullets)
    assert "åben vurdering" in every and "hemmelig" not in every  # a hidden team's is not quoted


def test_a_low_score_on_a_higher_is_worse_dimension_is_said_to_be_good(results):
    story = build_story(results, translator("da"), "da")
    good = next(s for s in story.departments[0].sections if s.heading == "Gode erfaringer")
    calm_demands = [b for b in good.bullets if b.startswith("Roligt team: Krav")]
    assert calm_demands == ["Roligt team: Krav ligger godt: score 0, hvor en lav score er god "
                            "(n = 8)."]
    bullets = [b for block in story.departments for s in block.sections for b in s.bullets]
    assert not any("styrke" in b for b in bullets)
    challenges = story.departments[0].sections[0].bullets
    assert "Travlt team: Krav er et pressionspunkt: score 100, hvor en høj score er dårlig " \
           "(n = 8)." in challenges
    assert "Travlt team: Støtte er et pressionspunkt: score 12,5, hvor en lav score er dårlig " \
           "(n = 8)." in challenges


def test_no_silent_cap_on_bullets(results):
    story = build_story(results, translator("da"), "da")
    challenges = [b for block in story.departments for b in block.sections[0].bullets
                  if "pressionspunkt" in b]
    assert len(challenges) == len(results.pressure_points())
    assert story.summary.pressure_point_total == len(results.pressure_points())
    assert len(story.summary.pressure_points) == min(5, len(results.pressure_points()))


def test_summary_facts_and_symbols(results):
    summary = build_story(results, translator("da"), "da").summary
    assert (summary.organisation, summary.round, summary.responses) == ("Forvaltning", "2025", 29)
    assert summary.response_sentence == "29 af 34 medarbejdere har svaret (85 %)."
    worst = summary.pressure_points[0]
    assert worst.symbol == LIGHT_SYMBOLS["red"] + PRESSURE_SYMBOL and worst.light == "red"
    assert worst.direction in ("higher_is_worse", "higher_is_better")
    assert summary.change_sentence == "Der er ingen tidligere runde at sammenligne med."
    assert {e.key for e in summary.legend} >= {"green", "yellow", "red", "pressure", "hidden",
                                              "higher_is_better", "higher_is_worse"}


def test_change_is_signed_like_forskel_minus_is_worse(results):
    """Demands rose 10 points (worse) and support rose 10 points (better)."""
    now = {d: results.score("ORG", d).mean for d in ("QD", "SS")}
    trends = {
        ("ORG", "QD"): Trend("ORG", "QD", now["QD"] - 10, now["QD"], 10.0, True),
        ("ORG", "SS"): Trend("ORG", "SS", now["SS"] - 10, now["SS"], 10.0, True),
        ("T2", "QD"): Trend("T2", "QD", 90.0, 100.0, 10.0, True),
    }
    story = build_story(results, translator("da"), "da", trends=trends, previous_round="2023")
    changes = {c.dimension: c for c in story.summary.changes}
    assert changes["QD"].change == -10.0 and "dårligere" in changes["QD"].sentence
    assert changes["SS"].change == 10.0 and "bedre" in changes["SS"].sentence
    assert [c.dimension for c in story.summary.changes] == ["QD", "SS"]  # worst first
    busy = next(f for f in story.summary.pressure_points if (f.unit, f.dimension) == ("T2", "QD"))
    assert busy.change == -10.0
    assert busy.sentence.endswith("Udvikling siden 2023: -10,0 point (minus er dårligere).")


def test_the_amirs_revised_text_replaces_the_draft(results):
    text = "Udfordringer\n- =Kantine er lukket\nGode erfaringer\n- God stemning"
    story = build_story(results, translator("da"), "da", edited={"D1": text})
    block = story.departments[0]
    assert block.edited
    assert [(s.heading, s.bullets) for s in block.sections] == [
        ("Udfordringer", ["=Kantine er lukket"]), ("Gode erfaringer", ["God stemning"])]
    assert sections_of("løs linje\n- punkt", HEADINGS)[0].bullets == ["løs linje", "punkt"]


def test_the_story_in_english(results):
    story = build_story(results, translator("en"), "en")
    assert story.departments[0].sections[0].heading == "Challenges"
    assert story.departments[1].hidden_reason == "hidden, too few answers"
