"""A file that cannot be taken is explained to a Danish or Swedish reader without English: the
rows of a filled-in action plan, a questionnaire form, a table of the wrong type, an indicator
file; run through the services the window and the command line call."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from apv_desktop.core.model import OrgUnit
from apv_desktop.errors import ApvError, InputError
from apv_desktop.interchange.actionplan_layout import ITEM_ID
from apv_desktop.interchange.orgfile import read_org
from apv_desktop.interchange.templates import load_template
from apv_desktop.interchange.xlsform import read_xlsform, write_xlsform
from apv_desktop.services.actionplan import (
    import_action_plan,
    import_indicators,
    read_action_plan_file,
)
from apv_desktop.services.demo import build_demo
from apv_desktop.services.projects import opened
from apv_desktop.services.report import write_report
from apv_desktop.store.project import Project
from tests.fixed_dates import DEMO_TODAY
from tests.unit.reader_language import english_in
from tests.unit.xlsform_support import make_form, make_workbook

UNIT, DIMENSION, PROBLEM, RESPONSIBLE, STATUS = 2, 3, 5, 8, 10


@pytest.fixture(scope="module")
def demo_and_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("sheet")
    project, report = folder / "demo.apv", folder / "rapport.xlsx"
    build_demo(project, today=DEMO_TODAY)
    write_report(project, report, "2025")
    return project, report


def row_of(ws, column: int, value: str | None) -> int:  # noqa: ANN001 - a worksheet
    return next(r for r in range(5, ws.max_row + 1) if ws.cell(row=r, column=column).value == value)


def test_the_rows_of_an_action_plan_are_explained_in_the_readers_language(
        demo_and_report: tuple[Path, Path], tmp_path: Path, language: str) -> None:
    project, report = tmp_path / "demo.apv", tmp_path / "rapport.xlsx"
    shutil.copyfile(demo_and_report[0], project)
    workbook = openpyxl.load_workbook(demo_and_report[1])
    ws = workbook["Handlingsplan"]
    moved = row_of(ws, ITEM_ID, "1")
    ws.cell(row=moved, column=UNIT).value = "Borgerservice"  # no longer matches its item
    pressure = next(r for r in range(5, ws.max_row) if not ws.cell(row=r, column=ITEM_ID).value
                    and ws.cell(row=r, column=UNIT).value)
    ws.cell(row=pressure, column=DIMENSION).value = "Noget andet"  # a pressure point moved
    free = row_of(ws, PROBLEM, None)
    ws.cell(row=free, column=RESPONSIBLE).value = "Anna"  # a new item without a problem
    workbook.save(report)
    with opened(project) as opened_project:
        plan = read_action_plan_file(opened_project, report)
    assert {p.row for p in plan.problems} == {moved, pressure, free}
    with pytest.raises(InputError) as refused:
        import_action_plan(project, report)
    shown = [str(refused.value), *refused.value.problems]
    assert not [line for line in shown if english_in(line)], shown
    row = {"da": "Række", "sv": "Rad"}[language]
    assert all(line.startswith(f"{row} ") for line in refused.value.problems), shown


def test_the_changes_of_an_action_plan_read_in_the_readers_language(
        demo_and_report: tuple[Path, Path], tmp_path: Path, language: str) -> None:
    project, report = tmp_path / "demo.apv", tmp_path / "rapport.xlsx"
    shutil.copyfile(demo_and_report[0], project)
    workbook = openpyxl.load_workbook(demo_and_report[1])
    ws = workbook["Handlingsplan"]
    ws.cell(row=row_of(ws, ITEM_ID, "2"), column=STATUS).value = "Opgivet"
    workbook.save(report)
    lines = import_action_plan(project, report, dry_run=True).describe()
    assert len(lines) == 1 and lines[0].endswith({"da": "Status: »I gang« → »Opgivet«",
                                                  "sv": "Status: ”Pågår” → ”Avbruten”"}[language])


def test_a_questionnaire_form_is_explained_in_the_readers_language(tmp_path: Path,
                                                                   language: str) -> None:
    bad_name = make_form(tmp_path, [["type", "name"], ["text", "2q"]], name="name.xlsx")
    no_choices = make_form(tmp_path, [["type", "name"], ["select_one agree", "q"]],
                           name="choices.xlsx")
    for form in (bad_name, no_choices):
        with pytest.raises(InputError) as refused:
            read_xlsform(form)
        assert not english_in(str(refused.value)), str(refused.value)
    questionnaire = load_template("kraenkende")
    exported = tmp_path / "collect.xlsx"
    write_xlsform(questionnaire, exported, [OrgUnit("F", "Forvaltningen")])
    warnings = read_xlsform(exported).warnings
    assert warnings and not [w for w in warnings if english_in(w)], warnings


def test_a_table_of_the_wrong_type_or_sheet_is_named_in_the_readers_language(
        tmp_path: Path, language: str) -> None:
    old = tmp_path / "org.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InputError) as refused:
        read_org(old)
    assert not english_in(str(refused.value)), str(refused.value)
    assert {"da": "(et gammelt Excel-format; gem den som .xlsx)",
            "sv": "(ett gammalt Excel-format; spara den som .xlsx)"}[language] in str(
        refused.value)
    workbook = make_workbook(tmp_path / "org.xlsx", {"Ark1": [["kode", "titel"], ["U1", "x"]]})
    with pytest.raises(InputError) as missing:
        read_org(workbook)
    assert str(missing.value).startswith({"da": "org.xlsx, ark Ark1 har ingen",
                                          "sv": "org.xlsx, blad Ark1 har ingen"}[language])


@pytest.mark.parametrize("text", ["enhed;periode;CPR;korttidsfravær\nA;2025;x;3\n",
                                  "turnover_pct\n3\n",
                                  "enhed;periode;turnover_pct\nA;2025;mange\n"])
def test_an_indicator_file_is_explained_in_the_readers_language(tmp_path: Path, language: str,
                                                                text: str) -> None:
    """A person-data column, a file without its unit and period columns, a cell that is no
    number (the row and column it names)."""
    project = tmp_path / "p.apv"
    with Project.create(project) as made:
        made.replace_org([OrgUnit("A", "Myndighed")])
    file = tmp_path / "tal.csv"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(ApvError) as refused:
        import_indicators(project, file)
    shown = "\n".join([str(refused.value), *getattr(refused.value, "problems", [])])
    assert not english_in(shown), shown
