"""The heatmap drawn for the board pack: units as rows (the organisation first, the tree
indented), dimensions as columns with their names turned upright and a direction arrow, every
score on its traffic-light fill with a grey-safe shape beside the number; a pressure point is
bold in a dark frame. Hidden scores are drawn as hidden (a dash, or a cross where a smaller
group is protected), never as a number. Rows that do not fit go on to the next page, under the
same column heads. Vector throughout: rectangles, lines and text."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPainter, QPdfWriter, QPen

from apv_desktop.core.anonymity import Hidden
from apv_desktop.core.disclosure import hidden_reason_text
from apv_desktop.core.results import Score, UnitResult
from apv_desktop.core.story import direction_symbol, legend, marker
from apv_desktop.i18n import Translate, format_decimal
from apv_desktop.reports.charts import COLOURS, HIDDEN_COLOUR
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.pdf.pages import GREY, Landscape, base_font
from apv_desktop.reports.pdf.writer import POINT

NAME_WIDTH = 170 * POINT
COUNT_WIDTH = 22 * POINT
MAX_CELL = 26 * POINT
ROW = 9.6 * POINT
HEAD = 104 * POINT  # the upright dimension names
LEGEND = 24 * POINT
PRESSURE_COLOUR = QColor("#9C0006")
LINE_COLOUR = QColor("#FFFFFF")


class HeatmapSection:
    orientation: QPageLayout.Orientation = Landscape

    def __init__(self, data: ReportData) -> None:
        self.data = data
        tr = data.tr
        self.title = tr("Heatmap")
        self.units: list[UnitResult] = [data.organisation, *data.units]
        self.rows_per_page = 1

    def layout(self, writer: QPdfWriter, area: QSizeF) -> int:
        self.rows_per_page = max(1, int((area.height() - HEAD - LEGEND) // ROW))
        return -(-len(self.units) // self.rows_per_page)

    def paint(self, painter: QPainter, area: QRectF, page: int) -> None:
        data = self.data
        dimensions = data.dimensions
        cell = min(MAX_CELL, (area.width() - NAME_WIDTH - COUNT_WIDTH) / max(1, len(dimensions)))
        left = area.left() + NAME_WIDTH + COUNT_WIDTH
        painter.save()
        self._heads(painter, area, left, cell)
        rows = self.units[page * self.rows_per_page:(page + 1) * self.rows_per_page]
        y = area.top() + HEAD
        for unit in rows:
            self._row(painter, area, unit, y, left, cell)
            y += ROW
        self._legend(painter, QRectF(area.left(), y + 6 * POINT, area.width(), LEGEND))
        painter.restore()

    def _heads(self, painter: QPainter, area: QRectF, left: float, cell: float) -> None:
        tr = self.data.tr
        painter.setPen(QColor("#262626"))
        painter.setFont(base_font(7, bold=True))
        bottom = area.top() + HEAD - 3 * POINT
        painter.drawText(QRectF(area.left(), area.top(), NAME_WIDTH, HEAD - 3 * POINT),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                         tr("Enhed"))
        painter.drawText(QRectF(area.left() + NAME_WIDTH, area.top(), COUNT_WIDTH,
                                HEAD - 3 * POINT),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                         tr("n"))
        painter.setFont(base_font(6.5))
        for x, dimension in enumerate(self.data.dimensions):
            arrow = direction_symbol(dimension.direction)
            painter.save()
            painter.translate(QPointF(left + (x + 0.5) * cell, bottom))
            painter.rotate(-90)
            box = QRectF(0, -cell / 2, HEAD - 6 * POINT, cell)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             f"{arrow} {dimension.name}")
            painter.restore()

    def _row(self, painter: QPainter, area: QRectF, unit: UnitResult, y: float, left: float,
             cell: float) -> None:
        data = self.data
        is_org = unit.code == data.organisation.code
        painter.setPen(QColor("#262626"))
        painter.setFont(base_font(6.8, bold=is_org or unit.depth <= 1))
        indent = (0 if is_org else max(0, unit.depth - 1)) * 8 * POINT
        name = QRectF(area.left() + indent, y, NAME_WIDTH - indent - 3 * POINT, ROW)
        shown = painter.fontMetrics().elidedText(data.display_name(unit.code),
                                                 Qt.TextElideMode.ElideRight, int(name.width()))
        painter.drawText(name, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         shown)
        painter.setFont(base_font(6.5))
        painter.drawText(QRectF(area.left() + NAME_WIDTH, y, COUNT_WIDTH, ROW),
                         int(Qt.AlignmentFlag.AlignCenter), str(unit.responses))
        painter.setPen(QPen(QColor("#D9D9D9"), 0.4 * POINT))
        painter.drawLine(QPointF(area.left(), y + ROW), QPointF(left, y + ROW))
        for x, dimension in enumerate(data.dimensions):
            self._cell(painter, QRectF(left + x * cell, y, cell, ROW),
                       data.score(unit.code, dimension.code))

    def _cell(self, painter: QPainter, box: QRectF, score: Score) -> None:
        language = self.data.language
        painter.setPen(QPen(LINE_COLOUR, 0.8 * POINT))
        if score.suppressed or score.mean is None:
            painter.setBrush(QColor(HIDDEN_COLOUR))
            painter.drawRect(box)
            painter.setPen(GREY)
            painter.setFont(base_font(6.5))
            protected = score.hidden_reason == Hidden.COMPLEMENTARY.value
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), "×" if protected else "–")
            return
        painter.setBrush(QColor(COLOURS.get(score.light or "", HIDDEN_COLOUR)))
        painter.drawRect(box)
        if score.pressure_point:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(PRESSURE_COLOUR, 1.1 * POINT))
            painter.drawRect(box.adjusted(1.2 * POINT, 1.2 * POINT, -1.2 * POINT, -1.2 * POINT))
        painter.setPen(PRESSURE_COLOUR if score.pressure_point else QColor("#262626"))
        painter.setFont(base_font(3.8))
        painter.drawText(box.adjusted(1.6 * POINT, 0.8 * POINT, 0, 0),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                         marker(score.light, score.pressure_point))
        painter.setFont(base_font(6.2, bold=score.pressure_point))
        painter.drawText(box.adjusted(2 * POINT, 0, 0, 0), int(Qt.AlignmentFlag.AlignCenter),
                         format_decimal(score.mean, language, 1))

    def _legend(self, painter: QPainter, box: QRectF) -> None:
        tr = self.data.tr
        painter.setPen(GREY)
        painter.setFont(base_font(6.8))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                  | Qt.TextFlag.TextWordWrap), legend_text(tr))


def legend_text(tr: Translate) -> str:
    """The story's legend in one line, with the two marks of a hidden score."""
    marks = [f"{entry.symbol} {entry.name}" for entry in legend(tr) if entry.symbol]
    hidden = [f"– {hidden_reason_text(tr, Hidden.TOO_FEW.value)}",
              f"× {hidden_reason_text(tr, Hidden.COMPLEMENTARY.value)}"]
    return "   ".join([tr("Score 0–100"), *marks, *hidden, tr("n er antal svar")])
