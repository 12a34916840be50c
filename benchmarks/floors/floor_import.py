"""Floor of `import-responses`: stream the CSV, one byte per answer, one SQLite transaction.

    python floor_import.py SPEC.json ANSWERS.csv OUT.db

SPEC.json (written by bench_floors.py) names the items, the choice label -> position map and
the units. Rows get sorted random ids, as APV Desktop's do, and the same durability pragmas.
"""

from __future__ import annotations

import csv
import json
import secrets
import sqlite3
import sys
from pathlib import Path

MISSING = 255


def main(spec_path: Path, csv_path: Path, out: Path) -> None:
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    position = {label: pos for label, pos in spec["choices"].items()}
    position[""] = MISSING
    unit_id = {code: number for number, code in enumerate(spec["units"], start=1)}
    rows = []
    with csv_path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle, delimiter=";")
        next(reader)
        for record in reader:
            rows.append((unit_id[record[0]], bytes(map(position.__getitem__, record[1:]))))
    ids = sorted({secrets.randbits(62) for _ in range(len(rows) + 64)})[: len(rows)]
    out.unlink(missing_ok=True)
    connection = sqlite3.connect(out, isolation_level=None)
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA cache_size=-65536")
    connection.execute("BEGIN")
    connection.execute(
        "CREATE TABLE response (id INTEGER PRIMARY KEY, unit INTEGER NOT NULL,"
        " answers BLOB NOT NULL)"
    )
    connection.executemany(
        "INSERT INTO response VALUES (?, ?, ?)",
        ((ids[n], unit, blob) for n, (unit, blob) in enumerate(rows)),
    )
    connection.execute("COMMIT")
    connection.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
