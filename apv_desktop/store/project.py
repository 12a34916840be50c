"""An open APV project file: the one object the rest of the program uses to read and change it.

Every method that changes something runs in its own transaction and commits before returning,
so the file on disk is always complete (there is no "unsaved" state). Refused requests raise
RefusedError and change nothing.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from apv_desktop.core.model import OrgUnit, Questionnaire, Rules
from apv_desktop.core.records import VersionInfo
from apv_desktop.errors import ProjectFileError, RefusedError
from apv_desktop.i18n import tr
from apv_desktop.store import plain
from apv_desktop.store.backup import copy_database
from apv_desktop.store.check import check_connection
from apv_desktop.store.engine import (
    connect,
    make_engine,
    readonly_connection,
    same_file,
    translated_errors,
    writable,
)
from apv_desktop.store.lazy import lazy_module
from apv_desktop.store.migrations import SCHEMA_VERSION, create_file, open_for_use
from apv_desktop.store.project_plans import PlanMethods
from apv_desktop.store.project_rounds import RoundMethods
from apv_desktop.store.sqlite_errors import primary_code
from apv_desktop.tempfiles import leftovers_pattern, remove_stale, temporary_path

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

    from apv_desktop.core.org_changes import Held
    from apv_desktop.store import org, questionnaires, settings
else:
    org = lazy_module("apv_desktop.store.org")
    questionnaires = lazy_module("apv_desktop.store.questionnaires")
    settings = lazy_module("apv_desktop.store.settings")


def _file_errors() -> tuple[type[Exception], ...]:
    """What making a file can raise; SQLAlchemy's error is imported only once one is raised."""
    from sqlalchemy.exc import DBAPIError

    return (OSError, sqlite3.Error, DBAPIError)


class Project(PlanMethods, RoundMethods):
    """Use `Project.create(path)` or `Project.open(path)`, then `close()` (or a with block).

    Reads and the bulk answer writes go through one plain sqlite3 connection (`_plain`); the
    other writes through the ORM, whose engine is made on first use. Its rounds and answer
    sheets are in project_rounds.py, its follow-up (plans, indicators) in project_plans.py."""

    def __init__(
        self, path: Path, migration_backup: Path | None, read_only: bool = False
    ) -> None:
        self.path = path
        self.migration_backup = migration_backup  # the copy made before upgrading, if any
        self.read_only = read_only  # opened for viewing: every change is refused
        self._engine: Engine | None = None
        self._connection: sqlite3.Connection | None = (
            readonly_connection(path) if read_only else connect(path)
        )
        self._lock = threading.Lock()  # the plain connection is shared by the threads
        self._closed = False

    # --- opening and closing -------------------------------------------------------------

    @classmethod
    def create(
        cls, path: str | os.PathLike[str], rules: Rules | None = None, name: str = ""
    ) -> Project:
        """A new, empty project at `path`; refuses to overwrite an existing file."""
        path = Path(path)
        if path.exists():
            raise RefusedError("Filen {path} findes allerede; vælg et andet navn.", path=path)
        if not path.parent.is_dir():
            raise ProjectFileError("Mappen {parent} findes ikke; vælg en mappe, der findes.",
                                   parent=path.parent)
        problems = settings.rules_problems(rules) if rules is not None else []
        if problems:
            raise RefusedError("Reglerne kan ikke gemmes: {value}.", value='; '.join(problems))
        # Built under a temporary name and renamed, so a half-made project never has the name.
        temporary = temporary_path(path, "creating")
        try:
            with translated_errors(path):
                create_file(temporary)
                draft = cls(temporary, None)
                with draft:
                    draft.set_name(name)
                    draft.set_rules(rules or Rules())
            if path.exists():
                raise RefusedError("Filen {path} findes allerede; vælg et andet navn.", path=path)
            os.replace(temporary, path)
        except _file_errors() as error:
            raise ProjectFileError("Projektfilen {path} kan ikke oprettes: {error}.",
                                   path=path, error=error) from None
        finally:
            with contextlib.suppress(OSError):
                temporary.unlink()
        return cls.open(path)

    @classmethod
    def open(cls, path: str | os.PathLike[str], read_only: bool | None = None) -> Project:
        """Open an existing project, upgrading an older file after backing it up.

        read_only None: read-only when the file or its folder may not be written (a CD, a
        colleague's share), so it can still be viewed; True forces it, False never.
        """
        path = Path(path)
        if read_only is None:
            read_only = path.is_file() and not writable(path)
        if not read_only:
            # copies and upgrades of this file that a crash cut off (never the file itself)
            remove_stale(path.parent, leftovers_pattern(path))
        backup = open_for_use(path, read_only=read_only)
        return cls(path, backup, read_only)

    def close(self) -> None:
        self._closed = True
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Session]:
        """One changing SQLite transaction: committed when the block ends, rolled back on an
        error. It takes the write lock as it begins (waiting for another writer up to the busy
        timeout); reads go through `_plain`, whose transactions share the file with others.
        """
        from sqlmodel import Session

        with (
            translated_errors(self.path),
            self._refusing_writes(),
            Session(self._orm_engine(), expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    def _orm_engine(self) -> Engine:
        if self._closed:
            raise ProjectFileError("Projektfilen {path} er lukket; åbn den igen.", path=self.path)
        if self._engine is None:
            self._engine = make_engine(self.path, self.read_only)
        return self._engine

    @contextlib.contextmanager
    def _plain(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        """One SQLite transaction on the plain connection: IMMEDIATE when it will write (it
        waits for another writer up to the busy timeout), deferred when it only reads (it
        shares the file with others)."""
        if self._connection is None:
            raise ProjectFileError("Projektfilen {path} er lukket; åbn den igen.", path=self.path)
        with translated_errors(self.path), self._refusing_writes(), self._lock:
            connection = self._connection
            connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    @contextlib.contextmanager
    def _refusing_writes(self) -> Iterator[None]:
        """In a read-only project, SQLite's refusal to write becomes a sentence saying why."""
        try:
            yield
        except Exception as error:  # SQLAlchemy's wrapper too, without importing SQLAlchemy
            if self.read_only and primary_code(error) == sqlite3.SQLITE_READONLY:
                raise ProjectFileError(tr(
                    "Projektet {path} er åbnet skrivebeskyttet, så intet kan ændres; kopiér "
                    "filen til en mappe, hvor du må skrive, for at arbejde i den.",
                    path=self.path)) from None
            raise

    @contextlib.contextmanager
    def _raw_connection(self) -> Iterator[Any]:
        """A pooled sqlite3 connection outside any transaction."""
        if self._connection is None:
            raise ProjectFileError("Projektfilen {path} er lukket; åbn den igen.", path=self.path)
        with self._lock:
            yield self._connection

    # --- settings ------------------------------------------------------------------------

    @property
    def name(self) -> str:
        with self._plain() as connection:
            return str(plain.get_setting(connection, plain.NAME_KEY, ""))

    def set_name(self, name: str) -> None:
        with self._transaction() as session:
            settings.put_setting(session, settings.NAME_KEY, str(name).strip())

    def rules(self) -> Rules:
        with self._plain() as connection:
            return plain.read_rules(connection)

    def set_rules(self, rules: Rules) -> None:
        with self._transaction() as session:
            settings.write_rules(session, rules)

    # --- questionnaires ------------------------------------------------------------------

    def save_questionnaire(self, questionnaire: Questionnaire) -> int:
        """Store the questionnaire; returns its version id (a new one if the latest is frozen)."""
        with self._transaction() as session:
            return questionnaires.save_questionnaire(session, questionnaire, date.today())

    def questionnaire(self, version_id: int | None = None) -> Questionnaire | None:
        """The given version, or the latest when None; None when there is no such version."""
        with self._plain() as connection:
            if version_id is None:
                version_id = plain.latest_version_id(connection)
            return None if version_id is None else plain.load_questionnaire(connection, version_id)

    def questionnaire_versions(self) -> list[VersionInfo]:
        with self._plain() as connection:
            return plain.version_infos(connection)

    # --- organisation --------------------------------------------------------------------

    def replace_org(self, units: list[OrgUnit]) -> None:
        with self._transaction() as session:
            org.replace_org(session, list(units))

    def org_units(self) -> list[OrgUnit]:
        with self._plain() as connection:
            return plain.org_units(connection)

    def org_data_held(self, codes: list[str]) -> dict[str, Held]:
        """What each of these units holds (answers, plans …), for those holding anything."""
        with self._plain() as connection:
            return org.data_held(connection, codes)

    # --- copies and checks ---------------------------------------------------------------

    def backup_to(self, target_path: str | os.PathLike[str]) -> None:
        """A consistent copy of the whole project (sqlite backup API, renamed into place)."""
        target = Path(target_path)
        if same_file(target, self.path):
            raise RefusedError("En sikkerhedskopi kan ikke skrives oven i projektfilen {path}; "
                               "vælg et andet filnavn.", path=self.path)
        with translated_errors(self.path), self._raw_connection() as connection:
            copy_database(connection, target)

    def check(self) -> list[str]:
        """Problems found in the file (integrity, foreign keys, schema, answer sizes)."""
        with translated_errors(self.path), self._raw_connection() as connection:
            return check_connection(connection, SCHEMA_VERSION)
