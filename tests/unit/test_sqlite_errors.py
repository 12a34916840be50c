"""SQLite failures are told apart by SQLite's result code, never by the wording of the message:
real errors (read-only connection, full database, a busy file, a file that is no database, a
damaged page), bare and wrapped by SQLAlchemy, each become the user's error of errors.py."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from apv_desktop.errors import NotAProjectError, ProjectFileError, ProjectLockedError
from apv_desktop.store.engine import translated_errors
from apv_desktop.store.sqlite_errors import Failure, classify

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages


def database(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x BLOB)")
        connection.executemany("INSERT INTO t VALUES (?)", [(b"x" * 3000,) for _ in range(20)])
    connection.close()
    return path


def error_of(action) -> sqlite3.Error:  # noqa: ANN001 - a callable that fails in SQLite
    with pytest.raises(sqlite3.Error) as caught:
        action()
    return caught.value


def read_only_write(path: Path) -> sqlite3.Error:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return error_of(lambda: connection.execute("INSERT INTO t VALUES (1)"))
    finally:
        connection.close()


def full_database(path: Path) -> sqlite3.Error:
    connection = sqlite3.connect(path)
    try:
        (pages,) = connection.execute("PRAGMA page_count").fetchone()
        connection.execute(f"PRAGMA max_page_count = {pages}")  # the disk is 'full' now
        return error_of(lambda: connection.execute("INSERT INTO t VALUES (?)", (b"y" * 50_000,)))
    finally:
        connection.close()


def busy_file(path: Path) -> sqlite3.Error:
    writer = sqlite3.connect(path, isolation_level=None)
    other = sqlite3.connect(path, timeout=0)
    try:
        writer.execute("BEGIN EXCLUSIVE")
        return error_of(lambda: other.execute("SELECT COUNT(*) FROM t").fetchone())
    finally:
        other.close()
        writer.close()


def not_a_database(path: Path) -> sqlite3.Error:
    path.write_bytes(b"Dette er et brev, ikke en database. " * 200)
    connection = sqlite3.connect(path)
    try:
        return error_of(lambda: connection.execute("SELECT * FROM sqlite_master").fetchall())
    finally:
        connection.close()


def damaged_page(path: Path) -> sqlite3.Error:
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size:2 * page_size] = b"\xff" * page_size  # the table's root page: garbage
    path.write_bytes(bytes(data))
    connection = sqlite3.connect(path)
    try:
        return error_of(lambda: connection.execute("SELECT COUNT(*) FROM t").fetchone())
    finally:
        connection.close()


CASES = {
    "read-only": (read_only_write, Failure.UNWRITABLE, ProjectFileError),
    "disk full": (full_database, Failure.UNWRITABLE, ProjectFileError),
    "busy": (busy_file, Failure.BUSY, ProjectLockedError),
    "not a database": (not_a_database, Failure.DAMAGED, NotAProjectError),
    "damaged page": (damaged_page, Failure.DAMAGED, NotAProjectError),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_real_sqlite_error_is_classified_by_its_code(case: str, tmp_path: Path) -> None:
    make, failure, user_error = CASES[case]
    path = database(tmp_path / "p.apv")
    error = make(path)
    assert isinstance(error.sqlite_errorcode, int)
    assert classify(error) is failure
    with pytest.raises(user_error) as caught, translated_errors(path):
        raise error
    assert str(path) in str(caught.value) and type(caught.value) is user_error


def test_the_error_wrapped_by_sqlalchemy_is_classified_the_same(tmp_path: Path) -> None:
    path = database(tmp_path / "p.apv")
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(
        f"file:{path}?mode=ro", uri=True, check_same_thread=False))
    try:
        with (pytest.raises(ProjectFileError, match="cannot be written"),
              translated_errors(path), engine.begin() as connection):
            connection.execute(text("INSERT INTO t VALUES (1)"))
    finally:
        engine.dispose()


def test_the_wording_of_a_message_decides_nothing(tmp_path: Path) -> None:
    """An error that merely says 'locked' or 'disk' (no SQLite code) is a bug, not the user's."""
    for message in ("database is locked", "disk I/O error", "file is not a database"):
        fake = sqlite3.OperationalError(message)
        assert classify(fake) is Failure.OTHER
        with pytest.raises(sqlite3.OperationalError), translated_errors(tmp_path / "p.apv"):
            raise fake


def test_a_constraint_violation_stays_a_bug(tmp_path: Path) -> None:
    path = tmp_path / "p.apv"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE u (x INTEGER UNIQUE)")
        connection.execute("INSERT INTO u VALUES (1)")
        error = error_of(lambda: connection.execute("INSERT INTO u VALUES (1)"))
    connection.close()
    assert classify(error) is Failure.OTHER
    with pytest.raises(sqlite3.IntegrityError), translated_errors(path):
        raise error
