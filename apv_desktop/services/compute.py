"""Results of a round, computed from the project file."""

from __future__ import annotations

from pathlib import Path

from apv_desktop.core.answers import RoundAnswers
from apv_desktop.core.model import DEFAULT_LANGUAGE, Rules
from apv_desktop.core.results import Progress, Results, compute_results
from apv_desktop.core.round_state import RoundState
from apv_desktop.errors import RefusedError
from apv_desktop.services.projects import opened
from apv_desktop.store.project import Project


def results_of(
    project: Project,
    round_name: str | None = None,
    *,
    rules: Rules | None = None,
    language: str = DEFAULT_LANGUAGE,
    progress: Progress | None = None,
    answers: RoundAnswers | None = None,
) -> Results:
    """`rules` overrides the project's stored rules (the results screen tries settings live);
    `answers` are the round's, when the caller has read them already."""
    answers = answers or round_answers(project, round_name)
    return compute_results(
        answers.questionnaire,
        answers.units,
        answers.responses,
        rules or project.rules(),
        answers.name,
        organisation_name=project.name,
        language=language,
        progress=progress,
        state=answers.state,
    )


def round_answers(project: Project, round_name: str | None = None) -> RoundAnswers:
    """The questionnaire, answers, org tree and state of a round (the latest when None): a
    closed round is computed on the tree frozen when it closed."""
    info = project.round(round_name)
    questionnaire = project.questionnaire(info.questionnaire_version_id)
    if questionnaire is None:
        raise RefusedError("Runden {name} har intet spørgeskema; importér et spørgeskema først.",
                           name=info.name)
    responses, closings = project.responses_and_closings(info.name)
    state = RoundState(info.closed, project.counts_at_close(info.name), closings)
    return RoundAnswers(info.name, questionnaire, responses, project.round_units(info.name),
                        state)


def results_for_file(path: Path, round_name: str | None = None, language: str = DEFAULT_LANGUAGE
                     ) -> Results:
    with opened(path) as project:
        return results_of(project, round_name, language=language)
