"""Schema 4, frozen: rounds have a state, and a closed round keeps the org tree it closed with.

- `survey_round.closed_on` (NULL while the round is open) and `survey_round.reopened_on` (the
  day a closed round was last opened again; NULL if never).
- `round_unit`: the org tree of a round as it was when the round closed, one row per unit (its
  code, its parent's code, name, place among siblings and headcount), with the number of sheets
  the unit held at that moment (`responses_at_close`), so a reopened round knows how many new
  sheets each unit got since its results were first published.
- `item.background`: a question that describes the respondent (age group, job), used by the
  breakdowns; false for every existing question.

Migration 4 closes every existing round (it has been reported on already) and freezes the
current org tree for it, so a later reorganisation no longer changes its results. Its closing
day is the day of its last sheet (the day it was created when it has none): a day the data
gives, not the day of the upgrade. Never edit this once released: later changes are new
migrations.
"""

from __future__ import annotations

import sqlite3

SCHEMA_4: tuple[str, ...] = (
    "ALTER TABLE survey_round ADD COLUMN closed_on DATE",
    "ALTER TABLE survey_round ADD COLUMN reopened_on DATE",
    "ALTER TABLE item ADD COLUMN background BOOLEAN NOT NULL DEFAULT 0",
    """CREATE TABLE round_unit (
        round_id INTEGER NOT NULL REFERENCES survey_round (id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        parent_code TEXT,
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        headcount INTEGER,
        responses_at_close INTEGER NOT NULL,
        PRIMARY KEY (round_id, code)
    ) WITHOUT ROWID""",
)


def close_existing_rounds(connection: sqlite3.Connection) -> None:
    """Close every round and freeze today's org tree for it (inside migration 4's transaction)."""
    connection.execute(
        "UPDATE survey_round SET closed_on = COALESCE("
        " (SELECT MAX(r.date) FROM response r WHERE r.round_id = survey_round.id), created)"
    )
    connection.execute(
        "INSERT INTO round_unit (round_id, code, parent_code, name, position, headcount,"
        " responses_at_close)"
        " SELECT s.id, u.code, p.code, u.name, u.position, u.headcount,"
        "  (SELECT COUNT(*) FROM response r WHERE r.round_id = s.id AND r.unit_id = u.id)"
        " FROM survey_round s CROSS JOIN org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id"
    )
