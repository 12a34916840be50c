"""Write an export so that a failed write never leaves a broken or half-written file behind.

    with atomic_output(Path("rapport.xlsx")) as temporary:
        workbook.save(temporary)

The caller writes to a temporary file in the target's own folder (so the final rename stays on
one disk and is atomic); on success it is flushed to disk and renamed over the target, on any
failure it is removed and the target is left as it was. Errors a user can fix (the target is
open in Excel, the folder is read-only, the disk is full) become an ApvError with one sentence.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from apv_desktop.errors import ApvError
from apv_desktop.os_errors import DISK_FULL, os_reason
from apv_desktop.tempfiles import remove_stale

# A new export is readable by others like any file the user saves; mkstemp would make it 0600.
_NEW_FILE_MODE = 0o644


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to `target`; rename it to `target` when the block succeeds.

    The temporary name keeps the target's suffix, so writers that pick a format from the file
    name (matplotlib, openpyxl) behave as for the target.
    """
    target = Path(target)
    temporary = _create_temporary(target)
    try:
        yield temporary
        _flush_to_disk(temporary)
        _set_mode(temporary, target)
        _rename(temporary, target)
    except BaseException as error:
        with suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError) and error.errno in DISK_FULL:
            raise ApvError("{target} kan ikke skrives: disken er fuld; frigør plads og prøv igen.",
                           target=target) from error
        raise


def _create_temporary(target: Path) -> Path:
    folder = target.parent
    if not folder.is_dir():
        raise ApvError("{target} kan ikke skrives: mappen {folder} findes ikke.",
                       target=target, folder=folder)
    remove_stale(folder, _leftovers(target))  # an earlier write of this file cut off by a crash
    import tempfile  # here, not on every command's start: it imports shutil and random (5 ms)

    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.stem}-", suffix=f".tmp{target.suffix}", dir=folder
        )
    except PermissionError as error:
        raise ApvError(
            "{target} kan ikke skrives: mappen {folder} er skrivebeskyttet, eller du må ikke "
            "skrive der.", target=target, folder=folder
        ) from error
    except OSError as error:
        if error.errno in DISK_FULL:
            raise ApvError("{target} kan ikke skrives: disken er fuld; frigør plads og prøv igen.",
                           target=target) from error
        raise ApvError("{target} kan ikke skrives: {value}.",
                       target=target, value=os_reason(error)) from error
    os.close(handle)
    return Path(name)


def _leftovers(target: Path) -> re.Pattern[str]:
    """The names _create_temporary gives (mkstemp: 8 characters of [a-z0-9_])."""
    return re.compile(
        rf"\.{re.escape(target.stem)}-[a-z0-9_]{{8}}\.tmp{re.escape(target.suffix)}"
    )


def _flush_to_disk(path: Path) -> None:
    # So that a power cut right after the rename cannot leave an empty file under the new name.
    with open(path, "rb+") as stream:
        os.fsync(stream.fileno())


def _set_mode(temporary: Path, target: Path) -> None:
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else _NEW_FILE_MODE
        os.chmod(temporary, mode)
    except OSError:
        pass  # permissions are a courtesy; the file's content is what matters


def _rename(temporary: Path, target: Path) -> None:
    if target.is_dir():
        raise ApvError("{target} kan ikke skrives: en mappe med det navn er i vejen; vælg et "
                       "andet navn.", target=target)
    try:
        os.replace(temporary, target)
    except PermissionError as error:
        raise ApvError(
            "{target} kan ikke skrives: den er åben i et andet program eller skrivebeskyttet; luk "
            "den og prøv igen.", target=target
        ) from error
    except OSError as error:
        if error.errno in DISK_FULL:
            raise  # reported as "the disk is full" by atomic_output
        raise ApvError("{target} kan ikke skrives: {value}.",
                       target=target, value=os_reason(error)) from error


def save_workbook(workbook: Any, path: Path) -> None:
    """`workbook.save(path)`, but a failed write (a full disk) closes the zip at once.

    openpyxl leaves its ZipFile open when a write fails; Python then closes it while collecting
    garbage, fails a second time and prints "Exception ignored in ZipFile.__del__" after the
    user's clear message. Here the zip is closed (and its second failure dropped) before the
    first error goes on to atomic_output."""
    import zipfile

    from apv_desktop.interchange.sheet_rows import RowsExcelWriter

    if workbook.write_only and not workbook.worksheets:
        workbook.create_sheet()  # as Workbook.save does
    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    try:
        RowsExcelWriter(workbook, archive).save()
    except BaseException:
        with suppress(OSError, ValueError):
            archive.close()
        raise
