"""Creating and opening projects."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from apv_desktop.core.model import Rules
from apv_desktop.errors import RefusedError
from apv_desktop.interchange.templates import combine_templates
from apv_desktop.store.project import Project

DEFAULT_TEMPLATE = "psykisk"


@contextmanager
def opened(path: Path) -> Iterator[Project]:
    project = Project.open(path)
    try:
        yield project
    finally:
        project.close()


def create_project(
    path: Path, template_ids: list[str] | None = None, name: str = "", rules: Rules | None = None
) -> None:
    """A new project file holding the questionnaire of the given templates (combined in order)."""
    if path.exists():
        raise RefusedError(f"{path} already exists; choose another name or delete it first.")
    questionnaire = combine_templates(template_ids or [DEFAULT_TEMPLATE])
    project = Project.create(path, rules=rules, name=name or path.stem)
    try:
        project.save_questionnaire(questionnaire)
    except BaseException:
        project.close()
        path.unlink(missing_ok=True)
        raise
    project.close()
