"""Errors a user can act on. Each carries one plain sentence that says what and where.

Anything else that escapes is a bug: the CLI exits 1 and the GUI shows the details dialog.
"""

from __future__ import annotations


class ApvError(Exception):
    """A problem the user can fix; `str(error)` is the sentence shown to them."""


class InputError(ApvError):
    """A file given to us is wrong (type, sheet, row, column, value)."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class RefusedError(ApvError):
    """A valid request we will not carry out (it would break a rule or lose data)."""


class ProjectFileError(ApvError):
    """The project file cannot be opened or written as asked."""


class NewerProjectError(ProjectFileError):
    """The project file was written by a newer version of the program."""


class NotAProjectError(ProjectFileError):
    """The file is not an APV project (not SQLite, truncated, or another program's database)."""


class ProjectLockedError(ProjectFileError):
    """Another window or program has the project open."""
