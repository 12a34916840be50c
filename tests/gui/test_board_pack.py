"""The board pack PDF (`report -o X.pdf`): it opens as A4 pages, stays within its page budget,
says what the summary says, and shows no figure the release hides. Here because Qt paints it
(the `qapp` fixture makes the one QApplication first); the command line's own offscreen start
is tested in a separate process."""

from __future__ import annotations

import html
import os
import subprocess
import sys
from pathlib import Path

import pytest

from apv_desktop.core.progress import no_progress
from apv_desktop.i18n import format_decimal
from apv_desktop.reports.pdf.sections import LIST_LIMIT, action_plan_html, pressure_html
from apv_desktop.services.demo import build_demo
from apv_desktop.services.projects import create_project, opened
from apv_desktop.services.reorganise import import_org_file as import_org
from apv_desktop.services.report import _gather, write_report
from apv_desktop.services.transfer import import_form, import_responses
from tests.fixed_dates import DEMO_TODAY
from tests.pdf_reading import A4_POINTS, page_sizes, pdf_text
from tests.unit.report_helpers import build_crafted
from tests.unit.test_report import hidden_means

MAX_DEMO_PAGES = 15  # the budget is about 30 for 30 units; the demo takes about 9


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pack") / "demo.apv"
    build_demo(path, today=DEMO_TODAY)
    return path


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_board_pack_is_a4_within_its_page_budget(qapp, demo, tmp_path, language):
    out = write_report(demo, tmp_path / "pack.pdf", "2025", language=language)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]
    sizes = page_sizes(out)
    assert 5 <= len(sizes) <= MAX_DEMO_PAGES
    assert all(size in (A4_POINTS, A4_POINTS[::-1]) for size in sizes)
    assert sizes[0] == A4_POINTS and A4_POINTS[::-1] in sizes  # the heatmap lies on its side
    text = pdf_text(out)
    heading = {"da": "De største pressionspunkter", "en": "The largest pressure points"}
    assert heading[language].split()[1] in text
    assert "Djursby" in text and ("Side 1 af" in text or "Page 1 of" in text)


def test_no_hidden_figure_appears_in_the_board_pack(qapp, tmp_path):
    crafted = build_crafted(tmp_path / "crafted.apv")
    out = write_report(crafted, tmp_path / "crafted.pdf")
    text = pdf_text(out)
    hidden = hidden_means(crafted)
    assert ("TS", "QD") in hidden
    for key, value in hidden.items():
        figure = format_decimal(value, "da", 1)
        # a hidden mean may equal a shown one by chance; the small team's are distinctive
        if key[0] == "TS":
            assert figure not in text, (key, figure)
    assert "Lille team" in text  # named as hidden in the heatmap, with no figure
    assert "=Kommentar" not in text  # comments are the workbook's, never the board pack's


def test_the_command_line_writes_the_pdf_without_a_display(demo, tmp_path):
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    out = tmp_path / "pack.pdf"
    done = subprocess.run([sys.executable, "-m", "apv_desktop", "report", str(demo), "--round",
                           "2025", "-o", str(out)], env=environment, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(page_sizes(out)) >= 5


def test_other_commands_do_not_import_qt(demo):
    code = ("import sys; from apv_desktop.cli import run; run(['results', sys.argv[1]]); "
            "print('PySide6' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(demo)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("False")


def _rows(html_table: str) -> int:
    return html_table.count("<tr>") - 1  # the head is a row too


@pytest.mark.parametrize("language", ["da", "sv", "en"])
def test_long_lists_are_cut_at_their_top_saying_where_the_rest_is(demo, language):
    with opened(demo) as project:
        data = _gather(project, "2025", language, no_progress)
    points, strengths = data.pressure_points, data.strengths
    assert len(points) > 5 and len(strengths) > 5, "the demo's lists are longer than the cut"
    whole = pressure_html(data)
    long_lists = sum(len(scores) > LIST_LIMIT for scores in (points, strengths))
    assert whole.count('class="note"') == 1 + long_lists  # a cut is said, only where made
    first, second = whole.split("<h2>")[1:]
    assert _rows(first) == min(len(points), LIST_LIMIT)
    assert _rows(second) == min(len(strengths), LIST_LIMIT)
    cut = pressure_html(data, limit=5)
    first, second = cut.split("<h2>")[1:]
    assert _rows(first) == 5 and _rows(second) == 5
    sheet = {"da": "Pressionspunkter", "sv": "Riskområden", "en": "Pressure points"}[language]
    assert f" {len(points)} " in first and sheet in first
    assert f" {len(strengths)} " in second and sheet in second
    # the rows kept are the top of the list, in its order
    names = [data.display_name(score.unit) for score in points[:5]]
    assert [name for name in names if html.escape(name) in first] == names
    plan = action_plan_html(data, limit=3)
    planned = {(a.unit, a.dimension) for a in data.actions}
    missing = [s for s in points if (s.unit, s.dimension) not in planned]
    if len(missing) > 3:
        tail = plan.split("<h2>")[-1]
        assert tail.count("<li>") == 3 and f" {len(missing)} " in tail


def test_a_large_organisations_board_pack_stays_readable(qapp, tmp_path, monkeypatch):
    """150 units and answers of uniform noise (hundreds of pressure points), made by the
    benchmarks' generator: the pack's lists are cut at their top, so it stays a pack."""
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[2] / "benchmarks"))
    import bench_pipeline

    project, answers = tmp_path / "big.apv", tmp_path / "answers.csv"
    bench_pipeline.synthetic_form(40, tmp_path / "form.xlsx")
    leaves = bench_pipeline.synthetic_org(150, tmp_path / "org.csv")
    bench_pipeline.synthetic_answers(1500, 40, leaves, answers)
    create_project(project)
    import_form(project, tmp_path / "form.xlsx")
    import_org(project, tmp_path / "org.csv")
    import_responses(project, answers, "2025")
    bench_pipeline.close_round_2025(project)
    with opened(project) as opened_project:
        data = _gather(opened_project, "2025", "da", no_progress)
    assert len(data.pressure_points) > 2 * LIST_LIMIT
    out = write_report(project, tmp_path / "big.pdf", "2025")
    text = " ".join(pdf_text(out).split())
    count = len(data.pressure_points)
    assert f"Her står de {LIST_LIMIT} største af {count} pressionspunkter" in text
    pages = len(page_sizes(out))
    assert pages <= 70, pages
