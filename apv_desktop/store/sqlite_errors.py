"""What a SQLite failure means for the user, read from SQLite's result code.

The code, not the message: the wording differs between SQLite versions and builds, and a word
like "disk" or "locked" can appear in errors that mean something else. Python (3.11+) puts the
extended result code on `sqlite3.Error.sqlite_errorcode`; SQLAlchemy wraps that error as
`DBAPIError.orig`. Failures a user can act on become the errors of errors.py; every other one
is a bug and is left to propagate.
"""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path

from apv_desktop.errors import ApvError, NotAProjectError, ProjectFileError, ProjectLockedError

# Primary result codes (sqlite.org/rescode.html); an extended code keeps its primary code in
# the low byte (SQLITE_READONLY_DBMOVED = 8 | 4 << 8, ...).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


class Failure(Enum):
    BUSY = "busy"  # another connection is writing: try again later
    UNWRITABLE = "unwritable"  # read-only file or folder, full disk, failing drive
    DAMAGED = "damaged"  # the file is not (or no longer) a readable database
    OTHER = "other"  # a bug, or nothing the user can act on


_FAILURES: dict[int, Failure] = {
    SQLITE_BUSY: Failure.BUSY,
    SQLITE_LOCKED: Failure.BUSY,
    SQLITE_PERM: Failure.UNWRITABLE,
    SQLITE_READONLY: Failure.UNWRITABLE,
    SQLITE_IOERR: Failure.UNWRITABLE,
    SQLITE_FULL: Failure.UNWRITABLE,
    SQLITE_CANTOPEN: Failure.UNWRITABLE,
    SQLITE_CORRUPT: Failure.DAMAGED,
    SQLITE_NOTADB: Failure.DAMAGED,
}


def sqlite_error_of(error: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error itself, or the one SQLAlchemy wrapped; None for any other error."""
    if isinstance(error, sqlite3.Error):
        return error
    original = getattr(error, "orig", None)
    return original if isinstance(original, sqlite3.Error) else None


def primary_code(error: BaseException) -> int | None:
    """SQLite's primary result code of the error (or of the one SQLAlchemy wrapped); None when
    there is none (not a sqlite3 error, or one the module made itself)."""
    code = getattr(sqlite_error_of(error), "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def classify(error: BaseException) -> Failure:
    code = primary_code(error)
    return Failure.OTHER if code is None else _FAILURES.get(code, Failure.OTHER)


def busy_error(path: Path) -> ProjectLockedError:
    return ProjectLockedError(
        "Projektfilen {path} er optaget: et andet vindue eller program skriver i den; prøv igen "
        "om lidt.", path=path
    )


def user_error(error: BaseException, path: Path) -> ApvError | None:
    """The error to show for a SQLite failure on the project `path`; None when it is a bug."""
    failure = classify(error)
    if failure is Failure.BUSY:
        return busy_error(path)
    if failure is Failure.UNWRITABLE:
        return ProjectFileError(
            "Projektfilen {path} kan ikke skrives (skrivebeskyttet eller fuld disk); gem en kopi "
            "et andet sted.", path=path
        )
    if failure is Failure.DAMAGED:
        return NotAProjectError(
            "Projektfilen {path} er beskadiget (SQLite melder den ødelagt); åbn en "
            "sikkerhedskopi.", path=path
        )
    return None
