"""Writes tests/data/schema2.apv: a project file at schema version 2 (answers as float64).

Made from schema1.apv migrated to version 2 by the program's own migrations 1-2, plus 60 more
answer sheets written the way schema 2 stored them (one float64 vector per sheet, NaN = no
answer), so that several units show results. Like schema1.apv it is made once and then kept:
it is what migration 3 (packed answers) is tested against.
Run: python tests/data/make_schema2.py [OUT.apv]
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

HERE = Path(__file__).resolve().parent
SHEETS = 60


def build(path: Path) -> None:
    shutil.copyfile(HERE / "schema1.apv", path)
    backup = open_for_use(path, MIGRATIONS[:2])
    if backup is not None:
        backup.unlink()
    rng = np.random.default_rng(2)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        round_id, version_id = connection.execute(
            "SELECT id, questionnaire_version_id FROM survey_round WHERE name = '2025'"
        ).fetchone()
        units = dict(connection.execute("SELECT code, id FROM org_unit"))
        connection.execute("BEGIN")
        for sheet in range(SHEETS):
            # q1, q2 (choice positions, 5 = "ved ikke"), q3 (bit mask), alder, timer, kommentar
            values = [
                float(rng.integers(0, 6)),
                float(rng.integers(0, 6)) if sheet % 7 else np.nan,
                float(rng.integers(0, 8)),
                float(rng.integers(20, 66)),
                float(rng.choice([37.0, 30.0, 18.5])) if sheet % 5 else np.nan,
                np.nan,
            ]
            connection.execute(
                "INSERT INTO response (id, uuid, round_id, unit_id, questionnaire_version_id,"
                " date, source, answers) VALUES (?, ?, ?, ?, ?, '2025-03-20', 'import', ?)",
                (secrets.randbits(62), str(uuid.uuid4()), round_id,
                 units[("A", "B", "B1")[sheet % 3]], version_id,
                 np.array(values, dtype="<f8").tobytes()),
            )
        connection.execute(
            "INSERT INTO department_report (unit_id, round_id, text) VALUES (?, ?, ?)",
            (units["ORG"], round_id, "Udfordringer\n- travlhed"),
        )
        connection.execute("COMMIT")
        connection.execute("VACUUM")
    finally:
        connection.close()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "schema2.apv"
    target.unlink(missing_ok=True)
    build(target)
    print(f"wrote {target}")
