"""Writes tests/data/schema3.apv: a project file at schema version 3 (rounds have no state).

Made from schema2.apv migrated to version 3 by the program's own migrations 1-3, plus a second
round "2026" of 40 sheets (packed as schema 3 stores them) in units A, B and B1, so migration 4
has two rounds to close and two org trees to freeze. Like the older files it is made once and
then kept: it is what migration 4 (round state, frozen trees, background items) is tested
against.
Run: python tests/data/make_schema3.py [OUT.apv]
"""

from __future__ import annotations

import secrets
import shutil
import sqlite3
import sys
import uuid
from pathlib import Path

import numpy as np

from apv_desktop.store.migrations import MIGRATIONS, open_for_use
from apv_desktop.store.packing import pack

HERE = Path(__file__).resolve().parent
SHEETS = 40


def build(path: Path) -> None:
    shutil.copyfile(HERE / "schema2.apv", path)
    backup = open_for_use(path, MIGRATIONS[:3])
    if backup is not None:
        backup.unlink()
    rng = np.random.default_rng(3)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN")
        (version_id,) = connection.execute(
            "SELECT questionnaire_version_id FROM survey_round WHERE name = '2025'").fetchone()
        connection.execute(
            "INSERT INTO survey_round (name, questionnaire_version_id, created)"
            " VALUES ('2026', ?, '2026-02-01')", (version_id,))
        (round_id,) = connection.execute(
            "SELECT id FROM survey_round WHERE name = '2026'").fetchone()
        units = dict(connection.execute("SELECT code, id FROM org_unit"))
        values = np.column_stack([
            rng.integers(0, 6, SHEETS), rng.integers(0, 6, SHEETS), rng.integers(0, 8, SHEETS),
            rng.integers(20, 66, SHEETS), np.full(SHEETS, np.nan), np.full(SHEETS, np.nan),
        ]).astype(np.float64)
        for sheet, blob in enumerate(pack(values)):
            connection.execute(
                "INSERT INTO response (id, uuid, round_id, unit_id, questionnaire_version_id,"
                " date, source, answers) VALUES (?, ?, ?, ?, ?, ?, 'import', ?)",
                (secrets.randbits(62), str(uuid.uuid4()), round_id,
                 units[("A", "B", "B1", "A")[sheet % 4]], version_id,
                 f"2026-03-{1 + sheet % 20:02d}", blob),
            )
        connection.execute("COMMIT")
        connection.execute("VACUUM")
    finally:
        connection.close()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "schema3.apv"
    target.unlink(missing_ok=True)
    build(target)
    print(f"wrote {target}")
