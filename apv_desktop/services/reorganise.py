"""A reorganisation: a new list of org units previewed against the project's, then applied.

The GUI (the preview dialog of the organisation page) and the CLI (`import-org`, `--dry-run`)
share this: the changes come from core/org_changes.py, what each dropped unit holds from the
store, and applying is the store's one transaction (store/org.py's replace_org), which checks
the same refusal again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from apv_desktop.core.model import OrgUnit
from apv_desktop.core.org_changes import OrgChanges, org_changes, refusal
from apv_desktop.core.progress import Progress, no_progress
from apv_desktop.interchange.orgfile import read_org
from apv_desktop.services.projects import opened
from apv_desktop.store.project import Project


@dataclass
class OrgImport:
    units: list[OrgUnit]
    changes: OrgChanges
    dry_run: bool = False


def preview(project: Project, units: list[OrgUnit]) -> OrgChanges:
    """What making the organisation `units` would change, with the removals it refuses."""
    old = project.org_units()
    dropped = [unit.code for unit in org_changes(old, units).removed]
    return org_changes(old, units, project.org_data_held(dropped) if dropped else {})


def import_org_file(project_path: Path, org_path: Path, *, dry_run: bool = False,
                    progress: Progress = no_progress) -> OrgImport:
    """Read the file (nothing changes on a bad one), preview, and apply unless `dry_run`.

    RefusedError, changing nothing, when the file drops a unit that holds data."""
    units = read_org(org_path, progress)
    with opened(project_path) as project:
        changes = preview(project, units)
        if changes.refused:
            raise refusal(changes.blocked)
        if not dry_run:
            project.replace_org(units)
    return OrgImport(units, changes, dry_run)
