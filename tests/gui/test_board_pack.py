"""The board pack PDF (`report -o X.pdf`): it opens as A4 pages, stays within its page budget,
says what the summary says, and shows no figure the release hides. Here because Qt paints it
(the `qapp` fixture makes the one QApplication first); the command line's own offscreen start
is tested in a separate process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from apv_desktop.i18n import format_decimal
from apv_desktop.services.demo import build_demo
from apv_desktop.services.report import write_report
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
