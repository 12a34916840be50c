"""Every edit is one QUndoCommand holding the questionnaire before and after it.

Snapshots rather than inverse operations: an undo can then never drift from what the edit did,
and a questionnaire of a few hundred items is small enough to copy on every edit.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from apv_desktop.core.model import Questionnaire
from apv_desktop.core.validation import Location


class SnapshotHost(Protocol):
    def restore(self, questionnaire: Questionnaire, select: Location | None) -> None:
        """Store `questionnaire` at once and show it, with `select` selected."""


class SnapshotCommand(QUndoCommand):
    """The first redo() is the push itself: the host has stored `after` already (so that a
    refused save never enters the stack), later redo()s and undo()s store again."""

    def __init__(self, host: SnapshotHost, before: Questionnaire, after: Questionnaire,
                 text: str, select: Location | None) -> None:
        super().__init__(text)
        self._host = host
        self.before = before
        self.after = after
        self._select = select
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._host.restore(self.after, self._select)

    def undo(self) -> None:
        self._host.restore(self.before, self._select)
