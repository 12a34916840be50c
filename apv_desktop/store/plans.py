"""The follow-up side of an APV: indicators (sick leave, turnover, caseload), sick-leave
assessments per unit and round, action-plan items and the department reports' edited texts.
Small tables, plain ORM code."""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, select

from apv_desktop.core.records import ACTION_STATUSES, ActionItem, Indicator
from apv_desktop.errors import RefusedError
from apv_desktop.store import plain
from apv_desktop.store.org import unit_id
from apv_desktop.store.rounds import find_round
from apv_desktop.store.tables import (
    ActionItemRow,
    DepartmentReportRow,
    IndicatorRow,
    SickLeaveAssessmentRow,
)

TEXT_FIELDS = ("problem", "cause", "action", "responsible", "follow_up_notes", "effect")
DATE_FIELDS = ("deadline", "follow_up_date")
OPTIONAL_TEXT_FIELDS = ("dimension", "item_name")
ACTION_FIELDS = (*TEXT_FIELDS, *DATE_FIELDS, *OPTIONAL_TEXT_FIELDS, "status", "unit", "round")


def set_indicator(
    session: Session, unit_code: str, period: str, kind: str, value: float | None
) -> None:
    """Store one figure (replacing the same unit, period and kind); None removes it."""
    if not period or not str(period).strip() or not kind or not str(kind).strip():
        raise RefusedError("En nøgletalsværdi skal have både en periode (fx 2024) og en art.")
    the_unit = unit_id(session, unit_code)
    row = session.exec(
        select(IndicatorRow).where(
            IndicatorRow.unit_id == the_unit,
            IndicatorRow.period == period,
            IndicatorRow.kind == kind,
        )
    ).first()
    if value is None:
        if row is not None:
            session.delete(row)
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise RefusedError("Nøgletallet {kind} for {unit_code} skal være et tal, ikke {value!r}.",
                           kind=kind, unit_code=unit_code, value=value)
    row = row or IndicatorRow(unit_id=the_unit, period=period, kind=kind, value=0.0)
    row.value = float(value)
    session.add(row)


def set_indicators(session: Session, figures: list[Indicator]) -> None:
    """Store many figures at once (the caller's transaction makes it all-or-nothing)."""
    for figure in figures:
        set_indicator(session, figure.unit, figure.period, figure.kind, figure.value)


def set_assessment(session: Session, unit_code: str, round_name: str, text: str) -> None:
    """The judgement of whether work conditions contribute to a unit's sick leave; blank text
    removes it."""
    the_unit = unit_id(session, unit_code)
    the_round = find_round(session, round_name).id
    row = session.exec(
        select(SickLeaveAssessmentRow).where(
            SickLeaveAssessmentRow.unit_id == the_unit,
            SickLeaveAssessmentRow.round_id == the_round,
        )
    ).first()
    if not text or not text.strip():
        if row is not None:
            session.delete(row)
        return
    row = row or SickLeaveAssessmentRow(unit_id=the_unit, round_id=the_round or 0, text="")
    row.text = text
    session.add(row)


def set_department_text(session: Session, unit_code: str, round_name: str, text: str) -> None:
    """The department report's text as the AMiR revised it; blank text removes it (the draft
    is then made afresh from the results)."""
    the_unit = unit_id(session, unit_code)
    the_round = find_round(session, round_name).id
    row = session.exec(
        select(DepartmentReportRow).where(
            DepartmentReportRow.unit_id == the_unit, DepartmentReportRow.round_id == the_round
        )
    ).first()
    if not text or not text.strip():
        if row is not None:
            session.delete(row)
        return
    row = row or DepartmentReportRow(unit_id=the_unit, round_id=the_round or 0, text="")
    row.text = text
    session.add(row)


def add_action(session: Session, round_name: str, problem: str, today: date, **fields: Any) -> int:
    row = ActionItemRow(round_id=find_round(session, round_name).id or 0, problem="", created=today)
    _apply_fields(session, row, {"problem": problem, **fields})
    session.add(row)
    session.flush()
    return row.id or 0


def update_action(session: Session, action_id: int, **fields: Any) -> None:
    row = session.get(ActionItemRow, action_id)
    if row is None:
        raise RefusedError("Der er intet punkt nummer {action_id} i handlingsplanen.",
                           action_id=action_id)
    _apply_fields(session, row, fields)
    session.add(row)


def delete_action(session: Session, action_id: int) -> None:
    row = session.get(ActionItemRow, action_id)
    if row is None:
        raise RefusedError("Der er intet punkt nummer {action_id} i handlingsplanen.",
                           action_id=action_id)
    session.delete(row)


def actions(
    session: Session, round_name: str | None, action_id: int | None = None
) -> list[ActionItem]:
    return plain.actions(plain.driver(session), round_name, action_id)


def _apply_fields(session: Session, row: ActionItemRow, fields: dict[str, Any]) -> None:
    unknown = sorted(set(fields) - set(ACTION_FIELDS))
    if unknown:
        raise RefusedError("Et punkt i handlingsplanen har intet felt, der hedder {unknown}.",
                           unknown=unknown[0])
    for name, value in fields.items():
        if name in TEXT_FIELDS:
            if not isinstance(value, str):
                raise RefusedError("Handlingsplanens felt {name} skal være tekst.", name=name)
            setattr(row, name, value)
        elif name in DATE_FIELDS:
            if value is not None and not isinstance(value, date):
                raise RefusedError("Handlingsplanens felt {name} skal være en dato eller tomt.",
                                   name=name)
            setattr(row, name, value.date() if isinstance(value, datetime) else value)
        elif name in OPTIONAL_TEXT_FIELDS:
            text = value.strip() if isinstance(value, str) else None
            setattr(row, "dimension_code" if name == "dimension" else name, text or None)
        elif name == "status":
            if value not in ACTION_STATUSES:
                raise RefusedError(
                    "Status {value!r} er ukendt; brug en af {value2}.",
                    value=value, value2=', '.join(ACTION_STATUSES)
                )
            row.status = value
        elif name == "unit":
            row.unit_id = unit_id(session, value) if value else None
        elif name == "round":
            row.round_id = find_round(session, value).id or 0
    if not row.problem.strip():
        raise RefusedError("Et punkt i handlingsplanen skal have en beskrivelse af problemet.")
