"""Hostile workbooks at the real limits are refused within a memory bound, measured as the peak
resident memory of a fresh process reading them (resource.getrusage)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from apv_desktop.interchange import limits
from tests.unit.xlsform_support import AGREE_CHOICES, make_form
from tests.unit.xlsx_hostile import SHEET, with_cell_text, with_entities, zip_bomb

# A fresh Python with openpyxl loaded takes about 40 MB; each bomb is refused well before 100.
MEMORY_BOUND_MB = 100
ROOT = Path(__file__).resolve().parents[2]
# Reading millions of cells takes openpyxl 10-25 s of CPU: measured on request, not every run.
SLOW = bool(os.environ.get("APV_SLOW_TESTS"))


def peak(path: Path, reader: str = "table") -> dict:
    done = subprocess.run([sys.executable, "-m", "tests.unit.bomb_memory", str(path), reader],
                          capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    return json.loads(done.stdout)


def many_cells(path: Path, rows: int, columns: int) -> Path:
    """A sheet of `rows` x `columns` small numbers, written as raw XML (openpyxl is too slow)."""
    book = openpyxl.Workbook()
    book.active.append(["x"])
    book.save(path)
    import zipfile

    source = zipfile.ZipFile(path)
    parts = {name: source.read(name) for name in source.namelist()}
    source.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name != SHEET:
                archive.writestr(name, data)
        with archive.open(SHEET, "w", force_zip64=True) as stream:
            stream.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                         b'2006/main"><sheetData>')
            header = b"".join(b'<c t="inlineStr"><is><t>q%d</t></is></c>' % i
                              for i in range(columns))
            stream.write(b'<row r="1">' + header + b"</row>")
            cells = b"".join(b"<c><v>%d</v></c>" % (i % 10) for i in range(columns))
            for number in range(2, rows + 1):
                stream.write(b'<row r="%d">' % number + cells + b"</row>")
            stream.write(b"</sheetData></worksheet>")
    return path


def test_bombs_are_refused_within_the_memory_bound(tmp_path):
    form = make_form(tmp_path, [["type", "name", "label"], ["select_one agree", "q", "Q"]],
                     AGREE_CHOICES)
    cases = {
        "zip bomb over the size limit": (zip_bomb(tmp_path / "size.xlsx",
                                                  limits.MAX_UNCOMPRESSED_BYTES + 2**20), "table"),
        "zip bomb over the ratio": (zip_bomb(tmp_path / "ratio.xlsx", 100 * 2**20), "table"),
        "billion laughs": (with_entities(form, tmp_path / "laughs.xlsx"), "xlsform"),
        "5 MB cell": (with_cell_text(form, tmp_path / "cell.xlsx", 5 * 2**20), "xlsform"),
    }
    if SLOW:
        cases["4 million cells"] = (many_cells(tmp_path / "cells.xlsx", 20_001, 200), "table")
    for name, (path, reader) in cases.items():
        measured = peak(path, reader)
        print(f"{name}: {path.stat().st_size // 1024} KB file, peak {measured['peak_mb']} MB, "
              f"{measured['cpu_s']} s CPU, {measured['outcome'][:90]}")
        assert measured["outcome"].startswith("refused"), name
        assert measured["peak_mb"] < MEMORY_BOUND_MB, name


@pytest.mark.skipif(not SLOW, reason="reads 2 million cells (about 15 s); set APV_SLOW_TESTS=1")
@pytest.mark.parametrize("rows", [20_001])
def test_a_real_sized_answer_sheet_is_read(tmp_path, rows):
    """The limits leave room for the design's largest answer file: 20,000 rows x 100 items."""
    path = many_cells(tmp_path / "answers.xlsx", rows, 100)
    measured = peak(path)
    assert measured["outcome"] == "read"
