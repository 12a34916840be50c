"""One open project in one window: the store's Project, its lock and its rolling backup.

The rolling backup copies the whole file (77 ms at 100,000 respondents): it runs on a worker
through a connection of its own, so the window shows the project meanwhile; `backup_ended` says
how it went."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from apv_desktop.backups import make_rolling_backup
from apv_desktop.errors import ApvError, ProjectFileError
from apv_desktop.lock import ProjectLock
from apv_desktop.store.backup import FileSnapshot
from apv_desktop.store.engine import writable
from apv_desktop.store.project import Project
from apv_desktop.ui.responsive import run_answering
from apv_desktop.ui.worker import Worker


class ProjectSession(QObject):
    """Pages read and change the project through `project`; after a change they call
    `notify_changed()` so the status bar and every page refresh (pages/base.py listens)."""

    changed = Signal(object)  # the widget (or model) that made the change; None: not a page
    backup_ended = Signal(str)  # why the rolling backup failed; "" when it was made or not needed

    def __init__(self, path: Path, project: Project, lock: ProjectLock | None) -> None:
        super().__init__()
        self.path = path
        self.project = project
        self._lock = lock
        self._backup: Worker | None = None

    @classmethod
    def open(cls, path: Path, *, take_over: bool = False) -> ProjectSession:
        """Lock and open (migrating an older file). Raises the errors of errors.py; the rolling
        backup follows with `start_backup`, once the window shows the project."""
        path = path.absolute()
        if not path.is_file():
            raise ProjectFileError("Projektfilen {path} findes ikke.", path=path)
        # A project where we may not write (a CD, a colleague's read-only share) opens for
        # viewing: no lock file can be made there, and nothing will be written to it.
        lock = ProjectLock(path) if writable(path) else None
        if lock is not None:
            lock.acquire(take_over=take_over)
        try:
            # the integrity check reads the whole file: the window paints meanwhile (issue 18)
            project = run_answering(lambda: Project.open(path, read_only=lock is None))
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return cls(path, project, lock)

    def start_backup(self, backup_root: Path, *, keep: int = 10,
                     owner: QWidget | None = None) -> None:
        """Make the rolling backup on a worker; `backup_ended` follows on the GUI thread.

        A failed backup (a full or missing backup folder) must not keep the user from their
        project: it only says so. The copy is of the file as it is now (FileSnapshot)."""
        path = self.path
        try:
            snapshot = FileSnapshot(path)
        except ApvError as error:
            self.backup_ended.emit(str(error))
            return

        def back_up(_progress: object) -> None:
            try:
                make_rolling_backup(snapshot, path, backup_root, keep=keep)
            finally:
                snapshot.close()

        worker = Worker(back_up, owner=owner)
        worker.succeeded.connect(lambda _result: self.backup_ended.emit(""))
        worker.failed.connect(lambda error: self.backup_ended.emit(str(error)))
        self._backup = worker
        worker.start()

    def close(self) -> None:
        # The backup reads the file through its own connection; wait for it (it is short) so
        # the project is not reopened, or its backups pruned, while it is still copying.
        if self._backup is not None:
            self._backup.wait()
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
