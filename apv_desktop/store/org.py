"""The organisation tree: org units upserted by code, read back parents before children."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from apv_desktop.core.model import OrgUnit
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

def org_problems(units: list[OrgUnit]) -> list[str]:
    """Why `units` is not a valid organisation tree; empty when it is."""
    problems: list[str] = []
    codes: set[str] = set()
    for unit in units:
        if not unit.code or not unit.code.strip():
            problems.append(f"the unit named {unit.name!r} has no code")
        elif unit.code in codes:
            problems.append(f"the code {unit.code} is used twice")
        codes.add(unit.code)
        if unit.headcount is not None and (
            isinstance(unit.headcount, bool)
            or not isinstance(unit.headcount, int)
            or unit.headcount < 0
        ):
            problems.append(f"unit {unit.code} has a headcount that is not a whole number >= 0")
    parents = {unit.code: unit.parent or None for unit in units}
    for unit in units:
        if unit.parent and unit.parent not in parents:
            problems.append(f"unit {unit.code} has the parent {unit.parent}, which is not listed")
    for code in parents:
        seen = {code}
        parent = parents[code]
        while parent is not None and parent in parents:
            if parent in seen:
                problems.append(f"unit {code} is its own ancestor (a cycle)")
                break
            seen.add(parent)
            parent = parents[parent]
    return problems


def replace_org(session: Session, units: list[OrgUnit]) -> None:
    """Make the organisation exactly `units`: update by code, insert new, delete the rest.

    Refuses (changing nothing) an invalid tree, or deleting a unit that holds data.
    """
    problems = org_problems(units)
    if problems:
        raise RefusedError(f"The organisation cannot be saved: {'; '.join(problems[:5])}.")
    existing = {row.code: row for row in session.exec(select(OrgUnitRow))}
    wanted = {unit.code for unit in units}
    doomed = [row for code, row in existing.items() if code not in wanted]
    for row in doomed:
        held = _data_held_by(session, row.id or 0)
        if held:
            raise RefusedError(
                f"The org unit {row.code} cannot be removed because it has {held}; keep it in "
                "the list (it may be renamed or moved)."
            )
    for position, unit in enumerate(units):
        row = existing.get(unit.code) or OrgUnitRow(code=unit.code, name=unit.name)
        row.name = unit.name
        row.headcount = unit.headcount
        row.position = position
        row.parent_id = None
        existing[unit.code] = row
        session.add(row)
    for row in doomed:  # children of removed units have been re-parented above
        session.delete(row)
    session.flush()
    for unit in units:
        if unit.parent:
            row = existing[unit.code]
            row.parent_id = existing[unit.parent].id
            session.add(row)
    session.flush()


def _data_held_by(session: Session, unit_id: int) -> str:
    checks = (
        (ResponseRow, "responses"),
        (ActionItemRow, "action-plan items"),
        (SickLeaveAssessmentRow, "a sick-leave assessment"),
        (IndicatorRow, "indicators"),
        (DepartmentReportRow, "a department report"),
    )
    for table, what in checks:
        statement = select(func.count()).select_from(table).where(col(table.unit_id) == unit_id)
        if session.exec(statement).one():
            return what
    return ""
