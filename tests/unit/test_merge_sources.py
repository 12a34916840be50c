"""Merge sources are the other laptops' files: they are only read, never changed, and every
problem with one names it (issue 19)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from apv_desktop.cli import run
from apv_desktop.errors import NotAProjectError, RefusedError
from apv_desktop.services.collection import merge_projects
from apv_desktop.services.projects import opened
from tests.unit.test_merge import base, laptop  # noqa: F401 - the fixture is used by name

SCHEMA1_FILE = Path(__file__).resolve().parents[1] / "data" / "schema1.apv"
SHEET = {"bu_1": "nej", "kr_kommentar": "Mere tid"}


def state(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file in the folder: its content digest and modification time."""
    return {path.name: (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
            for path in sorted(folder.iterdir())}


def in_own_folder(path: Path, name: str) -> Path:
    folder = path.parent / f"laptop-{name}"
    folder.mkdir()
    return Path(shutil.move(path, folder / path.name))


def test_an_older_source_is_not_upgraded_even_when_the_merge_is_refused(base):  # noqa: F811
    source = base.parent / "laptop-old" / "old.apv"
    source.parent.mkdir()
    shutil.copyfile(SCHEMA1_FILE, source)
    before = state(source.parent)
    with pytest.raises(RefusedError, match="old.apv"):  # another organisation
        merge_projects(base, [source])
    assert state(source.parent) == before  # no upgrade, no backup beside it


def test_an_older_source_that_fits_is_merged_from_a_copy(tmp_path: Path):
    target = tmp_path / "target.apv"
    shutil.copyfile(SCHEMA1_FILE, target)
    with opened(target) as project:
        sheets = project.response_count()
    source = tmp_path / "laptop" / "old.apv"
    source.parent.mkdir()
    shutil.copyfile(SCHEMA1_FILE, source)
    before = state(source.parent)
    report = merge_projects(target, [source])
    assert (report.added, report.skipped) == (0, sheets)
    assert state(source.parent) == before


KEEP_WAL = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA journal_mode=WAL")
connection.execute("DELETE FROM text_answer")  # committed into the -wal file only
os._exit(0)  # no checkpoint: the -wal file stays beside the file
"""


def test_a_source_in_wal_mode_is_read_with_its_wal_and_left_as_it_is(base):  # noqa: F811
    source = in_own_folder(laptop(base, "wal.apv", [("A", SHEET), ("B", SHEET)]), "wal")
    subprocess.run([sys.executable, "-c", KEEP_WAL, str(source)], check=True)
    assert source.with_name("wal.apv-wal").exists()
    before = state(source.parent)
    report = merge_projects(base, [source])
    assert report.added == 2
    with opened(base) as project:  # the comments deleted in the WAL are not merged
        assert project.responses("2025").texts == {}
    assert state(source.parent) == before
    assert source.read_bytes()[18:20] == b"\x02\x02"  # still a WAL-mode file


def test_a_source_with_a_hot_journal_is_rolled_back_only_in_the_copy(base):  # noqa: F811
    source = in_own_folder(laptop(base, "crashed.apv", [("A", SHEET)]), "crashed")
    die_mid_commit = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA cache_size = 2'); c.execute('BEGIN')\n"
        "c.execute('DELETE FROM response')\n"
        "[c.execute('INSERT INTO project_setting VALUES (hex(randomblob(16)), ?)', ('x' * 3000,))"
        " for _ in range(200)]\n"
        "os._exit(9)\n")
    subprocess.run([sys.executable, "-c", die_mid_commit, str(source)], check=False)
    assert source.with_name("crashed.apv-journal").exists()
    before = state(source.parent)
    assert merge_projects(base, [source]).added == 1
    assert state(source.parent) == before


def damage(source: Path, *statements: str) -> None:
    connection = sqlite3.connect(source)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()


@pytest.mark.parametrize("statements", [
    ["UPDATE text_answer SET text = CAST(X'FFFE41' AS TEXT)"],  # not UTF-8
    ["UPDATE item SET labels = '{broken' WHERE name = 'bu_1'"],  # not JSON
    ["DROP TABLE text_answer"],  # a table missing
    ["PRAGMA user_version = -3"],  # a negative schema version
], ids=["bad-utf8", "bad-json", "missing-table", "negative-version"])
def test_a_damaged_source_is_refused_by_name_and_nothing_is_merged(
    base, tmp_path: Path, capsys: pytest.CaptureFixture[str], statements: list[str]  # noqa: F811
) -> None:
    good = laptop(base, "good.apv", [("A", SHEET)])
    source = laptop(base, "damaged.apv", [("B", SHEET)])
    damage(source, *statements)
    with pytest.raises(NotAProjectError, match="damaged.apv") as refusal:
        merge_projects(base, [good, source])
    assert "apv-merge-" not in str(refusal.value)  # the source's own name, not the copy's
    with opened(base) as project:
        assert project.response_count() == 0  # not even the good laptop's sheet
    assert run(["merge", str(base), str(good), str(source)]) == 2
    err = capsys.readouterr().err
    assert "damaged.apv" in err and "Traceback" not in err


def test_the_copies_a_killed_merge_left_are_removed_by_the_next(base, tmp_path,  # noqa: F811
                                                                  monkeypatch) -> None:
    import os
    import tempfile

    from apv_desktop.tempfiles import PROCESS_START

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    stale = tmp_path / "temp" / "apv-merge-ab12cd_3"
    stale.mkdir()
    (stale / "source-0.apv").write_bytes(b"a copy from a killed merge")
    os.utime(stale, (PROCESS_START - 60, PROCESS_START - 60))
    other = tmp_path / "temp" / "apv-merge-notours"
    other.mkdir()
    os.utime(other, (PROCESS_START - 60, PROCESS_START - 60))
    merge_projects(base, [laptop(base, "one.apv", [("A", SHEET)])])
    assert [p.name for p in (tmp_path / "temp").iterdir()] == ["apv-merge-notours"]
