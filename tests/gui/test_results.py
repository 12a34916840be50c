"""The results page on the demo project: every number shown equals the core's, hidden groups
show no number anywhere, sorting keeps the tree, drill-down, settings tried live, actions."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView

from apv_desktop.core.results import Results
from apv_desktop.services.compute import results_for_file
from apv_desktop.services.results_view import comments_of
from apv_desktop.ui.results import palette
from apv_desktop.ui.results.heatmap_model import (
    CELL_ROLE,
    FIRST_DIMENSION,
    LIGHT_ROLE,
    N_COLUMN,
    SORT_ROLE,
    UNIT_ROLE,
)
from apv_desktop.ui.results.pressure_model import GAP, INTERVAL, RANK, SCORE, N
from apv_desktop.ui.results.pressure_model import SORT_ROLE as PRESSURE_SORT
from tests.gui.results_page import open_results

DIGIT = re.compile(r"\d")
DEMO_ROUND = "2025"
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE,
         Qt.ItemDataRole.AccessibleTextRole)


def shown(value: float) -> str:
    return f"{round(value, 1):.1f}".replace(".", ",")


@pytest.fixture
def page(window, demo_path, qtbot):
    # The demo's first round is the full APV (the latest is a short pulse).
    return open_results(window, demo_path, qtbot, DEMO_ROUND)


def rows(model, parent=None):
    """Every source index of column 0, depth first."""
    parent = parent if parent is not None else QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from rows(model, index)


def cells(model, results: Results):
    """(unit code, dimension code, index) of every score cell."""
    for index in rows(model):
        for column in range(FIRST_DIMENSION, model.columnCount()):
            cell = index.siblingAtColumn(column)
            yield index.data(UNIT_ROLE), model.dimension_at(column).code, cell


def test_every_heatmap_number_is_the_cores_and_hidden_cells_show_none(page, demo_path):
    core = results_for_file(demo_path, DEMO_ROUND)
    model = page.heatmap.model
    seen = 0
    for unit, dimension, cell in cells(model, core):
        score = core.score(unit, dimension)
        if score.suppressed:
            assert cell.data() == "skjult"
            assert cell.data(LIGHT_ROLE) == "hidden"
            for role in ROLES:
                assert not DIGIT.search(str(cell.data(role) or "")), (unit, dimension, role)
            assert cell.data(SORT_ROLE) is None
        else:
            assert cell.data() == shown(score.mean)
            assert cell.data(SORT_ROLE) == round(score.mean, 1)
            assert f"n = {score.n}" in cell.data(Qt.ItemDataRole.ToolTipRole)
        seen += 1
    assert seen == (len(core.units)) * len(core.dimensions)  # the org row is the top unit
    for index in rows(model):
        unit = core.unit(index.data(UNIT_ROLE))
        n_cell = index.siblingAtColumn(N_COLUMN)
        # Every unit's response count is published (JSON and report alike); the window agrees.
        assert n_cell.data() == str(unit.responses)


def test_every_pressure_point_row_is_the_cores(page, demo_path):
    core = results_for_file(demo_path, DEMO_ROUND).pressure_points()
    model = page.pressure.model
    assert model.rowCount() == len(core) > 0
    for row, score in enumerate(core):
        assert not score.suppressed
        assert model.index(row, SCORE).data() == shown(score.mean)
        assert model.index(row, N).data() == str(score.n)
        gap = shown(score.gap)
        assert model.index(row, GAP).data() == (gap if gap.startswith("-") else f"+{gap}")
        assert model.index(row, INTERVAL).data() == f"{shown(score.ci_low)}–{shown(score.ci_high)}"


def test_cells_are_coloured_by_the_light_that_respects_direction(page):
    model = page.heatmap.model
    qd = next(c for c in range(model.columnCount()) if model.dimension_at(c)
              and model.dimension_at(c).code == "QD")
    myn = model.index_of_unit("FAM-MYN", qd)
    assert model.score_at(myn).light == "red"  # high demands are bad (higher_is_worse)
    assert myn.data(Qt.ItemDataRole.BackgroundRole) == palette.cell_colour("red")
    han = model.index_of_unit("FAM-HAN", qd)
    assert han.data(Qt.ItemDataRole.BackgroundRole) == palette.hidden_colour()
    assert "for få svar" in han.data(Qt.ItemDataRole.ToolTipRole)
    bib = model.index_of_unit("KUL-BIB", qd)  # 16 answers, hidden to protect Turisme (3)
    assert "beskytte en mindre gruppe" in bib.data(Qt.ItemDataRole.ToolTipRole)


def test_columns_are_grouped_by_domain(page):
    model = page.heatmap.model
    domains = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.UserRole + 5)
               for c in range(FIRST_DIMENSION, model.columnCount())]
    assert domains[0] == "Krav i arbejdet"
    runs = [d for i, d in enumerate(domains) if i == 0 or domains[i - 1] != d]
    assert len(runs) == len(set(runs))  # every domain in one block


def test_sorting_a_column_sorts_siblings_and_keeps_hidden_last(page):
    view = page.heatmap.view
    model = page.heatmap.model
    column = FIRST_DIMENSION  # Kvantitative krav
    view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        view.sortByColumn(column, order)
        proxy = view.proxy
        top = proxy.index(0, 0)
        assert top.data(UNIT_ROLE) == "DK" and proxy.rowCount() == 1
        fam = view.view_index(model.index_of_unit("FAM"))
        values = [proxy.index(r, column, fam).data(SORT_ROLE)
                  for r in range(proxy.rowCount(fam))]
        shown_values = [v for v in values if v is not None]
        assert values[: len(shown_values)] == shown_values  # hidden (Handicapteamet) last
        assert shown_values == sorted(shown_values,
                                      reverse=order == Qt.SortOrder.DescendingOrder)
        assert values[-1] is None


def test_clicking_a_cell_opens_the_team_view(page):
    view = page.heatmap.view
    model = page.heatmap.model
    column = next(c for c in range(model.columnCount())
                  if model.dimension_at(c) and model.dimension_at(c).code == "WP")
    view.clicked.emit(view.view_index(model.index_of_unit("FAM-MYN", column)))
    assert page.tabs.currentWidget() is page.team
    assert page.team.current_unit() == "FAM-MYN"
    assert page.team.dimensions.currentData() == "WP"
    points = [page.team.points.item(i).text() for i in range(page.team.points.count())]
    # a demand says which way it reads: a high score is the problem
    assert any(text.startswith("Kvantitative krav ") and text.endswith("(lav er godt)")
               for text in points)


def test_a_stricter_min_n_hides_a_unit_at_once_without_storing_it(page, qtbot):
    model = page.heatmap.model
    assert model.index_of_unit("FAM-FOR", N_COLUMN).data() == "16"
    settings = page.settings
    settings.comment_min_n.setValue(20)
    settings.min_n.setValue(17)
    with qtbot.waitSignal(page.recomputed, timeout=30_000):
        settings.apply()
    # The unit's response count stays (as in the report); its scores are hidden.
    assert model.index_of_unit("FAM-FOR", N_COLUMN).data() == "16"
    assert "skjult" in model.index_of_unit("FAM-FOR", N_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index_of_unit("FAM-FOR", FIRST_DIMENSION).data() == "skjult"
    assert "(Ikke gemt" in settings.consequences.text()
    assert page.session.project.rules().min_n == 5
    settings.save()
    assert page.session.project.rules().min_n == 17
    assert "(Ikke gemt" not in settings.consequences.text()


def test_impossible_settings_are_explained_and_not_used(page):
    page.settings.min_n.setValue(12)  # above the comment threshold of 10
    page.settings.apply()
    assert "comment_min_n" in page.settings.problem.text()
    assert not page.busy


def test_a_pressure_point_becomes_an_action_in_one_click(page):
    tab = page.pressure
    model = tab.table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 7).data() != "i planen")
    tab.table.selectRow(row)  # the demo's plan already holds a few points
    first = tab.selected_score()
    before = {a.id for a in page.session.project.actions()}
    tab.action_button.click()
    added = [a for a in page.session.project.actions() if a.id not in before]
    assert [(a.unit, a.dimension) for a in added] == [(first.unit, first.dimension)]
    assert model.index(row, 7).data() == "i planen"
    assert tab.message.text().startswith("Tilføjet til handlingsplanen")


def test_the_filter_narrows_the_pressure_points(page):
    tab = page.pressure
    tab.filter_edit.setText("myndighed krav")
    texts = [tab.table.model().index(r, 1).data() + " " + tab.table.model().index(r, 2).data()
             for r in range(tab.table.model().rowCount())]
    assert texts and all("Myndighed" in t for t in texts)
    assert "Myndighed, børn og unge Kvantitative krav" in texts


def _groups(tab):
    """What the comments tab shows: (question heading, [comments]) per question."""
    tree = tab.tree
    return [(tree.topLevelItem(n).text(0),
             [tree.topLevelItem(n).child(i).text(0)
              for i in range(tree.topLevelItem(n).childCount())])
            for n in range(tree.topLevelItemCount())]


def test_comments_only_for_units_over_the_threshold(page):
    tab = page.comments
    tab.units.choose("DK")
    assert tab.tree.topLevelItemCount() > 0
    tab.units.choose("FAM-FOR")  # 16 answers but would reveal Handicapteamet's comments
    assert tab.tree.topLevelItemCount() == 0
    assert tab.note.text().startswith("Kommentarer vises kun for grupper med mindst 10 svar")


def test_comments_are_grouped_by_question_with_counts_and_a_search(page):
    tab = page.comments
    tab.units.choose("DK")
    bundle = page.bundle
    comments = comments_of(bundle, "DK")
    labels = {i.name: i.label("da") for i in bundle.questionnaire.items()}
    groups = _groups(tab)
    questions = list(dict.fromkeys(c.item for c in comments))
    assert len(groups) == len(questions) >= 2
    for (heading, texts), item in zip(groups, questions, strict=True):
        mine = [c.text for c in comments if c.item == item]
        assert heading == f"{labels[item]} ({len(mine)})"
        assert texts == mine == sorted(mine, key=lambda t: (t.casefold(), t))  # no order info
    word = comments[0].text.split()[0]
    tab.search.setText(word.upper())
    found = _groups(tab)
    expected = [c for c in comments if word.casefold() in c.text.casefold()]
    assert sum(len(texts) for _, texts in found) == len(expected) < len(comments)
    assert all(word.casefold() in t.casefold() for _, texts in found for t in texts)
    assert " af " in found[0][0] and tab.note.text().startswith(f"{len(expected)} af ")
    tab.search.clear()
    assert _groups(tab) == groups


@pytest.mark.parametrize("fmt,magic", [("png", b"\x89PNG"), ("svg", b"<svg"), ("pdf", b"%PDF")])
def test_every_chart_exports(page, file_choices, tmp_path, fmt, magic):
    page.team.show_unit("FAM-MYN", "QD")
    charts = page.overview.charts() + page.team.charts()
    for chart in charts:
        target = tmp_path / f"{chart.name}.{fmt}"
        file_choices.save_paths.append(target)
        assert chart.export(fmt) == target
        assert magic in target.read_bytes()[:4000]
    assert sorted(p.name for p in tmp_path.glob(f"*.{fmt}")) == sorted(
        f"{c.name}.{fmt}" for c in charts)


def test_the_pressure_list_sorts_by_any_column(page):
    table = page.pressure.table
    table.sortByColumn(N, Qt.SortOrder.AscendingOrder)
    values = [table.model().index(r, N).data(PRESSURE_SORT)
              for r in range(table.model().rowCount())]
    assert values == sorted(values)


def test_matplotlib_is_not_imported_when_the_program_starts():
    code = ("import sys; import apv_desktop.ui.main_window, apv_desktop.ui.app; "
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_organisations_own_team_view_compares_with_nothing_above_it(page):
    org = page.bundle.results.organisation.code
    page.team.show_unit(org)
    axes = page.team.scores.figure.axes[0]
    assert "mod overordnet enhed" not in axes.get_title()
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert "Overordnet enhed" not in legend and "Organisationen" not in legend
    page.team.show_unit("FAM-MYN")
    axes = page.team.scores.figure.axes[0]
    assert "mod overordnet enhed" in axes.get_title()
    assert "Overordnet enhed" in [t.get_text() for t in axes.get_legend().get_texts()]


def test_scores_say_which_way_they_read(page):
    model = page.heatmap.model
    results = page.bundle.results
    worse = next(d for d in results.dimensions if d.direction.value == "higher_is_worse")
    better = next(d for d in results.dimensions if d.direction.value == "higher_is_better")
    for dimension, words in ((worse, "Højere er dårligere"), (better, "Højere er bedre")):
        column = next(c for c in range(model.columnCount())
                      if model.dimension_at(c) and model.dimension_at(c).code == dimension.code)
        tip = model.index_of_unit("FAM-MYN", column).data(Qt.ItemDataRole.ToolTipRole)
        assert words in tip.split("\n")
    # a strength of a demand says that low is good
    lines = []
    for score in results.strengths():
        page.team.show_unit(score.unit)
        lines += [page.team.strengths.item(i).text()
                  for i in range(page.team.strengths.count())]
    demands = {d.name for d in results.dimensions if d.direction.value == "higher_is_worse"}
    assert lines
    for line in lines:
        name = line.rsplit(" ", 4)[0]  # "<name> <score> (lav er godt)"
        assert line.endswith("(lav er godt)") == (name in demands), line


def test_a_sorted_pressure_row_is_the_point_it_shows(page):
    table, model = page.pressure.table, page.pressure.model
    table.sortByColumn(SCORE, Qt.SortOrder.DescendingOrder)
    proxy = table.model()
    means = []
    for row in range(proxy.rowCount()):
        score = model.score_at(proxy.mapToSource(proxy.index(row, SCORE)).row())
        assert proxy.index(row, SCORE).data() == shown(score.mean)
        means.append(round(score.mean, 1))
    assert means == sorted(means, reverse=True) and len(means) > 1
    table.sortByColumn(RANK, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(row, RANK).data() for row in range(proxy.rowCount())] == [
        str(rank) for rank in range(1, proxy.rowCount() + 1)]


def test_the_pressure_lists_columns_are_as_wide_as_resize_to_contents_makes_them(page, qtbot):
    window = page.window()
    with qtbot.waitExposed(window):
        window.show()
    window.show_page(window.pages.index(page))
    page.tabs.setCurrentWidget(page.pressure)
    table, header = page.pressure.table, page.pressure.table.horizontalHeader()
    fitted = [RANK, SCORE, GAP, N, INTERVAL]
    for text in ("", "familie"):  # all the rows, then the ones a filter shows
        page.pressure.filter_edit.setText(text)
        qtbot.waitUntil(lambda: not (page.pressure._fit_pending or page.pressure._unfitted))
        ours = [header.sectionSize(column) for column in fitted]
        for column in fitted:  # what Qt's own measure of every cell gives
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSections()
        assert [header.sectionSize(column) for column in fitted] == ours
        widest_n = max(page.pressure.model.score_at(row).n
                       for row in range(page.pressure.model.rowCount()))
        assert ours[fitted.index(N)] > table.fontMetrics().horizontalAdvance(str(widest_n))


def test_what_the_heatmap_paints_of_a_cell_is_what_its_roles_say(page):
    model = page.heatmap.model
    seen = {"hidden": 0, "framed": 0}
    for index in rows(model):
        for column in range(FIRST_DIMENSION, model.columnCount()):
            cell = index.siblingAtColumn(column)
            light, framed, text = cell.data(CELL_ROLE)
            assert light == cell.data(LIGHT_ROLE) and text == cell.data()
            assert framed == model.score_at(cell).pressure_point
            seen["hidden"] += light == "hidden"
            seen["framed"] += framed
    assert seen["hidden"] and seen["framed"]  # the demo has both kinds


def test_the_pressure_list_says_what_makes_a_point_and_follows_the_gap(page, qtbot):
    """A red score close to the others and a far one that is not red are both on the list:
    the tab says so (the report's own sentence), with the gap the settings hold."""
    rule = page.pressure.rule
    gap = page.session.project.rules().pressure_gap
    assert rule.text().startswith("Et pressionspunkt er en score, der er rød eller mindst "
                                  f"{gap:g} point")
    page.settings.pressure_gap.setValue(gap + 5)
    with qtbot.waitSignal(page.recomputed, timeout=30_000):
        page.settings.apply()
    assert f"mindst {gap + 5:g} point" in rule.text()


def test_a_point_already_in_the_plan_is_added_again_only_when_the_user_says_so(page,
                                                                               message_log):
    """A second click on "Opret handling" made a duplicate without a word (found by driving
    the tab): the user is asked first, and No adds nothing."""
    from PySide6.QtWidgets import QMessageBox

    tab = page.pressure
    model = tab.table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 7).data() == "i planen")
    tab.table.selectRow(row)
    count = len(page.session.project.actions())
    message_log.answers = [QMessageBox.StandardButton.No]
    tab.action_button.click()
    assert message_log.texts == ["Pressionspunktet er allerede i handlingsplanen."]
    assert len(page.session.project.actions()) == count
    assert tab.message.text().startswith("Intet tilføjet")
    message_log.answers = [QMessageBox.StandardButton.Yes]
    tab.action_button.click()
    assert len(page.session.project.actions()) == count + 1
