"""Taking back the report's Handlingsplan sheet from management: choose the file, see what it
would change (and which rows cannot be taken), confirm, store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from apv_desktop.core.progress import Progress
from apv_desktop.errors import ApvError
from apv_desktop.i18n import tr, trn
from apv_desktop.interchange.actionplan_sheet import ActionPlanChanges
from apv_desktop.services.actionplan import apply_action_plan_changes, read_action_plan_at
from apv_desktop.ui import filedialogs, messages
from apv_desktop.ui.errors import show_problem
from apv_desktop.ui.session import ProjectSession
from apv_desktop.ui.worker import Worker, run_with_progress

LINES_SHOWN = 12


def import_action_plan_sheet(parent: QWidget, session: ProjectSession,
                             stored: Callable[[], None]) -> Worker | None:
    """The whole flow: the file is read in the worker (with progress and Cancel), then the
    changes are shown for the user to accept; `stored()` is called when they were stored."""
    path = filedialogs.open_file(parent, tr("Indlæs udfyldt handlingsplan"),
                                 tr("Excel-projektmapper (*.xlsx)"))
    if path is None:
        return None
    title = tr("Handlingsplanen blev ikke indlæst")
    project_path = session.path

    def read(progress: Progress) -> ActionPlanChanges:
        return read_action_plan_at(project_path, path, progress)

    def confirm(plan: ActionPlanChanges) -> None:
        if _confirm_and_store(parent, session, path, plan):
            stored()

    return run_with_progress(parent, tr("Indlæser {file} …", file=path.name), read, confirm,
                             lambda error: show_problem(parent, title, error))


def _confirm_and_store(parent: QWidget, session: ProjectSession, path: Path,
                       plan: ActionPlanChanges) -> bool:
    title = tr("Handlingsplanen blev ikke indlæst")
    if plan.problems:
        lines = [str(problem) for problem in plan.problems]
        messages.show(parent, messages.Message(
            messages.Kind.WARNING, title,
            trn("{n} række i {file} kan ikke indlæses, så intet er gemt. Ret rækken, eller skriv "
                "rapporten igen.",
                "{n} rækker i {file} kan ikke indlæses, så intet er gemt. Ret rækkerne, eller "
                "skriv rapporten igen.",
                len(plan.problems), file=path.name),
            "\n".join(lines[:LINES_SHOWN]), "\n".join(lines + [""] + plan.describe())))
        return False
    if plan.is_empty:
        messages.show(parent, messages.Message(
            messages.Kind.INFO, tr("Indlæs udfyldt handlingsplan"),
            tr("{file} ændrer intet i handlingsplanen.", file=path.name)))
        return False
    lines = plan.describe()
    answer = messages.show(parent, messages.Message(
        messages.Kind.QUESTION, tr("Indlæs udfyldt handlingsplan"),
        tr("{file} ændrer {updates} punkter og tilføjer {additions} nye. Gem ændringerne?",
           file=path.name, updates=len(plan.updates), additions=len(plan.additions)),
        "\n".join(lines[:LINES_SHOWN] + (["…"] if len(lines) > LINES_SHOWN else [])),
        "\n".join(lines)),
        messages.Button.Yes | messages.Button.No, messages.Button.Yes)
    if answer != messages.Button.Yes:
        return False
    try:
        apply_action_plan_changes(session.project, plan)
    except ApvError as error:
        show_problem(parent, title, error)
        return False
    return True
