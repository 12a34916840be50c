"""Helpers for the XLSForm tests: build small workbooks with openpyxl (no tests in here)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from apv_desktop.interchange.xlsform import XlsFormResult, read_xlsform

Rows = list[list[object]]

CORPUS = Path("/work/shared/corpus/xlsform")

AGREE_CHOICES: Rows = [
    ["list_name", "name", "label"],
    ["agree", "1", "Slet ikke"],
    ["agree", "2", "Lidt"],
    ["agree", "3", "Noget"],
    ["agree", "4", "Meget"],
    ["agree", "5", "Helt"],
]


def make_workbook(path: Path, sheets: dict[str, Rows]) -> Path:
    """A workbook at `path` with one sheet per entry, rows written from A1 down."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def make_form(
    tmp_path: Path,
    survey: Rows,
    choices: Rows | None = None,
    settings: Rows | None = None,
    dimensions: Rows | None = None,
    name: str = "form.xlsx",
) -> Path:
    sheets: dict[str, Rows] = {"survey": survey}
    if choices is not None:
        sheets["choices"] = choices
    if settings is not None:
        sheets["settings"] = settings
    if dimensions is not None:
        sheets["dimensions"] = dimensions
    return make_workbook(tmp_path / name, sheets)


def read_form(tmp_path: Path, survey: Rows, **sheets: Rows | None) -> XlsFormResult:
    return read_xlsform(make_form(tmp_path, survey, **sheets))  # type: ignore[arg-type]


def warnings_about(result: XlsFormResult, fragment: str) -> list[str]:
    return [w for w in result.warnings if fragment in w]


def without_repeats(source: Path, target: Path) -> Path:
    """`source` with every repeat (its begin row to its end row) taken out of the survey."""
    book = openpyxl.load_workbook(source, data_only=True)  # formulas' values, kept as values
    survey = book["survey"]
    types = [str(cell.value or "").strip().lower().replace("_", " ") for cell in survey["A"]]
    depth, doomed = 0, []
    for number, kind in enumerate(types, start=1):
        if kind == "begin repeat":
            depth += 1
        if depth:
            doomed.append(number)
        if kind == "end repeat":
            depth -= 1
    for number in reversed(doomed):
        survey.delete_rows(number)
    book.save(target)
    return target
