"""The main window: the start screen, or an open project with its pages in a navigation list."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from apv_desktop.backups import list_backups
from apv_desktop.i18n import current_language, load_language_data, tr, trn
from apv_desktop.lock import ProjectLockedByHolder
from apv_desktop.ui import backup_dialog, clock, filedialogs, messages, new_project, responsive
from apv_desktop.ui.actionplan.notice import overdue_notice
from apv_desktop.ui.context import AppContext
from apv_desktop.ui.errors import show_problem
from apv_desktop.ui.menus import MainMenus
from apv_desktop.ui.pages import PAGES, Page, page_number
from apv_desktop.ui.pages.lazy import LazyPages
from apv_desktop.ui.session import ProjectSession
from apv_desktop.ui.start_page import StartPage
from apv_desktop.ui.status_bar import StatusBar
from apv_desktop.ui.worker import Worker, run_with_progress, stop_workers

DEMO_FILE_NAME = "Djursby Kommune (demo).apv"
CLOSE_WAIT_SECONDS = 30.0  # how long closing waits for a cancelled job before refusing


class MainWindow(QMainWindow):
    windows: ClassVar[list[MainWindow]] = []  # every open window of this process

    session_changed = Signal()  # a project was opened or closed in this window

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.session: ProjectSession | None = None
        self.worker: Worker | None = None  # the long job running for this window, if any
        self.setAcceptDrops(True)
        self.resize(1100, 720)

        self.start_page = StartPage()
        self.start_page.new_requested.connect(self.new_project)
        self.start_page.open_requested.connect(self.choose_and_open)
        self.start_page.demo_requested.connect(self.open_demo)
        self.start_page.recent_requested.connect(self.open_recent)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(200)
        # No style sheet: it would freeze the palette and break the switch to dark mode.
        self.navigation.setFrameShape(QFrame.Shape.NoFrame)
        self.navigation.setSpacing(3)
        font = self.navigation.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.navigation.setFont(font)
        self.page_stack = QStackedWidget()
        self.pages = LazyPages(self.page_stack, lambda: self.session)  # each built when shown
        for _entry in PAGES:
            self.navigation.addItem(QListWidgetItem())
        self.navigation.currentRowChanged.connect(self._show_page)
        project_view = QWidget()
        row = QHBoxLayout(project_view)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.navigation)
        row.addWidget(self.page_stack, 1)

        self.central = QStackedWidget()
        self.central.addWidget(self.start_page)
        self.central.addWidget(project_view)
        self.setCentralWidget(self.central)

        self.setStatusBar(StatusBar())
        self.file_label = QLabel()
        self.count_label = QLabel()
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)

        self.menus = MainMenus(self)
        context.language_changed.connect(self.retranslate)
        context.recent_changed.connect(self._show_recent)
        self.retranslate()
        self._show_state()
        MainWindow.windows.append(self)
        responsive.settle()  # the window is built: keep the GUI thread answering
        # Babel's number data: read now on a pool thread, not as a project opens (70 ms)
        Worker(lambda _progress: load_language_data(), owner=self).start()

    # --- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.menus.retranslate()
        self.start_page.retranslate()
        self.navigation.setAccessibleName(tr("Trin i APV'en"))
        for number, entry in enumerate(PAGES):
            self.navigation.item(number).setText(entry.title())
        for page in self.pages.built():
            page.retranslate()
        self._show_recent()
        self._show_state()
        # A status message is a sentence in the old language: say again what still holds.
        self.statusBar().clearMessage()
        if self.session is not None and overdue_notice(self.session):
            self.statusBar().showMessage(overdue_notice(self.session))

    def _show_recent(self) -> None:
        self.start_page.show_recent(self.context.preferences.recent_projects)
        self.menus.show_recent(self.context.preferences.recent_projects)

    def _show_state(self) -> None:
        session = self.session
        self.central.setCurrentIndex(0 if session is None else 1)
        self.menus.project_open(session is not None)
        if session is None:
            self.setWindowTitle("APV Desktop")
            self.setWindowFilePath("")
            self.file_label.setText(tr("Intet projekt åbent"))
            self.count_label.clear()
            return
        read_only = tr(" (skrivebeskyttet)") if session.read_only else ""
        self.setWindowTitle(f"{session.name}{read_only} – APV Desktop")
        self.setWindowFilePath(str(session.path))
        self.file_label.setText(tr("Projektfil: {path}", path=str(session.path)))
        self.file_label.setAccessibleName(tr("Projektfil"))
        self.update_counts()

    def update_counts(self) -> None:
        if self.session is not None:
            self.count_label.setText(trn("{n} svar i projektet",
                                         "{n} svar i projektet",
                                         self.session.response_count()))

    # --- opening and closing -------------------------------------------------------------

    def open_project(self, path: Path, *, take_over: bool = False) -> bool:
        """Open `path` in this window (closing what it shows); True when it is open here."""
        path = path.absolute()
        holder = self.window_showing(path)
        if holder is not None:
            if holder is not self:
                holder.raise_()
                holder.activateWindow()
                holder.statusBar().showMessage(tr("Projektet er allerede åbent i dette vindue."))
            return holder is self
        title = tr("Projektet kunne ikke åbnes")
        try:
            session = ProjectSession.open(path, take_over=take_over)
        except ProjectLockedByHolder as error:
            uncheckable = error.holder is None or not error.holder.is_this_process
            if uncheckable and messages.ask(
                self, title, tr("Projektet er allerede åbent i et andet vindue eller program."),
                tr("{detail}\n\nHvis du er sikker på, at det ikke længere er åbent (fx efter et "
                   "nedbrud på en anden computer), kan du åbne det alligevel. Åbn alligevel?",
                   detail=str(error)),
            ):
                return self.open_project(path, take_over=True)
            if not uncheckable:
                show_problem(self, title, error)
            return False
        except Exception as error:  # noqa: BLE001 - known problems get a plain message
            show_problem(self, title, error)
            return False
        if self not in MainWindow.windows:  # closed while the file was checked (it paints)
            session.close()
            return False
        self.close_project()
        self._set_session(session)
        self.context.remember_project(path)
        notice = overdue_notice(session)  # the action plan's overdue items, first thing seen
        if notice:
            self.statusBar().showMessage(notice)
        if session.project.migration_backup is not None:
            self.statusBar().showMessage(tr("Projektfilen er opgraderet; en kopi af den gamle "
                                            "fil ligger i {path}.",
                                            path=str(session.project.migration_backup)))
        if session.read_only:
            self.statusBar().showMessage(tr("Projektet er åbnet skrivebeskyttet: du kan se det, "
                                            "men ikke ændre det."))
        session.backup_ended.connect(self._backup_ended)
        session.start_backup(self.context.backup_dir, keep=self.context.preferences.backups_kept,
                             owner=self)
        return True

    def _backup_ended(self, problem: str) -> None:
        self.menus.show_backups_available()
        if problem:
            self.statusBar().showMessage(tr("Sikkerhedskopien kunne ikke laves: {reason}",
                                            reason=problem))

    def close_project(self) -> None:
        if self.session is None:
            return
        self._remember_page()
        session, self.session = self.session, None
        for page in self.pages.built():
            page.set_session(None)
        session.close()
        self._show_state()
        self.session_changed.emit()

    def _set_session(self, session: ProjectSession) -> None:
        self.session = session
        session.changed.connect(self._project_changed)
        # the remembered page first: only the page in view reads the project now (pages/base.py)
        self.navigation.setCurrentRow(page_number(self.context.preferences.last_page) or 0)
        for page in self.pages.built():
            if page.session is not session:  # the page just built for the view has it
                page.set_session(session)
        self._show_state()
        self.session_changed.emit()

    def _show_page(self, number: int) -> None:
        if not 0 <= number < len(self.pages):
            return
        page = self.pages[number]  # built now if it is shown for the first time
        self.page_stack.setCurrentIndex(number)
        page.ensure_fresh()  # a page hidden while the project opened reads it now

    def _project_changed(self, _origin: object = None) -> None:
        self.update_counts()  # the pages listen to the session themselves (pages/base.py)

    @classmethod
    def window_showing(cls, path: Path) -> MainWindow | None:
        for window in cls.windows:
            if window.session is not None and _same_file(window.session.path, path):
                return window
        return None

    # --- the File menu's work ------------------------------------------------------------

    def choose_and_open(self) -> None:
        path = filedialogs.open_file(self, tr("Åbn projekt"), filedialogs.project_filter())
        if path is not None:
            self.open_project(path)

    def open_recent(self, text: str) -> None:
        path = Path(text)
        if path.is_file():
            self.open_project(path)
            return
        if messages.ask(self, tr("Projektet findes ikke"),
                        tr("Projektfilen {path} findes ikke længere (flyttet, omdøbt eller "
                           "slettet).", path=text),
                        tr("Fjern den fra listen over seneste projekter?"), default_yes=True):
            self.context.forget_project(text)

    def new_project(self) -> None:
        from apv_desktop.services.projects import create_project

        choice = new_project.choose(self, self.context.preferences)
        if choice is None:
            return
        suggested = Path.home() / f"{choice.name or tr('APV-projekt')}.apv"
        path = filedialogs.save_file(self, tr("Gem nyt projekt som"), filedialogs.project_filter(),
                                     suggested, ".apv")
        if path is None:
            return
        try:
            create_project(path, choice.template_ids, choice.name, choice.rules,
                           current_language())
        except Exception as error:  # noqa: BLE001
            show_problem(self, tr("Projektet kunne ikke oprettes"), error)
            return
        self.open_project(path)

    def open_demo(self) -> None:
        """Open the demo project in the user's data folder, building it the first time."""
        path = self.context.demo_dir / DEMO_FILE_NAME
        if path.is_file():
            self.open_project(path)
            return

        def build(progress: object) -> Path:
            from apv_desktop.services.demo import build_demo

            path.parent.mkdir(parents=True, exist_ok=True)
            build_demo(path, today=clock.today())
            return path

        self.worker = run_with_progress(
            self, tr("Bygger demoprojektet …"), build,
            on_success=lambda built: self.open_project(built),
            on_failure=lambda error: show_problem(self, tr("Demoprojektet kunne ikke bygges"),
                                                  error),
            indeterminate=True,
        )

    def save_copy(self) -> None:
        if self.session is None:
            return
        suggested = self.session.path.with_name(f"{self.session.path.stem} {tr('kopi')}.apv")
        target = filedialogs.save_file(self, tr("Gem en kopi som"), filedialogs.project_filter(),
                                       suggested, ".apv")
        if target is None:
            return
        if _same_file(target, self.session.path):
            messages.show(self, messages.Message(
                messages.Kind.WARNING, tr("Kopien kunne ikke gemmes"),
                tr("En kopi kan ikke gemmes oven i selve projektfilen.")))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.session.save_copy(target)
        except Exception as error:  # noqa: BLE001
            QApplication.restoreOverrideCursor()
            show_problem(self, tr("Kopien kunne ikke gemmes"), error)
            return
        QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(tr("Kopien er gemt i {path}.", path=str(target)))

    def restore_from_backup(self) -> None:
        backup_dialog.restore_from_backup(self)

    def has_backups(self) -> bool:
        return self.session is not None and bool(
            list_backups(self.session.path, self.context.backup_dir))

    def current_page(self) -> Page | None:
        widget = self.page_stack.currentWidget()
        return widget if self.session is not None and isinstance(widget, Page) else None

    def show_page(self, number: int) -> None:
        if self.session is not None and 0 <= number < len(self.pages):
            self.navigation.setCurrentRow(number)
            self.navigation.setFocus()

    # --- size, place and page between runs ------------------------------------------------

    def restore_layout(self) -> None:
        """The size and place of the last window closed; a broken value keeps the default."""
        saved = self.context.preferences.window_geometry
        if saved:
            self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii", "replace")))

    def _remember_layout(self) -> None:
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.context.preferences.window_geometry = geometry
        self.context.save_preferences()

    def _remember_page(self) -> None:
        page = self.current_page()
        if page is not None and page.page_id:
            self.context.preferences.last_page = page.page_id

    # --- events --------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if _dropped_project(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = _dropped_project(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_project(path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # A job of this window may be writing the project (report, import, merge): it is
        # cancelled and waited for, so the project never closes under it. One that does not
        # stop in time keeps the window open rather than leave a thread behind.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            stopped = stop_workers(self, timeout=CLOSE_WAIT_SECONDS)
        finally:
            QApplication.restoreOverrideCursor()
        if not stopped:
            event.ignore()
            self.statusBar().showMessage(tr("Vinduet kan ikke lukkes, før det igangværende "
                                            "arbejde er stoppet; prøv igen om lidt."))
            return
        self.close_project()  # remembers the page shown
        self._remember_layout()
        if self in MainWindow.windows:
            MainWindow.windows.remove(self)
        super().closeEvent(event)


def _dropped_project(event: QDragEnterEvent | QDropEvent) -> Path | None:
    for url in event.mimeData().urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(".apv"):
            return Path(url.toLocalFile())
    return None


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return first.absolute() == second.absolute()

