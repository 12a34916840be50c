"""Results as the JSON and CSV of `apv-desktop results` (design.md, 'Results')."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

from apv_desktop.core.csv_text import safe_row
from apv_desktop.core.orgtree import ORGANISATION
from apv_desktop.core.results import Results, Score
from apv_desktop.core.scoring import round_half_up


def _rounded(value: float | None, digits: int = 1) -> float | None:
    """Half up, as the window and the report show it (scores are already rounded in core)."""
    return round_half_up(value, digits)


def remembered_rounding() -> Callable[[float | None], float | None]:
    """_rounded, each value's answer remembered: a breakdown's tens of thousands of cells take
    a few hundred values. Zero is rounded each time (0.0 and -0.0 are one key, not one text)."""
    known: dict[float, float | None] = {}

    def rounded(value: float | None) -> float | None:
        if not value:  # None, 0.0 and -0.0
            return _rounded(value)
        found = known.get(value, _UNKNOWN)
        if found is _UNKNOWN:
            found = known[value] = _rounded(value)
        return found  # type: ignore[return-value]

    return rounded


_UNKNOWN = object()


def score_dict(
    score: Score, rounded: Callable[[float | None], float | None] = _rounded
) -> dict[str, Any]:
    """`rounded` is _rounded, or the same remembered per value (remembered_rounding)."""
    return {
        "unit": score.unit,
        "dimension": score.dimension,
        "n": score.n,
        "mean": rounded(score.mean),
        "ci_low": rounded(score.ci_low),
        "ci_high": rounded(score.ci_high),
        "light": score.light,
        "pressure_point": score.pressure_point,
        "strength": score.strength,
        "gap": rounded(score.gap),
        "suppressed": score.suppressed,
        "hidden_reason": score.hidden_reason,
    }


def results_dict(results: Results) -> dict[str, Any]:
    org = results.organisation
    return {
        "round": results.round,
        "round_state": results.round_state,
        "min_n": results.rules.min_n,
        "comment_min_n": results.rules.comment_min_n,
        "organisation": {
            "code": org.code,
            "name": org.name or results.organisation_name,
            "headcount": org.headcount,
            "responses": org.responses,
            "response_rate": _rounded(org.response_rate, 3),
            "scores": [score_dict(s) for s in results.scores if s.unit == org.code],
        },
        "units": [
            {
                "code": u.code,
                "name": u.name,
                "parent": u.parent,
                "headcount": u.headcount,
                "responses": u.responses,
                "response_rate": _rounded(u.response_rate, 3),
                "suppressed": u.suppressed,
            }
            for u in results.units
        ],
        "dimensions": [
            {
                "code": d.code,
                "name": d.name,
                "direction": d.direction.value,
                "reference": d.reference,
                "min_n": d.min_n,
                "domain": d.domain,
            }
            for d in results.dimensions
        ],
        "scores": [score_dict(s) for s in results.scores if s.unit != ORGANISATION],
    }


CSV_COLUMNS = ["unit", "unit_name", "dimension", "dimension_name", "n", "mean", "ci_low",
               "ci_high", "light", "pressure_point", "strength", "gap", "suppressed",
               "hidden_reason"]  # fmt: skip


def results_csv(results: Results) -> str:
    """One row per unit x dimension; the organisation row first (unit code as in JSON)."""
    names = {u.code: u.name for u in results.units}
    names[results.organisation.code] = results.organisation.name
    dimension_names = {d.code: d.name for d in results.dimensions}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    ordered = sorted(results.scores, key=lambda s: s.unit != results.organisation.code)
    for score in ordered:
        row = score_dict(score)
        row["unit_name"] = names.get(score.unit, "")
        row["dimension_name"] = dimension_names[score.dimension]
        writer.writerow(safe_row({k: ("" if row[k] is None else row[k]) for k in CSV_COLUMNS}))
    return buffer.getvalue()
