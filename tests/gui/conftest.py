"""One fresh project and one fresh data folder per test; message boxes and file dialogs are
answered by the test instead of a person; the window's today is fixed; no job of one test runs
on into the next."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from apv_desktop.i18n import set_language
from apv_desktop.services.demo import build_demo
from apv_desktop.services.projects import create_project
from apv_desktop.ui import clock, filedialogs, messages
from apv_desktop.ui.context import AppContext
from apv_desktop.ui.main_window import MainWindow
from apv_desktop.ui.worker import Worker, stop_workers
from tests.fixed_dates import DEMO_TODAY

# Longer than any test's own job may take under load; reaching it is a failure of that test.
WORKER_DRAIN_SECONDS = 120.0


@pytest.fixture(autouse=True)
def _no_worker_outlives_its_test(qapp: QApplication) -> Iterator[None]:
    """Cancel and wait for every job still running in the thread pool after each test, then
    deliver their last signals, so none reports into the next test's widgets (or at exit)."""
    yield
    assert stop_workers(timeout=WORKER_DRAIN_SECONDS), "a worker did not stop after its test"
    qapp.processEvents()
    assert Worker.running() == []


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window judges deadlines by the day the test demo was built for."""
    monkeypatch.setattr(clock, "today", lambda: DEMO_TODAY)


@dataclass
class MessageLog:
    """Every message box shown, and the answers to give (Yes/No/Ok) in order."""

    shown: list[messages.Message] = field(default_factory=list)
    answers: list[QMessageBox.StandardButton] = field(default_factory=list)

    def show(self, parent: object, message: messages.Message,
             buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
             default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton
             ) -> QMessageBox.StandardButton:
        self.shown.append(message)
        if self.answers:
            return self.answers.pop(0)
        return default if default != QMessageBox.StandardButton.NoButton else buttons

    @property
    def texts(self) -> list[str]:
        return [m.text for m in self.shown]


@pytest.fixture
def message_log(monkeypatch: pytest.MonkeyPatch) -> MessageLog:
    log = MessageLog()
    monkeypatch.setattr(messages, "show", log.show)
    return log


@dataclass
class FileChoices:
    """What the next open / save dialogs 'choose' (None = the user cancelled)."""

    open_paths: list[Path | None] = field(default_factory=list)
    save_paths: list[Path | None] = field(default_factory=list)


@pytest.fixture
def file_choices(monkeypatch: pytest.MonkeyPatch) -> FileChoices:
    choices = FileChoices()
    monkeypatch.setattr(filedialogs, "open_file",
                        lambda *args, **kwargs: choices.open_paths.pop(0))
    monkeypatch.setattr(filedialogs, "save_file",
                        lambda *args, **kwargs: choices.save_paths.pop(0))
    return choices


@pytest.fixture
def context(qapp: object, tmp_path: Path) -> Iterator[AppContext]:
    context = AppContext(tmp_path / "data")
    context.start_language("da_DK")
    yield context
    context.apply_language("en")  # removes Qt's translator from the shared application
    set_language("da")


@pytest.fixture
def window(qtbot: object, context: AppContext, message_log: MessageLog) -> Iterator[MainWindow]:
    window = MainWindow(context)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    yield window
    window.close()  # releases the project and its lock before tmp_path goes


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    path = tmp_path / "projects" / "Test.apv"
    path.parent.mkdir()
    create_project(path, ["psykisk"], "Testkommune")
    return path


@pytest.fixture(scope="session")
def _demo_original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.apv"
    build_demo(path, today=DEMO_TODAY)
    return path


@pytest.fixture
def demo_path(_demo_original: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo project (built once per session) for this test alone."""
    path = tmp_path / "projects" / "Demo.apv"
    path.parent.mkdir(exist_ok=True)
    shutil.copyfile(_demo_original, path)
    return path
