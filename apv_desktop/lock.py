"""One writer per project: a lock file `<project>.lock` beside the project file.

SQLite alone lets two windows write the same file in turn, and each would show a stale picture
of the other's changes; so a window holds this lock while a project is open, and every command
line command that writes the project holds it while it runs (`holding`). The lock names the
process (pid, host, user). A lock left by a process that died on this host is stale and taken
over silently; one from another host (a network drive) cannot be checked, so the user is told
who holds it and may choose to take it over. An empty or unreadable lock file is a holder in the
middle of writing it: never taken over silently either.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from apv_desktop.errors import ProjectFileError, ProjectLockedError
from apv_desktop.i18n import tr
from apv_desktop.os_errors import os_reason


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    user: str = ""

    @property
    def is_this_process(self) -> bool:
        return self.pid == os.getpid() and self.host == _host()

    @property
    def is_stale(self) -> bool:
        """Known dead: the holder ran on this host and its process is gone."""
        return self.host == _host() and not pid_alive(self.pid)


class ProjectLockedByHolder(ProjectLockedError):
    """The lock is held; `holder` says by whom (None when the lock file is unreadable)."""

    def __init__(self, message: str, holder: LockHolder | None) -> None:
        super().__init__(message)
        self.holder = holder


def lock_path(project: Path) -> Path:
    return project.with_name(project.name + ".lock")


def read_holder(project: Path) -> LockHolder | None:
    """Who holds the lock of `project`; None when nobody does or the lock file is unreadable."""
    try:
        return _holder_in(lock_path(project))
    except OSError:
        return None


def _holder_in(path: Path) -> LockHolder | None:
    """The holder named by the lock file at `path`; None while it is empty or unreadable (being
    written). Raises FileNotFoundError when there is no lock file."""
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
        return LockHolder(int(data["pid"]), str(data["host"]), str(data.get("user", "")))
    except (ValueError, KeyError, TypeError):
        return None


class ProjectLock:
    """The lock of one project file, held by this process between acquire() and release()."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.path = lock_path(project)
        self.held = False

    def acquire(self, *, take_over: bool = False) -> None:
        """Take the lock, replacing a stale one (or any one, with take_over).

        Raises ProjectLockedByHolder when another window or program holds it, ProjectFileError
        when the folder does not let us write (then the project could not be written either)."""
        for _attempt in range(2):
            try:
                descriptor = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                try:
                    holder = _holder_in(self.path)
                except FileNotFoundError:
                    continue  # released in the meantime
                except OSError:
                    holder = None
                if take_over or (holder is not None and holder.is_stale):
                    with contextlib.suppress(FileNotFoundError):
                        self.path.unlink()
                    continue
                raise ProjectLockedByHolder(_locked_message(self.project, holder), holder) from None
            except FileNotFoundError:
                folder = self.project.parent
                raise ProjectFileError("Mappen {folder} findes ikke; vælg en mappe, der findes.",
                                       folder=folder) from None
            except OSError as error:
                raise ProjectFileError(
                    "Projektfilen {path} kan ikke åbnes til skrivning: mappen er skrivebeskyttet "
                    "eller fuld ({reason}).", path=self.project, reason=os_reason(error)
                ) from None
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump({"pid": os.getpid(), "host": _host(), "user": _user()}, handle)
            self.held = True
            return
        raise ProjectLockedByHolder(_locked_message(self.project, None), None)

    def release(self) -> None:
        """Remove the lock file, but only while it is still ours (someone may have taken over)."""
        if not self.held:
            return
        self.held = False
        holder = read_holder(self.project)
        if holder is not None and holder.is_this_process:
            with contextlib.suppress(OSError):
                self.path.unlink()


@contextlib.contextmanager
def holding(project: Path) -> Iterator[ProjectLock]:
    """Hold the lock of `project` while a command writes it; ProjectLockedByHolder when a window
    or another command has it (then nothing was touched)."""
    lock = ProjectLock(project.absolute())
    lock.acquire()
    try:
        yield lock
    finally:
        lock.release()


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0 only checks that the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def _windows_pid_alive(pid: int) -> bool:
    # os.kill on Windows would terminate the process, so ask the kernel instead.
    import ctypes

    if sys.platform != "win32":  # also tells mypy that ctypes.windll exists below
        raise AssertionError("asked for a Windows process on another system")
    kernel32 = ctypes.windll.kernel32
    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return kernel32.GetLastError() == access_denied
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def _locked_message(project: Path, holder: LockHolder | None) -> str:
    if holder is None:
        return tr("Projektfilen {path} er ved at blive åbnet af et andet vindue eller program "
                  "(dens låsefil {lock} er ikke skrevet endnu); prøv igen om lidt, eller slet "
                  "låsefilen, hvis intet har projektet åbent.", path=project,
                  lock=lock_path(project).name)
    if holder.is_this_process:
        return tr("Projektfilen {path} er allerede åben i et andet vindue; skift til det vindue.",
                  path=project)
    who = (tr("{user} på {host}", user=holder.user, host=holder.host) if holder.user
           else holder.host)
    return tr("Projektfilen {path} er allerede åbnet af {who} (proces {pid}); luk den der og "
              "prøv igen.", path=project, who=who, pid=holder.pid)


def _host() -> str:
    # What socket.gethostname() returns, without importing socket (4 ms on every command)
    # where the system has uname; Windows has not.
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""
