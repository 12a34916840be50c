"""Afdelingsrapporter: one block per department in the structure of the OMU report (seeds/004),
with the texts as the AMiR revised them in the program (or the program's draft)."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.reports.data import ReportData

HEADING_FONT = Font(bold=True, size=14)
SUBHEADING_FONT = Font(bold=True)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TEXT_WIDTH = 110


def write_departments(ws: Worksheet, title: str, departments: list[tuple[str, str]],
                      headings: list[str]) -> None:
    ws.column_dimensions["A"].width = TEXT_WIDTH
    ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=16)
    row = 2
    wanted = {h.strip().casefold() for h in headings}
    for name, text in departments:
        row += 1
        ws.cell(row=row, column=1, value=name).font = HEADING_FONT
        for line in text.splitlines():
            row += 1
            stripped = line.strip()
            if not stripped:
                continue
            if stripped.casefold() in wanted:
                cell = ws.cell(row=row, column=1, value=stripped)
                cell.font = SUBHEADING_FONT
            else:
                shown = "• " + stripped[2:] if stripped.startswith("- ") else stripped
                # '=' would start a formula in Excel: the AMiR's text is text
                cell = ws.cell(row=row, column=1, value=shown)
                cell.data_type = "s"
            cell.alignment = WRAP_TOP
        row += 1
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    page_setup = ws.sheet_properties.pageSetUpPr
    assert page_setup is not None  # WorksheetProperties makes one; nothing here removes it
    page_setup.fitToPage = True
    ws.print_options.gridLines = False


def write_department_sheet(ws: Worksheet, data: ReportData, edited: dict[str, str]) -> None:
    """The report workbook's sheet: drafts from the report's own data, with the AMiR's revised
    texts (`edited`, unit code -> text, from Project.department_texts) where they exist."""
    from apv_desktop.core.department_report import draft_reports, headings

    tr = data.tr
    drafts = draft_reports(data.results, data.indicators, data.actions, data.assessments, tr,
                           data.language)
    departments = [(d.name, edited.get(d.unit) or d.text(tr)) for d in drafts]
    write_departments(ws, tr("Afdelingsrapporter"), departments, headings(tr))
