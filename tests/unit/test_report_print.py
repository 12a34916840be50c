"""The workbook as a printed document (issue 16): every sheet A4 with header and footer, print
titles where tables run over pages, rows within Excel's 409 points; every user text stays text;
every department has a block, one whose figures are hidden without any number; no hidden figure
in the story's words."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest

from apv_desktop.core.department_report import department_units
from apv_desktop.core.model import Rules
from apv_desktop.services.compute import results_of
from apv_desktop.services.projects import opened
from apv_desktop.services.report import write_report
from tests.unit.report_helpers import build_crafted, read

FORMULA_ELEMENT = re.compile(rb"<(?:\w+:)?f[ >]")
PRINT_TITLES = {"Heatmap": "$3:$5", "Pressionspunkter": "$4:$4", "Sygefravær": "$5:$5",
                "Handlingsplan": "$4:$4"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The crafted project with every kind of user text starting with '=': a unit name, the
    comments (the helper writes them so), an action's fields, an assessment and a department
    text."""
    path = build_crafted(tmp_path_factory.mktemp("hostile") / "hostile.apv",
                         names={"TA": "=Kantine", "DEPT": "+Afdeling", "OTHER": "@Anden"})
    with opened(path) as project:
        project.add_action("2025", "=Problem", unit="TA", dimension="QD", action="=Handling",
                           responsible="-Leder", deadline=dt.date(2025, 9, 1),
                           status="in_progress", follow_up_notes="=Opfølgning")
        project.set_assessment("TA", "2025", "=Vurdering")
        project.set_department_text("DEPT", "2025", "Udfordringer\n- =SUM(A1:A9)")
    return path


@pytest.fixture(scope="module")
def hostile_report(hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report(hostile, tmp_path_factory.mktemp("out") / "hostile.xlsx")


def test_every_sheet_prints_on_a4_with_header_footer_and_fits_the_width(hostile_report):
    workbook = read(hostile_report)
    for ws in workbook.worksheets:
        setup = ws.page_setup
        assert int(setup.paperSize) == int(ws.PAPERSIZE_A4), ws.title
        assert setup.fitToWidth == 1 and setup.fitToHeight == 0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        header, footer = ws.oddHeader, ws.oddFooter
        assert header.left.text == "Testkommune" and header.right.text == "APV, runde 2025"
        assert footer.center.text == "Side &P af &N", ws.title
        if ws.title in PRINT_TITLES:
            assert ws.print_title_rows == PRINT_TITLES[ws.title], ws.title
        for row, dimension in ws.row_dimensions.items():
            assert dimension.height is None or dimension.height <= 409, (ws.title, row)
    unit_sheets = workbook.sheetnames[workbook.sheetnames.index("Afdelingsrapporter") + 1:]
    assert unit_sheets and all(workbook[name].print_title_rows == "$1:$1"
                               for name in unit_sheets)


def test_no_user_text_becomes_a_formula_on_any_sheet(hostile_report):
    workbook = read(hostile_report)
    texts: dict[str, set[str]] = {}
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.setdefault(ws.title, set()).add(cell.value)
    with zipfile.ZipFile(hostile_report) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert not FORMULA_ELEMENT.search(archive.read(name)), name
    everywhere = "\n".join(t for found in texts.values() for t in found)
    for text in ("=Kantine", "+Afdeling", "@Anden", "=Problem", "=Handling", "-Leder",
                 "=Opfølgning", "=Vurdering", "• =SUM(A1:A9)", "=Kommentar fra TA"):
        assert text in everywhere, text
    assert "=Kantine" in texts["Afdelingsrapporter"] | texts["Heatmap"]


def test_every_department_has_a_block_and_a_hidden_one_quotes_no_number(tmp_path):
    """At a threshold of 12 the departments (18 and 11 answers) are hidden: each still has its
    block, which says why and holds no digit."""
    path = build_crafted(tmp_path / "strict.apv")
    with opened(path) as project:
        project.set_rules(Rules(min_n=12, comment_min_n=12))
        results = results_of(project)
    departments = department_units(results)
    hidden = [u for u in departments if u.suppressed]
    assert hidden
    ws = read(write_report(path, tmp_path / "strict.xlsx"))["Afdelingsrapporter"]
    lines = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    starts = {u.name: lines.index(u.name) for u in departments}
    assert len(starts) == len(departments)
    order = sorted(starts.values())
    for unit in hidden:
        begin = starts[unit.name]
        end = next((s for s in order if s > begin), len(lines))
        block = lines[begin:end]
        assert any("skjult" in line for line in block), block
        assert "Udfordringer" in block and "Gode erfaringer" in block
        assert not any(re.search(r"\d", line) for line in block), block


def test_the_story_names_no_hidden_figure(tmp_path):
    """The first page and the department texts say scores in words: none of them is a hidden
    mean (the small team's, at the lowest threshold a reader could try)."""
    from tests.unit.test_report import hidden_means

    path = build_crafted(tmp_path / "crafted.apv")
    hidden = hidden_means(path)
    with opened(path) as project:
        shown = {round(s.mean, 1) for s in results_of(project).scores if not s.suppressed}
    distinctive = {v for v in hidden.values() if v not in shown}
    assert distinctive
    workbook = read(write_report(path, tmp_path / "crafted.xlsx"))
    words = "\n".join(str(c.value) for name in ("Forside", "Afdelingsrapporter")
                      for row in workbook[name].iter_rows() for c in row
                      if isinstance(c.value, str))
    quoted = {float(n.replace(",", ".")) for n in re.findall(r"\d+(?:,\d)?", words)}
    assert not quoted & distinctive
