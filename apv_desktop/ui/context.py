"""What every window shares: the user's data folder, the preferences, and the language signal."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from apv_desktop.i18n import current_language, language_for_locale, set_language
from apv_desktop.settings import PREFERENCES_FILE, Preferences, load_preferences, save_preferences


class AppContext(QObject):
    """Created once per program (tests make one per test in tmp_path)."""

    language_changed = Signal(str)
    recent_changed = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.preferences_path = data_dir / PREFERENCES_FILE
        self.preferences: Preferences = load_preferences(self.preferences_path)
        self._qt_translator: QTranslator | None = None

    # --- preferences ---------------------------------------------------------------------

    def save_preferences(self) -> None:
        # Preferences are a convenience; never let a failed write stop the work.
        with contextlib.suppress(OSError):
            save_preferences(self.preferences, self.preferences_path)

    @property
    def backup_dir(self) -> Path:
        return self.preferences.backup_dir(self.data_dir)

    @property
    def demo_dir(self) -> Path:
        return self.data_dir / "demo"

    def remember_project(self, path: Path) -> None:
        self.preferences.remember_project(path)
        self.save_preferences()
        self.recent_changed.emit()

    def forget_project(self, path: Path | str) -> None:
        self.preferences.forget_project(path)
        self.save_preferences()
        self.recent_changed.emit()

    # --- language ------------------------------------------------------------------------

    def start_language(self, system_locale: str | None = None) -> str:
        """The saved language; on the first start the system's (and remember it)."""
        code = self.preferences.language
        if not code:
            code = language_for_locale(system_locale or QLocale.system().name())
            self.preferences.language = code
            self.save_preferences()
        self.apply_language(code)
        return code

    def switch_language(self, code: str) -> None:
        self.preferences.language = code
        self.save_preferences()
        self.apply_language(code)

    def apply_language(self, code: str) -> None:
        """Our texts through i18n.tr, Qt's own dialogs (buttons, file dialogs) through the
        qtbase catalog shipped with Qt; then every window rebuilds its texts."""
        set_language(code)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self._install_qt_translator(app, code)
        self.language_changed.emit(current_language())

    def _install_qt_translator(self, app: QApplication, code: str) -> None:
        if self._qt_translator is not None:
            app.removeTranslator(self._qt_translator)
            self._qt_translator = None
        QLocale.setDefault(QLocale(code))
        if code == "en":
            return  # Qt's source texts are English
        translator = QTranslator(self)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{code}", folder):
            app.installTranslator(translator)
            self._qt_translator = translator
