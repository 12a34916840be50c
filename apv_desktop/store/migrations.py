"""Numbered schema migrations, and the checks made before a file is opened for use.

Migration N (the N-th function in MIGRATIONS) brings a file from user_version N-1 to N, inside
one transaction that also stamps the new user_version, so a file is always at some whole
version. Before an existing file is migrated, a backup copy `<file>.bak-v<old>-<date>` is made.
A file whose user_version is newer than the program knows is refused and left untouched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from apv_desktop.errors import (
    NewerProjectError,
    NotAProjectError,
    ProjectFileError,
)
from apv_desktop.i18n import tr
from apv_desktop.store.backup import copy_database, migration_backup_path
from apv_desktop.store.engine import (
    APPLICATION_ID,
    check_ours,
    connect,
    read_header,
    readonly_connection,
    translated_errors,
)
from apv_desktop.store.schema_v1 import SCHEMA_1
from apv_desktop.store.schema_v2 import SCHEMA_2
from apv_desktop.store.schema_v3 import SCHEMA_3, convert_answers
from apv_desktop.store.schema_v4 import SCHEMA_4, close_existing_rounds
from apv_desktop.store.schema_v5 import SCHEMA_5, mark_published_sheets
from apv_desktop.store.sqlite_errors import Failure, busy_error, classify

Migration = Callable[[sqlite3.Connection], None]


def _schema_1(connection: sqlite3.Connection) -> None:
    """Create every table of the first release and mark the file as an APV project."""
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for statement in SCHEMA_1:
        connection.execute(statement)


def _schema_2(connection: sqlite3.Connection) -> None:
    """Add the department reports' edited texts (one per department and round)."""
    for statement in SCHEMA_2:
        connection.execute(statement)


def _schema_3(connection: sqlite3.Connection) -> None:
    """Answers packed in the smallest cell type (one byte per choice) instead of float64."""
    for statement in SCHEMA_3:
        connection.execute(statement)
    convert_answers(connection)


def _schema_4(connection: sqlite3.Connection) -> None:
    """Rounds open and closed, each closed round with its frozen org tree; existing rounds
    are closed with today's tree (they have been reported on); questions may be background."""
    for statement in SCHEMA_4:
        connection.execute(statement)
    close_existing_rounds(connection)


def _schema_5(connection: sqlite3.Connection) -> None:
    """Each sheet knows the closing that first published it; the sheets of closed rounds were
    published by their first."""
    for statement in SCHEMA_5:
        connection.execute(statement)
    mark_published_sheets(connection)


MIGRATIONS: tuple[Migration, ...] = (_schema_1, _schema_2, _schema_3, _schema_4, _schema_5)
SCHEMA_VERSION = len(MIGRATIONS)
# Upgrading a file from below this version frees most of its pages (the answers shrink about
# eightfold), so the file is compacted afterwards: users mail it.
_COMPACT_BELOW = 3


def apply_migrations(
    connection: sqlite3.Connection, from_version: int, migrations: Sequence[Migration]
) -> None:
    """Run migrations from_version+1 .. len(migrations), each in its own transaction.

    `connection` must have isolation_level=None (see engine.connect).
    """
    for number in range(from_version + 1, len(migrations) + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            migrations[number - 1](connection)
            connection.execute(f"PRAGMA user_version = {number}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise


def inspect_file(
    path: Path, migrations: Sequence[Migration] = MIGRATIONS, read_only: bool = False
) -> int:
    """The user_version of an APV project file, after checking that it is one we can open.

    Nothing here writes to the file: the header is read as bytes, then a read-only connection
    looks inside. Raises ProjectFileError (missing), NotAProjectError (not ours or damaged),
    NewerProjectError (written by a newer program).
    SQLite's quick_check of the whole file is made here, so open_for_use does not repeat it.
    """
    if not path.exists():
        raise ProjectFileError("Projektfilen {path} findes ikke.", path=path)
    if not path.is_file():
        raise NotAProjectError("{path} er en mappe, ikke en APV-projektfil.", path=path)
    header = read_header(path, read_only)
    check_ours(path, header)
    _refuse_newer(path, header.user_version, migrations)
    connection = readonly_connection(path)
    try:
        return _inspect_connection(path, connection, migrations)
    except sqlite3.OperationalError as error:
        if classify(error) is Failure.BUSY:
            raise busy_error(path) from None
        raise NotAProjectError("Filen {path} kan ikke læses som et APV-projekt.",
                               path=path) from None
    finally:
        connection.close()


def open_for_use(
    path: Path, migrations: Sequence[Migration] = MIGRATIONS, read_only: bool = False
) -> Path | None:
    """Check `path`, back it up and migrate it when it is older; return the backup's path
    (None when no migration was needed). Afterwards the file is at len(migrations).

    read_only: only check (a project opened for viewing); an older file cannot be upgraded
    then, and is refused with a sentence saying so.
    """
    inspect_file(path, migrations, read_only)
    connection = readonly_connection(path) if read_only else _connect_checked(path)
    try:
        try:
            with translated_errors(path):
                # quick_check reads every page (0.35 s at 100,000 sheets): inspect_file has
                # just made it, once per open is enough.
                version = _inspect_connection(path, connection, migrations, check=False)
                _refuse_damaged_schema(path, connection, version, migrations)
        except sqlite3.Error as error:
            raise ProjectFileError("Projektfilen {path} kan ikke åbnes: {error}.",
                                   path=path, error=error) from None
        if version == len(migrations):
            return None
        if read_only:
            raise ProjectFileError(tr(
                "Projektfilen {path} er fra en ældre version af programmet og skal opgraderes, "
                "men den ligger skrivebeskyttet; kopiér den til en mappe, hvor du må skrive, "
                "og åbn kopien.", path=path))
        backup = None
        if version > 0:
            backup = migration_backup_path(path, version)
            copy_database(connection, backup)
        try:
            apply_migrations(connection, version, migrations)
            if version < _COMPACT_BELOW <= len(migrations):
                connection.execute("VACUUM")
        except sqlite3.Error as error:
            where = (tr("; kopien fra før opgraderingen er {backup}", backup=backup) if backup
                     else "")
            raise ProjectFileError(
                "Projektfilen {path} kunne ikke opgraderes ({error}){where}.",
                path=path, error=error, where=where
            ) from None
        return backup
    finally:
        connection.close()


def create_file(path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> None:
    """Make a new, empty project database at `path` (which must not exist)."""
    connection = connect(path)
    try:
        apply_migrations(connection, 0, migrations)
    finally:
        connection.close()


def _connect_checked(path: Path) -> sqlite3.Connection:
    try:
        return connect(path)
    except sqlite3.Error as error:
        raise ProjectFileError("Projektfilen {path} kan ikke åbnes: {error}.",
                               path=path, error=error) from None


def _inspect_connection(
    path: Path,
    connection: sqlite3.Connection,
    migrations: Sequence[Migration],
    check: bool = True,
) -> int:
    try:
        (application_id,) = connection.execute("PRAGMA application_id").fetchone()
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if application_id != APPLICATION_ID:
            raise NotAProjectError(
                "Filen {path} er et andet programs database, ikke et APV-projekt.", path=path
            )
        if version < 0:
            raise NotAProjectError(tr(
                "Filen {path} er beskadiget: dens skemaversion ({version}) er ugyldig; "
                "åbn en sikkerhedskopi i stedet.", path=path, version=version))
        _refuse_newer(path, version, migrations)
        verdict = connection.execute("PRAGMA quick_check(1)").fetchone()[0] if check else "ok"
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError:
        raise NotAProjectError(
            "Projektfilen {path} er beskadiget: SQLite kan ikke læse den; åbn en sikkerhedskopi i "
            "stedet.", path=path
        ) from None
    if verdict != "ok":
        detail = " ".join(str(verdict).replace("*** in database main ***", "").split())
        raise NotAProjectError(
            "Projektfilen {path} er beskadiget ({detail}); åbn en sikkerhedskopi i stedet.",
            path=path, detail=detail
        )
    return int(version)


def _refuse_newer(path: Path, version: int, migrations: Sequence[Migration]) -> None:
    if version > len(migrations):
        raise NewerProjectError(
            "Projektfilen {path} er gemt af en nyere version af APV Desktop (filversion "
            "{version}, dette program kender op til {count_migrations}); opdatér programmet for "
            "at åbne den.", path=path, version=version, count_migrations=len(migrations)
        )


def promised_schema(
    migrations: Sequence[Migration], version: int
) -> dict[str, frozenset[str]]:
    """Table -> column names that a file at `version` has: what the frozen DDL makes."""
    return _promised_schema(tuple(migrations[:version]))


@cache
def _promised_schema(migrations: tuple[Migration, ...]) -> dict[str, frozenset[str]]:
    connection = sqlite3.connect(":memory:", isolation_level=None)
    try:
        apply_migrations(connection, 0, migrations)
        return _schema_of(connection)
    finally:
        connection.close()


def _schema_of(connection: sqlite3.Connection) -> dict[str, frozenset[str]]:
    # One query for every table's columns (made on every open, of the file and of the
    # promised schema: one query per table was half the time of opening a small project).
    columns: dict[str, set[str]] = {}
    for table, column in connection.execute(
            "SELECT m.name, c.name FROM sqlite_master AS m, pragma_table_info(m.name) AS c "
            "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"):
        columns.setdefault(table, set()).add(column)
    return {table: frozenset(names) for table, names in columns.items()}


def schema_problems(
    connection: sqlite3.Connection, version: int, migrations: Sequence[Migration] = MIGRATIONS
) -> list[str]:
    """The tables and columns that `version` promises but the file lacks (as sentences)."""
    if not 0 <= version <= len(migrations):
        return []  # an invalid or newer version is reported on its own
    present = _schema_of(connection)
    problems = []
    for table, columns in sorted(promised_schema(migrations, version).items()):
        if table not in present:
            problems.append(tr("tabellen {table} mangler", table=table))
        elif missing := sorted(columns - present[table]):
            problems.append(tr("tabellen {table} mangler kolonnen {columns}",
                               table=table, columns=", ".join(missing)))
    return problems


def _refuse_damaged_schema(
    path: Path, connection: sqlite3.Connection, version: int, migrations: Sequence[Migration]
) -> None:
    problems = schema_problems(connection, version, migrations)
    if problems:
        raise NotAProjectError(tr(
            "Projektfilen {path} er beskadiget ({problems}); åbn en sikkerhedskopi i stedet.",
            path=path, problems="; ".join(problems[:3])))
