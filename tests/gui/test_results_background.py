"""Results by background group in the window: the heatmap's "Vis efter" picker adds a row per
group under each unit with a breakdown, the team view shows one group's scores, and every cell
says exactly what `results --by` says (a hidden cell is hidden in both, with no number)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from apv_desktop.cli import run
from apv_desktop.ui.results.heatmap_model import FIRST_DIMENSION, LIGHT_ROLE
from tests.gui.results_page import open_results

BY = "sl_dage"  # the demo's unscored single choice: days of sick leave
DEMO_ROUND = "2025"
DIGIT = re.compile(r"\d")


def shown(value: float) -> str:
    return f"{round(value, 1):.1f}".replace(".", ",")


def mark_background(path: Path, item: str) -> None:
    """What the builder's checkbox stores, written straight into the copy of the demo."""
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE item SET background = 1 WHERE name = ?", (item,))
    connection.close()


@pytest.fixture
def background_demo(demo_path: Path) -> Path:
    mark_background(demo_path, BY)
    return demo_path


@pytest.fixture
def page(window, background_demo, qtbot):
    return open_results(window, background_demo, qtbot, DEMO_ROUND)


def cli_cells(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[tuple[str, str, str], dict]:
    capsys.readouterr()
    assert run(["results", str(path), "--round", DEMO_ROUND, "--by", BY]) == 0
    data = json.loads(capsys.readouterr().out)
    return {(c["unit"], c["group"], c["dimension"]): c for c in data["breakdown"]["scores"]}


def choose_by_keyboard(qtbot, box, position: int) -> None:
    box.setFocus()  # the arrow keys step a closed drop-down as a user's would
    while box.currentIndex() < position:
        qtbot.keyClick(box, Qt.Key.Key_Down)


def test_the_picker_names_questions_by_label_and_adds_rows_by_group(page, qtbot, capsys,
                                                                    background_demo):
    tab = page.heatmap
    box = tab.by_box
    assert not box.isHidden() and box.count() == 2
    label = page.bundle.questionnaire.item(BY).label("da")
    assert box.itemText(1) == label and BY not in [box.itemText(i) for i in range(box.count())]
    assert BY not in page.bundle.breakdowns  # computed only when asked for
    with qtbot.waitSignal(page.recomputed, timeout=30_000):
        choose_by_keyboard(qtbot, box, 1)
    breakdown = page.bundle.breakdowns[BY]
    cells = cli_cells(background_demo, capsys)
    model = tab.model
    hidden = shown_count = 0
    for unit in breakdown.units:
        for group, group_label in zip(breakdown.groups, breakdown.labels, strict=True):
            row = model.index_of_group(unit, group)
            assert row.isValid() and row.data() == group_label
            assert model.parent(row) == model.index_of_unit(unit)  # under its unit, indented
            for column in range(FIRST_DIMENSION, model.columnCount()):
                index = model.index(row.row(), column, model.parent(row))
                dimension = model.dimension_at(column)
                cell = cells[(unit, group, dimension.code)]
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if cell["suppressed"]:
                    hidden += 1
                    assert index.data() == "skjult" and index.data(LIGHT_ROLE) == "hidden"
                    assert not DIGIT.search(tip.split("\n", 1)[1]), tip
                else:
                    shown_count += 1
                    assert index.data() == shown(cell["mean"])
                    assert index.data(LIGHT_ROLE) == cell["light"]
                    assert f"n = {cell['n']}" in tip
                    assert f"{shown(cell['ci_low'])}–{shown(cell['ci_high'])}" in tip
    assert hidden and shown_count
    # A unit without enough answers for a breakdown gets no group rows.
    small = next(u.code for u in page.bundle.results.units if u.code not in breakdown.units)
    assert not model.index_of_group(small, breakdown.groups[0]).isValid()
    # Back to none: the tree alone.
    with qtbot.assertNotEmitted(page.recomputed):
        choose_none = box.findData(None)
        box.setCurrentIndex(choose_none)
    assert not model.index_of_group(breakdown.units[0], breakdown.groups[0]).isValid()


def test_the_team_view_shows_the_chosen_groups_scores(page, qtbot, capsys, background_demo):
    team = page.team
    assert not team.groups.isHidden()
    page.drill_down(page.bundle.results.organisation.code, page.bundle.results.dimensions[0].code)
    with qtbot.waitSignal(page.recomputed, timeout=30_000):
        choose_by_keyboard(qtbot, team.groups, 1)  # the first group of the question
    breakdown = page.bundle.breakdowns[BY]
    group = breakdown.groups[0]
    assert team.groups.currentData() == (BY, group)
    cells = cli_cells(background_demo, capsys)
    org = page.bundle.results.organisation.code
    means = [row.mean for row in team.score_rows]
    expected = [cells[(org, group, d.code)]["mean"] for d in page.bundle.results.dimensions]
    assert means == expected
    assert breakdown.labels[0] in team.scores.figure.axes[0].get_title()


def test_a_settings_change_recomputes_the_breakdown_with_the_tree(page, qtbot):
    with qtbot.waitSignal(page.recomputed, timeout=30_000):
        choose_by_keyboard(qtbot, page.heatmap.by_box, 1)
    before = page.bundle.breakdowns[BY]
    settings = page.settings
    settings.comment_min_n.setValue(20)
    settings.min_n.setValue(12)
    with qtbot.waitSignal(page.recomputed, timeout=30_000):
        settings.apply()
    after = page.bundle.breakdowns[BY]  # computed in the same worker run as the tree
    assert after is not before and page.bundle.rules.min_n == 12
    for cell in after.scores:
        assert cell.score.suppressed or (cell.score.n or 0) >= 12
    tip_rows = page.heatmap.model.index_of_group(after.units[0], after.groups[0])
    assert tip_rows.isValid()


def test_without_background_questions_there_is_no_picker(window, demo_path, qtbot):
    window.open_project(demo_path)
    results_page = next(p for p in window.pages if p.page_id == "results")
    results_page.ensure_built()
    with qtbot.waitSignal(results_page.recomputed, timeout=30_000):
        results_page.request(None)
    assert results_page.heatmap.by_box.isHidden() and results_page.team.groups.isHidden()
    assert results_page.heatmap.by_box.count() == 1
    assert QModelIndex() == results_page.heatmap.model.index_of_group("x", "y")
