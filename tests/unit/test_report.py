"""The Excel report read back with openpyxl: structure, numbers against `results`, and that no
hidden group's number appears anywhere (cells, chart ranges)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from apv_desktop.core.model import Rules
from apv_desktop.services.compute import results_of
from apv_desktop.services.demo import build_demo
from apv_desktop.services.projects import opened
from apv_desktop.services.report import write_report
from tests.fixed_dates import DEMO_TODAY, days_during
from tests.unit.report_helpers import (
    build_crafted,
    chart_cached_values,
    chart_ranges,
    range_values,
    read,
    sheet_numbers,
)

FIXED_SHEETS = ["Forside", "Heatmap", "Pressionspunkter", "Krænkende handlinger", "Sygefravær",
                "Sygefravær, svar", "Handlingsplan", "Afdelingsrapporter"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.apv"
    build_demo(path, today=DEMO_TODAY)
    with opened(path) as project:
        project.add_action("2025", "For mange sager", unit="FAM-MYN", dimension="QD",
                           responsible="Leder", deadline=dt.date(2025, 9, 1), status="in_progress")
        project.set_indicator("FAM-MYN", "2030", "sick_days_short_per_fte", 14.5)
    return path


@pytest.fixture(scope="module")
def written(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[dt.date]]:
    """The report of the demo, and the day(s) it was written on."""
    out = tmp_path_factory.mktemp("report") / "rapport.xlsx"
    result, days = days_during(lambda: write_report(demo, out, "2025"))
    assert result == out
    return out, days


@pytest.fixture(scope="module")
def demo_report(written: tuple[Path, set[dt.date]]) -> Path:
    return written[0]


@pytest.fixture(scope="module")
def demo_results(demo: Path):  # noqa: ANN201 - Results
    with opened(demo) as project:
        return results_of(project, "2025")


def test_the_sheets_are_the_fixed_ones_then_one_per_shown_unit(demo_report, demo_results):
    workbook = read(demo_report)
    shown = [u for u in demo_results.units if not u.suppressed and u.code != "DK"]
    assert workbook.sheetnames == FIXED_SHEETS + [u.name[:31].rstrip() for u in shown]
    for hidden in ("Handicapteamet", "Bibliotekerne", "Natur og vand", "HR og løn"):
        assert hidden not in workbook.sheetnames


def test_heatmap_numbers_are_the_results_and_hidden_cells_say_so(demo_report, demo_results):
    ws = read(demo_report)["Heatmap"]
    columns = {ws.cell(row=4, column=c).value: c for c in range(3, ws.max_column + 1)}
    rows = {ws.cell(row=r, column=1).value: r for r in range(6, ws.max_row + 1)}
    assert ws.cell(row=6, column=1).value == "Djursby Kommune"  # the organisation on top
    assert ws.freeze_panes == "C7"
    directions = {d.name: ws.cell(row=5, column=columns[d.name]).value
                  for d in demo_results.dimensions}
    assert directions["Kvantitative krav"] == "↓" and directions["Indflydelse"] == "↑"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    checked_hidden = 0
    for unit in demo_results.units:
        for dimension in demo_results.dimensions:
            score = demo_results.score(unit.code, dimension.code)
            cell = ws.cell(row=rows[unit.name], column=columns[dimension.name])
            if score.suppressed:
                assert cell.value == ("beskyttet" if score.hidden_reason == "complementary"
                                      else "for få")
                checked_hidden += 1
            else:
                assert cell.value == round(score.mean, 1)
                symbol = {"green": "●", "yellow": "◆", "red": "▼"}[score.light]
                symbol += "!" if score.pressure_point else ""
                assert cell.data_type == "n" and cell.number_format == f'"{symbol} "0.0'
        assert ws.cell(row=rows[unit.name], column=2).value == unit.responses
    assert checked_hidden > 0


def test_pressure_points_are_ranked_as_in_results(demo_report, demo_results):
    ws = read(demo_report)["Pressionspunkter"]
    names = {d.code: d.name for d in demo_results.dimensions}
    expected = [(demo_results.unit(s.unit).name, names[s.dimension], round(s.mean, 1), s.n)
                for s in demo_results.pressure_points()]
    found = [(ws.cell(row=r, column=2).value, ws.cell(row=r, column=3).value,
              ws.cell(row=r, column=5).value, ws.cell(row=r, column=10).value)
             for r in range(5, 5 + len(expected))]
    assert found == expected
    assert ws.cell(row=4 + len(expected) + 2, column=1).value == "Gode erfaringer"


def test_unit_sheet_compares_with_parent_and_organisation_and_has_a_native_chart(
        demo_report, demo_results):
    workbook = read(demo_report)
    ws = workbook["Myndighed, børn og unge"]
    qd = demo_results.score("FAM-MYN", "QD")
    parent = demo_results.score("FAM", "QD")
    org = demo_results.score("DK", "QD")
    row = next(r for r in range(9, 40) if ws.cell(row=r, column=1).value == "Kvantitative krav")
    assert [ws.cell(row=row, column=c).value for c in (3, 5, 8, 9)] == [
        round(qd.mean, 1), qd.n, round(parent.mean, 1), round(org.mean, 1)]
    assert len(ws._charts) == 1
    ranges = [r for r in chart_ranges(demo_report) if r[0] == "Myndighed, børn og unge"]
    assert len(ranges) == 3 * 3  # three series: title, categories and values each


def test_chart_ranges_hold_only_numbers_or_blanks_and_no_cached_values(demo_report):
    workbook = read(demo_report)
    ranges = chart_ranges(demo_report)
    assert ranges
    for sheet, cells in ranges:
        values = range_values(workbook, sheet, cells)
        if ":" in cells and cells.split(":")[0][0] != "A":  # a series' values, not its labels
            assert all(v is None or isinstance(v, float | int) for v in values), (sheet, cells)
    assert chart_cached_values(demo_report) == []


def test_the_overview_links_to_every_sheet_and_dates_are_dates(demo_report, written):
    workbook = read(demo_report)
    ws = workbook["Forside"]
    links = [c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink]
    targets = [link.split("!")[0].strip("'").replace("''", "'") for link in links]
    assert targets == workbook.sheetnames[1:]
    dates = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
             for r in range(5, ws.max_row + 1)}
    assert dates["Rapporten dannet"].date() in written[1]
    assert dates["Første svar"].date() == dt.date(2025, 3, 14)
    assert dates["Svarprocent"] == pytest.approx(240 / 290)


def test_action_plan_rows_follow_pressure_points_and_status_is_a_list(demo_report, demo_results):
    ws = read(demo_report)["Handlingsplan"]
    points = demo_results.pressure_points()
    rows = list(ws.iter_rows(min_row=5, max_row=4 + len(points), values_only=True))
    recorded = next(r for r in rows if r[4] == "For mange sager")
    assert recorded[1:3] == ("Myndighed, børn og unge", "Kvantitative krav")
    assert recorded[7] == "Leder"
    assert recorded[8] == dt.datetime(2025, 9, 1) and recorded[9] == "I gang"
    validations = ws.data_validations.dataValidation
    lists = [v for v in validations if v.type == "list"]
    assert lists and lists[0].formula1 == '"Ikke startet,I gang,Gennemført,Opgivet"'
    assert "J5" in str(lists[0].sqref)
    assert any(v.type == "date" for v in validations)


def test_sick_leave_sheet_shows_indicators_beside_pressure_points(demo_report):
    ws = read(demo_report)["Sygefravær"]
    headers = [c.value for c in ws[5]]
    column = headers.index("Korttidssygefravær, dage pr. årsværk (2030)") + 1
    row = next(r for r in range(6, ws.max_row) if ws.cell(row=r, column=1).value
               == "Myndighed, børn og unge")
    assert ws.cell(row=row, column=column).value == 14.5
    points = headers.index("Enhedens pressionspunkter") + 1
    assert "Kvantitative krav" in ws.cell(row=row, column=points).value
    assert "Udvalgets vurdering" in headers


def test_offensive_sheet_lists_only_groups_meeting_the_stricter_threshold(demo, demo_report,
                                                                          demo_results):
    ws = read(demo_report)["Krænkende handlinger"]
    listed = set()
    row = 6
    while ws.cell(row=row, column=1).value:  # the score table, up to the first empty row
        listed.add(ws.cell(row=row, column=1).value)
        row += 1
    assert "Djursby Kommune" in listed
    headers = [c.value for c in ws[5]]
    assert headers[1:3] == ["Mobning: % oplevet", "n"]
    with opened(demo) as project:
        answers = project.responses("2025")
    bullying = answers.values[:, answers.item_names.index("bu_1")]
    scored = bullying[~np.isnan(bullying)]  # the list has no "ved ikke"; "nej" is the last
    experienced = ws.cell(row=6, column=2).value
    assert experienced == pytest.approx(np.mean(scored != 4))  # any frequency counts
    assert ws.cell(row=6, column=2).number_format == "0%"
    assert ws.cell(row=6, column=3).value == len(scored)
    for unit in demo_results.units:
        all_hidden = all(demo_results.score(unit.code, d).suppressed
                         for d in ("BU", "SH", "TV", "PV"))
        if all_hidden:
            assert unit.name not in listed, unit.name


def test_the_report_in_english(demo, tmp_path):
    out = write_report(demo, tmp_path / "report.xlsx", "2025", language="en")
    workbook = read(out)
    assert workbook.sheetnames[:7] == ["Overview", "Heatmap", "Pressure points",
                                       "Offensive behaviour", "Sick leave", "Sick leave, answers",
                                       "Action plan"]
    assert workbook["Heatmap"]["A4"].value == "Unit"


@pytest.fixture(scope="module")
def crafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_crafted(tmp_path_factory.mktemp("crafted") / "crafted.apv")


def hidden_means(path: Path) -> dict[tuple[str, str], float]:
    """The means the report must not show, computed at the lowest allowed threshold."""
    with opened(path) as project:
        strict = results_of(project)
        loose = results_of(project, rules=Rules(min_n=3, comment_min_n=3))
    found = {}
    for score in strict.scores:
        mean = loose.score(score.unit, score.dimension).mean
        if score.suppressed and mean is not None:
            found[(score.unit, score.dimension)] = round(mean, 1)
    return found


def test_no_hidden_number_appears_on_any_sheet_or_chart(crafted, tmp_path):
    out = write_report(crafted, tmp_path / "crafted.xlsx")
    with opened(crafted) as project:
        results = results_of(project)
    hidden = hidden_means(crafted)
    assert ("TS", "QD") in hidden and ("TS", "SS") in hidden
    shown_values = {round(s.mean, 1) for s in results.scores if not s.suppressed}
    distinctive = {key: value for key, value in hidden.items() if value not in shown_values}
    assert {key[0] for key in distinctive} == {"TS"}  # the random small team is distinctive
    workbook = read(out)
    numbers = sheet_numbers(workbook)
    for key, value in distinctive.items():
        leaks = [(s, c) for s, c, v in numbers if abs(v - value) < 0.05]
        assert not leaks, (key, value, leaks)
    assert "Lille team" not in workbook.sheetnames
    # Team A's offensive-behaviour score is hidden (complementary): its sheet leaves it empty.
    team = workbook["Team A"]
    row = next(r for r in range(9, 20) if team.cell(row=r, column=1).value == "Mobning")
    assert team.cell(row=row, column=3).value is None
    assert team.cell(row=row, column=4).value == "skjult"
    assert workbook["Heatmap"].cell(row=9, column=2).value == 3  # the small team's n only


def test_the_report_has_no_sheet_of_raw_answers(crafted, tmp_path):
    out = write_report(crafted, tmp_path / "crafted.xlsx")
    assert "Data" not in read(out).sheetnames


def test_comments_follow_the_comment_threshold_and_stay_text(crafted, tmp_path):
    out = write_report(crafted, tmp_path / "crafted.xlsx")
    workbook = read(out)
    texts = {c.value for row in workbook["Afdeling med egne folk"].iter_rows() for c in row
             if isinstance(c.value, str)}
    assert "=Kommentar fra TS" in texts  # 18 respondents: shown, and not taken for a formula
    team = {c.value for row in workbook["Team A"].iter_rows() for c in row}
    # Team A has 12, but the rest of the department (6) would be exposed by subtraction.
    assert not any(isinstance(v, str) and v.startswith("=Kommentar") for v in team)


def test_the_department_sheet_holds_each_departments_draft(demo_report):
    ws = read(demo_report)["Afdelingsrapporter"]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    for heading in ("Udfordringer", "Gode erfaringer", "Fremadrettede fokuspunkter"):
        assert heading in text
    assert "Familieafdelingen" in text and "Handicapteamet" not in text
