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
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import OrgUnit, Questionnaire, Rules
from apv_desktop.core.org_changes import Held
from apv_desktop.core.records import ResponseMeta, RoundInfo, VersionInfo
from apv_desktop.errors import ProjectFileError, RefusedError
from apv_desktop.i18n import tr
from apv_desktop.store import plain, round_state
from apv_desktop.store import responses as response_store
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
from apv_desktop.store.sqlite_errors import primary_code
from apv_desktop.tempfiles import leftovers_pattern, remove_stale, temporary_path

if TYPE_CHECKING:
    import numpy as np
    from sqlalchemy import Engine
    from sqlmodel import Session

    from apv_desktop.store import org, questionnaires, settings
else:
    org = lazy_module("apv_desktop.store.org")
    questionnaires = lazy_module("apv_desktop.store.questionnaires")
    settings = lazy_module("apv_desktop.store.settings")


def _file_errors() -> tuple[type[Exception], ...]:
    """What making a file can raise; SQLAlchemy's error is imported only once one is raised."""
    from sqlalchemy.exc import DBAPIError

    return (OSError, sqlite3.Error, DBAPIError)


class Project(PlanMethods):
    """Use `Project.create(path)` or `Project.open(path)`, then `close()` (or a with block).

    Reads and the bulk answer writes go through one plain sqlite3 connection (`_plain`); the
    other writes through the ORM, whose engine is made on first use."""

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

    # --- rounds and responses ------------------------------------------------------------

    def rounds(self) -> list[RoundInfo]:
        with self._plain() as connection:
            return plain.round_infos(connection)

    def round(self, name: str | None = None) -> RoundInfo:
        with self._plain() as connection:
            return plain.find_round(connection, name)

    def ensure_round(self, name: str, questionnaire_version_id: int | None = None) -> RoundInfo:
        with self._plain(write=True) as connection:
            return plain.ensure_round(connection, name, questionnaire_version_id, date.today())

    def round_units(self, round_name: str | None = None) -> list[OrgUnit]:
        """The org tree a round is computed on: frozen when it first closed, today's tree
        while it has never been closed."""
        with self._plain() as connection:
            info = plain.find_round(connection, round_name)
            frozen = round_state.frozen_units(connection, info.id)
            return plain.org_units(connection) if frozen is None else frozen

    def counts_at_close(self, round_name: str | None = None) -> dict[str, int]:
        """Unit code -> sheets when the round's results were last published ({} if never)."""
        with self._plain() as connection:
            return round_state.counts_at_close(connection, plain.find_round(connection,
                                                                            round_name).id)

    def response_closings(self, round_name: str | None = None) -> np.ndarray:
        """Per sheet, in the order of responses(): the closing that first published it (0 while
        none did)."""
        with self._plain() as connection:
            return round_state.closings(connection, plain.find_round(connection, round_name).id)

    def close_round(
        self, round_name: str, new_baseline: bool = True, on: date | None = None
    ) -> RoundInfo:
        """Close the round (see store/round_state.py) on the day `on` (today when None);
        refused when it is closed already."""
        with self._plain(write=True) as connection:
            info = plain.find_round(connection, round_name)
            if info.closed:
                raise RefusedError(tr("Runden {round} er allerede lukket.", round=info.name))
            round_state.close_round(connection, info.id, on or date.today(), new_baseline)
            return plain.find_round(connection, info.name)

    def reopen_round(self, round_name: str) -> RoundInfo:
        """Open a closed round again; refused when it is open."""
        with self._plain(write=True) as connection:
            info = plain.find_round(connection, round_name)
            if not info.closed:
                raise RefusedError(tr("Runden {round} er ikke lukket.", round=info.name))
            round_state.reopen_round(connection, info.id, date.today())
            return plain.find_round(connection, info.name)

    def add_responses(
        self,
        round_name: str,
        responses: ResponseSet,
        source: str,
        on: date | None = None,
        *,
        uuids: Sequence[str] | None = None,
        dates: Sequence[date] | None = None,
    ) -> list[str]:
        """Store answer sheets in one transaction; returns their uuids in input order.

        `uuids` and `dates` keep the identity and day of sheets copied from another project.
        """
        with self._plain(write=True) as connection:
            info = plain.find_round(connection, round_name)
            refuse_closed(info)
            frozen = round_state.frozen_units(connection, info.id)
            if frozen is not None:
                _refuse_units_outside(info, frozen, responses.unit_codes)
            version_id = info.questionnaire_version_id
            return response_store.add_responses(
                connection,
                round_name=info.name,
                round_id=info.id,
                version_id=version_id,
                item_names=plain.answerable_item_names(connection, version_id),
                unit_ids=plain.unit_ids(connection),
                responses=responses,
                source=source,
                on=on,
                uuids=uuids,
                dates=dates,
            )

    def responses(self, round_name: str | None = None) -> ResponseSet:
        """Every sheet of the round (latest when None), in an order that says nothing."""
        with self._plain() as connection:
            info = plain.find_round(connection, round_name)
            names = plain.answerable_item_names(connection, info.questionnaire_version_id)
            return response_store.read_responses(connection, info.id, names)

    def response_meta(self, round_name: str | None = None) -> list[ResponseMeta]:
        """uuid, unit, day and source of each sheet, in the same order as responses()."""
        with self._plain() as connection:
            info = plain.find_round(connection, round_name)
            return response_store.read_meta(connection, info.id)

    def response_days(self, round_name: str | None = None) -> tuple[date, date] | None:
        """The first and last day sheets of the round came in; None while it has none."""
        with self._plain() as connection:
            return response_store.read_days(connection, plain.find_round(connection, round_name).id)

    def response_count(self, round_name: str | None = None) -> int:
        """Sheets in the round; in all rounds when None."""
        with self._plain() as connection:
            if round_name is None:
                return plain.response_count(connection, None)
            return plain.find_round(connection, round_name).response_count

    def response_counts_by_unit(self, round_name: str | None = None) -> dict[str, int]:
        """Sheets per unit code (every unit, 0 included) in the round; latest when None."""
        with self._plain() as connection:
            info = plain.find_round(connection, round_name)
            return response_store.counts_by_unit(connection, info.id)

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


def refuse_closed(info: RoundInfo) -> None:
    """Sheets added to a published round would be revealed by the difference of two reports."""
    if info.closed:
        raise RefusedError(tr(
            "Runden {round} er lukket, så der kan ikke tilføjes flere besvarelser; genåbn den "
            "først med »Genåbn runden« på siden Indsamling eller med apv-desktop close-round "
            "PROJEKT --round {round} --reopen.", round=info.name))


def _refuse_units_outside(info: RoundInfo, frozen: list[OrgUnit], codes: Sequence[str]) -> None:
    known = {unit.code for unit in frozen}
    outside = sorted(set(codes) - known)
    if outside:
        raise RefusedError(tr(
            "Enheden {unit} fandtes ikke, da runden {round} blev lukket, så den kan ikke få "
            "besvarelser i runden; brug en enhed fra rundens organisation.",
            unit=outside[0], round=info.name))
