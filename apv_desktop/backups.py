"""Rolling backups of project files, made when a project is opened.

Each project gets its own folder inside the backup folder (the user's data folder unless the
preferences say otherwise), named after the file and a short hash of its full path, so two
`APV 2025.apv` files in different folders never share backups. The newest `keep` copies stay.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from datetime import datetime
from pathlib import Path
from typing import Protocol

BACKUP_SUFFIX = ".apv"
STAMP_FORMAT = "%Y-%m-%d %H%M%S"  # sortable, and no ':' (not allowed in Windows file names)
_STAMP_AT_END = re.compile(r"(\d{4}-\d{2}-\d{2} \d{6})(?:-\d+)?$")


class BacksUp(Protocol):
    """What we need of a Project: a consistent copy through SQLite's backup API."""

    def backup_to(self, path: Path) -> None: ...


def backup_folder_for(project_path: Path, backup_root: Path) -> Path:
    full = str(project_path.resolve())
    digest = hashlib.sha1(full.encode("utf-8")).hexdigest()[:8]
    return backup_root / f"{project_path.stem}-{digest}"


def list_backups(project_path: Path, backup_root: Path) -> list[Path]:
    """The backups of one project, newest first."""
    folder = backup_folder_for(project_path, backup_root)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*{BACKUP_SUFFIX}"), key=lambda p: p.name, reverse=True)


def backup_time(backup: Path) -> datetime:
    """When a backup was made: the stamp in its name, else the file's modification time."""
    found = _STAMP_AT_END.search(backup.stem)
    if found:
        with contextlib.suppress(ValueError):
            return datetime.strptime(found.group(1), STAMP_FORMAT)
    try:
        return datetime.fromtimestamp(backup.stat().st_mtime)
    except OSError:
        return datetime.min


def make_rolling_backup(
    project: BacksUp,
    project_path: Path,
    backup_root: Path,
    *,
    keep: int = 10,
    now: datetime | None = None,
) -> Path | None:
    """Copy the project into its backup folder and prune to the newest `keep` copies.

    Returns the new copy, or None when the newest backup is already younger than the file's
    last change (reopening an unchanged project adds nothing)."""
    existing = list_backups(project_path, backup_root)
    if existing and _newer_than(existing[0], project_path):
        return None
    folder = backup_folder_for(project_path, backup_root)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime(STAMP_FORMAT)
    target = folder / f"{project_path.stem} {stamp}{BACKUP_SUFFIX}"
    number = 2
    while target.exists():
        target = folder / f"{project_path.stem} {stamp}-{number}{BACKUP_SUFFIX}"
        number += 1
    project.backup_to(target)
    for old in list_backups(project_path, backup_root)[max(keep, 1):]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def _newer_than(backup: Path, project_path: Path) -> bool:
    try:
        return backup.stat().st_mtime >= project_path.stat().st_mtime
    except OSError:
        return False
