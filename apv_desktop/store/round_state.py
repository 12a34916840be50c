"""A round's state in the file: open or closed, and the org tree frozen when it first closed.

Closing freezes the tree (the unit of each sheet and every unit above it, in fact the whole tree
of the day) in `round_unit`, with each unit's number of sheets at that moment; reopening only
clears `closed_on`, so the tree stays frozen and a later reorganisation never reaches the round.
The counts are the baseline a reopened round's new sheets are counted from: they move to the
current counts only when a closing publishes results again (core.round_release.new_sheets_withheld).
Such a closing (and the first) also numbers the sheets it publishes (`response.closing`, schema
5), so each earlier release can be computed again (core.round_release.republished).
"""

from __future__ import annotations

import sqlite3
from datetime import date

from apv_desktop.core.model import OrgUnit


def frozen_units(connection: sqlite3.Connection, round_id: int) -> list[OrgUnit] | None:
    """The round's org tree as frozen at its first closing (parents before children, siblings
    in their order); None when the round has never been closed."""
    rows = connection.execute(
        "SELECT code, parent_code, name, headcount FROM round_unit WHERE round_id = ?"
        " ORDER BY position, code",
        (round_id,),
    ).fetchall()
    if not rows:
        return None
    known = {row[0] for row in rows}
    children: dict[str | None, list[tuple]] = {}
    for row in rows:
        children.setdefault(row[1] if row[1] in known else None, []).append(row)
    ordered: list[OrgUnit] = []
    stack = list(reversed(children.get(None, [])))
    while stack:  # depth first, so a unit's whole subtree follows it
        code, parent, name, headcount = stack.pop()
        ordered.append(OrgUnit(code, name, parent if parent in known else None, headcount))
        stack.extend(reversed(children.get(code, [])))
    return ordered


def counts_at_close(connection: sqlite3.Connection, round_id: int) -> dict[str, int]:
    """Unit code -> sheets the unit held when the round's results were last published."""
    return dict(connection.execute(
        "SELECT code, responses_at_close FROM round_unit WHERE round_id = ?", (round_id,)))


def close_round(
    connection: sqlite3.Connection, round_id: int, today: date, new_baseline: bool
) -> None:
    """Mark the round closed. The first closing freezes today's org tree with today's counts;
    a later one keeps the tree and moves the counts only when `new_baseline` (the closing
    publishes results again)."""
    current = (
        "(SELECT COUNT(*) FROM response r JOIN org_unit o ON o.id = r.unit_id"
        " WHERE r.round_id = ? AND o.code = {code})"
    )
    first = frozen_units(connection, round_id) is None
    if first:
        connection.execute(
            "INSERT INTO round_unit (round_id, code, parent_code, name, position, headcount,"
            " responses_at_close)"
            " SELECT ?, u.code, p.code, u.name, u.position, u.headcount,"
            f" {current.format(code='u.code')}"
            " FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id",
            (round_id, round_id),
        )
    elif new_baseline:
        connection.execute(
            "UPDATE round_unit SET responses_at_close ="
            f" {current.format(code='round_unit.code')} WHERE round_id = ?",
            (round_id, round_id),
        )
    if first or new_baseline:
        _mark_published(connection, round_id)
    connection.execute(
        "UPDATE survey_round SET closed_on = ? WHERE id = ?", (today.isoformat(), round_id))


def _mark_published(connection: sqlite3.Connection, round_id: int) -> None:
    """The sheets no closing published yet: published by this one, the next of the round."""
    connection.execute(
        "UPDATE response SET closing ="
        " (SELECT COALESCE(MAX(closing), 0) + 1 FROM response WHERE round_id = ?)"
        " WHERE round_id = ? AND closing IS NULL",
        (round_id, round_id),
    )


def reopen_round(connection: sqlite3.Connection, round_id: int, today: date) -> None:
    connection.execute(
        "UPDATE survey_round SET closed_on = NULL, reopened_on = ? WHERE id = ?",
        (today.isoformat(), round_id),
    )
