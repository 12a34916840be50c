"""save_workbook writes the rows itself (interchange/sheet_rows.py, for speed): every part of the
file must be the bytes openpyxl's own writer makes, for every kind of cell and for the report."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Hashable
from datetime import date, datetime, time
from decimal import Decimal
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.chart.reference import DummyWorksheet
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from apv_desktop.cli import run
from apv_desktop.core.progress import no_progress
from apv_desktop.i18n import translator
from apv_desktop.interchange.atomic import save_workbook
from apv_desktop.interchange.sheet_rows import sheet_data
from apv_desktop.reports import unitsheet
from apv_desktop.reports.chart_copies import ChartCopy, copied
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.styles import put
from apv_desktop.reports.workbook import build_workbook
from apv_desktop.services.projects import opened
from apv_desktop.services.report import _gather
from tests.fixed_dates import DEMO_TODAY

# docProps/core.xml holds the moment of saving; everything else must match.
STAMPED = "docProps/core.xml"


def openpyxl_save(book: openpyxl.Workbook, path: Path) -> None:
    book.save(path)


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name != STAMPED}


def both(make: Callable[[], openpyxl.Workbook], tmp_path: Path
         ) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The parts of the file written by save_workbook and by openpyxl, each from a workbook of
    its own (openpyxl's save changes a workbook with comments: a second save differs)."""
    openpyxl_save(make(), tmp_path / "theirs.xlsx")
    save_workbook(make(), tmp_path / "ours.xlsx")
    return parts(tmp_path / "ours.xlsx"), parts(tmp_path / "theirs.xlsx")


def fast(ws: Worksheet) -> bool:
    """Whether the sheet's rows take the fast way (not openpyxl's for want of it)."""
    writer = WorksheetWriter(ws, out=BytesIO())
    try:
        return sheet_data(ws, writer.rows()) is not None
    finally:
        writer.close()


def every_kind_of_cell() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    grid = Border(left=Side(style="thin"), bottom=Side(style="thin", color="BFBFBF"))
    values: list[Any] = [
        "text", "", " leading and trailing ", "   ", "a & b < c > d \"quoted\" 'single'",
        "line\nbreak\r\nand\ttab", "æøå ÆØÅ – “” €", "😀 beyond the BMP", "#N/A", "=1+1",
        0, -3, 2**40, 1.5, 61.25, 1e-300, float("nan"), float("inf"), Decimal("2.50"), True,
        False, date(2026, 3, 1), datetime(2026, 3, 1, 12, 30), time(8, 15), None,
    ]
    for row, value in enumerate(values, start=1):
        if not (isinstance(value, str) and value.startswith("=")):  # put keeps it text
            ws.cell(row=row, column=1, value=value)
        put(ws, row, 2, value, font=Font(bold=True), border=grid)
        put(ws, row, 4, value, number_format="0.0", fill=PatternFill("solid", fgColor="FFC7CE"),
            alignment=Alignment(wrap_text=True))
    put(ws, 3, 6, None, border=grid)  # an empty cell with a look
    ws.row_dimensions[2].height = 45
    ws.row_dimensions[40].height = 30  # a row with a height and no cells
    ws.row_dimensions[41].hidden = True
    ws.merge_cells("F10:H12")
    linked = put(ws, 30, 1, "to the other sheet")
    linked.hyperlink = Hyperlink(ref=linked.coordinate, location="'Other'!A1", display="x")
    put(ws, 31, 1, "outside").hyperlink = "https://example.org/a?b=1&c=2"
    put(ws, 32, 1, "with a note").comment = Comment("a note", "APV")
    ws.cell(row=33, column=3).comment = Comment("a note on an empty cell", "APV")
    ws.freeze_panes = "B2"
    other = book.create_sheet("Other")
    other["A1"] = "plain"
    book.create_sheet("Empty")
    return book


def test_every_kind_of_cell_is_written_as_openpyxl_writes_it(tmp_path: Path) -> None:
    assert all(fast(ws) for ws in every_kind_of_cell().worksheets)
    ours, theirs = both(every_kind_of_cell, tmp_path)
    assert ours.keys() == theirs.keys()
    for name in theirs:
        assert ours[name] == theirs[name], name


def test_a_sheet_with_a_formula_or_rich_text_is_left_to_openpyxl(tmp_path: Path) -> None:
    def make() -> openpyxl.Workbook:
        book = every_kind_of_cell()
        ws = book.active
        assert ws is not None
        ws["K1"] = "=SUM(1,2)"
        ws["K2"] = CellRichText("plain ", TextBlock(InlineFont(b=True), "bold"))
        return book

    book = make()
    assert book.active is not None and not fast(book.active)
    ours, theirs = both(make, tmp_path)
    assert ours == theirs
    assert b"<f>SUM(1,2)</f>" in ours["xl/worksheets/sheet1.xml"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.apv"
    assert run(["demo", str(path), "--today", DEMO_TODAY.isoformat()]) == 0
    return path


@pytest.fixture(scope="module")
def demo_data(demo: Path) -> ReportData:
    with opened(demo) as project:
        return _gather(project, "2025", "da", no_progress)


def test_the_report_is_the_file_openpyxl_would_write(demo_data: ReportData,
                                                      tmp_path: Path) -> None:
    data = demo_data
    assert all(fast(ws) for ws in build_workbook(data).worksheets)
    ours, theirs = both(lambda: build_workbook(data), tmp_path)
    assert ours == theirs
    assert sum(name.startswith("xl/worksheets/sheet") for name in ours) > 10


def test_copied_charts_are_the_charts_drawn_one_by_one(demo_data: ReportData, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    book = build_workbook(demo_data)
    charts = [chart for ws in book.worksheets for chart in ws._charts]  # type: ignore[attr-defined]
    assert len(charts) > 10 and all(isinstance(c, ChartCopy) for c in charts)
    save_workbook(book, tmp_path / "copied.xlsx")
    monkeypatch.setattr(unitsheet, "copied", lambda models, key, draw, sheet, title:
                        draw(DummyWorksheet(sheet), title))
    save_workbook(build_workbook(demo_data), tmp_path / "drawn.xlsx")
    assert parts(tmp_path / "copied.xlsx") == parts(tmp_path / "drawn.xlsx")


@pytest.mark.parametrize(("sheet", "title"), [
    ("Team 'A' & <B>", "Team 'A' & <B> sammenlignet"),
    ("Børn og Familie", "Ældre, sundhed & omsorg – „Øst“ sammenlignet"),
    ("APV-model-sheet", "APV-model-title"),
])
def test_a_copy_names_its_own_sheet_and_title(sheet: str, title: str) -> None:
    draw = partial(unitsheet.draw_chart, tr=translator("da"), last=28)
    models: dict[Hashable, Any] = {}
    copied(models, "model", draw, "Another sheet", "Another title")  # draws the model
    copy = copied(models, "model", draw, sheet, title)
    assert isinstance(copy, ChartCopy)
    assert tostring(copy._write()) == tostring(draw(DummyWorksheet(sheet), title)._write())
    assert (copy.width, copy.height) == (draw(DummyWorksheet(sheet), title).width,
                                         draw(DummyWorksheet(sheet), title).height)


def test_a_title_of_two_lines_is_drawn_not_copied() -> None:
    draw = partial(unitsheet.draw_chart, tr=translator("da"), last=28)
    models: dict[Hashable, Any] = {}
    assert not isinstance(copied(models, "model", draw, "Sheet", "Two\nlines"), ChartCopy)
