"""Afdelingsrapporter: one block per department in the structure of the OMU report (seeds/004),
from the report's story (core.story): the AMiR's revised text where there is one, else the
program's draft. Every department has a block; one whose figures are hidden says why."""

from __future__ import annotations

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.story import DepartmentBlock
from apv_desktop.i18n import Translate
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.styles import (
    BOLD,
    NOTE_FONT,
    TITLE_FONT,
    paragraph,
    prepare_print,
    put,
)

HEADING_FONT = Font(bold=True, size=14, color="1F4E78")
TEXT_WIDTH = 78  # characters: within a portrait A4 page (a single column is never scaled down)


def write_department_blocks(ws: Worksheet, title: str, blocks: list[DepartmentBlock],
                            tr: Translate) -> int:
    """The title, then each block: name, why its figures are hidden (if they are), headings and
    bullets. Every text goes through `put`, so a department text starting with '=' stays text.
    Returns the last row written."""
    ws.column_dimensions["A"].width = TEXT_WIDTH
    put(ws, 1, 1, title, font=TITLE_FONT)
    row = 2
    for block in blocks:
        row += 2
        put(ws, row, 1, block.name, font=HEADING_FONT)
        ws.row_dimensions[row].height = 20
        if block.hidden:
            row += 1
            put(ws, row, 1, tr("Afdelingens tal er {reason}; teksten nævner derfor ingen tal.",
                               reason=block.hidden_reason), font=NOTE_FONT)
        for section in block.sections:
            if section.heading:
                row += 1
                put(ws, row, 1, section.heading, font=BOLD)
            for bullet in section.bullets:
                row = paragraph(ws, row + 1, f"• {bullet}", TEXT_WIDTH)
    return row


def write_department_sheet(ws: Worksheet, data: ReportData) -> None:
    """The report workbook's sheet: every department's block from the report's story."""
    tr = data.tr
    write_department_blocks(ws, tr("Afdelingsrapporter"), data.story.departments, tr)
    prepare_print(ws, data, landscape=False)
    ws.print_options.horizontalCentered = False
