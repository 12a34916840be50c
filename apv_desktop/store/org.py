"""The organisation tree: org units upserted by code, read back parents before children."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from apv_desktop.core.model import OrgUnit
from apv_desktop.core.org_rules import org_problems
from apv_desktop.errors import RefusedError
from apv_desktop.i18n import tr
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
    holding = [(row, held) for row in doomed if (held := _data_held_by(session, row.id or 0))]
    if len(holding) == 1:
        row, held = holding[0]
        raise RefusedError(
            "Enheden {code} ({name}) kan ikke fjernes, fordi den har {held}; behold den på listen "
            "(den må gerne omdøbes eller flyttes).", code=row.code, name=row.name, held=held)
    if holding:
        which = ", ".join(tr("{code} ({name}) har {held}", code=row.code, name=row.name,
                                held=held) for row, held in holding[:10])
        more = tr(" og {count} flere", count=len(holding) - 10) if len(holding) > 10 else ""
        raise RefusedError(
            "{count} enheder kan ikke fjernes, fordi de har data: {which}{more}; behold dem på "
            "listen (de må gerne omdøbes eller flyttes).", count=len(holding), which=which,
            more=more)


def _data_held_by(session: Session, unit_id: int) -> str:
    checks = (
        (ResponseRow, tr("besvarelser")),
        (ActionItemRow, tr("punkter i handlingsplanen")),
        (SickLeaveAssessmentRow, tr("en sygefraværsvurdering")),
        (IndicatorRow, tr("nøgletal")),
        (DepartmentReportRow, tr("en afdelingsrapport")),
    )
    for table, what in checks:
        statement = select(func.count()).select_from(table).where(col(table.unit_id) == unit_id)
        if session.exec(statement).one():
            return what
    return ""
