"""Connections to a project file: the pragmas, the read-only first look, and the ORM engine.

Opening never writes to a file before it is known to be ours: the header is read as plain bytes,
then the file is looked at through a read-only SQLite connection, and only then reopened
read-write. So a foreign, truncated or newer file stays byte-identical.
"""

from __future__ import annotations

import json
import os
import sqlite3
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from apv_desktop.errors import NotAProjectError, ProjectFileError
from apv_desktop.i18n import tr
from apv_desktop.os_errors import os_reason
from apv_desktop.store.sqlite_errors import (
    Failure,
    busy_error,
    classify,
    primary_code,
    user_error,
)

if TYPE_CHECKING:  # SQLAlchemy is imported only when the ORM is used: it is slow to import
    from sqlalchemy import Connection, Engine

# PRAGMA application_id of every APV project: the bytes "APVD". A SQLite file without it belongs
# to another program and is never touched.
APPLICATION_ID = 0x41505644
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
BUSY_TIMEOUT_SECONDS = 5.0
READING = "apv_reading"  # execution option of an engine whose transactions only read


@dataclass(frozen=True)
class FileHeader:
    """What the first 100 bytes of a SQLite file say (see sqlite.org/fileformat.html)."""

    page_size: int
    page_count: int | None  # None when the header's count is stale (written by old software)
    user_version: int
    application_id: int


def read_header(path: Path, read_only: bool = False) -> FileHeader:
    """Read the header as plain bytes; NotAProjectError unless it is a whole SQLite file.

    A file marked as ours is read while SQLite holds a shared lock on it: taking that lock rolls
    back the hot journal a crash left (and waits for a writer in the middle of a commit), so a
    file that is mid-commit is judged as SQLite will see it, not by its size of the moment.
    read_only: never write, not even to roll back (a file opened for viewing, a merge source).
    """
    size, head = _size_and_head(path)
    if _marked_ours(head):
        with _shared_lock(path, read_only):
            size, head = _size_and_head(path)
    if size == 0:
        raise NotAProjectError("Filen {path} er tom, så den er ikke et APV-projekt.", path=path)
    if not head.startswith(SQLITE_MAGIC):
        raise NotAProjectError("Filen {path} er ikke en APV-projektfil (ikke en database).",
                               path=path)
    if len(head) < HEADER_SIZE:
        raise _truncated(path)
    (raw_page_size,) = struct.unpack_from(">H", head, 16)
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    change_counter, page_count = struct.unpack_from(">II", head, 24)
    (user_version,) = struct.unpack_from(">i", head, 60)
    (application_id,) = struct.unpack_from(">i", head, 68)
    (valid_for,) = struct.unpack_from(">I", head, 92)
    if page_size < 512 or page_size & (page_size - 1):
        raise NotAProjectError("Filen {path} er beskadiget: dens filhoved er ugyldigt; åbn en "
                               "sikkerhedskopi i stedet.", path=path)
    count = page_count if page_count and change_counter == valid_for else None
    if size % page_size or (count is not None and size < count * page_size):
        raise _truncated(path)
    if user_version < 0:
        raise NotAProjectError(
            tr("Filen {path} er beskadiget: dens skemaversion ({version}) er ugyldig; "
               "åbn en sikkerhedskopi i stedet.", path=path, version=user_version)
        )
    return FileHeader(page_size, count, user_version, application_id)


def journal_path(path: Path) -> Path:
    """The rollback journal SQLite keeps beside the file while a commit is under way."""
    return path.with_name(path.name + "-journal")


def _size_and_head(path: Path) -> tuple[int, bytes]:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            return size, handle.read(HEADER_SIZE)
    except OSError as error:
        raise ProjectFileError(
            "Projektfilen {path} kan ikke læses: {strerror}.", path=path, strerror=os_reason(error)
        ) from None


def _marked_ours(head: bytes) -> bool:
    if len(head) < HEADER_SIZE or not head.startswith(SQLITE_MAGIC):
        return False
    return bool(struct.unpack_from(">i", head, 68)[0] == APPLICATION_ID)


@contextmanager
def _shared_lock(path: Path, read_only: bool) -> Iterator[None]:
    """Hold SQLite's shared lock on `path`; a hot journal is rolled back on taking it.

    mode=rw never creates a file; without a hot journal SQLite writes nothing here.
    """
    uri = f"file:{quote(str(path.resolve()))}?mode={'ro' if read_only else 'rw'}"
    try:
        connection = sqlite3.connect(
            uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS
        )
    except sqlite3.Error:
        yield  # cannot be opened for writing (a read-only file): the bytes are judged as they are
        return
    try:
        try:
            connection.execute("BEGIN")
            connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as error:
            _raise_for_recovery(path, error)
        yield
    finally:
        connection.close()


def _raise_for_recovery(path: Path, error: sqlite3.Error) -> None:
    """What went wrong while SQLite looked at (and perhaps rolled back) the file."""
    if classify(error) is Failure.BUSY:
        raise busy_error(path) from None
    unwritable = primary_code(error) in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN)
    if unwritable and journal_path(path).exists():
        raise ProjectFileError(_unfinished_save(path)) from None
    # Anything else (a damaged file) is reported by the checks that follow.


def _unfinished_save(path: Path) -> str:
    return tr(
        "Projektfilen {path} blev afbrudt midt i en gemning, og den kan ikke gøres hel her, "
        "fordi filen eller dens mappe er skrivebeskyttet. Flyt den sammen med filen {journal} "
        "til en mappe, hvor du må skrive, og åbn den igen; slet eller adskil aldrig de to filer.",
        path=path,
        journal=journal_path(path).name,
    )


def _truncated(path: Path) -> NotAProjectError:
    return NotAProjectError(
        tr("Filen {path} er afkortet: den er ikke et helt APV-projekt. Hvis der lå en fil ved "
           "navn {journal} ved siden af, så læg den tilbage og åbn projektet igen.",
           path=path, journal=journal_path(path).name)
    )


def check_ours(path: Path, header: FileHeader) -> None:
    if header.application_id != APPLICATION_ID:
        raise NotAProjectError(
            "Filen {path} er et andet programs database, ikke et APV-projekt.", path=path
        )


def readonly_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to (or create) the file."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        return sqlite3.connect(
            uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS,
            check_same_thread=False,
        )
    except sqlite3.Error:
        raise NotAProjectError("Filen {path} kan ikke åbnes som et APV-projekt.",
                               path=path) from None


def writable(path: Path) -> bool:
    """Whether the program may change `path`: the file, and its folder for SQLite's journal."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def connect(path: Path) -> sqlite3.Connection:
    """A read-write connection with the pragmas every project connection needs.

    isolation_level=None: transactions are begun explicitly (BEGIN), so DDL in a migration is
    inside its transaction too. journal_mode=DELETE (never WAL): when idle, the file is complete
    on its own and can be copied to a USB stick. synchronous=EXTRA: a commit survives a power
    cut, including the deletion of the journal (the folder is synced too), so a sheet confirmed
    to the respondent is there after a power cut seconds later.
    secure_delete: deleted answers are overwritten, not left readable in free pages.
    The connect timeout is SQLite's busy timeout: a second writer waits its turn, up to 5 s.
    """
    connection = sqlite3.connect(
        str(path), isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False
    )
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("PRAGMA synchronous=EXTRA")
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA secure_delete=ON")
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def make_engine(path: Path, read_only: bool = False) -> Engine:
    """The SQLAlchemy engine of an open project; each connection gets `connect`'s pragmas.

    A read-only engine's connections cannot write (a project in a read-only place, opened for
    viewing); an attempt to write fails as SQLite's "readonly" error.
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    engine = create_engine(
        "sqlite://",
        creator=(lambda: readonly_connection(path)) if read_only else (lambda: connect(path)),
        poolclass=QueuePool,
        pool_size=2,
        json_serializer=lambda value: json.dumps(value, ensure_ascii=False),
    )

    # pysqlite's own transaction handling is off (isolation_level=None); SQLAlchemy's begin
    # emits BEGIN so that every `with engine.begin()` is one real SQLite transaction.
    # IMMEDIATE takes the write lock at the start: a deferred transaction that reads and then
    # writes while another connection writes fails at once with "locked" (SQLite cannot wait
    # there without risking a deadlock); an immediate one waits for the busy timeout instead.
    # Reading transactions (execution option READING) stay deferred, so they share the file.
    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        reading = read_only or connection.get_execution_options().get(READING, False)
        connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

    return engine


@contextmanager
def translated_errors(path: Path) -> Iterator[None]:
    """Turn SQLite failures a user can act on into the errors of errors.py (by SQLite's result
    code: sqlite_errors.py); the others propagate unchanged."""
    try:
        yield
    except Exception as error:
        # Any exception: SQLAlchemy wraps the driver's error (in .orig), which user_error looks
        # at, so SQLAlchemy stays unimported on the paths that use plain sqlite3. Errors that
        # are not SQLite's give None and propagate unchanged.
        problem = user_error(error, path)
        if problem is None:
            raise
        raise problem from None


def same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return first.resolve() == second.resolve()
