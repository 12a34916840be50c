"""Floor of `results --format json`: load the floor database and score it with NumPy.

    python floor_results.py SPEC.json FLOOR.db OUT.json

Per unit (its own respondents and its sub-units') and dimension: n, mean and a 95 % interval,
COPSOQ style (items scored 0-100, reversed items mirrored, a respondent's dimension score is
the mean of the items they answered if at least half).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import numpy as np

MISSING = 255


def main(spec_path: Path, db_path: Path, out: Path) -> None:
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rows = connection.execute("SELECT unit, answers FROM response ORDER BY id").fetchall()
    units_of_rows = np.fromiter((unit for unit, _ in rows), dtype=np.int64, count=len(rows))
    width = len(spec["items"])
    values = np.frombuffer(b"".join(blob for _, blob in rows), dtype=np.uint8).reshape(-1, width)
    lookup = np.full((width, 256), np.nan)
    for column, item in enumerate(spec["items"]):
        scores = np.array([np.nan if s is None else s for s in spec["scores"]], dtype=float)
        lookup[column, : len(scores)] = 100 - scores if item["reverse"] else scores
    scored = lookup[np.arange(width), values]
    unit_count = len(spec["units"]) + 1
    # below[u, v] = 1 when leaf-unit v counts towards unit u (itself or a sub-unit)
    parent = {code: spec["parents"].get(code) for code in spec["units"]}
    index = {code: n for n, code in enumerate(spec["units"], start=1)}
    below = np.zeros((unit_count, unit_count))
    for code in spec["units"]:
        walk: str | None = code
        while walk:
            below[index[walk], index[code]] = 1
            walk = parent[walk]
    result = {}
    for dimension, columns in spec["dimensions"].items():
        part = scored[:, columns]
        answered = (~np.isnan(part)).sum(axis=1)
        person = np.where(answered * 2 >= len(columns), np.nansum(part, axis=1) / np.maximum(
            answered, 1), np.nan)
        valid = ~np.isnan(person)
        units = units_of_rows[valid]
        score = person[valid]
        n = below @ np.bincount(units, minlength=unit_count)
        total = below @ np.bincount(units, score, minlength=unit_count)
        squares = below @ np.bincount(units, score * score, minlength=unit_count)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = total / n
            sd = np.sqrt(np.maximum(squares - n * mean * mean, 0) / (n - 1))
            half = 1.96 * sd / np.sqrt(n)
        result[dimension] = [
            {"unit": code, "n": int(n[index[code]]), "mean": float(mean[index[code]]),
             "low": float(mean[index[code]] - half[index[code]]),
             "high": float(mean[index[code]] + half[index[code]])}
            for code in spec["units"] if n[index[code]] >= 5
        ]
    out.write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
