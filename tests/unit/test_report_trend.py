"""The Pressionspunkter sheet's previous-round columns: the previous score and the change, only
where the rounds compare and both scores are shown; never a hidden score of either round."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import Questionnaire
from apv_desktop.services.compute import results_of
from apv_desktop.services.demo import build_demo
from apv_desktop.services.projects import opened
from apv_desktop.services.report import write_report
from tests.fixed_dates import DEMO_TODAY
from tests.unit.report_helpers import ROUND, build_crafted, read, sheet_numbers
from tests.unit.test_report import hidden_means

PREVIOUS_ROUND = "2026-opfølgning"
FIRST_ROW = 5  # the pressure-point table's header is row 4
PREVIOUS, CHANGE = 12, 13  # columns L and M


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


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with a round 2027 that repeats 2026-opfølgning's questionnaire, with its
    answers with Myndighed's support from the leader made worse."""
    path = tmp_path_factory.mktemp("demo") / "demo.apv"
    build_demo(path, today=DEMO_TODAY)
    with opened(path) as project:
        answers = project.responses("2026-opfølgning")
        version = project.round(PREVIOUS_ROUND).questionnaire_version_id
        changed = worse_support_in_myndighed(answers, project.questionnaire(version))
        project.ensure_round("2027", version)
        project.add_responses("2027", changed, "import")
        project.close_round("2027")
    return path


def pressure_rows(path: Path, count: int) -> list[tuple[object, ...]]:
    ws = read(path)["Pressionspunkter"]
    return [tuple(ws.cell(row=r, column=c) for c in (2, 3, PREVIOUS, CHANGE))
            for r in range(FIRST_ROW, FIRST_ROW + count)]


def test_the_first_round_has_no_previous_round_columns(demo, tmp_path):
    out = write_report(demo, tmp_path / "r.xlsx", "2025")
    ws = read(out)["Pressionspunkter"]
    assert ws.cell(row=4, column=11).value == "Interval til"
    assert ws.cell(row=4, column=PREVIOUS).value is None


def test_previous_score_and_change_where_both_are_shown(demo, tmp_path):
    out = write_report(demo, tmp_path / "r.xlsx", "2027")
    with opened(demo) as project:
        now = results_of(project, "2027")
        before = results_of(project, "2026-opfølgning")
    ws = read(out)["Pressionspunkter"]
    assert ws.cell(row=4, column=PREVIOUS).value == "Forrige runde"
    assert ws.cell(row=4, column=CHANGE).value == "Udvikling"
    names = {u.code: u.name for u in now.units}
    dimensions = {d.code: d.name for d in now.dimensions}
    filled = blank = 0
    points = now.pressure_points()
    for score, (unit, dimension, previous, change) in zip(
            points, pressure_rows(out, len(points)), strict=True):
        assert (unit.value, dimension.value) == (names[score.unit], dimensions[score.dimension])
        earlier = before.score(score.unit, score.dimension).mean
        if earlier is None:  # hidden in the round before
            assert previous.value is None and change.value is None
            blank += 1
            continue
        assert previous.value == round(earlier, 1)
        assert change.value == round(score.mean - earlier, 1)
        assert previous.data_type == change.data_type == "n"
        assert previous.number_format == change.number_format == "0.0"
        filled += 1
    assert filled > 0 and any(ws.cell(row=r, column=CHANGE).value != 0
                              for r in range(FIRST_ROW, FIRST_ROW + len(points)))


def test_dimensions_asked_with_other_items_show_no_change(demo, tmp_path):
    # The pulse (2026-opfølgning) asks its dimensions with other items than the 2025 APV.
    out = write_report(demo, tmp_path / "r.xlsx", "2026-opfølgning")
    with opened(demo) as project:
        count = len(results_of(project, "2026-opfølgning").pressure_points())
    rows = pressure_rows(out, count)
    # the report says why there is no previous score, instead of leaving the cell blank
    assert rows and all(previous.value == "ikke sammenlignelig" and change.value is None
                        for _, _, previous, change in rows)
    ws = read(out)["Pressionspunkter"]
    assert ws.cell(row=4, column=PREVIOUS).value == "Forrige runde"


def test_the_previous_rounds_hidden_scores_never_appear(tmp_path):
    """The small team is hidden in the first round (3 answers) and shown in the second (6, and
    the department's own staff 6 too): its rows must leave the previous score blank."""
    path = build_crafted(tmp_path / "crafted.apv")
    hidden = hidden_means(path)  # the first round's hidden means
    assert ("TS", "QD") in hidden
    with opened(path) as project:
        first = project.responses(ROUND)
        extra = np.zeros((6, len(first.item_names)))
        extra[3:] = 2.0  # the department's own staff, in the middle
        extra[:, [i for i, name in enumerate(first.item_names) if name == "comment"]] = np.nan
        second = ResponseSet(first.item_names, list(first.unit_codes) + ["TS"] * 3 + ["DEPT"] * 3,
                             np.vstack([first.values, extra]), {})
        project.ensure_round("2026", project.round(ROUND).questionnaire_version_id)
        project.add_responses("2026", second, "import")
        project.close_round("2026")
        now = results_of(project, "2026")
    assert not now.score("TS", "QD").suppressed
    out = write_report(path, tmp_path / "r.xlsx", "2026")
    ws = read(out)["Pressionspunkter"]
    assert ws.cell(row=4, column=PREVIOUS).value == "Forrige runde"
    small = [r for r in range(FIRST_ROW, ws.max_row + 1)
             if ws.cell(row=r, column=2).value == "Lille team"]
    assert small, "the small team should be a pressure point in the second round"
    for row in small:
        assert ws.cell(row=row, column=PREVIOUS).value is None
        assert ws.cell(row=row, column=CHANGE).value is None
    numbers = sheet_numbers(read(out))
    with opened(path) as project:
        earlier = results_of(project, ROUND)
    shown = {round(value, 1) for results in (now, earlier) for s in results.scores
             for value in (s.mean, s.ci_low, s.ci_high, s.gap) if value is not None}
    distinctive = {key: value for key, value in hidden.items() if value not in shown}
    assert distinctive
    for key, value in distinctive.items():
        assert not [(s, c) for s, c, v in numbers if abs(v - value) < 0.05], (key, value)
