"""Looking into a project's rolling backups and restoring one to a new project file.

Both the GUI's "Restore from backup" and any command-line use go through these functions; the
backups themselves are made and pruned by apv_desktop.backups.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from apv_desktop.backups import backup_time, list_backups
from apv_desktop.errors import ApvError, ProjectFileError, RefusedError
from apv_desktop.store.backup import copy_database
from apv_desktop.store.engine import readonly_connection, same_file
from apv_desktop.store.migrations import SCHEMA_VERSION, inspect_file
from apv_desktop.store.project import Project


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made: datetime
    size_bytes: int
    responses: int | None  # None when the copy cannot be read cheaply (older format, damaged)


def describe_backups(project_path: Path, backup_root: Path) -> list[BackupInfo]:
    """The backups of one project, newest first, each with its time, size and answer count."""
    described = []
    for path in list_backups(project_path, backup_root):
        try:
            size = path.stat().st_size
        except OSError:
            continue  # pruned by another window meanwhile
        described.append(BackupInfo(path, backup_time(path), size, _response_count(path)))
    return described


def restore_backup(backup: Path, target: Path, *, open_project: Path | None = None) -> None:
    """Write the backup to the new project file `target` (never over the open project).

    The copy goes through SQLite's backup API into a temporary file renamed into place, the
    same way Save a copy works, so a failed write leaves nothing half-written."""
    if open_project is not None and same_file(target, open_project):
        raise RefusedError(
            "En sikkerhedskopi kan ikke gendannes oven i det åbne projekt {open_project}; vælg et "
            "nyt filnavn.", open_project=open_project
        )
    if same_file(target, backup):
        raise RefusedError("En sikkerhedskopi kan ikke gendannes oven i sig selv ({backup}); vælg "
                           "et nyt filnavn.", backup=backup)
    if not target.parent.is_dir():
        raise ProjectFileError("{target} kan ikke skrives: mappen {parent} findes ikke.",
                               target=target, parent=target.parent)
    inspect_file(backup)  # refuses a damaged or foreign file with a plain sentence
    connection = readonly_connection(backup)
    try:
        copy_database(connection, target)
    finally:
        connection.close()


def _response_count(path: Path) -> int | None:
    """Counted only when the copy has today's format: opening an older one would upgrade it."""
    try:
        if inspect_file(path) != SCHEMA_VERSION:
            return None
        with Project.open(path) as project:
            return project.response_count()
    except (ApvError, OSError):
        return None
