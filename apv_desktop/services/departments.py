"""The department reports (one block per department for the OMU): the program's draft from
the round's results, indicators, open actions and assessments, or the AMiR's revised text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from apv_desktop.core.department_report import draft_reports, headings, hidden_units_named
from apv_desktop.core.model import DEFAULT_LANGUAGE
from apv_desktop.core.records import ActionItem, Indicator
from apv_desktop.core.results import Results
from apv_desktop.i18n import translator
from apv_desktop.services.compute import results_of
from apv_desktop.store.project import Project

if TYPE_CHECKING:
    from apv_desktop.reports.data import ReportData


@dataclass(frozen=True)
class DepartmentText:
    unit: str
    name: str
    text: str  # what is shown and exported: the revised text, or else the draft
    draft: str
    edited: bool
    hidden_named: tuple[str, ...] = ()  # hidden units the text names: warn before export


def department_reports(project: Project, round_name: str | None = None,
                       language: str = DEFAULT_LANGUAGE,
                       results: Results | None = None) -> list[DepartmentText]:
    """Every department's text for the round (the latest when None)."""
    info = project.round(round_name)
    results = results or results_of(project, info.name, language=language)
    return _texts(results, project.indicators(), project.actions(info.name),
                  project.assessments(info.name), project.department_texts(info.name), language)


def _texts(results: Results, indicators: list[Indicator], actions: list[ActionItem],
           assessments: dict[str, str], edited: dict[str, str], language: str
           ) -> list[DepartmentText]:
    tr = translator(language)
    drafts = draft_reports(results, indicators, actions, assessments, tr, language)
    found = []
    for draft in drafts:
        text = draft.text(tr)
        shown = edited.get(draft.unit, text)
        found.append(DepartmentText(draft.unit, draft.name, shown, text, draft.unit in edited,
                                    tuple(hidden_units_named(results, shown))))
    return found


def save_department_text(project: Project, unit: str, round_name: str, text: str,
                         draft: str) -> None:
    """Keep the revised text; a text equal to the draft (or blank) is not kept, so the draft
    follows the results again."""
    same = " ".join(text.split()) == " ".join(draft.split())
    project.set_department_text(unit, round_name, "" if same else text)


def hidden_units_in_texts(project: Project, round_name: str | None = None,
                          language: str = DEFAULT_LANGUAGE) -> list[tuple[str, list[str]]]:
    """(department name, hidden units its text names) for every text that names one."""
    return [(d.name, list(d.hidden_named)) for d in department_reports(project, round_name,
                                                                      language)
            if d.hidden_named]


def hidden_units_in_report(data: ReportData) -> list[tuple[str, list[str]]]:
    """As hidden_units_in_texts, from what the report has read already (its results are the
    same), so the report does not compute the round twice."""
    texts = _texts(data.results, data.indicators, data.actions, data.assessments,
                   data.department_texts, data.language)
    return [(d.name, list(d.hidden_named)) for d in texts if d.hidden_named]


def section_headings(language: str = DEFAULT_LANGUAGE) -> list[str]:
    return headings(translator(language))
