"""A QTextDocument as an A4 PDF file, through the program's one PDF writer
(reports/pdf/writer.py: made in memory, checked, saved through a temporary file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextDocument

from apv_desktop.reports.pdf.writer import pdf_writer, save_pdf


def pdf_bytes(document: QTextDocument, title: str = "") -> bytes:
    """The document laid out on A4 portrait pages, as the bytes of a PDF file."""
    with pdf_writer(title) as (writer, result):
        document.print_(writer)
    return result.data


def write_document_pdf(document: QTextDocument, target: Path, title: str = "") -> None:
    """Save the document as a PDF file at `target`; ApvError with a sentence when it fails."""
    save_pdf(pdf_bytes(document, title), target)
