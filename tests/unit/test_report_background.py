"""The report's sheet per background question: the same cells as `results --by`, hidden ones
saying so."""

from __future__ import annotations

from pathlib import Path

import pytest

from apv_desktop.cli import run
from apv_desktop.core.breakdown import compute_breakdown
from apv_desktop.core.progress import no_progress
from apv_desktop.i18n import translator
from apv_desktop.reports.wording import hidden_short
from apv_desktop.reports.workbook import build_workbook
from apv_desktop.services.projects import opened
from apv_desktop.services.report import _gather
from tests.fixed_dates import DEMO_TODAY


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.apv"
    assert run(["demo", str(path), "--today", DEMO_TODAY.isoformat()]) == 0
    return path


def test_a_background_question_gets_a_sheet_with_the_breakdowns_cells(demo: Path) -> None:
    with opened(demo) as project:
        data = _gather(project, "2025", "da", no_progress)
    assert "Pr. " not in " ".join(build_workbook(data).sheetnames)  # none marked: no sheet
    item = data.questionnaire.item("sl_dage")
    assert item is not None
    item.background = True
    book = build_workbook(data)
    name = next(n for n in book.sheetnames if n.startswith("Pr. "))
    ws = book[name]
    breakdown = compute_breakdown(data.questionnaire, data.org_units, data.responses,
                                  data.results, "sl_dage")
    rows = list(ws.iter_rows(min_row=5, values_only=True))
    assert len(rows) == len(breakdown.units) * len(breakdown.groups)
    dims = [d.code for d in data.dimensions]
    shown = 0
    for r, values in enumerate(rows):
        unit = breakdown.units[r // len(breakdown.groups)]
        group = breakdown.groups[r % len(breakdown.groups)]
        assert values[1] == breakdown.labels[r % len(breakdown.groups)]
        for d, dimension in enumerate(dims):
            score = breakdown.cell(unit, group, dimension).score
            if score.suppressed:
                # the heatmap's words: "for få" or "beskyttet" (protecting a smaller group)
                assert values[2 + d] == hidden_short(translator("da"), score.hidden_reason)
            else:
                shown += 1
                assert values[2 + d] == score.mean
    assert shown > 0
