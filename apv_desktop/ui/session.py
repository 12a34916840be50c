"""One open project in one window: the store's Project, its lock and its rolling backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from apv_desktop.backups import make_rolling_backup
from apv_desktop.errors import ApvError, ProjectFileError
from apv_desktop.lock import ProjectLock
from apv_desktop.store.engine import writable
from apv_desktop.store.project import Project


class ProjectSession(QObject):
    """Pages read and change the project through `project`; after a change they call
    `notify_changed()` so the status bar and every page refresh (pages/base.py listens)."""

    changed = Signal(object)  # the widget (or model) that made the change; None: not a page

    def __init__(self, path: Path, project: Project, lock: ProjectLock | None) -> None:
        super().__init__()
        self.path = path
        self.project = project
        self._lock = lock
        self.backup_problem: str | None = None  # why the rolling backup failed, if it did

    @classmethod
    def open(
        cls, path: Path, backup_root: Path, *, keep: int = 10, take_over: bool = False
    ) -> ProjectSession:
        """Lock, open (migrating an older file) and back up. Raises the errors of errors.py."""
        path = path.absolute()
        if not path.is_file():
            raise ProjectFileError("Projektfilen {path} findes ikke.", path=path)
        # A project where we may not write (a CD, a colleague's read-only share) opens for
        # viewing: no lock file can be made there, and nothing will be written to it.
        lock = ProjectLock(path) if writable(path) else None
        if lock is not None:
            lock.acquire(take_over=take_over)
        try:
            project = Project.open(path, read_only=lock is None)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        session = cls(path, project, lock)
        try:
            make_rolling_backup(project, path, backup_root, keep=keep)
        except (ApvError, OSError) as error:
            # A full or missing backup folder must not keep the user from their project.
            session.backup_problem = str(error)
        return session

    def close(self) -> None:
        try:
            self.project.close()
        finally:
            if self._lock is not None:
                self._lock.release()

    @property
    def read_only(self) -> bool:
        return self.project.read_only

    @property
    def name(self) -> str:
        return self.project.name or self.path.stem

    def response_count(self) -> int:
        return self.project.response_count()

    def save_copy(self, target: Path) -> None:
        """A consistent copy through SQLite's backup API; the open project stays as it is."""
        self.project.backup_to(target)

    def notify_changed(self, origin: QObject | None = None) -> None:
        """Every page reads the project again, the one on screen too (answers typed in on the
        collection page change its own counts). A page that already shows its own change
        passes itself (or a widget inside it) as `origin` and is left as it is."""
        self.changed.emit(origin)
