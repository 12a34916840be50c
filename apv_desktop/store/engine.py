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

from apv_desktop.errors import NotAProjectError, ProjectFileError, ProjectLockedError

if TYPE_CHECKING:  # SQLAlchemy is imported only when the ORM is used: it is slow to import
    from sqlalchemy import Connection, Engine

# PRAGMA application_id of every APV project: the bytes "APVD". A SQLite file without it belongs
# to another program and is never touched.
APPLICATION_ID = 0x41505644
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
BUSY_TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True)
class FileHeader:
    """What the first 100 bytes of a SQLite file say (see sqlite.org/fileformat.html)."""

    page_size: int
    page_count: int | None  # None when the header's count is stale (written by old software)
    user_version: int
    application_id: int


def read_header(path: Path) -> FileHeader:
    """Read the header as plain bytes; NotAProjectError unless it is a whole SQLite file."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(HEADER_SIZE)
    except OSError as error:
        raise ProjectFileError(
            f"The project file {path} cannot be read: {error.strerror}."
        ) from None
    if size == 0:
        raise NotAProjectError(f"The file {path} is empty, so it is not an APV project.")
    if not head.startswith(SQLITE_MAGIC):
        raise NotAProjectError(f"The file {path} is not an APV project file (not a database).")
    if len(head) < HEADER_SIZE:
        raise NotAProjectError(f"The file {path} is truncated: it is not a whole APV project.")
    (raw_page_size,) = struct.unpack_from(">H", head, 16)
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    change_counter, page_count = struct.unpack_from(">II", head, 24)
    (user_version,) = struct.unpack_from(">i", head, 60)
    (application_id,) = struct.unpack_from(">i", head, 68)
    (valid_for,) = struct.unpack_from(">I", head, 92)
    if page_size < 512 or page_size & (page_size - 1):
        raise NotAProjectError(f"The file {path} is damaged: its header is not valid.")
    count = page_count if page_count and change_counter == valid_for else None
    if size % page_size or (count is not None and size < count * page_size):
        raise NotAProjectError(f"The file {path} is truncated: it is not a whole APV project.")
    return FileHeader(page_size, count, user_version, application_id)


def check_ours(path: Path, header: FileHeader) -> None:
    if header.application_id != APPLICATION_ID:
        raise NotAProjectError(
            f"The file {path} is a database of another program, not an APV project."
        )


def readonly_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to (or create) the file."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error:
        raise NotAProjectError(f"The file {path} cannot be opened as an APV project.") from None


def connect(path: Path) -> sqlite3.Connection:
    """A read-write connection with the pragmas every project connection needs.

    isolation_level=None: transactions are begun explicitly (BEGIN), so DDL in a migration is
    inside its transaction too. journal_mode=DELETE (never WAL): when idle, the file is complete
    on its own and can be copied to a USB stick. synchronous=FULL: a commit survives a power cut.
    secure_delete: deleted answers are overwritten, not left readable in free pages.
    """
    connection = sqlite3.connect(
        str(path), isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False
    )
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA secure_delete=ON")
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def make_engine(path: Path) -> Engine:
    """The SQLAlchemy engine of an open project; each connection gets `connect`'s pragmas."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    engine = create_engine(
        "sqlite://",
        creator=lambda: connect(path),
        poolclass=QueuePool,
        pool_size=2,
        json_serializer=lambda value: json.dumps(value, ensure_ascii=False),
    )

    # pysqlite's own transaction handling is off (isolation_level=None); SQLAlchemy's begin
    # emits BEGIN so that every `with engine.begin()` is one real SQLite transaction.
    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


@contextmanager
def translated_errors(path: Path) -> Iterator[None]:
    """Turn SQLite failures a user can act on into the errors of errors.py."""
    try:
        yield
    except Exception as raised:
        # SQLAlchemy wraps the driver's error (in .orig); looking there keeps SQLAlchemy unimported
        # on the paths that use plain sqlite3.
        error = getattr(raised, "orig", None)
        if not isinstance(error, sqlite3.Error):
            error = raised
        if isinstance(error, sqlite3.Error):
            _translate(path, error)
        raise


def _translate(path: Path, error: sqlite3.Error) -> None:
    """Raise the errors.py error for a SQLite failure a user can act on; return otherwise."""
    if isinstance(error, sqlite3.OperationalError):
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            raise ProjectLockedError(
                f"The project file {path} is busy: another window or program is writing to it."
            ) from None
        if "readonly" in text or "read-only" in text or "disk" in text:
            raise ProjectFileError(
                f"The project file {path} cannot be written (read-only or disk full)."
            ) from None
    elif isinstance(error, sqlite3.DatabaseError) and not isinstance(
        error, sqlite3.IntegrityError
    ):
        text = str(error).lower()
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            raise NotAProjectError(
                f"The project file {path} is damaged (SQLite reports it as corrupt); "
                "open a backup copy."
            ) from None


def same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return first.resolve() == second.resolve()
