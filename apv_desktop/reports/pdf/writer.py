"""The program's one PDF writer: Qt's QPdfWriter on A4 into memory, checked, then saved.

Qt's PDF writer does not report failures (a folder it may not write in, a full disk): it just
writes nothing, or part of a file. So every PDF is made in memory, checked to be a whole PDF, and
written by Python through atomic_output (a temporary file renamed into place), where a failure
raises and the old file is left as it was. The questionnaire's print-out and the department
texts (ui/pdf_file.py) and the board pack (boardpack.py) all come through here.

Qt needs a QGuiApplication for fonts. The window has one; the command line has none, so
`gui_application()` makes one on the offscreen platform (no display needed) the first time a
PDF is painted there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter

from apv_desktop.errors import ApvError
from apv_desktop.interchange.atomic import atomic_output

RESOLUTION = 1200  # dots per inch, as QPrinter's HighResolution
POINT = RESOLUTION / 72  # device units in one typographic point

_application: QCoreApplication | None = None  # the one made here, kept alive for the process


def gui_application() -> None:
    """Make sure Qt can lay out text: a QGuiApplication exists (offscreen when we make it)."""
    global _application
    if QCoreApplication.instance() is not None:
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _application = QGuiApplication([])


class PdfBytes:
    """Where a finished PDF's bytes land (filled when the `pdf_writer` block ends)."""

    def __init__(self) -> None:
        self.data = b""


@contextmanager
def pdf_writer(title: str, orientation: QPageLayout.Orientation =
               QPageLayout.Orientation.Portrait) -> Iterator[tuple[QPdfWriter, PdfBytes]]:
    """An A4 QPdfWriter writing into memory; the bytes are complete after the block, when the
    caller's painter has ended."""
    gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("APV Desktop")
    writer.setPageLayout(page_layout(orientation))
    result = PdfBytes()
    yield writer, result
    del writer  # the PDF is finished when its painter and writer are done
    buffer.close()
    result.data = bytes(buffer.data().data())


def page_layout(orientation: QPageLayout.Orientation) -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                       QPageLayout().margins())


def save_pdf(data: bytes, target: Path) -> None:
    """Write finished PDF bytes to `target` through a temporary file; ApvError when the bytes
    are not a whole PDF or the file cannot be written."""
    from apv_desktop.i18n import tr

    if not data.startswith(b"%PDF") or b"%%EOF" not in data[-1024:]:
        raise ApvError(tr("PDF-filen {path} kunne ikke laves.", path=target))
    with atomic_output(Path(target)) as temporary, temporary.open("wb") as stream:
        stream.write(data)
