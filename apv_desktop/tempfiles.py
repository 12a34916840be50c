"""Our temporary files: how they are named, and the removal of those a crash left behind.

Whole-file copies and new projects are built under `.<target name>.<8 hex>.<kind>` beside their
target and renamed into place (a kill never leaves a half-made file under the real name). A
crash leaves the temporary file behind (tens of MB for a project copy); the next start removes
it. Only files of exactly our naming are removed, and only those last written before this
process started: one being written right now by another process is newer than that.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import tempfile

PROCESS_START = time.time()
_OURS = r"\.[0-9a-f]{8}\.(?:tmp|creating)(?:-journal)?"


def temporary_path(target: Path, kind: str = "tmp") -> Path:
    """A fresh temporary name beside `target` for building it (kind: tmp or creating)."""
    return target.with_name(f".{target.name}.{os.urandom(4).hex()}.{kind}")


def leftovers_pattern(target: Path) -> re.Pattern[str]:
    """Temporary names made for `target`, and for copies named after it (`<name>.bak-v1-…`)."""
    return re.compile(rf"\.{re.escape(target.name)}(?:\.[^/\\]*?)?{_OURS}")


def remove_stale(folder: Path, pattern: re.Pattern[str]) -> list[Path]:
    """Delete the files (and folders) in `folder` whose whole name matches `pattern` and that
    were last changed before this process started; returns what was removed. Never raises."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < PROCESS_START:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            elif entry.is_dir(follow_symlinks=False) and entry.stat().st_mtime < PROCESS_START:
                import shutil  # here: most commands never remove a folder (shutil costs 3 ms)

                shutil.rmtree(entry.path, ignore_errors=True)
                removed.append(Path(entry.path))
    return removed


def private_folder(prefix: str) -> tempfile.TemporaryDirectory[str]:
    """A temporary folder of our own (`<prefix><8 characters>` in the system's temporary
    folder), after removing those of the same prefix that a crash left behind."""
    import tempfile  # here: tempfile imports shutil and random, 5 ms most commands do not need
    remove_stale(Path(tempfile.gettempdir()), re.compile(rf"{re.escape(prefix)}[a-z0-9_]{{8}}"))
    return tempfile.TemporaryDirectory(prefix=prefix)
