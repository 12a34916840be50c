"""Writes tests/data/schema4.apv: a project file at schema version 4 (sheets do not know which
closing published them).

Made from schema3.apv migrated to version 4 by the program's own migrations 1-4 (which close
both rounds, 2025 and 2026, and freeze their org trees), after which round 2026 is reopened and
gets 6 more sheets in unit A, so migration 5 has a closed round whose sheets were published and
a reopened one holding sheets that never were. Like the older files it is made once and then
kept: it is what migration 5 (response.closing) is tested against.
Run: python tests/data/make_schema4.py [OUT.apv]
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
ADDED = 6


def build(path: Path) -> None:
    shutil.copyfile(HERE / "schema3.apv", path)
    backup = open_for_use(path, MIGRATIONS[:4])
    if backup is not None:
        backup.unlink()
    rng = np.random.default_rng(4)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN")
        round_id, version_id = connection.execute(
            "SELECT id, questionnaire_version_id FROM survey_round WHERE name = '2026'"
        ).fetchone()
        connection.execute(
            "UPDATE survey_round SET closed_on = NULL, reopened_on = '2026-04-01' WHERE id = ?",
            (round_id,))
        (unit_id,) = connection.execute("SELECT id FROM org_unit WHERE code = 'A'").fetchone()
        values = np.column_stack([
            rng.integers(0, 6, ADDED), rng.integers(0, 6, ADDED), rng.integers(0, 8, ADDED),
            rng.integers(20, 66, ADDED), np.full(ADDED, np.nan), np.full(ADDED, np.nan),
        ]).astype(np.float64)
        for blob in pack(values):
            connection.execute(
                "INSERT INTO response (id, uuid, round_id, unit_id, questionnaire_version_id,"
                " date, source, answers) VALUES (?, ?, ?, ?, ?, '2026-04-02', 'kiosk', ?)",
                (secrets.randbits(62), str(uuid.uuid4()), round_id, unit_id, version_id, blob),
            )
        connection.execute("COMMIT")
        connection.execute("VACUUM")
    finally:
        connection.close()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "schema4.apv"
    target.unlink(missing_ok=True)
    build(target)
    print(f"wrote {target}")
