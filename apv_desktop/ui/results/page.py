"""The results page: one round computed off the GUI thread, shown in six tabs.

The tabs (and matplotlib with them) are built the first time the page is shown, never at
start-up. Every settings change recomputes through services.results_view on a pool thread;
a newer request supersedes an older one, whose result is then dropped.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.model import Rules
from apv_desktop.core.progress import Progress
from apv_desktop.core.round_state import interim_sentence
from apv_desktop.i18n import current_language, tr
from apv_desktop.services import results_view
from apv_desktop.services.results_view import ResultsBundle, RoundData
from apv_desktop.ui import responsive
from apv_desktop.ui.pages.base import Page, page_heading
from apv_desktop.ui.session import ProjectSession
from apv_desktop.ui.worker import Worker


class ResultsPage(Page):
    page_id = "results"

    recomputed = Signal()  # a new bundle is on screen
    failed = Signal(str)  # the computation failed; the reason (also shown on the page)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bundle: ResultsBundle | None = None
        self.rules: Rules | None = None  # settings being tried; None = the project's rules
        self.tabs: QTabWidget | None = None
        self.overview: Any = None
        self.heatmap: Any = None
        self.team: Any = None
        self.pressure: Any = None
        self.comments: Any = None
        self.settings: Any = None
        self._data: RoundData | None = None
        self._stale = True
        self._generation = 0
        self._workers: list[Worker] = []
        self._importer: Worker | None = None  # importing the tabs' modules, once
        self._made: dict[str, Any] = {}  # tabs made so far, before they are put on the page

        self._heading = page_heading()
        self._round_label = QLabel()
        self.round_box = QComboBox()
        self.round_box.currentIndexChanged.connect(self._round_chosen)
        self._round_label.setBuddy(self.round_box)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self._heading)
        top.addStretch(1)
        top.addWidget(self.progress)
        top.addWidget(self._round_label)
        top.addWidget(self.round_box)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 12)
        self._layout.addLayout(top)
        self._layout.addWidget(self.status)
        self.retranslate()

    # --- page protocol -------------------------------------------------------------------

    def help_text(self) -> str:
        return tr("Resultaterne viser hver enheds score pr. dimension med trafiklys og "
                  "pressionspunkter. Grupper under anonymitetsgrænsen skjules, også når de ellers "
                  "kunne regnes ud fra andre tal.")

    def retranslate(self) -> None:
        self._heading.setText(self.title())
        self._round_label.setText(tr("&Runde:"))
        self.round_box.setAccessibleName(tr("Runde"))
        self.progress.setAccessibleName(tr("Beregner resultater"))
        if self.tabs is not None:
            # not "Overblik": the navigation's overview page has that name
            names = [tr("Svarprocent og profil"), tr("Heatmap"), tr("Team"), tr("Pressionspunkter"),
                     tr("Kommentarer"), tr("Indstillinger")]
            for number, name in enumerate(names):
                self.tabs.setTabText(number, name)
            for tab in self._all_tabs():
                tab.retranslate()
            if self.bundle is not None and self.bundle.language != current_language():
                self.request(self.rules)  # dimension names come from the compute
        self._show_status()

    def set_session(self, session: ProjectSession | None) -> None:
        self.bundle = None
        self._data = None
        self.rules = None
        self._generation += 1  # results of the old project are dropped
        super().set_session(session)

    def refresh(self) -> None:
        self._fill_rounds()
        self._data = None  # read the file again: answers, org or rules may have changed
        self._stale = True
        if self.session is None:
            self.bundle = None
            self._show_bundle()
            return
        if self.isVisible():  # the tabs may still be on their way (showEvent)
            self.request(self.rules)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale and self.session is not None:
            self.request(self.rules)  # computed on a pool thread meanwhile
        if self.tabs is None and self._importer is None:
            # The tabs' modules bring matplotlib (seconds on a slow laptop): imported on a pool
            # thread, so the window answers; the tabs are built once that is done. A failed
            # import fails again in _build_a_tab, on this thread, where it is reported.
            self._importer = Worker(lambda _progress: _import_tab_modules(), owner=self)
            self._importer.done.connect(self._build_a_tab)
            self._importer.start()

    # --- building ------------------------------------------------------------------------

    def _build_a_tab(self) -> None:
        """Make the next tab, and come back for the one after it in the next turn of the event
        loop: the window paints between two tabs (a tab's first making takes 10–30 ms, more
        while the worker computes), instead of waiting for all six at once (issue 18)."""
        if self.tabs is not None:
            return
        makers = self._tab_makers()  # a failed import (in the importer) raises here
        missing = [name for name in makers if name not in self._made]
        if not missing:
            self.ensure_built()
            return
        self._made[missing[0]] = makers[missing[0]]()
        QTimer.singleShot(0, self, self._build_a_tab)  # not after the page is gone

    def _tab_makers(self) -> dict[str, Callable[[], Any]]:
        """How each tab is made, in the order they are made (the first shown first)."""
        from apv_desktop.ui.results.comments_tab import CommentsTab
        from apv_desktop.ui.results.heatmap_tab import HeatmapTab
        from apv_desktop.ui.results.overview_tab import OverviewTab
        from apv_desktop.ui.results.pressure_tab import PressureTab
        from apv_desktop.ui.results.settings_tab import SettingsTab
        from apv_desktop.ui.results.team_tab import TeamTab

        return {"overview": OverviewTab, "heatmap": HeatmapTab, "team": lambda: TeamTab(self),
                "pressure": lambda: PressureTab(self), "comments": CommentsTab,
                "settings": lambda: SettingsTab(self)}

    def ensure_built(self) -> None:
        """Build the tabs (importing matplotlib) once, when the page is first needed: the tabs
        not made yet (by _build_a_tab) at once."""
        if self.tabs is not None:
            return
        _import_tab_modules()
        responsive.settle()  # matplotlib's modules, imported for good
        made = {name: self._made[name] if name in self._made else make()
                for name, make in self._tab_makers().items()}
        self._made = {}
        self.tabs = QTabWidget()
        self.overview = made["overview"]
        self.heatmap = made["heatmap"]
        self.team = made["team"]
        self.pressure = made["pressure"]
        self.comments = made["comments"]
        self.settings = made["settings"]
        for tab in self._all_tabs():
            self.tabs.addTab(tab, "")
        self.heatmap.view.drill_down.connect(self.drill_down)
        self.heatmap.breakdown_wanted.connect(self.ask_breakdown)
        self.team.breakdown_wanted.connect(self.ask_breakdown)
        self._layout.addWidget(self.tabs, 1)
        self.retranslate()
        self._show_bundle()

    def _all_tabs(self) -> list[Any]:
        return [self.overview, self.heatmap, self.team, self.pressure, self.comments,
                self.settings]

    def drill_down(self, unit: str, dimension: str) -> None:
        """Show the team view of `unit`, with `dimension`'s answers."""
        if self.tabs is None:
            return
        self.team.show_unit(unit, dimension)
        self.tabs.setCurrentWidget(self.team)

    # --- computing -----------------------------------------------------------------------

    def request(self, rules: Rules | None) -> None:
        """Compute the chosen round under `rules` (None: the project's) off the GUI thread."""
        if self.session is None:
            return
        self.rules = rules
        self._stale = False
        if not self.round_box.count():  # nothing to compute before answers come in
            self.bundle = None
            self._show_bundle()
            return
        self._generation += 1
        generation = self._generation
        language = current_language()
        data, path, round_name = self._data, self.session.path, self._chosen_round()
        for old in self._workers:
            old.cancel()

        wanted = self._wanted_breakdowns()

        def work(progress: Progress) -> ResultsBundle:
            if data is not None:
                return results_view.recompute(data, rules, language, progress, wanted)
            return results_view.load_round(path, round_name, rules, language, progress, wanted)

        worker = Worker(work, owner=self)
        worker.progressed.connect(lambda f, _m: self.progress.setValue(round(f * 100)))
        worker.succeeded.connect(lambda bundle: self._computed(bundle, generation))
        worker.failed.connect(lambda error: self._failed(error, generation))
        worker.done.connect(lambda: self._finished(worker))
        self._workers.append(worker)
        self.progress.setValue(0)
        self.progress.show()
        worker.start()

    def _wanted_breakdowns(self) -> tuple[str, ...]:
        """The background questions the tabs show rows by: recomputed with the tree."""
        if self.tabs is None:
            return ()
        chosen = [tab.breakdown_item() for tab in (self.heatmap, self.team)]
        return tuple(dict.fromkeys(item for item in chosen if item is not None))

    def ask_breakdown(self, item: str) -> None:
        """Compute the bundle's breakdown by `item` in the worker; the tabs show it when done."""
        bundle = self.bundle
        if bundle is None or item in bundle.breakdowns:
            return  # the next bundle is computed with it (request asks the tabs)
        worker = Worker(lambda _progress: results_view.breakdown_of(bundle, item), owner=self)
        worker.succeeded.connect(lambda found: self._breakdown_computed(bundle, item, found))
        worker.failed.connect(lambda error: self._failed(error, self._generation))
        worker.done.connect(lambda: self._finished(worker))
        self._workers.append(worker)
        self.progress.setValue(0)
        self.progress.show()
        worker.start()

    def _breakdown_computed(self, bundle: ResultsBundle, item: str, found: Any) -> None:
        if bundle is not self.bundle:
            return  # computed for rules or a round no longer on screen
        bundle.breakdowns[item] = found
        for tab in (self.heatmap, self.team):
            tab.show_breakdown()
        self.recomputed.emit()

    def _computed(self, bundle: ResultsBundle, generation: int) -> None:
        if generation != self._generation or self.session is None:
            return
        self.bundle = bundle
        self._data = bundle.data
        if bundle.language != current_language():
            # The language was switched while this was computed: names in the old language.
            self.request(self.rules)
            return
        self._show_bundle()
        self.recomputed.emit()

    def _failed(self, error: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        from apv_desktop.ui.errors import is_known_problem, known_problem_text

        text = known_problem_text(error) if is_known_problem(error) else str(error)
        self.status.setText(tr("Resultaterne kunne ikke beregnes: {reason}", reason=text))
        self.failed.emit(text)

    def _finished(self, worker: Worker) -> None:
        if worker in self._workers:
            self._workers.remove(worker)
        if not self._workers:
            self.progress.hide()

    @property
    def busy(self) -> bool:
        return bool(self._workers)

    # --- showing -------------------------------------------------------------------------

    def _show_bundle(self) -> None:
        self._show_status()
        if self.tabs is None:
            return
        for tab in self._all_tabs():
            tab.show_bundle(self.bundle)

    def _show_status(self) -> None:
        if self.session is None:
            self.status.setText("")
        elif self.bundle is None:
            # the rounds as _fill_rounds read them: no SQL here, on the GUI thread, while the
            # worker reads the round (issue 18)
            self.status.setText(tr("Beregner …") if self.round_box.count() else
                                tr("Projektet har endnu ingen runder med svar."))
        else:
            results = self.bundle.results
            text = tr(
                "Runde {round}: {responses} svar. Grupper med færre end {min_n} svar vises ikke.",
                round=results.round, responses=results.organisation.responses,
                min_n=results.rules.min_n)
            if results.withheld:  # the same sentences as the report's first sheet
                text += " " + interim_sentence(tr, results.round_state)
            self.status.setText(text)

    def _fill_rounds(self) -> None:
        chosen = self.round_box.currentText()
        names = [r.name for r in self.session.project.rounds()] if self.session else []
        self.round_box.blockSignals(True)
        self.round_box.clear()
        self.round_box.addItems(names)
        if chosen in names:
            self.round_box.setCurrentText(chosen)
        elif names:
            self.round_box.setCurrentIndex(len(names) - 1)
        self.round_box.blockSignals(False)

    def _chosen_round(self) -> str | None:
        return self.round_box.currentText() or None

    def _round_chosen(self) -> None:
        self._data = None
        self.bundle = None
        if self.tabs is not None and self.session is not None:
            self.request(self.rules)


_TAB_MODULES = ("comments_tab", "heatmap_tab", "overview_tab", "pressure_tab", "settings_tab",
                "team_tab")


def _import_tab_modules() -> None:
    """Import what the tabs need (matplotlib among it); safe on any thread: no widget is made."""
    for name in _TAB_MODULES:
        importlib.import_module(f"apv_desktop.ui.results.{name}")
