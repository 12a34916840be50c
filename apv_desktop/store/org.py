"""The organisation tree: org units upserted by code, read back parents before children."""

from __future__ import annotations

import sqlite3

from sqlmodel import Session, select

from apv_desktop.core.model import OrgUnit
from apv_desktop.core.org_changes import Blocked, Held, refusal
from apv_desktop.core.org_rules import org_problems
from apv_desktop.errors import RefusedError
from apv_desktop.store import plain
from apv_desktop.store.tables import (
    ActionItemRow,
    DepartmentReportRow,
    IndicatorRow,
    OrgUnitRow,
    ResponseRow,
    SickLeaveAssessmentRow,
)


def org_units(session: Session) -> list[OrgUnit]:
    """Every unit, each parent before its children; siblings in the order they were given."""
    return plain.org_units(plain.driver(session))


def unit_ids(session: Session) -> dict[str, int]:
    return plain.unit_ids(plain.driver(session))


def unit_id(session: Session, code: str) -> int:
    return plain.unit_id(plain.driver(session), code)


def replace_org(session: Session, units: list[OrgUnit]) -> None:
    """Make the organisation exactly `units`: update by code, insert new, delete the rest.

    Refuses (changing nothing) an invalid tree, or deleting a unit that holds data.
    """
    problems = org_problems(units)  # the one rule of core/org_rules.py
    if problems:
        sentences = " ".join(problem.text for problem in problems[:5])
        raise RefusedError("Organisationen kan ikke gemmes: {sentences}", sentences=sentences)
    existing = {row.code: row for row in session.exec(select(OrgUnitRow))}
    wanted = {unit.code for unit in units}
    doomed = [row for code, row in existing.items() if code not in wanted]
    _refuse_removing_units_with_data(session, doomed)
    for position, unit in enumerate(units):
        row = existing.get(unit.code) or OrgUnitRow(code=unit.code, name=unit.name)
        row.name = unit.name
        row.headcount = unit.headcount
        row.position = position
        row.parent_id = None
        existing[unit.code] = row
        session.add(row)
    # A removed unit may have removed sub-units: unlink them all first, so no row is deleted
    # while another still points at it (SQLite checks each DELETE at once).
    for row in doomed:
        row.parent_id = None
        session.add(row)
    session.flush()
    for row in doomed:
        session.delete(row)
    session.flush()
    for unit in units:
        if unit.parent:
            row = existing[unit.code]
            row.parent_id = existing[unit.parent].id
            session.add(row)
    session.flush()


def _refuse_removing_units_with_data(session: Session, doomed: list[OrgUnitRow]) -> None:
    """Answers and plans belong to their unit: name every unit that would lose some."""
    held = data_held(plain.driver(session), [row.code for row in doomed])
    blocked = [Blocked(OrgUnit(row.code, row.name), held[row.code])
               for row in doomed if row.code in held]
    if blocked:
        raise refusal(blocked)


# What a unit can hold, in the order it is named (the first found is the one said).
_HOLDING_TABLES = (
    (ResponseRow.__tablename__, Held.RESPONSES),
    (ActionItemRow.__tablename__, Held.ACTION_ITEMS),
    (SickLeaveAssessmentRow.__tablename__, Held.SICK_LEAVE),
    (IndicatorRow.__tablename__, Held.INDICATORS),
    (DepartmentReportRow.__tablename__, Held.DEPARTMENT_REPORT),
)


def data_held(connection: sqlite3.Connection, codes: list[str]) -> dict[str, Held]:
    """What each of the units `codes` holds, for those that hold anything (one query a table:
    a reorganisation preview asks this for every dropped unit)."""
    ids = {unit_id: code for code, unit_id in plain.unit_ids(connection).items()
           if code in set(codes)}
    found: dict[str, Held] = {}
    for name, what in _HOLDING_TABLES:
        rows = connection.execute(f"SELECT DISTINCT unit_id FROM {name}").fetchall()  # noqa: S608
        for (unit_id,) in rows:
            if unit_id in ids:
                found.setdefault(ids[unit_id], what)
    return found
