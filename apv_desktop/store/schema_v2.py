"""Schema 2, frozen: what migration 2 adds to a schema 1 file.

The department report (Udfordringer, Gode erfaringer, Fremadrettede fokuspunkter,
Opmærksomhedspunkter i forbindelse med sygefravær) is drafted by the program and then revised
by the AMiR; the revised text is kept per department and round. Never edit this text once
released: later changes are new migrations.
"""

from __future__ import annotations

SCHEMA_2: tuple[str, ...] = (
    """CREATE TABLE department_report (
        id INTEGER NOT NULL PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES org_unit (id),
        round_id INTEGER NOT NULL REFERENCES survey_round (id),
        text TEXT NOT NULL,
        UNIQUE (unit_id, round_id)
    )""",
)
