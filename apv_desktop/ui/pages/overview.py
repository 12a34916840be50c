"""The project's first page: where the AMiR is in the APV cycle (services.cycle), as four
steps (questionnaire, round, results, action plan) and the four elements the law asks for,
each with what is done and what is missing and a button to the page where it is done."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.i18n import current_language, tr
from apv_desktop.services.cycle import CycleState, Element, ElementState, Missing, cycle_state
from apv_desktop.ui import clock
from apv_desktop.ui.pages.base import Page, page_heading
from apv_desktop.ui.pages.registry import page_number
from apv_desktop.ui.results import texts

DONE_MARK, TODO_MARK = "✓", "○"


def element_name(element: Element) -> str:
    return {
        Element.MAPPING: tr("1. Afdækning og risikovurdering"),
        Element.SICK_LEAVE: tr("2. Inddragelse af sygefravær"),
        Element.ACTION_PLAN: tr("3. Skriftlig handlingsplan"),
        Element.FOLLOW_UP: tr("4. Gennemførelse og opfølgning"),
    }[element]


def missing_text(missing: Missing, state: CycleState) -> str:
    return {
        Missing.NO_ORGANISATION: tr("Læg organisationens enheder ind."),
        Missing.NO_QUESTIONNAIRE: tr("Vælg eller byg et spørgeskema."),
        Missing.NO_ROUND: tr("Start indsamlingen af svar."),
        Missing.TOO_FEW_ANSWERS: tr("Der er {answers} svar; resultater vises fra {n} svar.",
                                    answers=state.answers, n=state.min_n),
        Missing.ROUND_OPEN: tr("Runden indsamler stadig svar; afslut den for at se "
                               "resultaterne."),
        Missing.NO_SICK_LEAVE_FIGURES: tr("Ingen sygefraværstal endnu."),
        Missing.NO_SICK_LEAVE_ASSESSMENT: tr("Ingen vurdering af, om arbejdsmiljøet bidrager "
                                             "til sygefraværet."),
        Missing.NO_ACTIONS: tr("Ingen handlinger i handlingsplanen endnu."),
        Missing.ACTIONS_INCOMPLETE: tr("Nogle handlinger mangler en ansvarlig eller en frist."),
        Missing.ACTIONS_OVERDUE: tr("Handlinger over fristen: {count}.",
                                    count=state.actions_overdue),
        Missing.ACTIONS_OPEN: tr("Handlinger, der ikke er gennemført endnu: {count}.",
                                 count=state.actions_open),
        Missing.NO_FOLLOW_UP: tr("Skriv for de gennemførte handlinger, om de virkede."),
    }[missing]


def done_text(element: Element) -> str:
    return {
        Element.MAPPING: tr("Spørgeskemaet er besvaret, og resultaterne kan ses."),
        Element.SICK_LEAVE: tr("Sygefraværstal og udvalgets vurdering er skrevet ind."),
        Element.ACTION_PLAN: tr("Handlingsplanen har ansvarlige og frister."),
        Element.FOLLOW_UP: tr("Alle handlinger er gennemført og fulgt op."),
    }[element]


class OverviewPage(Page):
    page_id = "overview"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: CycleState | None = None
        self.heading = page_heading()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.steps_heading, self.elements_heading = QLabel(), QLabel()
        for label in (self.steps_heading, self.elements_heading):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        self.steps = QGridLayout()
        self.elements = QGridLayout()
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(self.intro)
        column.addWidget(self.steps_heading)
        column.addLayout(self.steps)
        column.addWidget(self.elements_heading)
        column.addLayout(self.elements)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def help_text(self) -> str:
        return tr("Overblikket viser, hvor langt APV'en er: spørgeskema, indsamling, resultater "
                  "og handlingsplan, og hvad der mangler i hvert af lovens fire elementer.")

    def retranslate(self) -> None:
        self.heading.setText(tr("Overblik over APV'en"))
        self.intro.setText(tr("Her ser du, hvor langt APV'en er, og hvad der mangler. Klik på "
                              "et punkt for at gå til siden, hvor det gøres."))
        self.steps_heading.setText(tr("Forløbet"))
        self.elements_heading.setText(tr("Lovens fire elementer"))
        self._show()

    def refresh(self) -> None:
        session = self.session
        self.state = (cycle_state(session.project, clock.today(), current_language())
                      if session is not None else None)
        self._show()

    # --- drawing -------------------------------------------------------------------------

    def _show(self) -> None:
        for grid in (self.steps, self.elements):
            while grid.count():
                item = grid.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.setParent(None)  # gone at once, not at the next event loop
                    widget.deleteLater()
        state = self.state
        if state is None:
            return
        for row, (done, name, text, page) in enumerate(self._steps(state)):
            self._add_row(self.steps, row, done, name, text, page)
        for row, element in enumerate(state.elements):
            self._add_row(self.elements, row, element.done, element_name(element.element),
                          self._element_text(element, state), element.page)

    def _steps(self, state: CycleState) -> list[tuple[bool, str, str, str]]:
        questionnaire = (tr("{title}: {count} spørgsmål.", title=state.questionnaire,
                            count=state.questions)
                         if state.questionnaire else tr("Intet spørgeskema endnu."))
        if state.round_name is None:
            round_text = tr("Ingen runde endnu: start indsamlingen af svar.")
        else:
            rate = (tr(", svarprocent {rate}", rate=texts.percent(state.response_rate))
                    if state.response_rate is not None else "")
            status = tr("afsluttet") if state.round_closed else tr("åben for svar")
            round_text = tr("Runde {round} ({status}): {answers} svar{rate}.",
                            round=state.round_name, status=status, answers=state.answers,
                            rate=rate)
        results = (tr("Resultaterne for runde {round} kan ses.", round=state.round_name)
                   if state.results_ready else
                   tr("Resultater vises, når runden har mindst {n} svar.", n=state.min_n))
        if state.actions:
            plan = tr("Runde {round}: {count} handlinger, {open} åbne, {overdue} over fristen.",
                      round=state.plan_round, count=state.actions, open=state.actions_open,
                      overdue=state.actions_overdue)
        else:
            plan = tr("Ingen handlinger endnu; lav dem ud fra resultaternes pressionspunkter.")
        return [
            (state.questionnaire is not None, tr("Spørgeskema"), questionnaire, "questionnaire"),
            (state.answers > 0, tr("Indsamling"), round_text, "collection"),
            (state.results_ready, tr("Resultater"), results, "results"),
            (state.actions > 0 and not state.actions_overdue, tr("Handlingsplan"), plan,
             "action_plan"),
        ]

    @staticmethod
    def _element_text(element: ElementState, state: CycleState) -> str:
        if element.done:
            return done_text(element.element)
        return "\n".join(missing_text(m, state) for m in element.missing)

    def _add_row(self, grid: QGridLayout, row: int, done: bool, name: str, text: str,
                 page: str) -> None:
        mark = QLabel(DONE_MARK if done else TODO_MARK)
        mark.setAccessibleName(tr("færdig") if done else tr("mangler"))
        font = QFont(mark.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        mark.setFont(font)
        mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        button = QPushButton(name)
        button.setObjectName(f"cycle-{page}")
        button.setToolTip(tr("Gå til siden"))
        button.setMinimumWidth(260)
        button.clicked.connect(lambda _checked=False, target=page: self.go_to(target))
        detail = QLabel(text)
        detail.setWordWrap(True)
        detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(mark, row, 0)
        grid.addWidget(button, row, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(detail, row, 2)
        grid.setColumnStretch(1, 0)
        grid.setColumnStretch(2, 1)

    def go_to(self, page_id: str) -> None:
        """Show the window's page `page_id` (the window numbers its pages as PAGES does)."""
        number = page_number(page_id)
        window = self.window()
        if number is not None and hasattr(window, "show_page"):
            window.show_page(number)
