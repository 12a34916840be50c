"""The report's Handlingsplan sheet filled in like a manager would in Excel and taken back:
updates, new items, tampered and unknown rows, invalid cells, dry run and the CLI."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest

from apv_desktop.cli import run
from apv_desktop.errors import InputError, RefusedError
from apv_desktop.interchange.actionplan_layout import HIDDEN_KEYS, ITEM_ID, UNIT_CODE
from apv_desktop.services.actionplan import (
    apply_action_plan_changes,
    import_action_plan,
    read_action_plan_file,
)
from apv_desktop.services.demo import build_demo
from apv_desktop.services.projects import opened
from apv_desktop.services.report import write_report
from tests.fixed_dates import DEMO_TODAY

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages

SHEET = "Handlingsplan"
# Columns of the sheet (1-based), as a manager sees them.
UNIT, DIMENSION, PROBLEM, ACTION, RESPONSIBLE, DEADLINE, STATUS = 2, 3, 5, 7, 8, 9, 10
ID, FINGERPRINT = 14, 18


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("sheet")
    project = folder / "demo.apv"
    build_demo(project, today=DEMO_TODAY)
    report = folder / "rapport.xlsx"
    write_report(project, report, "2025")
    return project, report


@pytest.fixture
def files(original: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    project, report = tmp_path / "demo.apv", tmp_path / "rapport.xlsx"
    shutil.copyfile(original[0], project)
    shutil.copyfile(original[1], report)
    return project, report


def row_of(ws, column: int, value: str) -> int:
    return next(r for r in range(5, ws.max_row + 1) if ws.cell(row=r, column=column).value == value)


def edit(report: Path, change) -> None:  # noqa: ANN001 - change(ws)
    workbook = openpyxl.load_workbook(report)
    change(workbook[SHEET])
    workbook.save(report)


def test_the_sheet_names_its_hidden_columns_and_hides_them(files):
    ws = openpyxl.load_workbook(files[1])[SHEET]
    assert [ws.cell(row=4, column=c).value for c in HIDDEN_KEYS] == list(HIDDEN_KEYS.values())
    assert ws.column_dimensions["N"].hidden and ws.column_dimensions["S"].hidden
    assert ws.cell(row=row_of(ws, ID, "2"), column=PROBLEM).value.startswith("For mange sager")


def test_a_filled_in_sheet_updates_items_and_adds_new_ones(files):
    project, report = files

    def manager(ws) -> None:  # noqa: ANN001
        row = row_of(ws, ID, "2")  # FAM-MYN, quantitative demands, "I gang"
        ws.cell(row=row, column=STATUS).value = "Gennemført"  # the drop-down's value
        ws.cell(row=row, column=RESPONSIBLE).value = "Ny afdelingsleder"
        ws.cell(row=row, column=DEADLINE).value = dt.datetime(2026, 12, 15)
        stress = next(r for r in range(5, ws.max_row) if ws.cell(row=r, column=UNIT_CODE).value
                      == "FAM-MYN" and ws.cell(row=r, column=PROBLEM).value
                      == "Pressionspunkt: Stress")
        ws.cell(row=stress, column=ACTION).value = "Supervision hver måned"
        ws.cell(row=stress, column=DEADLINE).value = dt.datetime(2026, 6, 30)
        free = row_of(ws, PROBLEM, None)  # the first empty row
        ws.cell(row=free, column=UNIT).value = "BS-IT"
        ws.cell(row=free, column=DIMENSION).value = "Arbejdstempo"
        ws.cell(row=free, column=PROBLEM).value = "Støj i storrummet"
        ws.cell(row=free, column=STATUS).value = "I gang"

    edit(report, manager)
    with opened(project) as opened_project:
        before = len(opened_project.actions())
        plan = read_action_plan_file(opened_project, report)
        assert plan.problems == []
        [update] = plan.updates
        assert update.item_id == 2
        assert {(c.field, c.old, c.new) for c in update.changes} == {
            ("responsible", "Afdelingsleder", "Ny afdelingsleder"),
            ("deadline", dt.date(2026, 11, 1), dt.date(2026, 12, 15)),
            ("status", "in_progress", "done"),
        }
        assert [(a.unit, a.dimension, a.fields["problem"]) for a in plan.additions] == [
            ("FAM-MYN", "ST", "Pressionspunkt: Stress"), ("BS-IT", "WP", "Støj i storrummet")]
        apply_action_plan_changes(opened_project, plan)
        actions = opened_project.actions()
    assert len(actions) == before + 2
    changed = next(a for a in actions if a.id == 2)
    assert (changed.status, changed.responsible, changed.deadline) == (
        "done", "Ny afdelingsleder", dt.date(2026, 12, 15))
    assert changed.problem.startswith("For mange sager")  # untouched fields stay
    stress, noise = actions[-2:]
    assert (stress.round, stress.unit, stress.dimension, stress.action, stress.deadline,
            stress.status) == ("2025", "FAM-MYN", "ST", "Supervision hver måned",
                               dt.date(2026, 6, 30), "not_started")
    assert (noise.unit, noise.dimension, noise.status) == ("BS-IT", "WP", "in_progress")


def test_an_untouched_sheet_changes_nothing(files):
    project, report = files
    with opened(project) as opened_project:
        plan = read_action_plan_file(opened_project, report)
    assert (plan.updates, plan.additions, plan.problems) == ([], [], [])


def test_tampered_unknown_and_invalid_rows_are_listed_and_nothing_is_stored(files):
    project, report = files
    rows: dict[str, int] = {}

    def manager(ws) -> None:  # noqa: ANN001
        rows["moved"] = row_of(ws, ID, "1")
        ws.cell(row=rows["moved"], column=UNIT).value = "Borgerservice"  # identity changed
        ws.cell(row=rows["moved"], column=RESPONSIBLE).value = "Someone"
        rows["forged"] = row_of(ws, ID, "3")
        ws.cell(row=rows["forged"], column=FINGERPRINT).value = "0000000000000000"
        rows["unknown"] = row_of(ws, ID, "4")
        ws.cell(row=rows["unknown"], column=ID).value = "99"
        rows["status"] = row_of(ws, ID, "2")
        ws.cell(row=rows["status"], column=STATUS).value = "Færdig"
        ws.cell(row=rows["status"], column=DEADLINE).value = "i morgen"
        free = row_of(ws, PROBLEM, None)
        ws.cell(row=free, column=RESPONSIBLE).value = "Anna"  # an item without a problem
        rows["free"] = free

    edit(report, manager)
    original_bytes = project.read_bytes()
    with opened(project) as opened_project:
        plan = read_action_plan_file(opened_project, report)
    found = {(p.row, p.reason.split(" ")[0]) for p in plan.problems}
    assert {row for row, _ in found} == {rows["moved"], rows["forged"], rows["unknown"],
                                         rows["status"], rows["free"]}
    reasons = {p.row: p.reason for p in plan.problems}
    assert "were changed after the report was written" in reasons[rows["moved"]]
    assert "were changed after the report was written" in reasons[rows["forged"]]
    assert "'99' is not an item of this project" in reasons[rows["unknown"]]
    assert "needs a problem" in reasons[rows["free"]]
    status_reasons = [p.reason for p in plan.problems if p.row == rows["status"]]
    assert any("'Færdig', which is not a status" in r for r in status_reasons)
    assert any("'i morgen', which is not a date" in r for r in status_reasons)
    assert plan.updates == []  # the forged and moved rows are not guessed
    with opened(project) as opened_project, pytest.raises(InputError) as refused:
        apply_action_plan_changes(opened_project, plan)
    assert len(refused.value.problems) == len(plan.problems)
    with pytest.raises(InputError):
        import_action_plan(project, report)
    assert project.read_bytes() == original_bytes


def test_a_row_changed_in_both_places_is_a_conflict(files):
    project, report = files
    edit(report, lambda ws: setattr(ws.cell(row=row_of(ws, ID, "2"), column=RESPONSIBLE),
                                    "value", "Sheet"))
    with opened(project) as opened_project:
        opened_project.update_action(2, responsible="Program")
        plan = read_action_plan_file(opened_project, report)
    [problem] = plan.problems
    assert "changed both in the sheet and in the program" in problem.reason


def test_an_item_changed_after_reading_refuses_the_whole_plan(files):
    project, report = files
    edit(report, lambda ws: setattr(ws.cell(row=row_of(ws, ID, "2"), column=RESPONSIBLE),
                                    "value", "Sheet"))
    with opened(project) as opened_project:
        plan = read_action_plan_file(opened_project, report)
        opened_project.update_action(2, responsible="Meanwhile")
        with pytest.raises(RefusedError):
            apply_action_plan_changes(opened_project, plan)
        assert next(a for a in opened_project.actions() if a.id == 2).responsible == "Meanwhile"


def test_cli_dry_run_prints_changes_and_stores_nothing(files, capsys):
    project, report = files
    edit(report, lambda ws: setattr(ws.cell(row=row_of(ws, ID, "2"), column=STATUS),
                                    "value", "Opgivet"))
    original_bytes = project.read_bytes()
    assert run(["import-actionplan", str(project), str(report), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Status: “In progress” → “Dropped”" in out and "dry run, nothing stored" in out
    assert project.read_bytes() == original_bytes
    assert run(["import-actionplan", str(project), str(report)]) == 0
    with opened(project) as opened_project:
        assert next(a for a in opened_project.actions() if a.id == 2).status == "dropped"


def test_cli_lists_problems_and_exits_2(files, capsys):
    project, report = files
    edit(report, lambda ws: setattr(ws.cell(row=row_of(ws, ID, "2"), column=ITEM_ID),
                                    "value", "abc"))
    original_bytes = project.read_bytes()
    assert run(["import-actionplan", str(project), str(report)]) == 2
    err = capsys.readouterr().err
    assert "nothing was stored" in err and "'abc' is not an item of this project" in err
    assert project.read_bytes() == original_bytes


def test_a_workbook_without_the_sheet_is_refused(files, tmp_path):
    other = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(other)
    with pytest.raises(InputError, match="no action-plan sheet"):
        import_action_plan(files[0], other)
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(InputError, match="cannot be read as an Excel workbook"):
        import_action_plan(files[0], tmp_path / "broken.xlsx")
