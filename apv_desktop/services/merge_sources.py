"""The project files merged in from other laptops: opened from a private copy, so that they are
only ever read, and every problem with one names that file."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from apv_desktop.errors import ApvError, NotAProjectError, ProjectFileError
from apv_desktop.i18n import tr
from apv_desktop.os_errors import os_reason
from apv_desktop.services.projects import opened
from apv_desktop.store.project import Project


def private_copy(path: Path, copy: Path) -> Path:
    """A copy of a merge source to open instead of it, so that the other laptop's file is
    never changed: not upgraded, not rolled back, not taken out of WAL mode. A journal or WAL
    file beside it is copied along, since it holds part of the file's content."""
    try:
        for suffix in ("", "-journal", "-wal"):
            origin = path.with_name(path.name + suffix)
            if suffix == "" or origin.is_file():
                shutil.copyfile(origin, copy.with_name(copy.name + suffix))
    except OSError as error:
        raise ProjectFileError(tr("Filen {path} kan ikke læses: {reason}.", path=path,
                                  reason=os_reason(error))) from None
    return copy


@contextmanager
def opened_source(path: Path, copy: Path) -> Iterator[Project]:
    """The private copy of a merge source, opened; every problem names the source itself."""
    try:
        with opened(copy) as source:
            yield source
    except ApvError as error:
        message = str(error).replace(str(copy), str(path))
        raise type(error)(message) from None
    except Exception as error:
        if not _damaged(error):
            raise
        # Text that is not UTF-8, JSON that does not parse: the file is damaged.
        detail = " ".join(str(error).split())[:120]
        raise NotAProjectError(tr(
            "Projektfilen {path} er beskadiget og kan ikke flettes ind ({detail}); intet er "
            "flettet ind.", path=path, detail=detail)) from None


def _damaged(error: Exception) -> bool:
    """Whether reading a source failed on its content. The ORM's own error is checked only if
    the ORM is loaded (it raised it then): importing SQLAlchemy here would cost every start of
    the window a third of a second."""
    orm_errors = sys.modules.get("sqlalchemy.exc")
    return isinstance(error, ValueError | sqlite3.Error) or (
        orm_errors is not None and isinstance(error, orm_errors.DBAPIError))


def read_every_sheet(source: Project) -> None:
    """Read what the merge will read, so that a damaged source refuses before anything is
    stored (the merge is all or nothing)."""
    for info in source.rounds():
        if info.response_count:
            source.responses(info.name)
            source.response_meta(info.name)
