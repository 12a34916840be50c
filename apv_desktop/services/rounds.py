"""Closing and reopening a survey round: the one service behind `close-round` and the GUI.

Closing publishes the round: results get scores, and the org tree is frozen so a later
reorganisation leaves the round as it was reported. Reopening lets sheets in again; earlier
reports exist, so core.disclosure withholds unit results until every unit that changed has
enough new sheets for the difference between the two reports to say nothing about a person.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from apv_desktop.core.records import RoundInfo
from apv_desktop.core.results import compute_results
from apv_desktop.core.round_release import strictest_threshold
from apv_desktop.i18n import tr
from apv_desktop.services.compute import round_answers
from apv_desktop.services.projects import opened
from apv_desktop.store.project import Project


@dataclass(frozen=True)
class RoundChange:
    """What closing or reopening did, and what the user must be told."""

    round: RoundInfo
    message: str  # one sentence: what happened
    warning: str = ""  # reopening: earlier reports exist


def close_round(project: Project, round_name: str | None = None) -> RoundChange:
    """Close the round (the latest when None); its results publish scores from now on."""
    answers = round_answers(project, round_name)
    # Whether this closing publishes results again: then a later reopening counts new sheets
    # from today's counts; when it withholds them, from those of the last published release.
    closed_state = replace(answers.state, closed=True)
    results = compute_results(answers.questionnaire, answers.units, answers.responses,
                              project.rules(), answers.name, state=closed_state)
    info = project.close_round(answers.name, new_baseline=not results.withheld)
    message = tr("Runden {round} er lukket; resultaterne kan nu vises.", round=info.name)
    if results.withheld:
        message = tr("Runden {round} er lukket, men resultaterne for enhederne tilbageholdes "
                     "fortsat: nogle enheder har fået for få nye besvarelser, siden runden "
                     "blev genåbnet.", round=info.name)
    return RoundChange(info, message)


def reopening_warning(project: Project, round_name: str | None = None) -> str:
    """What a user must know before reopening the round (shown before they confirm)."""
    answers = round_answers(project, round_name)
    results = compute_results(answers.questionnaire, answers.units, answers.responses,
                              project.rules(), answers.name)
    return tr("Der findes allerede rapporter om runden {round}. Når den genåbnes, vises "
              "ingen scorer, før den er lukket igen, og derefter kun når hver enhed, der har "
              "fået nye besvarelser, har fået mindst {n}.",
              round=answers.name, n=strictest_threshold(results.disclosure, project.rules()))


def reopen_round(project: Project, round_name: str | None = None) -> RoundChange:
    """Open a closed round again (the latest when None), so sheets can be added."""
    warning = reopening_warning(project, round_name)
    info = project.reopen_round(project.round(round_name).name)
    return RoundChange(info, tr("Runden {round} er genåbnet og kan få flere besvarelser.",
                                round=info.name), warning)


def change_round_in_file(path: Path, round_name: str | None, reopen: bool) -> RoundChange:
    with opened(path) as project:
        return reopen_round(project, round_name) if reopen else close_round(project, round_name)
