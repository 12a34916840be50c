"""Helpers for the report tests: a crafted project with a small team and a department with its
own staff, and readers that collect every number and chart range of a workbook."""

from __future__ import annotations

import math
import re
import zipfile
from pathlib import Path

import numpy as np
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.workbook.workbook import Workbook

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import Dimension, Direction, Item, ItemType, OrgUnit, Section
from apv_desktop.store.project import Project
from tests.unit.core_fixtures import small_questionnaire

ROUND = "2025"
# code, name, parent, respondents, answer position (None = random, to make distinctive means)
CRAFTED_ORG: list[tuple[str, str, str | None, int, int | None]] = [
    ("ROOT", "Testkommune", None, 0, None),
    ("DEPT", "Afdeling med egne folk", "ROOT", 3, 2),
    ("TA", "Team A", "DEPT", 12, 1),
    ("TS", "Lille team", "DEPT", 3, None),
    ("OTHER", "Anden afdeling", "ROOT", 11, 3),
]


def crafted_questionnaire():  # noqa: ANN201 - a Questionnaire
    questionnaire = small_questionnaire()
    questionnaire.sections.append(Section("kraenkende", {"da": "Krænkende handlinger"}, [
        Item("bu1", ItemType.SELECT_ONE, {"da": "Mobning?"}, list_name="freq", dimension="BU"),
    ]))
    questionnaire.dimensions.append(
        Dimension("BU", {"da": "Mobning"}, Direction.HIGHER_IS_WORSE, min_n=10))
    for dimension in questionnaire.dimensions:
        dimension.domain = dimension.domain or "s"
    return questionnaire


def build_crafted(path: Path, names: dict[str, str] | None = None, seed: int = 3) -> Path:
    """The crafted project; `names` renames units (for sheet-name edge cases)."""
    rng = np.random.default_rng(seed)
    questionnaire = crafted_questionnaire()
    items = [i.name for i in questionnaire.answerable_items()]
    units: list[str] = []
    rows: list[list[float]] = []
    texts: list[tuple[int, str]] = []
    for code, _, _, count, position in CRAFTED_ORG:
        for _ in range(count):
            row = [
                math.nan if name == "comment"
                else float(position if position is not None else rng.integers(0, 5))
                for name in items
            ]
            texts.append((len(units), f"=Kommentar fra {code}"))
            units.append(code)
            rows.append(row)
    responses = ResponseSet(items, units, np.array(rows), {"comment": texts})
    renamed = names or {}
    org = [OrgUnit(code, renamed.get(code, name), parent, count + 1)
           for code, name, parent, count, _ in CRAFTED_ORG]
    project = Project.create(path, name="Testkommune")
    with project:
        project.save_questionnaire(questionnaire)
        project.replace_org(org)
        project.ensure_round(ROUND)
        project.add_responses(ROUND, responses, "import")
        project.close_round(ROUND)  # reported on: its scores are shown
    return path


def sheet_numbers(workbook: Workbook) -> list[tuple[str, str, float]]:
    """Every number on every sheet: (sheet, cell, value)."""
    found = []
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                    found.append((ws.title, cell.coordinate, float(cell.value)))
    return found


_FORMULA = re.compile(r"<(?:c:)?f>(.*?)</(?:c:)?f>")
_CACHED = re.compile(r"<(?:c:)?v>(.*?)</(?:c:)?v>")


def chart_ranges(path: Path) -> list[tuple[str, str]]:
    """The (sheet, range) every chart in the file plots, read from the chart XML itself."""
    found = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/charts/chart") and name.endswith(".xml"):
                xml = archive.read(name).decode("utf-8")
                for formula in _FORMULA.findall(xml):
                    sheet, _, cells = formula.replace("&apos;", "'").rpartition("!")
                    found.append((sheet.strip("'").replace("''", "'"), cells.replace("$", "")))
    return found


def chart_cached_values(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [
            value
            for name in archive.namelist() if name.startswith("xl/charts/chart")
            for value in _CACHED.findall(archive.read(name).decode("utf-8"))
        ]


def range_values(workbook: Workbook, sheet: str, cells: str) -> list[object]:
    ws = workbook[sheet]
    low_col, low_row, high_col, high_row = range_boundaries(cells)
    return [
        ws.cell(row=r, column=c).value
        for r in range(low_row, high_row + 1)
        for c in range(low_col, high_col + 1)
    ]


def read(path: Path) -> Workbook:
    return load_workbook(path)
