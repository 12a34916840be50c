"""The line shown when a project with overdue action-plan items is opened (kept apart from the
page so the main window can import it without the pages package)."""

from __future__ import annotations

from apv_desktop.i18n import trn
from apv_desktop.services.actionplan import overdue_actions
from apv_desktop.ui import clock
from apv_desktop.ui.session import ProjectSession


def overdue_notice(session: ProjectSession) -> str:
    """The status-bar line shown when a project with overdue items is opened; '' when none."""
    late = overdue_actions(session.project, clock.today())
    if not late:
        return ""
    return trn("{n} punkt i handlingsplanen er over fristen; se Handlingsplan.",
               "{n} punkter i handlingsplanen er over fristen; se Handlingsplan.",
               len(late))
