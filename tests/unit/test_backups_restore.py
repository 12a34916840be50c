"""Rolling backups seen from the services layer (list with time, size, answers; restore to a
new file), and the window layout kept in the preferences."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest

from apv_desktop.backups import backup_folder_for, backup_time, make_rolling_backup
from apv_desktop.errors import ApvError, RefusedError
from apv_desktop.services.backups import describe_backups, restore_backup
from apv_desktop.services.projects import create_project, opened
from apv_desktop.settings import Preferences, load_preferences, save_preferences


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "APV 2026.apv"
    create_project(path, ["psykisk"], "Testkommune")
    return path


def _backup(project: Path, root: Path, when: datetime) -> Path:
    with opened(project) as open_project:
        made = make_rolling_backup(open_project, project, root, now=when)
    assert made is not None
    return made


def test_backup_time_is_read_from_the_name(tmp_path: Path) -> None:
    assert backup_time(tmp_path / "APV 2026 2026-03-02 140509.apv") == datetime(
        2026, 3, 2, 14, 5, 9)
    assert backup_time(tmp_path / "APV 2026 2026-03-02 140509-2.apv") == datetime(
        2026, 3, 2, 14, 5, 9)


def test_backup_time_falls_back_to_the_file_time(tmp_path: Path) -> None:
    odd = tmp_path / "renamed by hand.apv"
    odd.write_bytes(b"")
    assert backup_time(odd) == datetime.fromtimestamp(odd.stat().st_mtime)


def test_backups_are_described_newest_first_with_size_and_answers(project: Path,
                                                                   tmp_path: Path) -> None:
    root = tmp_path / "backups"
    _backup(project, root, datetime(2026, 1, 5, 9, 0, 0))
    # A later change to the project, so the next open backs up again.
    os.utime(project, (project.stat().st_atime, project.stat().st_mtime + 10))
    _backup(project, root, datetime(2026, 2, 7, 10, 30, 0))
    described = describe_backups(project, root)
    assert [b.made for b in described] == [datetime(2026, 2, 7, 10, 30), datetime(2026, 1, 5, 9)]
    assert [b.responses for b in described] == [0, 0]
    assert all(b.size_bytes == b.path.stat().st_size > 0 for b in described)


def test_a_damaged_backup_is_listed_without_an_answer_count(project: Path, tmp_path: Path) -> None:
    root = tmp_path / "backups"
    folder = backup_folder_for(project, root)
    folder.mkdir(parents=True)
    (folder / "APV 2026 2026-01-01 000000.apv").write_bytes(b"not a database" * 100)
    [described] = describe_backups(project, root)
    assert described.responses is None
    assert described.size_bytes == 1400


def test_restore_writes_a_whole_new_project(project: Path, tmp_path: Path) -> None:
    root = tmp_path / "backups"
    backup = _backup(project, root, datetime(2026, 1, 5, 9, 0, 0))
    target = tmp_path / "restored.apv"
    restore_backup(backup, target, open_project=project)
    with opened(target) as restored:
        assert restored.name == "Testkommune"
        assert restored.check() == []
    assert [p.name for p in tmp_path.glob(".*tmp")] == []


def test_restore_refuses_the_open_project_and_a_damaged_backup(project: Path,
                                                               tmp_path: Path) -> None:
    backup = _backup(project, tmp_path / "backups", datetime(2026, 1, 5, 9, 0, 0))
    before = project.read_bytes()
    with pytest.raises(RefusedError):
        restore_backup(backup, project, open_project=project)
    assert project.read_bytes() == before
    damaged = tmp_path / "damaged.apv"
    damaged.write_bytes(b"x" * 4096)
    with pytest.raises(ApvError):
        restore_backup(damaged, tmp_path / "new.apv")
    assert not (tmp_path / "new.apv").exists()


def test_window_layout_survives_a_round_trip_and_bad_types_fall_back(tmp_path: Path) -> None:
    path = tmp_path / "preferences.json"
    save_preferences(Preferences(window_geometry="AdnQywAD", last_page="results"), path)
    loaded = load_preferences(path)
    assert (loaded.window_geometry, loaded.last_page) == ("AdnQywAD", "results")
    path.write_text(json.dumps({"window_geometry": 12, "last_page": ["x"], "min_n": 7}),
                    encoding="utf-8")
    broken = load_preferences(path)
    assert (broken.window_geometry, broken.last_page, broken.min_n) == ("", "overview", 7)



def test_a_snapshot_copies_the_file_as_it_was_when_taken_whatever_is_written_after(
        project: Path, tmp_path: Path) -> None:
    """The rolling backup on open is written later on a worker: it must still be the file as
    it opened, so a change meanwhile waits until the copy is made (here: refused at once)."""
    import sqlite3

    from apv_desktop.store.backup import FileSnapshot

    snapshot = FileSnapshot(project)
    other = sqlite3.connect(project, timeout=0, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("UPDATE project_setting SET value = value")
        snapshot.backup_to(tmp_path / "copy.apv")
    finally:
        snapshot.close()
    other.execute("UPDATE project_setting SET value = value")  # free again once the copy is made
    other.close()
    with opened(tmp_path / "copy.apv") as copy:
        assert copy.name == "Testkommune"
