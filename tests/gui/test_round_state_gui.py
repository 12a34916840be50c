"""Closing and reopening a round with the mouse on the collection page; the kiosk refuses a
closed round."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from apv_desktop.core.model import OrgUnit
from apv_desktop.services.collection import prepare_round, submit_sheet
from apv_desktop.services.projects import opened
from apv_desktop.ui.collection.page import CollectionPage
from apv_desktop.ui.kiosk.pin import PinGuard

UNITS = [OrgUnit("ORG", "Forvaltningen"), OrgUnit("A", "Team Alfa", "ORG", 8)]
YES, NO, OK = (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No,
               QMessageBox.StandardButton.Ok)


def page_with_one_sheet(window, project_path: Path) -> CollectionPage:
    with opened(project_path) as project:
        project.replace_org(UNITS)
        questionnaire = prepare_round(project, "2025")
        item = questionnaire.answerable_items()[0]
        submit_sheet(project, "2025", questionnaire, "A",
                     {item.name: questionnaire.choices_for(item).choices[0].name})
    assert window.open_project(project_path)
    return next(p for p in window.pages if isinstance(p, CollectionPage))


def test_close_and_reopen_a_round_with_the_mouse(qtbot, window, project_path, message_log):
    page = page_with_one_sheet(window, project_path)
    project = window.session.project
    assert page.round_button.text() == "Luk runden …"
    assert "Runde 2025: 1 svar, åben" in page.facts.text()

    message_log.answers = [NO]  # the user thinks again: nothing changes
    qtbot.mouseClick(page.round_button, Qt.MouseButton.LeftButton)
    assert message_log.shown[-1].text == "Luk runden 2025?"
    assert not project.round("2025").closed

    message_log.answers = [YES, OK]
    qtbot.mouseClick(page.round_button, Qt.MouseButton.LeftButton)
    assert project.round("2025").closed
    assert message_log.texts[-1] == "Runden 2025 er lukket; resultaterne kan nu vises."
    assert page.round_button.text() == "Genåbn runden …"
    assert "Runde 2025: 1 svar, lukket" in page.facts.text()

    # the kiosk refuses the closed round, saying how to reopen it
    assert page.launch_kiosk("2025", PinGuard("2468"), full_screen=False) is None
    assert message_log.shown[-1].title == "Kiosken kan ikke starte"
    assert "Genåbn runden" in message_log.texts[-1]

    message_log.answers = [YES, OK]
    qtbot.mouseClick(page.round_button, Qt.MouseButton.LeftButton)
    confirmation = message_log.shown[-2]
    assert confirmation.text == "Genåbn runden 2025?"
    assert "Der findes allerede rapporter om runden 2025" in confirmation.informative
    assert not project.round("2025").closed and project.round("2025").reopened_on is not None
    assert page.round_button.text() == "Luk runden …"
