"""Sheet names whatever the units are called, the written file (temporary + rename, locked
target, CLI), and the LibreOffice check (skipped where soffice is not installed)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from apv_desktop.cli import run
from apv_desktop.core.progress import Cancelled
from apv_desktop.errors import ApvError, RefusedError
from apv_desktop.reports.sheetnames import SheetNames, clean_sheet_name
from apv_desktop.services.report import write_report
from tests.unit.report_helpers import build_crafted, read

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages

FORBIDDEN = set("[]:*?/\\")


def test_sheet_names_are_cleaned_cut_and_made_unique():
    names = SheetNames()
    assert names.allocate("Drift/Anlæg: [Øst]*?") == "Drift-Anlæg- -Øst---"
    long = "Afdelingen for meget lange navne og endnu mere"
    first = names.allocate(long)
    assert first == long[:31].rstrip() and len(first) <= 31
    second = names.allocate(long)
    assert second.endswith(" (2)") and len(second) <= 31
    assert names.allocate("Team 1") == "Team 1"
    assert names.allocate("team 1") == "team 1 (2)"  # Excel ignores case
    assert names.allocate("History") == "History (2)"  # reserved by Excel
    assert names.allocate("''") == "Ark"
    assert clean_sheet_name("'Quoted'") == "Quoted"
    assert clean_sheet_name("😀" * 20) == "😀" * 15  # 31 UTF-16 units, never half a character


def test_awkward_unit_names_give_valid_unique_linked_sheets(tmp_path):
    project = build_crafted(tmp_path / "names.apv", names={
        "DEPT": "Drift/Anlæg: [Øst] *?\\ med et navn på over fyrre tegn",
        "TA": "Team 1", "OTHER": "Team 1", "ROOT": "Forside"})
    workbook = read(write_report(project, tmp_path / "names.xlsx"))
    names = workbook.sheetnames
    assert len({n.casefold() for n in names}) == len(names)
    assert all(len(n) <= 31 and not FORBIDDEN & set(n) for n in names)
    assert "Team 1" in names and "Team 1 (2)" in names
    assert names[0] == "Forside"
    heatmap_units = [workbook["Heatmap"].cell(row=r, column=1).value for r in range(6, 11)]
    assert "Team 1 (TA)" in heatmap_units and "Team 1 (OTHER)" in heatmap_units
    links = [c.hyperlink.location for row in workbook["Forside"].iter_rows() for c in row
             if c.hyperlink]
    assert len(links) == len(names) - 1


def test_a_locked_target_gets_a_clear_message_and_stays_untouched(tmp_path, monkeypatch):
    project = build_crafted(tmp_path / "p.apv")
    target = tmp_path / "rapport.xlsx"
    target.write_bytes(b"the old report")

    def locked(source: object, destination: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ApvError, match="open in another program"):
        write_report(project, target)
    assert target.read_bytes() == b"the old report"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx"] == ["rapport.xlsx"]


def test_cancelling_leaves_no_file(tmp_path):
    project = build_crafted(tmp_path / "p.apv")

    def cancel_midway(fraction: float, message: str) -> None:
        if fraction > 0.5:
            raise Cancelled()

    with pytest.raises(Cancelled):
        write_report(project, tmp_path / "r.xlsx", progress=cancel_midway)
    assert not any(p.suffix == ".xlsx" for p in tmp_path.iterdir())


def test_bad_requests_are_refused(tmp_path):
    project = build_crafted(tmp_path / "p.apv")
    with pytest.raises(RefusedError, match=r"\.xlsx"):
        write_report(project, tmp_path / "r.csv")
    with pytest.raises(RefusedError, match="language"):
        write_report(project, tmp_path / "r.xlsx", language="de")


def test_cli_report_with_charts(tmp_path, capsys):
    project = build_crafted(tmp_path / "p.apv")
    out, charts = tmp_path / "r.xlsx", tmp_path / "diagrammer"
    assert run(["report", str(project), "-o", str(out), "--lang", "sv", "--charts",
                str(charts), "--data"]) == 0
    # --data is still accepted but the sheet of raw answers is gone (issue 13).
    assert "Data" not in read(out).sheetnames and read(out).sheetnames[0] == "Försättsblad"
    assert "no longer offered" in capsys.readouterr().err
    pngs = sorted(p.name for p in charts.iterdir())
    assert pngs[0] == "000 Heatmap.png" and len(pngs) == 1 + 3  # heatmap + three shown units
    assert all((charts / p).read_bytes()[:4] == b"\x89PNG" for p in pngs)
    assert run(["report", str(project), "-o", str(tmp_path / "x" / "r.xlsx")]) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_converts_the_report_to_pdf(tmp_path):
    project = build_crafted(tmp_path / "p.apv")
    out = write_report(project, tmp_path / "r.xlsx")
    done = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo'}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "r.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000


def test_report_charts_folder_beside_the_workbook_is_created(tmp_path):
    project = build_crafted(tmp_path / "p.apv")
    write_report(project, tmp_path / "r.xlsx", charts_dir=tmp_path / "charts")
    assert (tmp_path / "charts" / "000 Heatmap.png").is_file()
