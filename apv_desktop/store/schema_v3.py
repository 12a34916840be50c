"""Schema 3, frozen: answers packed in the smallest cell type instead of float64.

No table changes; migration 3 rewrites every response's `answers` BLOB from the float64 vector
of schemas 1 and 2 to the packing of store/packing.py (one byte per answer for choices), one
questionnaire version and chunk at a time, so memory stays small on a large file. Never edit
this once released: if the packing changes again, that is schema 4, and this module must then
keep its own copy of the schema 3 packing.
"""

from __future__ import annotations

import sqlite3

SCHEMA_3: tuple[str, ...] = ()
_CHUNK = 5000


def convert_answers(connection: sqlite3.Connection) -> None:
    """Repack every float64 answer BLOB (inside migration 3's transaction)."""
    widths = dict(connection.execute(
        "SELECT v.id, COUNT(i.id) FROM questionnaire_version v"
        " LEFT JOIN item i ON i.questionnaire_version_id = v.id AND i.type != 'note'"
        " GROUP BY v.id"
    ).fetchall())
    for version_id, width in widths.items():
        if width == 0:
            continue
        last = -(2**63)
        while True:
            rows = connection.execute(
                "SELECT id, answers FROM response WHERE questionnaire_version_id = ? AND id > ?"
                " ORDER BY id LIMIT ?",
                (version_id, last, _CHUNK),
            ).fetchall()
            if not rows:
                break
            last = rows[-1][0]
            whole = [(row_id, blob) for row_id, blob in rows if len(blob) == width * 8]
            if not whole:
                continue  # damaged sheets stay as they are, for the check command to report
            # here, not at the top: opening any project runs the migrations on an empty
            # database (migrations.schema_problems), and only sheets to convert need numpy
            # (the window starts faster without it, issue 18)
            import numpy as np

            from apv_desktop.store.packing import pack

            values = np.frombuffer(b"".join(blob for _, blob in whole), dtype=np.dtype("<f8"))
            packed = pack(values.reshape(len(whole), width).astype(np.float64))
            connection.executemany(
                "UPDATE response SET answers = ? WHERE id = ?",
                zip(packed, (row_id for row_id, _ in whole), strict=True),
            )
