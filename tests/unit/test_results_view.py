"""The results screen's service: loading a round, recomputing under other rules, the trend
against the round before, comments, domain names and pre-filled action-plan items."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from apv_desktop.core.model import Rules
from apv_desktop.core.results_export import results_dict
from apv_desktop.errors import RefusedError
from apv_desktop.services.compute import results_for_file
from apv_desktop.services.demo import build_demo
from apv_desktop.services.projects import opened
from apv_desktop.services.results_view import (
    add_action_for,
    comments_of,
    domain_names,
    format_decimal,
    load_round,
    previous_round_name,
    recompute,
)
from tests.fixed_dates import DEMO_TODAY

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.apv"
    build_demo(path, today=DEMO_TODAY)
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.apv"
    shutil.copyfile(demo_file, path)
    return path


def test_previous_round_is_the_one_created_just_before():
    assert previous_round_name(["2022", "2025", "2025-opf"], "2025") == "2022"
    assert previous_round_name(["2022", "2025"], "2022") is None
    assert previous_round_name(["2022"], "2030") is None


def test_numbers_have_a_decimal_comma_in_danish_and_swedish():
    assert format_decimal(61.349, "da") == "61,3"
    assert format_decimal(61.349, "sv") == "61,3"
    assert format_decimal(61.349, "en") == "61.3"
    assert format_decimal(-0.04, "da") == "0,0"
    assert format_decimal(0.825 * 100, "da", 0) == "82"


def test_the_bundle_holds_exactly_what_the_core_computes(demo):
    bundle = load_round(demo, "2025")
    assert results_dict(bundle.results) == results_dict(results_for_file(demo, "2025"))
    assert bundle.round_name == "2025"
    assert bundle.previous is None and bundle.trends == {}
    assert bundle.data.current.responses.size == 240
    assert bundle.distributions[("FAM-HAN", "qd_1")].counts is None  # 3 answers: hidden


def test_a_recompute_uses_the_loaded_answers_and_stores_nothing(demo):
    bundle = load_round(demo, "2025")
    strict = replace(Rules(), min_n=17, comment_min_n=20)
    stricter = recompute(bundle.data, strict, "da")
    assert stricter.data is bundle.data
    units = {u.code: u for u in stricter.results.units}
    assert not bundle.results.unit("FAM-FOR").suppressed
    assert units["FAM-FOR"].suppressed  # 16 answers < 17
    assert all(stricter.results.score("FAM-FOR", d.code).mean is None
               for d in stricter.results.dimensions)
    with opened(demo) as project:
        assert project.rules() == Rules()


def test_settings_that_break_the_rules_are_refused(demo):
    bundle = load_round(demo, "2025")
    with pytest.raises(RefusedError, match="comment_min_n"):
        recompute(bundle.data, replace(Rules(), min_n=12, comment_min_n=10))
    with pytest.raises(RefusedError, match="min_n must be at least 3"):
        recompute(bundle.data, replace(Rules(), min_n=2))


def test_the_trend_compares_with_the_round_before(demo):
    # The demo's follow-up pulse asks fewer QD items than the 2025 APV: QD is compared on the
    # items the pulse asked (the rule the action plan's follow-up uses too).
    pulse = load_round(demo, language="en")
    assert pulse.round_name == "2026-opfølgning" and pulse.previous.round == "2025"
    qd = pulse.trends[("FAM-MYN", "QD")]
    assert qd.comparable and qd.partial and qd.items
    assert qd.current == pulse.results.score("FAM-MYN", "QD").mean
    with opened(demo) as project:
        answers = project.responses("2026-opfølgning")
        version = project.round("2026-opfølgning").questionnaire_version_id
        project.ensure_round("2027", version)
        project.add_responses("2027", answers, "import")
        project.close_round("2027")
    bundle = load_round(demo, language="en")
    assert bundle.round_name == "2027" and bundle.previous.round == "2026-opfølgning"
    trend = bundle.trends[("FAM-MYN", "QD")]
    assert trend.comparable and trend.delta == pytest.approx(0.0)
    assert bundle.trends[("FAM-HAN", "QD")].delta is None  # hidden in both rounds
    assert bundle.results.dimensions[0].name == "Quantitative demands"


def test_comments_only_where_the_unit_meets_the_threshold(demo):
    bundle = load_round(demo, "2025")
    assert comments_of(bundle, "DK")
    assert comments_of(bundle, "FAM-HAN") == []  # 3 answers
    assert comments_of(bundle, "FAM-FOR") == []  # 16, but would reveal Handicapteamet's


def test_domains_are_named_by_their_sections():
    from apv_desktop.interchange.templates import combine_templates

    questionnaire = combine_templates(["psykisk", "kraenkende"])
    assert domain_names(questionnaire, "da")["krav"] == "Krav i arbejdet"
    assert domain_names(questionnaire, "en")["kraenkende"] == "Offensive behaviour"


def test_a_pressure_point_becomes_a_prefilled_action(demo):
    bundle = load_round(demo, "2025")
    point = next(s for s in bundle.results.pressure_points()
                 if (s.unit, s.dimension) == ("FAM-MYN", "QD"))
    with opened(demo) as project:
        before = len(project.actions())  # the demo already holds a few actions
        item = add_action_for(project, bundle.results, point)
        assert item.unit == "FAM-MYN" and item.dimension == "QD" and item.round == "2025"
        assert item.problem == (f"Kvantitative krav i Myndighed, børn og unge: score "
                                f"{format_decimal(point.mean, 'da')} ud fra 20 svar i runde 2025")
        hidden = bundle.results.score("FAM-HAN", "QD")
        with pytest.raises(RefusedError):
            add_action_for(project, bundle.results, hidden)
        assert len(project.actions()) == before + 1
