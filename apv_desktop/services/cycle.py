"""Where the AMiR is in the APV cycle: the questionnaire, the latest round, its results and
action plan, and the four elements the law asks for (domain.md: afdækning og risikovurdering,
inddragelse af sygefravær, skriftlig handlingsplan, gennemførelse og opfølgning), each with what
is done and what is still missing.

Qt-free and cheap (counts only, no score is computed), so the start page of a project can show
it at once; the window turns the codes below into words and each element into a link to its page.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from apv_desktop.core.model import DEFAULT_LANGUAGE, pick_label
from apv_desktop.core.records import CLOSED_STATUSES, ActionItem
from apv_desktop.services.actionplan import is_overdue
from apv_desktop.store.project import Project

# the indicator kinds that are sick leave (the other kinds are turnover, caseload, ...)
SICK_LEAVE_KINDS = ("sick_days_short_per_fte", "sick_days_long_per_fte")


class Element(StrEnum):
    MAPPING = "mapping"  # afdækning og risikovurdering: the survey and its results
    SICK_LEAVE = "sick_leave"  # inddragelse af sygefravær
    ACTION_PLAN = "action_plan"  # skriftlig handlingsplan
    FOLLOW_UP = "follow_up"  # gennemførelse og opfølgning


class Missing(StrEnum):
    """What keeps an element from being done (the window has a sentence for each)."""

    NO_ORGANISATION = "no_organisation"
    NO_QUESTIONNAIRE = "no_questionnaire"
    NO_ROUND = "no_round"
    TOO_FEW_ANSWERS = "too_few_answers"  # fewer answers than the anonymity threshold
    ROUND_OPEN = "round_open"  # still collecting answers
    NO_SICK_LEAVE_FIGURES = "no_sick_leave_figures"
    NO_SICK_LEAVE_ASSESSMENT = "no_sick_leave_assessment"
    NO_ACTIONS = "no_actions"
    ACTIONS_INCOMPLETE = "actions_incomplete"  # without responsible or deadline
    ACTIONS_OVERDUE = "actions_overdue"
    ACTIONS_OPEN = "actions_open"  # not yet carried out
    NO_FOLLOW_UP = "no_follow_up"  # carried out, but nobody wrote whether it worked


# the page of the window where each element is worked on (Page.page_id)
ELEMENT_PAGES: dict[Element, str] = {
    Element.MAPPING: "results",
    Element.SICK_LEAVE: "action_plan",
    Element.ACTION_PLAN: "action_plan",
    Element.FOLLOW_UP: "action_plan",
}


@dataclass(frozen=True)
class ElementState:
    element: Element
    missing: tuple[Missing, ...]

    @property
    def done(self) -> bool:
        return not self.missing

    @property
    def page(self) -> str:
        return ELEMENT_PAGES[self.element]


@dataclass(frozen=True)
class CycleState:
    units: int
    staff: int | None  # the sum of the units' own headcounts; None when none is known
    questionnaire: str | None  # the title of the latest questionnaire version
    questions: int  # its answerable questions
    round_name: str | None  # the latest round
    round_closed: bool | None  # None: no round yet
    answers: int  # in the latest round
    min_n: int
    plan_round: str | None  # the round whose action plan is followed
    actions: int  # in that plan
    actions_open: int
    actions_overdue: int  # of every round, as the notice on opening counts them
    elements: tuple[ElementState, ...] = field(default=())

    @property
    def response_rate(self) -> float | None:
        return self.answers / self.staff if self.staff else None

    @property
    def results_ready(self) -> bool:
        return self.round_name is not None and self.answers >= self.min_n \
            and self.round_closed is not False

    def element(self, element: Element) -> ElementState:
        return next(e for e in self.elements if e.element is element)


def cycle_state(project: Project, today: date, language: str = DEFAULT_LANGUAGE) -> CycleState:
    """The state of the project's latest round and of its action plan (the plan of the latest
    round that has one: a follow-up pulse after the APV carries no plan of its own); `today`
    judges the deadlines."""
    units = project.org_units()
    headcounts = [u.headcount for u in units if u.headcount is not None]
    rounds = project.rounds()
    latest = rounds[-1] if rounds else None
    questionnaire = (project.questionnaire(latest.questionnaire_version_id) if latest is not None
                     else project.questionnaire() if project.questionnaire_versions() else None)
    every_action = project.actions()
    planned = [r.name for r in rounds if any(a.round == r.name for a in every_action)]
    plan_round = planned[-1] if planned else (latest.name if latest is not None else None)
    actions = [a for a in every_action if a.round == plan_round]
    state = CycleState(
        units=len(units),
        staff=sum(headcounts) if headcounts else None,
        questionnaire=pick_label(questionnaire.title_labels, language, questionnaire.title)
        if questionnaire is not None else None,
        questions=len(questionnaire.answerable_items()) if questionnaire is not None else 0,
        round_name=latest.name if latest is not None else None,
        round_closed=latest.closed if latest is not None else None,
        answers=latest.response_count if latest is not None else 0,
        min_n=project.rules().min_n,
        plan_round=plan_round,
        actions=len(actions),
        actions_open=sum(a.status not in CLOSED_STATUSES for a in actions),
        actions_overdue=sum(is_overdue(a, today) for a in every_action),
    )
    sick_figures = any(f.kind in SICK_LEAVE_KINDS for f in project.indicators())
    assessed = any(text.strip() for name in {state.round_name, plan_round} if name is not None
                   for text in project.assessments(name).values())
    elements = (
        ElementState(Element.MAPPING, _mapping(state)),
        ElementState(Element.SICK_LEAVE, tuple(
            m for m, ok in ((Missing.NO_SICK_LEAVE_FIGURES, sick_figures),
                            (Missing.NO_SICK_LEAVE_ASSESSMENT, assessed)) if not ok)),
        ElementState(Element.ACTION_PLAN, _action_plan(actions)),
        ElementState(Element.FOLLOW_UP, _follow_up(actions, today)),
    )
    return replace(state, elements=elements)


def _mapping(state: CycleState) -> tuple[Missing, ...]:
    if not state.units:
        return (Missing.NO_ORGANISATION,)
    if state.questionnaire is None:
        return (Missing.NO_QUESTIONNAIRE,)
    if state.round_name is None:
        return (Missing.NO_ROUND,)
    missing = []
    if state.round_closed is False:
        missing.append(Missing.ROUND_OPEN)
    if state.answers < state.min_n:
        missing.append(Missing.TOO_FEW_ANSWERS)
    return tuple(missing)


def _action_plan(actions: list[ActionItem]) -> tuple[Missing, ...]:
    if not actions:
        return (Missing.NO_ACTIONS,)
    incomplete = [a for a in actions if a.status != "dropped"
                  and (not a.responsible.strip() or a.deadline is None)]
    return (Missing.ACTIONS_INCOMPLETE,) if incomplete else ()


def _follow_up(actions: list[ActionItem], today: date) -> tuple[Missing, ...]:
    if not actions:
        return (Missing.NO_ACTIONS,)
    missing = []
    if any(is_overdue(a, today) for a in actions):
        missing.append(Missing.ACTIONS_OVERDUE)
    if any(a.status not in CLOSED_STATUSES for a in actions):
        missing.append(Missing.ACTIONS_OPEN)
    if any(a.status == "done" and not (a.effect.strip() or a.follow_up_notes.strip())
           for a in actions):
        missing.append(Missing.NO_FOLLOW_UP)
    return tuple(missing)
