"""The follow-up side of an open project (indicators, sick-leave assessments, department
report texts, action plans): the part of `Project`'s interface that store/plans.py carries out.

A mixin, so that Project keeps one public interface while its file stays small; it needs only
the two transactions every Project has.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from apv_desktop.core.records import ActionItem, Indicator
from apv_desktop.store import plain

if TYPE_CHECKING:
    from sqlmodel import Session

    from apv_desktop.store import plans
else:
    from apv_desktop.store.lazy import lazy_module

    plans = lazy_module("apv_desktop.store.plans")


class PlanMethods:
    """Indicators, assessments, department texts and action-plan items of a project."""

    def _transaction(self) -> contextlib.AbstractContextManager[Session]:
        raise NotImplementedError  # Project's

    def _plain(self, write: bool = False) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # Project's

    def set_indicator(self, unit_code: str, period: str, kind: str, value: float | None) -> None:
        with self._transaction() as session:
            plans.set_indicator(session, unit_code, period, kind, value)

    def set_indicators(self, figures: Sequence[Indicator]) -> None:
        """Store many figures in one transaction: all of them, or none on a refusal."""
        with self._transaction() as session:
            plans.set_indicators(session, list(figures))

    def indicators(
        self, unit_code: str | None = None, period: str | None = None, kind: str | None = None
    ) -> list[Indicator]:
        with self._plain() as connection:
            return plain.indicators(connection, unit_code, period, kind)

    def set_assessment(self, unit_code: str, round_name: str, text: str) -> None:
        with self._transaction() as session:
            plans.set_assessment(session, unit_code, round_name, text)

    def assessment(self, unit_code: str, round_name: str) -> str | None:
        with self._plain() as connection:
            return plain.unit_text(connection, "sick_leave_assessment", unit_code, round_name)

    def assessments(self, round_name: str) -> dict[str, str]:
        with self._plain() as connection:
            return plain.unit_texts(connection, "sick_leave_assessment", round_name)

    def set_department_text(self, unit_code: str, round_name: str, text: str) -> None:
        """Keep a department report's revised text; blank text removes it."""
        with self._transaction() as session:
            plans.set_department_text(session, unit_code, round_name, text)

    def department_texts(self, round_name: str) -> dict[str, str]:
        """Unit code -> the revised department report text of the round."""
        with self._plain() as connection:
            return plain.unit_texts(connection, "department_report", round_name)

    def add_action(self, round_name: str, problem: str, **fields: Any) -> ActionItem:
        """A new action-plan item. Optional fields: unit (code), dimension, item_name, cause,
        action, responsible, deadline, status, follow_up_date, follow_up_notes, effect."""
        with self._transaction() as session:
            action_id = plans.add_action(session, round_name, problem, date.today(), **fields)
            return plans.actions(session, None, action_id)[0]

    def update_action(self, action_id: int, **fields: Any) -> ActionItem:
        """Change some fields of an item (same names as add_action, plus problem and round)."""
        with self._transaction() as session:
            plans.update_action(session, action_id, **fields)
            session.flush()
            return plans.actions(session, None, action_id)[0]

    def change_actions(
        self,
        updates: list[tuple[int, dict[str, Any]]],
        additions: list[tuple[str, str, dict[str, Any]]],
    ) -> None:
        """Several updates (id, fields) and new items (round, problem, fields) in ONE
        transaction: all are stored, or none (an imported action-plan sheet)."""
        with self._transaction() as session:
            for action_id, fields in updates:
                plans.update_action(session, action_id, **fields)
            for round_name, problem, fields in additions:
                plans.add_action(session, round_name, problem, date.today(), **fields)

    def delete_action(self, action_id: int) -> None:
        with self._transaction() as session:
            plans.delete_action(session, action_id)

    def actions(self, round_name: str | None = None) -> list[ActionItem]:
        """The items of a round (of every round when None), oldest first."""
        with self._plain() as connection:
            return plain.actions(connection, round_name)
