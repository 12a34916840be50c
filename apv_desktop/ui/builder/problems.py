"""The validation panel: the questionnaire's problems in the user's language; a click (or Enter)
on one jumps to the place it names. Also the translated sentences for refused edits."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from apv_desktop.core.editing import EditRefused
from apv_desktop.core.validation import Problem, Severity
from apv_desktop.i18n import tr

LOCATION_ROLE = Qt.ItemDataRole.UserRole


def problem_text(problem: Problem) -> str:
    """The problem as one sentence in the current language."""
    return problem.text


def refused_text(error: EditRefused) -> str:
    return str(error)


class ProblemList(QListWidget):
    """Signals `jump_requested(Location)` when a problem is clicked or activated."""

    jump_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: list[Problem] = []
        self.itemClicked.connect(self._jump)
        self.itemActivated.connect(self._jump)

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.clear()
        style = self.style()
        error_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        warning_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for problem in problems:
            entry = QListWidgetItem(problem_text(problem))
            entry.setIcon(error_icon if problem.severity is Severity.ERROR else warning_icon)
            entry.setData(LOCATION_ROLE, problem.location)
            self.addItem(entry)
        if not problems:
            entry = QListWidgetItem(tr("Ingen problemer fundet."))
            entry.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(entry)

    def _jump(self, entry: QListWidgetItem) -> None:
        location = entry.data(LOCATION_ROLE)
        if location is not None:
            self.jump_requested.emit(location)
