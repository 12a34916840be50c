"""Whole-file copies of a project through SQLite's backup API (consistent even mid-use)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import date
from pathlib import Path

from apv_desktop.errors import ProjectFileError
from apv_desktop.store.engine import readonly_connection
from apv_desktop.tempfiles import leftovers_pattern, remove_stale, temporary_path


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy the database behind `source` to `target`: written to a temporary file beside the
    target and renamed into place, so a failed copy never leaves a half-written file."""
    remove_stale(target.parent, leftovers_pattern(target))  # an earlier copy cut off by a crash
    temporary = temporary_path(target)
    try:
        destination = sqlite3.connect(str(temporary))
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        _fsync(temporary)
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise ProjectFileError("Kopien {target} kunne ikke skrives: {error}.",
                               target=target, error=error) from None


class FileSnapshot:
    """The project file as it is now, to be copied later, on any thread, through a read-only
    connection of its own: a read transaction begins here, so the copy shows the file as it was
    at this moment (a write meanwhile waits for `close`, up to the busy timeout), and the copy
    never holds the open project's connection. Raises ProjectFileError."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection = readonly_connection(path)
        try:
            self._connection.execute("BEGIN")
            self._connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as error:
            self._connection.close()
            raise ProjectFileError("Projektfilen {path} kan ikke læses: {error}.",
                                   path=path, error=error) from None

    def backup_to(self, target: Path) -> None:
        copy_database(self._connection, target)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._connection.rollback()
        self._connection.close()


def migration_backup_path(path: Path, old_version: int, today: date | None = None) -> Path:
    """`<file>.bak-v<old>-<date>`, with -2, -3 ... added when that name is taken."""
    stamp = (today or date.today()).isoformat()
    candidate = path.with_name(f"{path.name}.bak-v{old_version}-{stamp}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak-v{old_version}-{stamp}-{number}")
        number += 1
    return candidate


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())
