"""The board pack's page "Pressionspunkter efter baggrund": present only when the round has a
background question, listing exactly the shown pressure-point cells of `results --by` (with n),
and no figure of a hidden group."""

from __future__ import annotations

import html
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from apv_desktop.cli import run
from apv_desktop.core.breakdown import compute_breakdown
from apv_desktop.core.progress import no_progress
from apv_desktop.i18n import format_decimal
from apv_desktop.reports.pdf.background import background_pressure_html
from apv_desktop.services.demo import build_demo
from apv_desktop.services.projects import opened
from apv_desktop.services.report import _gather, write_report
from tests.fixed_dates import DEMO_TODAY
from tests.pdf_reading import pdf_text

BY = "sl_dage"
TITLE = "Pressionspunkter efter baggrund"


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("packbg") / "plain.apv"
    build_demo(path, today=DEMO_TODAY)
    return path


@pytest.fixture(scope="module")
def marked(plain: Path) -> Path:
    path = plain.with_name("marked.apv")
    shutil.copyfile(plain, path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE item SET background = 1 WHERE name = ?", (BY,))
    connection.close()
    return path


def test_the_page_is_there_only_with_a_background_question(qapp, plain, marked, tmp_path):
    without = pdf_text(write_report(plain, tmp_path / "plain.pdf", "2025"))
    with_page = pdf_text(write_report(marked, tmp_path / "marked.pdf", "2025"))
    assert TITLE not in without
    assert TITLE in with_page
    assert "Hvor mange dage" in with_page  # the question by its label


def test_the_page_lists_exactly_the_shown_pressure_points_of_results_by(qapp, marked, capsys):
    capsys.readouterr()
    assert run(["results", str(marked), "--round", "2025", "--by", BY]) == 0
    cells = json.loads(capsys.readouterr().out)["breakdown"]["scores"]
    with opened(marked) as project:
        data = _gather(project, "2025", "da", no_progress)
    item = data.questionnaire.item(BY)
    assert item is not None
    breakdown = compute_breakdown(data.questionnaire, data.org_units, data.responses,
                                  data.results, BY)
    page = background_pressure_html(data, item, breakdown)
    points = [c for c in cells if c["pressure_point"] and not c["suppressed"]]
    assert points, "the demo has pressure points among its shown groups"
    rows = [re.findall(r"<td>(.*?)</td>", row) for row in page.split("<tr>")[2:]]
    assert len(rows) == len(points)  # one row per shown point, nothing else
    labels = dict(zip(breakdown.groups, breakdown.labels, strict=True))
    expected = sorted((html.escape(data.display_name(c["unit"])), html.escape(labels[c["group"]]),
                       str(c["n"]), format_decimal(c["mean"], "da", 1)) for c in points)
    found = sorted((r[0], r[1], r[4], r[3].split()[-1]) for r in rows)
    assert found == expected  # every figure on the page is a shown cell's
    # every row's figures belong to a shown cell: a hidden cell has no n and no mean to show
    assert all(c["n"] is None and c["mean"] is None for c in cells if c["suppressed"])
    assert "None" not in page
