"""Screenshots of every page of the program, for docs/screenshots/ and the README.

    python tools/screenshots.py [--out docs/screenshots] [--languages da sv en] [--only NAME ...]
                                [--light-only]

Builds the demo project (the service behind `apv-desktop demo --today 2026-11-22`) in a
temporary folder, opens it in a main window of 1366×768 offscreen, and saves each page (and
each tab of the results and the action plan) as `NAME-LANG.png`, and `NAME-LANG-dark.png` in the
dark palette. The pictures the README shows keep their own names (README_PICTURES). Nothing is
written to the user's data folder; the demo's dates are fixed, so a refresh changes a picture
only where the program changed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from apv_desktop.services.demo import build_demo  # noqa: E402
from apv_desktop.ui import clock  # noqa: E402
from apv_desktop.ui.app import create_application  # noqa: E402
from apv_desktop.ui.context import AppContext  # noqa: E402
from apv_desktop.ui.main_window import MainWindow  # noqa: E402
from apv_desktop.ui.theme import apply_theme  # noqa: E402

DEMO_TODAY = date(2026, 11, 22)
SIZE = (1366, 768)
LANGUAGES = ("da", "sv", "en")
WAIT_MS = 60_000
# README picture -> (shot, language, dark): the names the README links to
README_PICTURES: dict[str, tuple[str, str, bool]] = {
    "results-heatmap.png": ("results-heatmap", "da", False),
    "results-team.png": ("results-team", "da", False),
    "results-overview.png": ("results-overview", "da", False),
    "results-pressure.png": ("results-pressure", "da", False),
    "results-settings.png": ("results-settings", "da", False),
    "results-trend.png": ("results-trend", "da", False),
    "kiosk-form.png": ("kiosk-form", "da", False),
    "builder-item.png": ("builder-item", "da", False),
    "actionplan-overview.png": ("actionplan-overview", "da", False),
    "actionplan-departments.png": ("actionplan-departments", "da", False),
    "start-en-dark.png": ("start", "en", True),
    "start-da.png": ("start", "da", False),
    "organisation-da.png": ("organisation", "da", False),
    "organisation-en.png": ("organisation", "en", False),
    "xvfb-main-da.png": ("organisation", "da", False),
}

Shot = Callable[["Shooter"], QWidget]


class Shooter:
    """One main window on the demo; each shot brings a page (or tab) forward and returns the
    widget to grab."""

    def __init__(self, app: QApplication, folder: Path) -> None:
        self.app = app
        clock.today = lambda: DEMO_TODAY  # the demo's overdue item stays overdue
        self.demo = folder / "Djursby Kommune (demo).apv"
        build_demo(self.demo, today=DEMO_TODAY)
        # the demo's rounds are closed (reported on): the kiosk collects into a new round of a
        # second copy, so the window's pages keep showing the demo as it is
        self.kiosk_demo = folder / "kiosk.apv"
        build_demo(self.kiosk_demo, today=DEMO_TODAY)
        self.context = AppContext(folder / "data")
        self.window = MainWindow(self.context)
        self.window.resize(*SIZE)
        self.window.show()
        self.settle()

    def settle(self) -> None:
        """Process events until every chart on screen has its drawing (drawn off the GUI thread)."""
        from apv_desktop.ui.charts.canvas import ChartCanvas

        deadline = time.monotonic() + 10
        while True:
            for _ in range(5):
                self.app.processEvents()
            waiting = [w for w in self.app.allWidgets()
                       if isinstance(w, ChartCanvas) and w.isVisible() and w.drawing]
            if not waiting or time.monotonic() > deadline:
                return
            time.sleep(0.05)

    def page(self, page_id: str) -> QWidget:
        if self.window.session is None:
            self.window.open_project(self.demo)
        number = next(n for n, p in enumerate(self.window.pages) if p.page_id == page_id)
        self.window.show_page(number)
        page = self.window.pages[number]
        ensure = getattr(page, "ensure_built", None)
        if ensure is not None:
            ensure()
        self.settle()
        return page

    def results(self, tab: str, round_name: str = "2025") -> QWidget:
        page = self.page("results")
        if page.round_box.currentText() != round_name or page.bundle is None \
                or page.bundle.language != self.context_language():
            page.round_box.setCurrentText(round_name)
            page.request(page.rules)
        self.wait(lambda: not page.busy and page.bundle is not None)
        page.tabs.setCurrentWidget(getattr(page, tab))
        self.settle()
        return self.window

    def context_language(self) -> str:
        from apv_desktop.i18n import current_language

        return current_language()

    def wait(self, ready: Callable[[], bool]) -> None:
        from PySide6.QtCore import QDeadlineTimer, QThread

        deadline = QDeadlineTimer(WAIT_MS)
        while not ready():
            if deadline.hasExpired():
                raise TimeoutError("the page did not finish computing")
            self.app.processEvents()
            QThread.msleep(20)
        self.settle()


def _start(s: Shooter) -> QWidget:
    s.window.close_project()
    s.settle()
    return s.window


def _page(page_id: str) -> Shot:
    return lambda s: (s.page(page_id), s.window)[1]


def _results(tab: str, round_name: str = "2025") -> Shot:
    return lambda s: s.results(tab, round_name)


def _team(s: Shooter) -> QWidget:
    s.results("team")
    page = s.page("results")
    page.team.show_unit("FAM-MYN", "QD")
    s.settle()
    return s.window


def _trend(s: Shooter) -> QWidget:
    s.results("team", "2026-opfølgning")
    page = s.page("results")
    page.team.show_unit("FAM-MYN", "QD")
    s.settle()
    from PySide6.QtWidgets import QScrollArea

    area = page.team.findChild(QScrollArea)
    if area is not None:  # the trend is at the foot of the team view
        area.verticalScrollBar().setValue(page.team.trend_label.y() - 10)
    s.settle()
    return s.window


def _comments(s: Shooter) -> QWidget:
    s.results("comments")
    s.page("results").comments.units.choose(s.window.session.project.org_units()[0].code)
    s.settle()
    return s.window


def _action_tab(index: int) -> Shot:
    def shot(s: Shooter) -> QWidget:
        page = s.page("action_plan")
        page.tabs.setCurrentIndex(index)
        s.settle()
        return s.window
    return shot


def _builder_item(s: Shooter) -> QWidget:
    page = s.page("questionnaire")
    tree = page.tree
    section = tree.topLevelItem(0)
    if section is not None and section.childCount():
        tree.setCurrentItem(section.child(0))
    s.settle()
    return s.window


def _kiosk(s: Shooter) -> QWidget:
    from apv_desktop.services.collection import prepare_round
    from apv_desktop.store.project import Project
    from apv_desktop.ui.kiosk.pin import PinGuard
    from apv_desktop.ui.kiosk.window import KioskConfig, KioskWindow

    s.page("collection")
    project = Project.open(s.kiosk_demo)
    questionnaire = prepare_round(project, "2027")
    config = KioskConfig("2027", questionnaire, project.org_units(), PinGuard("2468"))
    kiosk = KioskWindow(project, config)
    kiosk.resize(*SIZE)
    kiosk.show()
    kiosk.start_sheet(project.org_units()[1].code)
    s.settle()
    s.kiosk = kiosk  # type: ignore[attr-defined]  # closed after the grab
    return kiosk


SHOTS: dict[str, Shot] = {
    "start": _start,
    "overview": _page("overview"),
    "organisation": _page("organisation"),
    "questionnaire": _page("questionnaire"),
    "builder-item": _builder_item,
    "collection": _page("collection"),
    "results-overview": _results("overview"),
    "results-heatmap": _results("heatmap"),
    "results-team": _team,
    "results-trend": _trend,
    "results-pressure": _results("pressure"),
    "results-comments": _comments,
    "results-settings": _results("settings"),
    "actionplan-overview": _action_tab(0),
    "actionplan-sickleave": _action_tab(1),
    "actionplan-departments": _action_tab(2),
    "report": _page("report"),
    "kiosk-form": _kiosk,
}


def take(shooter: Shooter, names: list[str], language: str, dark: bool, out: Path) -> list[Path]:
    apply_theme(shooter.app, Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    shooter.context.switch_language(language)
    shooter.settle()
    written = []
    for name in names:
        widget = SHOTS[name](shooter)
        shooter.settle()
        path = out / f"{name}-{language}{'-dark' if dark else ''}.png"
        widget.grab().save(str(path))
        written.append(path)
        kiosk = getattr(shooter, "kiosk", None)
        if kiosk is not None:
            kiosk.close()
            kiosk.deleteLater()
            shooter.kiosk = None  # type: ignore[attr-defined]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--languages", nargs="+", default=list(LANGUAGES), choices=LANGUAGES)
    parser.add_argument("--only", nargs="+", choices=sorted(SHOTS), default=sorted(SHOTS))
    parser.add_argument("--light-only", action="store_true")
    options = parser.parse_args(argv)
    options.out.mkdir(parents=True, exist_ok=True)
    app = create_application(["apv-desktop"])
    names = [name for name in SHOTS if name in options.only]
    with tempfile.TemporaryDirectory(prefix="apv-screenshots-") as folder:
        shooter = Shooter(app, Path(folder))
        written: list[Path] = []
        for dark in (False,) if options.light_only else (False, True):
            for language in options.languages:
                written += take(shooter, names, language, dark, options.out)
        for picture, (name, language, dark) in README_PICTURES.items():
            source = options.out / f"{name}-{language}{'-dark' if dark else ''}.png"
            if source in written:  # taken in this run, not left from an earlier one
                (options.out / picture).write_bytes(source.read_bytes())
                written.append(options.out / picture)
        shooter.window.close_project()
        shooter.window.close()
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
