"""Creating and opening projects."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from apv_desktop.core.model import Rules
from apv_desktop.errors import ProjectFileError, RefusedError
from apv_desktop.store.engine import journal_path
from apv_desktop.store.project import Project
from apv_desktop.tempfiles import leftovers_pattern, remove_stale, temporary_path

DEFAULT_TEMPLATE = "psykisk"


@contextmanager
def opened(path: Path) -> Iterator[Project]:
    project = Project.open(path)
    try:
        yield project
    finally:
        project.close()


@contextmanager
def building(path: Path, name: str = "", rules: Rules | None = None) -> Iterator[Project]:
    """A new, empty project to fill in the block, named `path` only when the block succeeds.

    It is built under a temporary name beside `path` and renamed at the end, so a failure or a
    kill never leaves a half-made project under the name (which `demo` and `new` would then
    refuse); what a kill leaves behind is removed by the next run."""
    if path.exists():
        raise RefusedError("{path} findes allerede; vælg et andet navn, eller slet den først.",
                           path=path)
    remove_stale(path.parent, leftovers_pattern(path))
    temporary = temporary_path(path, "creating")
    project = Project.create(temporary, rules=rules, name=name)
    try:
        try:
            yield project
        finally:
            project.close()
        if path.exists():
            raise RefusedError("{path} findes allerede; vælg et andet navn, eller slet den først.",
                               path=path)
        os.replace(temporary, path)
    except OSError as error:
        raise ProjectFileError("Projektfilen {path} kan ikke oprettes: {error}.",
                               path=path, error=error) from None
    finally:
        for leftover in (temporary, journal_path(temporary)):
            leftover.unlink(missing_ok=True)


def create_project(
    path: Path, template_ids: list[str] | None = None, name: str = "", rules: Rules | None = None,
    language: str | None = None,
) -> None:
    """A new project file holding the questionnaire of the given templates (combined in order).

    `language`: the questionnaire's main language (what the kiosk, the paper form and the
    builder's preview start in), when the templates have it; else theirs. A Swedish user
    creating a project in a Swedish window gets a Swedish kiosk, not a Danish one."""
    if path.exists():
        raise RefusedError("{path} findes allerede; vælg et andet navn, eller slet den først.",
                           path=path)
    from apv_desktop.interchange.templates import combine_templates  # `new` only

    questionnaire = combine_templates(template_ids or [DEFAULT_TEMPLATE])
    if language in questionnaire.languages and language != questionnaire.default_language:
        questionnaire.default_language = language
        questionnaire.title = questionnaire.title_labels.get(language) or questionnaire.title
    with building(path, name or path.stem, rules) as project:
        project.save_questionnaire(questionnaire)
