"""The results screen on a project whose last round repeats the round before's questionnaire:
the reference-value light thresholds tried live, and the team view's trend chart."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from matplotlib.lines import Line2D

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import Questionnaire, Rules
from apv_desktop.core.results import compute_results
from apv_desktop.services.projects import opened
from apv_desktop.ui.results.heatmap_model import LIGHT_ROLE
from tests.gui.results_page import open_results

ROUND = "2027"
PREVIOUS = "2026-opfølgning"


def worse_support_in_myndighed(
    answers: ResponseSet, questionnaire: Questionnaire
) -> ResponseSet:
    """The same sheets, except Myndighed's answers on support from the leader (SS) are all the
    last choice: one dimension of one unit moves, the rest stays (a change of 0: noise)."""
    values = answers.values.copy()
    items = [answers.item_names.index(i.name) for i in questionnaire.items()
             if i.dimension == "SS" and questionnaire.is_scored(i)]
    rows = [r for r, unit in enumerate(answers.unit_codes) if unit == "FAM-MYN"]
    values[np.ix_(rows, items)] = 4.0
    return ResponseSet(answers.item_names, list(answers.unit_codes), values, {})


@pytest.fixture
def trend_path(demo_path: Path) -> Path:
    """Round 2027: the pulse's questionnaire with a reference for QD set 7 points worse than the
    organisation's 2027 score (so its light is yellow at the default thresholds), answered by
    the pulse's sheets with Myndighed's support from the leader made worse."""
    with opened(demo_path) as project:
        answers = project.responses(PREVIOUS)
        questionnaire = project.questionnaire(project.round(PREVIOUS).questionnaire_version_id)
        changed = worse_support_in_myndighed(answers, questionnaire)
        before = compute_results(questionnaire, project.org_units(), changed, Rules(), ROUND)
        organisation_qd = before.score(before.organisation.code, "QD").mean
        # QD: higher is worse, so a reference 7 below the score is 7 points better than it
        questionnaire.dimension("QD").reference = round(organisation_qd, 1) - 7.0
        version = project.save_questionnaire(questionnaire)
        project.ensure_round(ROUND, version)
        project.add_responses(ROUND, changed, "import")
        project.close_round(ROUND)
    return demo_path


@pytest.fixture
def page(window, trend_path, qtbot):
    results_page = open_results(window, trend_path, qtbot, ROUND)
    assert results_page.bundle.round_name == ROUND
    assert results_page.bundle.previous.round == PREVIOUS
    return results_page


def organisation_qd_light(page) -> str:
    results = page.bundle.results
    light = results.score(results.organisation.code, "QD").light
    column = next(c for c in range(page.heatmap.model.columnCount())
                  if (d := page.heatmap.model.dimension_at(c)) is not None and d.code == "QD")
    cell = page.heatmap.model.index_of_unit(results.organisation.code, column)
    assert cell.data(LIGHT_ROLE) == light
    return light


def test_the_reference_thresholds_change_the_light_at_once(page, qtbot):
    settings = page.settings
    assert settings.reference_red_at.value() == 10.0  # points worse than the reference
    assert settings.reference_yellow_at.value() == 5.0
    assert organisation_qd_light(page) == "yellow"  # 7 points worse than the reference
    settings.reference_yellow_at.setValue(8.0)
    with qtbot.waitSignal(page.recomputed, timeout=30_000):
        settings.apply()
    assert page.bundle.rules.reference_yellow_at == -8.0
    assert organisation_qd_light(page) == "green"
    settings.reference_yellow_at.setValue(3.0)
    settings.reference_red_at.setValue(6.0)
    with qtbot.waitSignal(page.recomputed, timeout=30_000):
        settings.apply()
    assert organisation_qd_light(page) == "red"
    assert page.session.project.rules() == Rules()  # tried, not stored
    settings.save()
    assert page.session.project.rules() == replace(
        Rules(), reference_red_at=-6.0, reference_yellow_at=-3.0)


def test_red_must_be_below_yellow(page):
    settings = page.settings
    settings.reference_red_at.setValue(4.0)  # nearer the reference than yellow's 5
    settings.apply()
    assert "reference_red_at skal være under reference_yellow_at" in settings.problem.text()
    assert not page.busy
    settings.save()
    assert page.session.project.rules() == Rules()
    assert settings.reference_yellow_at.minimum() == 0.0  # never better than the reference


def test_the_trend_chart_shows_comparable_shown_scores_and_exports(page, file_choices,
                                                                  tmp_path):
    team = page.team
    team.show_unit("FAM-MYN")
    bundle = page.bundle
    names = {d.code: d.name for d in bundle.results.dimensions}
    expected = [
        (names[d], t) for d in names
        if (t := bundle.trends.get(("FAM-MYN", d))) is not None and t.delta is not None
    ]
    assert expected and all(t.comparable for _, t in expected)
    axes = team.trend_chart.figure.axes[0]
    assert [label.get_text() for label in axes.get_yticklabels()] == [n for n, _ in expected]
    segments = [line for line in axes.get_lines()
                if isinstance(line, Line2D) and len(line.get_xdata()) == 2]
    assert [tuple(line.get_xdata()) for line in segments] == [
        (t.previous, t.current) for _, t in expected]
    dashed = [line.get_linestyle() == "--" for line in segments]
    assert dashed == [abs(t.delta) < 5 for _, t in expected]
    assert any(dashed) and not all(dashed)  # the unit has noise and a real change
    for fmt, magic in (("png", b"\x89PNG"), ("svg", b"<svg"), ("pdf", b"%PDF")):
        target = tmp_path / f"udvikling.{fmt}"
        file_choices.save_paths.append(target)
        assert team.trend_chart.export(fmt) == target
        assert magic in target.read_bytes()[:4000]


def test_a_hidden_unit_gets_no_trend_line(page):
    team = page.team
    team.show_unit("FAM-HAN")  # 3 answers: hidden in both rounds
    axes = team.trend_chart.figure.axes[0]
    assert [label.get_text() for label in axes.get_yticklabels()] == []
    assert any(text.get_text() == "Ingen dimensioner kan sammenlignes."
               for text in axes.texts)


def test_the_trend_table_says_whether_a_change_is_better_or_worse(page):
    team = page.team
    team.show_unit("FAM-MYN")
    bundle = page.bundle
    names = {d.name: d for d in bundle.results.dimensions}
    said = 0
    for row in range(team.trend.rowCount()):
        name, change = team.trend.item(row, 0).text(), team.trend.item(row, 3).text()
        trend = bundle.trends[("FAM-MYN", names[name.removesuffix(" *")].code)]
        if trend.delta is None:
            continue
        if not trend.meaningful:
            assert change.endswith("(støj)")
            continue
        worse_is_up = names[name.removesuffix(" *")].direction.value == "higher_is_worse"
        better = (trend.delta > 0) != worse_is_up
        assert change.endswith("(bedre)" if better else "(dårligere)"), (name, change)
        said += 1
    assert said
