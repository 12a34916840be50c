"""The main window's menus, actions and shortcuts (native menu bar on macOS)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from apv_desktop.i18n import tr
from apv_desktop.ui import messages
from apv_desktop.ui.pages.registry import PAGES

if TYPE_CHECKING:
    from apv_desktop.ui.main_window import MainWindow

Key = QKeySequence.StandardKey


class MainMenus:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        self.help_menu = bar.addMenu("")

        self.new = self._action(self.file_menu, window.new_project, Key.New)
        self.open = self._action(self.file_menu, window.choose_and_open, Key.Open)
        self.demo = self._action(self.file_menu, window.open_demo)
        self.recent_menu = QMenu(window)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.save_copy = self._action(self.file_menu, window.save_copy,
                                      QKeySequence("Ctrl+Shift+S"))
        self.restore_backup = self._action(self.file_menu, window.restore_from_backup)
        # Backups appear while a project is open (another window opened it): look each time.
        self.file_menu.aboutToShow.connect(self.show_backups_available)
        self.close_project = self._action(self.file_menu, window.close_project, Key.Close)
        self.new_window = self._action(self.file_menu, self._new_window,
                                       QKeySequence("Ctrl+Shift+N"))
        self.file_menu.addSeparator()
        self.preferences = self._action(self.file_menu, self._preferences,
                                        QKeySequence("Ctrl+,"))
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit = self._action(self.file_menu, QApplication.closeAllWindows, Key.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.page_actions = [
            self._action(self.view_menu, partial(window.show_page, number),
                         QKeySequence(f"Ctrl+{number + 1}"))
            for number in range(len(PAGES))
        ]
        self.help = self._action(self.help_menu, self._help, Key.HelpContents)
        self.about = self._action(self.help_menu, self._about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

    def _action(self, menu: QMenu, slot: Callable[[], object],
                shortcut: QKeySequence | Key | None = None) -> QAction:
        action = QAction(self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def retranslate(self) -> None:
        self.file_menu.setTitle(tr("&Filer"))
        self.view_menu.setTitle(tr("&Vis"))
        self.help_menu.setTitle(tr("&Hjælp"))
        self.new.setText(tr("&Nyt projekt …"))
        self.open.setText(tr("&Åbn …"))
        self.demo.setText(tr("Åbn &demoprojekt"))
        self.recent_menu.setTitle(tr("&Seneste projekter"))
        self.save_copy.setText(tr("&Gem en kopi som …"))
        self.restore_backup.setText(tr("Gendan fra &sikkerhedskopi …"))
        self.close_project.setText(tr("&Luk projekt"))
        self.new_window.setText(tr("Nyt &vindue"))
        self.preferences.setText(tr("&Indstillinger …"))
        self.quit.setText(tr("&Afslut"))
        for action, entry in zip(self.page_actions, PAGES, strict=True):
            action.setText(entry.title())
        self.help.setText(tr("&Hjælp"))
        self.about.setText(tr("&Om APV Desktop"))

    def project_open(self, is_open: bool) -> None:
        for action in (self.save_copy, self.close_project, *self.page_actions):
            action.setEnabled(is_open)
        self.show_backups_available()

    def show_backups_available(self) -> None:
        self.restore_backup.setEnabled(self.window.has_backups())

    def show_recent(self, paths: list[str]) -> None:
        self.recent_menu.clear()
        for text in paths:
            action = self.recent_menu.addAction(Path(text).name)
            action.setToolTip(text)
            action.triggered.connect(partial(self.window.open_recent, text))
        self.recent_menu.setEnabled(bool(paths))

    def _new_window(self) -> None:
        from apv_desktop.ui.main_window import MainWindow

        window = MainWindow(self.window.context)
        window.show()

    def _preferences(self) -> None:
        from apv_desktop.ui.preferences_dialog import PreferencesDialog

        PreferencesDialog(self.window.context, self.window).exec()

    def _help(self) -> None:
        page = self.window.current_page()
        text = page.help_text() if page is not None else ""
        messages.show(self.window, messages.Message(
            messages.Kind.INFO, tr("Hjælp"),
            text or tr("Start med demoprojektet for at se programmet med en opdigtet kommune, "
                       "eller opret et nyt projekt fra en skabelon."),
            tr("En APV følger trinene i navigationen: organisation, spørgeskema, indsamling, "
               "resultater, handlingsplan og rapport. Alt gemmes med det samme i projektfilen; "
               "brug Gem en kopi som … for at give filen videre."),
        ))

    def _about(self) -> None:
        from apv_desktop import __version__  # looked up when needed (apv_desktop.__getattr__)

        messages.show(self.window, messages.Message(
            messages.Kind.INFO, tr("Om APV Desktop"),
            tr("APV Desktop {version}", version=__version__),
            tr("Arbejdspladsvurdering på din egen computer. Programmet bruger aldrig netværket; "
               "alt ligger i projektfilen."),
            icon=QApplication.windowIcon(),
        ))
