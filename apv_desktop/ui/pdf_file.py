"""A QTextDocument as an A4 PDF file: the one way the program writes PDFs from Qt.

Qt's PDF writer does not report failures (a folder it may not write in, a full disk): it just
writes nothing, or part of a file. So the PDF is made in memory, checked to be a whole PDF, and
written by Python through atomic_output (a temporary file renamed into place), where a failure
raises and the old file is left as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from apv_desktop.errors import ApvError
from apv_desktop.i18n import tr
from apv_desktop.interchange.atomic import atomic_output

_RESOLUTION = 1200  # dots per inch, as QPrinter's HighResolution


def pdf_bytes(document: QTextDocument, title: str = "") -> bytes:
    """The document laid out on A4 portrait pages, as the bytes of a PDF file."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(_RESOLUTION)
    writer.setTitle(title)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QPageLayout().margins()))
    document.print_(writer)
    del writer  # the PDF is finished when its painter and writer are done
    buffer.close()
    return bytes(buffer.data().data())


def write_document_pdf(document: QTextDocument, target: Path, title: str = "") -> None:
    """Save the document as a PDF file at `target`; ApvError with a sentence when it fails."""
    data = pdf_bytes(document, title)
    if not data.startswith(b"%PDF") or b"%%EOF" not in data[-1024:]:
        raise ApvError(tr("PDF-filen {path} kunne ikke laves.", path=target))
    with atomic_output(Path(target)) as temporary, temporary.open("wb") as stream:
        stream.write(data)
