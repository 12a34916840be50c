"""Results by background group of a round, read from the project file (CLI and window)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from apv_desktop.core.breakdown import Breakdown, background_item, compute_breakdown
from apv_desktop.core.breakdown_export import results_csv_by, results_dict_by
from apv_desktop.core.model import DEFAULT_LANGUAGE
from apv_desktop.core.results import Results
from apv_desktop.interchange.json_text import indented, one_line_each
from apv_desktop.services.compute import results_of, round_answers
from apv_desktop.services.projects import opened
from apv_desktop.store.project import Project


def results_by(
    project: Project, round_name: str | None, item: str, language: str = DEFAULT_LANGUAGE
) -> tuple[Results, Breakdown]:
    """The round's results and their breakdown by the groups of background question `item`."""
    answers = round_answers(project, round_name)
    background_item(answers.questionnaire, item)  # refuse before any work
    results = results_of(project, answers.name, language=language, answers=answers)
    return results, compute_breakdown(answers.questionnaire, answers.units, answers.responses,
                                      results, item, language=language)

def results_by_file(
    path: Path, round_name: str | None, item: str, language: str = DEFAULT_LANGUAGE
) -> tuple[Results, Breakdown]:
    with opened(path) as project:
        return results_by(project, round_name, item, language)


def results_by_text(
    path: Path, round_name: str | None, item: str, form: str, language: str = DEFAULT_LANGUAGE
) -> str:
    """`apv-desktop results --by ITEM` as JSON or CSV text."""
    results, breakdown = results_by_file(path, round_name, item, language)
    if form == "json":
        return breakdown_json(results_dict_by(results, breakdown))
    return results_csv_by(results, breakdown)


def breakdown_json(data: dict[str, Any]) -> str:
    """Indented like `results`, with one line per breakdown cell: there are several times as
    many cells as tree scores, and Python's indenting encoder is what would cost the time."""
    cells = data["breakdown"]["scores"]
    placeholder = "\u0000cells"
    text = indented({**data, "breakdown": {**data["breakdown"], "scores": placeholder}})
    lines = one_line_each(cells, ",\n  ")
    return text.replace(json.dumps(placeholder), f"[\n  {lines}\n ]" if cells else "[]") + "\n"
