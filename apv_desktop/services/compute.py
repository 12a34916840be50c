"""Results of a round, computed from the project file."""

from __future__ import annotations

from pathlib import Path

from apv_desktop.core.answers import ResponseSet, RoundAnswers
from apv_desktop.core.model import DEFAULT_LANGUAGE, Rules
from apv_desktop.core.results import Progress, Results, compute_results
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
    responses: ResponseSet | None = None,
) -> Results:
    """`rules` overrides the project's stored rules (the results screen tries settings live);
    `responses` are the round's answers when the caller has read them already."""
    info = project.round(round_name)
    questionnaire = project.questionnaire(info.questionnaire_version_id)
    if questionnaire is None:
        raise RefusedError(f"round {info.name} has no questionnaire.")
    return compute_results(
        questionnaire,
        project.org_units(),
        responses if responses is not None else project.responses(info.name),
        rules or project.rules(),
        info.name,
        organisation_name=project.name,
        language=language,
        progress=progress,
    )


def round_answers(project: Project, round_name: str | None = None) -> RoundAnswers:
    """The questionnaire and answers of a round (the latest when None)."""
    info = project.round(round_name)
    questionnaire = project.questionnaire(info.questionnaire_version_id)
    if questionnaire is None:
        raise RefusedError(f"Round {info.name} has no questionnaire.")
    return RoundAnswers(info.name, questionnaire, project.responses(info.name))


def results_for_file(path: Path, round_name: str | None = None, language: str = DEFAULT_LANGUAGE
                     ) -> Results:
    with opened(path) as project:
        return results_of(project, round_name, language=language)
