"""A PDF that cannot be written is said so, never reported as saved, and an older file of that
name is left as it was (issue 19)."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

import pytest

from apv_desktop.errors import ApvError
from apv_desktop.services.projects import opened
from apv_desktop.ui.pdf_file import write_document_pdf
from apv_desktop.ui.print_form import write_pdf
from tests.gui.test_actionplan_page import open_page
from tests.gui.test_paper_and_import import collection_page


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write through atomic_output's temporary file fails as on a full disk."""
    real_open = Path.open

    def failing_open(self: Path, mode: str = "r", *args: object, **kwargs: object):  # noqa: ANN202
        if "w" in mode and ".tmp" in self.name:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", failing_open)


def read_only_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder refuses new files (as root, chmod would not stop us, so the refusal is made)."""
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # atomic.py imports it when it writes


def test_the_questionnaire_pdf_on_a_full_disk_keeps_the_old_file(
    project_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    with opened(project_path) as project:
        questionnaire = project.questionnaire()
    assert questionnaire is not None
    target = tmp_path / "form.pdf"
    write_pdf(questionnaire, target, "da")
    before = target.read_bytes()
    assert before.startswith(b"%PDF") and b"%%EOF" in before[-64:]
    full_disk(monkeypatch)
    with pytest.raises(ApvError, match="disk"):
        write_pdf(questionnaire, target, "da")
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if ".tmp" in p.name) == []


def test_a_pdf_into_a_folder_that_is_a_file_is_refused(tmp_path: Path, qapp: object) -> None:
    from PySide6.QtGui import QTextDocument

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    document = QTextDocument()
    document.setPlainText("Tekst")
    with pytest.raises(ApvError, match="not-a-folder"):
        write_document_pdf(document, blocker / "out.pdf")


def test_the_department_pdf_into_a_read_only_folder_is_an_error_not_saved(
    window, demo_path, file_choices, message_log, tmp_path: Path,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = open_page(window, demo_path).departments_tab
    target = tmp_path / "afdelinger.pdf"
    file_choices.save_paths.append(target)
    read_only_folder(monkeypatch)
    tab.export_pdf()
    assert not target.exists()
    assert "Gemt som" not in tab.state.text()
    assert message_log.shown and message_log.shown[-1].title == "PDF-filen kunne ikke gemmes"
    shown = message_log.shown[-1]
    assert "afdelinger.pdf" in f"{shown.text} {shown.informative} {shown.details}"


def test_the_paper_pdf_on_a_full_disk_is_an_error(
    qtbot, window, project_path: Path, tmp_path: Path, file_choices, message_log,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = collection_page(window, project_path).paper_dialog("2025")
    qtbot.addWidget(dialog)
    target = tmp_path / "papir.pdf"
    file_choices.save_paths.append(target)
    full_disk(monkeypatch)
    assert dialog.save_pdf() is None
    assert not target.exists()
    assert message_log.shown[-1].title == "PDF-filen kunne ikke gemmes"
