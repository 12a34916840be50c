"""Results by background group in the JSON and CSV of `apv-desktop results --by ITEM`.

The JSON gains a "breakdown" block beside the tree's figures; the CSV gains `group` and
`group_name` columns, empty on the tree's rows, and a row per unit x group x dimension after
them. Every figure is the same as the window's and the report's (core.breakdown)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

from apv_desktop.core.breakdown import Breakdown, GroupScore
from apv_desktop.core.csv_text import safe_row
from apv_desktop.core.results import Results
from apv_desktop.core.results_export import (
    CSV_COLUMNS,
    remembered_rounding,
    results_csv,
    results_dict,
    score_dict,
)


def breakdown_dict(results: Results, breakdown: Breakdown) -> dict[str, Any]:
    rounded = remembered_rounding()
    return {
        "item": breakdown.item,
        "min_units_responses": results.rules.breakdown_floor(),
        "groups": [{"name": name, "label": label}
                   for name, label in zip(breakdown.groups, breakdown.labels, strict=True)],
        "units": breakdown.units,
        "scores": [_cell_dict(cell, rounded) for cell in breakdown.scores],
    }


def _cell_dict(cell: GroupScore, rounded: Callable[[float | None], float | None]
               ) -> dict[str, Any]:
    row = score_dict(cell.score, rounded)
    row["group"] = cell.group  # last, as {**score_dict(...), "group": ...} put it
    return row


def results_dict_by(results: Results, breakdown: Breakdown) -> dict[str, Any]:
    return {**results_dict(results), "breakdown": breakdown_dict(results, breakdown)}


def results_csv_by(results: Results, breakdown: Breakdown) -> str:
    """The tree's rows (group empty), then one row per unit x group x dimension."""
    columns = [*CSV_COLUMNS, "group", "group_name"]
    names = {u.code: u.name for u in results.units}
    names[results.organisation.code] = results.organisation.name
    dimension_names = {d.code: d.name for d in results.dimensions}
    labels = dict(zip(breakdown.groups, breakdown.labels, strict=True))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator="\n")
    writer.writeheader()
    for row in csv.DictReader(io.StringIO(results_csv(results))):
        writer.writerow({**row, "group": "", "group_name": ""})
    rounded = remembered_rounding()
    for cell in breakdown.scores:
        row = score_dict(cell.score, rounded)
        row.update(unit_name=names.get(cell.score.unit, ""), group=cell.group,
                   dimension_name=dimension_names[cell.score.dimension],
                   group_name=labels[cell.group])
        writer.writerow(safe_row({k: ("" if row[k] is None else row[k]) for k in columns}))
    return buffer.getvalue()
