"""The report's other outputs beside the workbook, called by the CLI and the Rapport page alike:
the board pack (PDF) for the main committee, the department texts as a Word document, and one
workbook per department for its own MED meeting.

Each reads the report's data once (services.report.report_data: the same results, with the
same suppression, as the workbook) and writes through a temporary file renamed into place."""

from __future__ import annotations

from pathlib import Path

from apv_desktop.core.model import DEFAULT_LANGUAGE
from apv_desktop.core.progress import Progress, no_progress, scaled
from apv_desktop.errors import ApvError, RefusedError
from apv_desktop.interchange.atomic import atomic_output, save_workbook
from apv_desktop.os_errors import os_reason
from apv_desktop.reports.gc_pause import fewer_collections
from apv_desktop.services.report import report_data

PDF_SUFFIX = ".pdf"
DOCX_SUFFIX = ".docx"


def write_other_format(project_path: Path, out: Path, round_name: str | None = None,
                       language: str = DEFAULT_LANGUAGE,
                       progress: Progress | None = None) -> Path:
    """The output the file name asks for: .pdf the board pack, .docx the department texts."""
    suffix = Path(out).suffix.lower()
    if suffix == PDF_SUFFIX:
        return write_board_pack(project_path, out, round_name, language, progress)
    if suffix == DOCX_SUFFIX:
        return write_department_document(project_path, out, round_name, language, progress)
    raise RefusedError("Rapporten {out} skal ende på .xlsx (projektmappen), .pdf (mødepakken til "
                       "udvalget) eller .docx (afdelingsteksterne til Word).", out=out)


def write_board_pack(project_path: Path, out: Path, round_name: str | None = None,
                     language: str = DEFAULT_LANGUAGE, progress: Progress | None = None) -> Path:
    from apv_desktop.reports.pdf.boardpack import board_pack_pdf  # Qt only when asked for
    from apv_desktop.reports.pdf.writer import save_pdf

    report = progress or no_progress
    data = report_data(project_path, round_name, language, scaled(report, 0.0, 0.4))
    tr = data.tr
    report(0.4, tr("Lægger siderne op …"))
    pdf = board_pack_pdf(data, scaled(report, 0.4, 0.95))
    save_pdf(pdf, Path(out))
    report(1.0, tr("Rapporten er gemt."))
    return Path(out)


def write_department_document(project_path: Path, out: Path, round_name: str | None = None,
                              language: str = DEFAULT_LANGUAGE,
                              progress: Progress | None = None) -> Path:
    """The department texts (revised or drafted) as a .docx, one heading per department."""
    from apv_desktop.reports.docx import department_texts_docx

    report = progress or no_progress
    data = report_data(project_path, round_name, language, scaled(report, 0.0, 0.8))
    tr = data.tr
    story = data.story
    title = tr("Arbejdsmiljørapporter til OMU – runde {name}", name=data.results.round)
    content = department_texts_docx(title, story.departments)
    with atomic_output(Path(out)) as temporary:
        temporary.write_bytes(content)
    report(1.0, tr("Rapporten er gemt."))
    return Path(out)


@fewer_collections()  # as write_report: many workbooks' objects the collector need not rescan
def write_department_workbooks(project_path: Path, folder: Path, round_name: str | None = None,
                               language: str = DEFAULT_LANGUAGE,
                               progress: Progress | None = None) -> list[Path]:
    """One workbook per department in `folder` (made when missing, its parent must exist),
    each with only the department's own units; returns the files in the departments' order."""
    from apv_desktop.reports.department_view import department_view, departments_of
    from apv_desktop.reports.file_names import unique_stems
    from apv_desktop.reports.workbook import build_workbook

    report = progress or no_progress
    folder = Path(folder)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise ApvError("Mappen {folder} til afdelingernes projektmapper kan ikke oprettes: "
                       "{reason}; vælg en anden mappe.", folder=folder,
                       reason=os_reason(error)) from error
    data = report_data(project_path, round_name, language, scaled(report, 0.0, 0.3))
    departments = departments_of(data)
    stems = unique_stems([(d.name, d.code) for d in departments])
    written = []
    for number, (department, stem) in enumerate(zip(departments, stems, strict=True)):
        report(0.3 + 0.7 * number / max(1, len(departments)), department.name)
        workbook = build_workbook(department_view(data, department.code))
        target = folder / f"{stem}.xlsx"
        with atomic_output(target) as temporary:
            save_workbook(workbook, temporary)
        written.append(target)
    report(1.0, data.tr("Rapporten er gemt."))
    return written
