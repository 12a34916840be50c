"""The report's outputs beside the workbook that need no Qt: one workbook per department (only
its own units, nothing the full report hides) and the department texts as a Word document."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from apv_desktop.cli import run
from apv_desktop.core.department_report import department_units
from apv_desktop.services.compute import results_of
from apv_desktop.services.demo import build_demo
from apv_desktop.services.projects import opened
from apv_desktop.services.report import write_report
from apv_desktop.services.report_outputs import write_department_workbooks
from tests.fixed_dates import DEMO_TODAY
from tests.unit.report_helpers import build_crafted, read, sheet_numbers
from tests.unit.test_report import hidden_means

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("outputs") / "demo.apv"
    build_demo(path, today=DEMO_TODAY)
    return path


@pytest.fixture(scope="module")
def demo_results(demo: Path):  # noqa: ANN201 - Results
    with opened(demo) as project:
        return results_of(project, "2025")


@pytest.fixture(scope="module")
def per_department(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_department_workbooks(demo, tmp_path_factory.mktemp("out") / "afdelinger",
                                      "2025")


@pytest.fixture(scope="module")
def full_heatmap(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    out = write_report(demo, tmp_path_factory.mktemp("full") / "rapport.xlsx", "2025")
    return heatmap_rows(out)


def heatmap_rows(path: Path) -> dict[str, list]:
    """Unit name -> the values of its heatmap row (n and every dimension's cell)."""
    ws = read(path)["Heatmap"]
    return {row[0]: list(row[1:]) for row in ws.iter_rows(min_row=5, values_only=True)
            if isinstance(row[0], str) and row[0]}


def subtree(results, code: str) -> set[str]:  # noqa: ANN001 - Results
    members = {code}
    for unit in results.units:
        if unit.parent in members:
            members.add(unit.code)
    return members


def test_every_department_gets_a_file_with_only_its_own_units(demo_results, per_department):
    departments = department_units(demo_results)
    assert len(per_department) == len(departments) >= 5
    names = {u.code: u.name for u in demo_results.units}
    for department, path in zip(departments, per_department, strict=True):
        assert path.suffix == ".xlsx" and department.name.split(",")[0] in path.stem
        own = {names[c] for c in subtree(demo_results, department.code)}
        rows = set(heatmap_rows(path)) & set(names.values())  # less the notes under the table
        assert rows == own | {"Djursby Kommune"}, department.name
        unit_sheets = set(read(path).sheetnames) & set(names.values())
        assert unit_sheets <= own


def test_a_department_file_shows_exactly_the_full_reports_figures(per_department, full_heatmap):
    """Each row is the full report's row: nothing the release hides is shown, and nothing a
    second file could be subtracted from is new."""
    for path in per_department:
        for name, values in heatmap_rows(path).items():
            assert values == full_heatmap[name], (path.name, name)


def test_the_small_teams_hidden_figures_stay_out_of_its_department_file(tmp_path):
    crafted = build_crafted(tmp_path / "crafted.apv")
    files = write_department_workbooks(crafted, tmp_path / "afd")
    assert [p.stem for p in files] == ["Afdeling med egne folk", "Anden afdeling"]
    hidden = {k: v for k, v in hidden_means(crafted).items() if k[0] == "TS"}
    assert hidden
    for path in files:
        numbers = sheet_numbers(read(path))
        for key, value in hidden.items():
            leaks = [(s, c) for s, c, v in numbers if abs(v - value) < 0.05]
            assert not leaks, (path.name, key, leaks)


def test_department_file_names_are_safe_on_windows(tmp_path):
    names = {"DEPT": 'CON', "OTHER": 'Løn: "A/B" <test>?. '}
    crafted = build_crafted(tmp_path / "crafted.apv", names=names)
    files = write_department_workbooks(crafted, tmp_path / "afd")
    stems = [p.stem for p in files]
    assert stems == ["DEPT", "Løn- -A-B- -test"]
    for stem in stems:
        assert not re.search(r'[<>:"/\\|?*]', stem) and not stem.endswith((".", " "))


def test_the_department_texts_as_a_word_document(demo, demo_results, tmp_path):
    out = write_report(demo, tmp_path / "tekster.docx", "2025")
    with zipfile.ZipFile(out) as package:
        assert package.testzip() is None
        assert "word/styles.xml" in package.namelist()
        body = ElementTree.fromstring(package.read("word/document.xml"))
    paragraphs = [(p.find(f"{W}pPr/{W}pStyle"), "".join(t.text or "" for t in p.iter(f"{W}t")))
                  for p in body.iter(f"{W}p")]
    styled = [(s.get(f"{W}val") if s is not None else "", text) for s, text in paragraphs]
    departments = [text for style, text in styled if style == "Heading1"]
    assert departments == [u.name for u in department_units(demo_results)]
    headings = {text for style, text in styled if style == "Heading2"}
    assert {"Udfordringer", "Gode erfaringer", "Fremadrettede fokuspunkter"} <= headings
    assert sum(1 for style, _ in styled if style == "ListBullet") > len(departments)


def test_the_cli_warns_before_a_document_names_a_hidden_unit(demo, tmp_path, capsys):
    with opened(demo) as project:
        project.set_department_text("FAM", "2025", "Udfordringer\n- Handicapteamet har travlt")
    try:
        assert run(["report", str(demo), "--round", "2025", "-o",
                    str(tmp_path / "tekster.docx")]) == 0
    finally:
        with opened(demo) as project:
            project.set_department_text("FAM", "2025", "")
    err = capsys.readouterr().err
    assert "Handicapteamet" in err and "hidden" in err


def test_the_cli_needs_an_output_or_a_folder(demo, capsys):
    assert run(["report", str(demo)]) == 2
    assert "--per-department" in capsys.readouterr().err


def test_charts_go_with_the_workbook_only(demo, tmp_path, capsys):
    assert run(["report", str(demo), "-o", str(tmp_path / "x.docx"), "--charts",
                str(tmp_path / "charts")]) == 2
    assert ".xlsx" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


def test_report_charts_are_drawn_under_the_screens_matplotlib_settings_lock(demo, tmp_path,
                                                                           monkeypatch):
    """The screen's chart thread changes matplotlib's global settings under SETTINGS_LOCK;
    a report's PNG drawn on a worker meanwhile must hold the same lock while it saves."""
    import threading

    from apv_desktop.reports import charts
    from apv_desktop.reports.matplotlib_lock import SETTINGS_LOCK

    held_elsewhere: list[bool] = []
    save = charts._save

    def try_lock() -> None:
        taken = SETTINGS_LOCK.acquire(blocking=False)
        held_elsewhere.append(not taken)
        if taken:
            SETTINGS_LOCK.release()

    def observed_save(figure, target):  # noqa: ANN001, ANN202 - matplotlib Figure, Path
        free = threading.Thread(target=try_lock)
        free.start()
        free.join()
        return save(figure, target)

    monkeypatch.setattr(charts, "_save", observed_save)
    write_report(demo, tmp_path / "r.xlsx", charts_dir=tmp_path / "charts")
    assert held_elsewhere and all(held_elsewhere)
