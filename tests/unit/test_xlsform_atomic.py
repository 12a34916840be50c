"""atomic_output: exports appear whole or not at all, and fixable failures get a plain message."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from apv_desktop.errors import ApvError
from apv_desktop.interchange import atomic
from apv_desktop.interchange.atomic import atomic_output

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages


def test_success_renames_into_place(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    with atomic_output(target) as temporary:
        assert temporary.parent == tmp_path
        assert temporary.suffix == ".xlsx" and temporary != target
        temporary.write_bytes(b"new")
        assert not target.exists()
    assert target.read_bytes() == b"new"
    assert list(tmp_path.iterdir()) == [target]


def test_failure_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(ValueError), atomic_output(target) as temporary:
        temporary.write_bytes(b"half")
        raise ValueError("boom")
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_target_open_in_another_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(source: object, destination: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", locked)
    target = tmp_path / "report.xlsx"
    with pytest.raises(ApvError) as caught, atomic_output(target) as temporary:
        temporary.write_bytes(b"new")
    assert str(caught.value) == (
        f"Cannot write {target}: it is open in another program or read-only; close it and try "
        "again.")
    assert list(tmp_path.iterdir()) == []


def test_disk_full_while_writing(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    with pytest.raises(ApvError) as caught, atomic_output(target):
        raise OSError(errno.ENOSPC, "No space left on device")
    assert str(caught.value) == f"Cannot write {target}: the disk is full."
    assert list(tmp_path.iterdir()) == []


def test_disk_full_on_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(source: object, destination: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full)
    with pytest.raises(ApvError, match="the disk is full"), \
            atomic_output(tmp_path / "r.xlsx") as temporary:
        temporary.write_bytes(b"x")
    assert list(tmp_path.iterdir()) == []


def test_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "report.xlsx"
    with pytest.raises(ApvError, match="the folder .* does not exist"), atomic_output(target):
        pass


def test_a_folder_in_the_way(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    target.mkdir()
    with pytest.raises(ApvError, match="a folder with that name is in the way"), \
            atomic_output(target) as temporary:
        temporary.write_bytes(b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]


@pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX matter")
def test_new_file_is_readable_and_existing_mode_is_kept(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.xlsx"
    with atomic_output(fresh) as temporary:
        temporary.write_bytes(b"x")
    assert fresh.stat().st_mode & 0o777 == 0o644
    kept = tmp_path / "kept.xlsx"
    kept.write_bytes(b"old")
    kept.chmod(0o600)
    with atomic_output(kept) as temporary:
        temporary.write_bytes(b"new")
    assert kept.stat().st_mode & 0o777 == 0o600
