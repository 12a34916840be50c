"""The board pack for the main committee (OMU/HMU): the summary page, the heatmap, the pressure
points and strengths, the department blocks and the action plan, on A4 pages with a running
header and page numbers. For a 30-unit organisation it takes well under 30 pages: one section
per subject, no page per team (the workbook has those)."""

from __future__ import annotations

from apv_desktop.core.progress import Progress
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.pdf.background import background_sections
from apv_desktop.reports.pdf.heatmap import HeatmapSection
from apv_desktop.reports.pdf.pages import FlowSection, Landscape, RunningText, Section, compose
from apv_desktop.reports.pdf.sections import (
    action_plan_html,
    departments_html,
    pressure_html,
    summary_html,
)


def board_pack_title(data: ReportData) -> str:
    return data.tr("APV {round} – {organisation}", round=data.results.round,
                   organisation=data.organisation_name)


def board_pack_sections(data: ReportData) -> list[Section]:
    tr = data.tr
    story = data.story
    return [
        FlowSection(tr("Forside"), summary_html(data, story)),
        HeatmapSection(data),
        FlowSection(tr("Pressionspunkter"), pressure_html(data)),
        *background_sections(data),
        FlowSection(tr("Afdelingsrapporter"), departments_html(data, story)),
        FlowSection(tr("Handlingsplan"), action_plan_html(data), Landscape),
    ]


def board_pack_pdf(data: ReportData, progress: Progress | None = None) -> bytes:
    """The board pack as the bytes of a PDF file."""
    tr = data.tr
    title = board_pack_title(data)
    running = RunningText(title, lambda page, pages: tr("Side {page} af {pages}", page=page,
                                                        pages=pages))
    return compose(title, board_pack_sections(data), running, progress)
