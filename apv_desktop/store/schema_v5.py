"""Schema 5, frozen: each sheet knows which closing of its round first published it.

- `response.closing`: the sequence number (1, 2, ...) of the first closing of the round that
  published the sheet's answers; NULL while they never were (an open round, or a closing that
  withheld the results). A round published again is released with at least what each earlier
  release hid (core.disclosure.republished), which needs the sheets each release counted.

Migration 5 marks every sheet of a closed round as published by its first closing (1): its
results have been reported on. Sheets of open rounds stay NULL; schema 4 kept only counts per
unit, not which sheets a reopened round held when it closed, so its earlier release cannot be
told apart and its next closing counts as its first. Never edit this once released: later
changes are new migrations.
"""

from __future__ import annotations

import sqlite3

SCHEMA_5: tuple[str, ...] = (
    "ALTER TABLE response ADD COLUMN closing INTEGER",
)


def mark_published_sheets(connection: sqlite3.Connection) -> None:
    """Every sheet of a closed round: published by the round's first closing (inside migration
    5's transaction)."""
    connection.execute(
        "UPDATE response SET closing = 1 WHERE round_id IN"
        " (SELECT id FROM survey_round WHERE closed_on IS NOT NULL)"
    )
