"""A workbook that cannot be written (a full disk) fails with one error, and no second
"Exception ignored in ZipFile.__del__" follows it when Python collects the garbage."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import openpyxl
import pytest

from apv_desktop.interchange.atomic import save_workbook

FULL_DISK = Path("/dev/full")  # every write fails with ENOSPC


@pytest.mark.skipif(not FULL_DISK.exists(), reason="needs Linux's /dev/full")
def test_a_failed_save_closes_its_zip(monkeypatch):
    book = openpyxl.Workbook()
    book.active.append(["x" * 100_000])
    ignored: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", ignored.append)
    with pytest.raises(OSError) as caught:
        save_workbook(book, FULL_DISK)
    assert caught.value.errno == 28
    del caught
    gc.collect()
    assert ignored == []


def test_a_saved_workbook_reads_back(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["a", 1])
    save_workbook(book, tmp_path / "out.xlsx")
    assert [list(r) for r in openpyxl.load_workbook(tmp_path / "out.xlsx").active.values] == [
        ["a", 1]]
    assert os.path.getsize(tmp_path / "out.xlsx") > 0
