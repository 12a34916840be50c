"""Kiosk mode: employees answer one after another on the AMiR's laptop.

Each respondent gets a fresh QuestionnaireView; after Submit the sheet is stored in one
transaction and the view is destroyed, so nothing of them can be reached (no back, no undo, no
field history). Idle sheets are discarded after a warning. Leaving needs the PIN.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from apv_desktop.core.model import LANGUAGES, OrgUnit, Questionnaire
from apv_desktop.errors import ApvError
from apv_desktop.i18n import translator
from apv_desktop.services.collection import submit_sheet
from apv_desktop.store.project import Project
from apv_desktop.ui.form import QuestionnaireView
from apv_desktop.ui.kiosk.pages import MessagePage, PinPage, StartPage
from apv_desktop.ui.kiosk.pin import PinGuard
from apv_desktop.ui.kiosk.style import KioskStyle, enlarge_controls

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin, QEvent.Type.MouseMove}


@dataclass
class KioskConfig:
    round_name: str
    questionnaire: Questionnaire
    units: list[OrgUnit]
    pin: PinGuard
    fixed_unit: str | None = None
    idle_ms: int = 3 * 60 * 1000  # no activity this long: the warning
    warning_ms: int = 30 * 1000  # then this long to answer it before the sheet is discarded
    thanks_ms: int = 6 * 1000
    font_scale: float = 1.5
    languages: list[str] = field(default_factory=list)


class KioskWindow(QWidget):
    """Top-level, full screen. `sheet_stored(uuid)` after each submit; `finished()` on leaving."""

    sheet_stored = Signal(str)
    finished = Signal()

    def __init__(self, project: Project, config: KioskConfig) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.project = project
        self.config = config
        q = config.questionnaire
        self.languages = config.languages or [c for c in q.languages if c in LANGUAGES] or ["da"]
        self.default_language = (q.default_language if q.default_language in self.languages
                                 else self.languages[0])
        self.language = self.default_language
        self.unit_code: str | None = None
        self._unlocked = False
        self._before_pin: QWidget | None = None
        self.view: QuestionnaireView | None = None
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * config.font_scale)
        self.setFont(font)

        title = q.title_labels.get(self.language) or q.title
        self.start_page = StartPage(title, self.languages, config.units, config.fixed_unit)
        self.start_page.language_chosen.connect(self._choose_language)
        self.start_page.start_requested.connect(self.start_sheet)
        self.form_page = QWidget()
        self.form_layout = QVBoxLayout(self.form_page)
        self.form_layout.setContentsMargins(48, 24, 48, 24)
        self.thanks_page = MessagePage()
        self.thanks_page.button.clicked.connect(self.show_start)
        self.warning_page = MessagePage()
        self.warning_page.button.clicked.connect(self._still_here)
        self.pin_page = PinPage()
        self.pin_page.submitted.connect(self._check_pin)
        self.pin_page.cancelled.connect(self._cancel_pin)
        self.stack = QStackedWidget()
        for page in (self.start_page, self.form_page, self.thanks_page, self.warning_page,
                     self.pin_page):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.idle_timer = _single_shot(self, config.idle_ms, self._idle)
        self.warning_timer = _single_shot(self, config.warning_ms, self.discard_sheet)
        self.thanks_timer = _single_shot(self, config.thanks_ms, self.show_start)
        self.pin_timer = _single_shot(self, 1000, self._update_lock_text)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.request_exit)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.setWindowTitle("APV")
        self.kiosk_style = KioskStyle()
        enlarge_controls(self, self.kiosk_style)
        self.show_start()

    # --- the respondent's way through -----------------------------------------------------

    def show_start(self) -> None:
        """A clean start page; nothing of the previous respondent is left."""
        self._drop_view()
        self.thanks_timer.stop()
        self.idle_timer.stop()
        self.warning_timer.stop()
        self.unit_code = None
        self.language = self.default_language
        self.start_page.reset(self.language)
        self.stack.setCurrentWidget(self.start_page)
        self.setAccessibleName(self.start_page.heading.text())

    def start_sheet(self, unit_code: str) -> None:
        self._drop_view()
        self.unit_code = unit_code
        self.view = QuestionnaireView(self.config.questionnaire, self.language)
        self.view.submitted.connect(self._store)
        self.form_layout.addWidget(self.view)
        enlarge_controls(self.view, self.kiosk_style)
        self.stack.setCurrentWidget(self.form_page)
        self.view.focus_first_question()
        self.idle_timer.start()

    def _store(self, answers: dict[str, str]) -> None:
        assert self.unit_code is not None
        try:
            sheet_id = submit_sheet(self.project, self.config.round_name,
                                    self.config.questionnaire, self.unit_code, answers)
        except ApvError as error:
            if self.view is not None:
                self.view.show_problem(str(error))
            return
        self._drop_view()
        self.idle_timer.stop()
        tr = translator(self.language)
        self.thanks_page.set_texts(tr("Tak for dine svar!"),
                                   tr("Dine svar er gemt. Maskinen er klar til den næste."),
                                   tr("Til startsiden"))
        self.stack.setCurrentWidget(self.thanks_page)
        self.thanks_page.button.setFocus()
        self.thanks_timer.start()
        self.sheet_stored.emit(sheet_id)

    def discard_sheet(self) -> None:
        """The respondent left: their unfinished sheet is thrown away."""
        self.show_start()

    def _choose_language(self, code: str) -> None:
        self.language = code
        self.start_page.retranslate(code)

    def _drop_view(self) -> None:
        if self.view is not None:
            self.view.hide()
            self.form_layout.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None

    # --- inactivity -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _ACTIVITY and self.idle_timer.isActive():
            self.idle_timer.start()  # restarts the count
        return False

    def _idle(self) -> None:
        if self.stack.currentWidget() is not self.form_page:
            return
        tr = translator(self.language)
        self.warning_page.set_texts(tr("Er du stadig i gang?"),
                                    tr("Uden aktivitet slettes de svar, du er i gang med, "
                                       "om lidt."),
                                    tr("Jeg er her stadig"))
        self.stack.setCurrentWidget(self.warning_page)
        self.warning_page.button.setFocus()
        self.warning_timer.start()

    def _still_here(self) -> None:
        self.warning_timer.stop()
        self.stack.setCurrentWidget(self.form_page)
        self.idle_timer.start()

    # --- leaving --------------------------------------------------------------------------

    def request_exit(self) -> None:
        """Esc, Alt+F4 or closing the window: ask for the PIN."""
        if self.stack.currentWidget() is self.pin_page:
            return
        self._before_pin = self.stack.currentWidget()
        self.idle_timer.stop()
        self.warning_timer.stop()
        self.pin_page.retranslate(self.language)
        self.pin_page.show_status("")
        self.stack.setCurrentWidget(self.pin_page)
        self._update_lock_text()

    def _check_pin(self, attempt: str) -> None:
        if self.config.pin.check(attempt):
            self._unlocked = True
            self.close()
            return
        self._update_lock_text(wrong=True)

    def _update_lock_text(self, wrong: bool = False) -> None:
        tr = translator(self.language)
        seconds = self.config.pin.seconds_locked()
        if seconds > 0:
            text = tr("For mange forkerte forsøg. Prøv igen om {seconds} sekunder.",
                      seconds=int(seconds + 0.999))
            self.pin_page.ok_button.setEnabled(False)
            self.pin_timer.start()
        else:
            text = tr("Forkert PIN-kode.") if wrong else ""
            self.pin_page.ok_button.setEnabled(True)
        self.pin_page.show_status(text)

    def _cancel_pin(self) -> None:
        self.pin_timer.stop()
        back = self._before_pin or self.start_page
        self.stack.setCurrentWidget(back)
        if back is self.form_page:
            self.idle_timer.start()
        elif back is self.warning_page:
            self._still_here()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.request_exit()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._unlocked:
            event.ignore()
            self.request_exit()
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        for timer in (self.idle_timer, self.warning_timer, self.thanks_timer, self.pin_timer):
            timer.stop()
        self._drop_view()
        event.accept()
        self.finished.emit()


def _single_shot(parent: QObject, interval_ms: int, slot: object) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
