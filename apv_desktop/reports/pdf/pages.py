"""Pages of the board pack: sections that know how many A4 pages they take, painted one after
another with a running header (organisation, round, section) and footer (page x of y).

Two passes: every section is laid out first, so the footer can say "page 3 of 17"; then each
page is painted. A section is either flowing text (HTML laid out by QTextDocument, which breaks
tables and paragraphs over pages and repeats table headers) or a drawing of its own (the
heatmap). Everything is painted in device units of the writer (1200 dpi); `POINT` converts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPainter, QPdfWriter, QTextDocument

from apv_desktop.core.progress import Progress, no_progress
from apv_desktop.reports.pdf.writer import POINT, page_layout, pdf_writer

MARGIN = 42 * POINT  # about 15 mm round the page
HEADER_SPACE = 20 * POINT  # the running header and footer sit inside the margin's inner part
TEXT_POINTS = 9.0
GREY = QColor("#595959")
Portrait = QPageLayout.Orientation.Portrait
Landscape = QPageLayout.Orientation.Landscape


class Section(Protocol):
    title: str
    orientation: QPageLayout.Orientation

    def layout(self, writer: QPdfWriter, area: QSizeF) -> int:
        """Lay the section out on pages of `area`; returns how many pages it takes."""

    def paint(self, painter: QPainter, area: QRectF, page: int) -> None:
        """Paint the section's page number `page` (from 0) inside `area`."""


def base_font(points: float = TEXT_POINTS, bold: bool = False) -> QFont:
    font = QFont()
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setFamilies(["Calibri", "Carlito", "Arial", "Liberation Sans", "DejaVu Sans"])
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


class FlowSection:
    """HTML text over as many pages as it needs."""

    def __init__(self, title: str, html: str, orientation: QPageLayout.Orientation = Portrait):
        self.title = title
        self.orientation = orientation
        self.document = QTextDocument()
        self.document.setDocumentMargin(0)
        self.document.setDefaultFont(base_font())
        self.document.setDefaultStyleSheet(STYLE_SHEET)
        self.document.setHtml(html)
        self._height = 1.0

    def layout(self, writer: QPdfWriter, area: QSizeF) -> int:
        self.document.documentLayout().setPaintDevice(writer)
        self.document.setPageSize(area)
        self._height = area.height()
        return max(1, self.document.pageCount())

    def paint(self, painter: QPainter, area: QRectF, page: int) -> None:
        painter.save()
        painter.translate(area.left(), area.top() - page * self._height)
        self.document.drawContents(painter, QRectF(0, page * self._height, area.width(),
                                                   self._height))
        painter.restore()


# QTextDocument's CSS subset: sizes in points; tables get their borders from attributes.
STYLE_SHEET = """
h1 { font-size: 18pt; color: #1F4E78; }
h2 { font-size: 13pt; color: #1F4E78; }
h3 { font-size: 10pt; }
th { background-color: #1F4E78; color: white; font-weight: bold; text-align: left; }
.note { color: #595959; font-size: 8pt; }
.hidden { color: #595959; font-style: italic; }
"""


@dataclass(frozen=True)
class RunningText:
    """The words round every page: left of the header, and the footer's 'page x of y'."""

    header: str
    page_of: Callable[[int, int], str]  # (page, pages) -> "Side 3 af 17"


def compose(title: str, sections: Sequence[Section], running: RunningText,
            progress: Progress | None = None) -> bytes:
    """The sections on A4 pages, as the bytes of a PDF file."""
    report = progress or no_progress
    with pdf_writer(title, sections[0].orientation) as (writer, result):
        counts = [section.layout(writer, _area(section.orientation).size())
                  for section in sections]
        total = sum(counts)
        painter = QPainter(writer)
        number = 0
        for section, count in zip(sections, counts, strict=True):
            for page in range(count):
                if number:
                    writer.setPageLayout(page_layout(section.orientation))
                    writer.newPage()
                number += 1
                _running(painter, section, running, number, total)
                section.paint(painter, _area(section.orientation), page)
                report(number / total, section.title)
        painter.end()
    return result.data


def _page_rect(orientation: QPageLayout.Orientation) -> QRectF:
    size = page_layout(orientation).fullRectPoints().size()
    return QRectF(0, 0, size.width() * POINT, size.height() * POINT)


def _area(orientation: QPageLayout.Orientation) -> QRectF:
    """Where a section paints: the page less the margins and the header and footer lines."""
    inner = QMarginsF(MARGIN, MARGIN + HEADER_SPACE, MARGIN, MARGIN + HEADER_SPACE)
    return _page_rect(orientation).marginsRemoved(inner)


def _running(painter: QPainter, section: Section, running: RunningText, number: int,
             total: int) -> None:
    page = _page_rect(section.orientation)
    band = page.marginsRemoved(QMarginsF(MARGIN, MARGIN, MARGIN, MARGIN))
    painter.save()
    painter.setFont(base_font(7.5))
    painter.setPen(GREY)
    top = QRectF(band.left(), band.top(), band.width(), HEADER_SPACE)
    bottom = QRectF(band.left(), band.bottom() - HEADER_SPACE, band.width(), HEADER_SPACE)
    align_top = Qt.AlignmentFlag.AlignTop
    painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft | align_top), running.header)
    painter.drawText(top, int(Qt.AlignmentFlag.AlignRight | align_top), section.title)
    rule = QPointF(0, 6 * POINT)
    painter.drawLine(top.bottomLeft() - rule, top.bottomRight() - rule)
    painter.drawText(bottom, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                     running.page_of(number, total))
    painter.restore()
