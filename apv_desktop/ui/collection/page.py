"""The Indsamling (collection) page: kiosk, paper entry, importing a file, merging laptops."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from apv_desktop.core.progress import Progress
from apv_desktop.errors import ApvError
from apv_desktop.i18n import tr, trn
from apv_desktop.interchange.tables import Table, read_table
from apv_desktop.services.collection import MergeReport, merge_projects, prepare_round
from apv_desktop.services.rounds import close_round, reopen_round, reopening_warning
from apv_desktop.ui import filedialogs, messages
from apv_desktop.ui.collection.import_dialog import ImportDialog
from apv_desktop.ui.collection.kiosk_setup import KioskSetupDialog
from apv_desktop.ui.collection.paper import PaperEntryDialog
from apv_desktop.ui.errors import show_problem
from apv_desktop.ui.kiosk.pin import PinGuard
from apv_desktop.ui.kiosk.window import KioskConfig, KioskWindow
from apv_desktop.ui.pages.base import Page, page_heading
from apv_desktop.ui.worker import Worker, run_with_progress


class CollectionPage(Page):
    page_id = "collection"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kiosk: KioskWindow | None = None
        self.worker: Worker | None = None
        self.last_merge: MergeReport | None = None
        self._heading = page_heading()
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.kiosk_button = QPushButton()
        self.paper_button = QPushButton()
        self.import_button = QPushButton()
        self.merge_button = QPushButton()
        self.round_button = QPushButton()  # "Luk runden" / "Genåbn runden" of the latest round
        self.round_button.clicked.connect(self.toggle_round)
        self.kiosk_button.clicked.connect(self.start_kiosk)
        self.paper_button.clicked.connect(self.enter_paper)
        self.import_button.clicked.connect(self.import_file)
        self.merge_button.clicked.connect(self.merge_file)
        self._explanations = [QLabel() for _ in range(5)]
        grid = QGridLayout()
        for row, (button, label) in enumerate(zip(
                (self.kiosk_button, self.paper_button, self.import_button, self.merge_button,
                 self.round_button),
                self._explanations, strict=True)):
            label.setWordWrap(True)
            label.setBuddy(button)
            grid.addWidget(button, row, 0)
            grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self._heading)
        layout.addWidget(self._intro)
        layout.addLayout(grid)
        layout.addWidget(self.facts)
        layout.addStretch(1)
        self.retranslate()

    def help_text(self) -> str:
        return tr("Svarene samles i en runde (fx 2025): i kiosk på denne computer, fra papir, fra "
                  "en fil fra et andet spørgeskemaværktøj eller fra kopier af projektet på andre "
                  "computere. Hvert svar får et tilfældigt id og kun en dato.")

    def retranslate(self) -> None:
        self._heading.setText(self.title())
        self._intro.setText(self.help_text())
        self.kiosk_button.setText(tr("Start kiosk …"))
        self.paper_button.setText(tr("Indtast papirskemaer …"))
        self.import_button.setText(tr("Indlæs svarfil …"))
        self.merge_button.setText(tr("Flet projektfil ind …"))
        texts = (tr("Medarbejderne svarer efter hinanden på denne computer i fuld skærm. "
                    "Kiosken forlades med en PIN-kode."),
                 tr("Tast besvarede papirskemaer ind: tal vælger svar, Enter går videre."),
                 tr("CSV eller Excel fra fx Microsoft Forms eller SurveyXact. Kolonner, der kan "
                    "identificere en person, gemmes aldrig."),
                 tr("Svar indsamlet på en kopi af projektet på en anden computer. Det samme svar "
                    "lægges kun ind én gang."),
                 tr("Resultaterne viser først scorer, når runden er lukket. En lukket runde "
                    "kan ikke få flere svar, og dens organisation ligger fast."))
        for label, text in zip(self._explanations, texts, strict=True):
            label.setText(text)
        self.refresh()

    def refresh(self) -> None:
        rounds = self.session.project.rounds() if self.session is not None else []
        latest = rounds[-1] if rounds else None
        self.round_button.setEnabled(latest is not None)
        self.round_button.setText(tr("Genåbn runden …") if latest is not None and latest.closed
                                  else tr("Luk runden …"))
        for button in (self.kiosk_button, self.paper_button, self.import_button,
                       self.merge_button, self.round_button):
            button.setAccessibleName(button.text().rstrip(" …"))
        if self.session is None:
            self.facts.setText("")
            return
        lines = [trn("Runde {name}: {n} svar", "Runde {name}: {n} svar", r.response_count,
                     name=r.name) + ", " + (tr("lukket") if r.closed else tr("åben"))
                 for r in rounds] or [tr("Projektet har endnu ingen runder.")]
        self.facts.setText("\n".join(lines))

    # --- the round's state ----------------------------------------------------------------

    def toggle_round(self) -> None:
        """Close the latest round, or reopen it, after the user confirms."""
        if self.session is None or not self.session.project.rounds():
            return
        project = self.session.project
        latest = project.rounds()[-1]
        try:
            if latest.closed:
                if not messages.ask(self, tr("Genåbn runden"),
                                    tr("Genåbn runden {round}?", round=latest.name),
                                    reopening_warning(project, latest.name)):
                    return
                change = reopen_round(project, latest.name)
            else:
                if not messages.ask(self, tr("Luk runden"),
                                    tr("Luk runden {round}?", round=latest.name),
                                    tr("Resultaterne viser derefter scorer, organisationen "
                                       "ligger fast for runden, og der kan ikke komme flere "
                                       "svar, før runden genåbnes.")):
                    return
                change = close_round(project, latest.name)
        except ApvError as error:
            self._show_error(tr("Rundens tilstand kan ikke ændres"), str(error))
            return
        self.session.notify_changed()
        self.refresh()
        messages.show(self, messages.Message(messages.Kind.INFO, tr("Runden"), change.message))

    # --- kiosk ----------------------------------------------------------------------------

    def start_kiosk(self) -> None:
        if self.session is None:
            return
        project = self.session.project
        dialog = KioskSetupDialog([r.name for r in project.rounds()], project.org_units(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.guard is None:
            return
        self.launch_kiosk(dialog.round_name(), dialog.guard, dialog.fixed_unit(),
                          dialog.idle_minutes.value() * 60 * 1000)

    def launch_kiosk(self, round_name: str, guard: PinGuard, fixed_unit: str | None = None,
                     idle_ms: int = 3 * 60 * 1000, full_screen: bool = True) -> KioskWindow | None:
        assert self.session is not None
        project = self.session.project
        try:
            questionnaire = prepare_round(project, round_name)
        except ApvError as error:
            self._show_error(tr("Kiosken kan ikke starte"), str(error))
            return None
        config = KioskConfig(round_name, questionnaire, project.org_units(), guard,
                             fixed_unit=fixed_unit, idle_ms=idle_ms)
        self.kiosk = KioskWindow(project, config)
        self.kiosk.sheet_stored.connect(self._sheet_stored)
        self.kiosk.finished.connect(self._kiosk_finished)
        if full_screen:
            self.kiosk.showFullScreen()
        else:
            self.kiosk.show()
        return self.kiosk

    def _sheet_stored(self, _id: int) -> None:
        if self.session is not None:
            self.session.notify_changed()

    def _kiosk_finished(self) -> None:
        if self.kiosk is not None:
            self.kiosk.deleteLater()
            self.kiosk = None
        if self.session is not None:
            self.session.notify_changed()

    # --- paper, import, merge -------------------------------------------------------------

    def enter_paper(self) -> None:
        dialog = self.paper_dialog()
        if dialog is not None:
            dialog.exec()
            dialog.finish()

    def paper_dialog(self, round_name: str | None = None) -> PaperEntryDialog | None:
        if self.session is None:
            return None
        project = self.session.project
        rounds = project.rounds()
        name = round_name or (rounds[-1].name if rounds else "")
        try:
            questionnaire = prepare_round(project, name)
        except ApvError as error:
            self._show_error(tr("Papirindtastning kan ikke starte"), str(error))
            return None
        return PaperEntryDialog(self.session, name, questionnaire, self)

    def import_file(self) -> None:
        if self.session is None:
            return
        path = filedialogs.open_file(self, tr("Indlæs svarfil"),
                                     tr("Svarfiler (*.csv *.xlsx *.txt)"))
        if path is None:
            return
        session = self.session

        def opened(table: Table) -> None:
            dialog = ImportDialog(session, path, self)
            if dialog.load(table):
                dialog.exec()

        self.worker = run_with_progress(
            self, tr("Indlæser {file} …", file=path.name),
            lambda progress: read_table(path, progress=progress, repeated_headers=True), opened,
            lambda error: show_problem(self, tr("Filen kan ikke indlæses"), error))

    def merge_file(self) -> None:
        if self.session is None:
            return
        path = filedialogs.open_file(self, tr("Flet projektfil ind"), filedialogs.project_filter())
        if path is not None:
            self.merge([path])

    def merge(self, paths: list[Path]) -> None:
        assert self.session is not None
        target = self.session.path

        def work(progress: Progress) -> MergeReport:
            return merge_projects(target, paths, progress)

        self.worker = run_with_progress(self, tr("Fletter projektfiler"), work,
                                        self._merged, self._merge_failed)

    def _merged(self, report: MergeReport) -> None:
        self.last_merge = report
        if self.session is not None:
            self.session.notify_changed()
        lines = [tr("{file}: {added} tilføjet, {skipped} fandtes allerede, {conflicts} i konflikt",
                    file=source.path.name, added=source.added, skipped=source.skipped,
                    conflicts=len(source.conflicts)) for source in report.sources]
        informative = (tr("Svar i konflikt har samme id som et svar i projektet, men andre "
                          "svar. De er ikke flettet ind.") if report.conflicts else "")
        kind = messages.Kind.WARNING if report.conflicts else messages.Kind.INFO
        messages.show(self, messages.Message(kind, tr("Fletning færdig"), "\n".join(lines),
                                             informative))

    def _merge_failed(self, error: BaseException) -> None:
        if isinstance(error, ApvError):
            self._show_error(tr("Fletningen blev afvist"), str(error))
        else:
            raise error

    def _show_error(self, title: str, text: str) -> None:
        messages.show(self, messages.Message(messages.Kind.ERROR, title, text))
