"""The heatmap's widgets: a tree view with a two-level header (domain over dimension) and a
delegate that hatches hidden cells and frames pressure points, so the map reads without colour.

The dimension names stand on their side (as in the Excel report), wrapped between words only, so
the twenty dimensions of a full APV fit beside the units at 1366 pixels; the columns share the
width the view has, within readable bounds, and the header is as tall as its longest name."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QToolTip,
    QTreeView,
    QWidget,
)

from apv_desktop.ui.results import palette
from apv_desktop.ui.results.domain_widths import dimension_widths
from apv_desktop.ui.results.header_text import fit_lines, hyphenate, wrap_words
from apv_desktop.ui.results.heatmap_model import (
    CELL_ROLE,
    DOMAIN_ROLE,
    FIRST_DIMENSION,
    UNIT_ROLE,
    HeatmapModel,
    HeatmapSortProxy,
)

Index = QModelIndex | QPersistentModelIndex
NARROWEST, WIDEST = 42, 84  # a dimension column: room for "skjult" .. room enough
UNIT_WIDTH = (180, 300)  # the unit column's bounds (its full name is in the tooltip)
N_WIDTH = 44
PAD = 6  # pixels around a header's text
DOMAIN_LINES = 3  # at most, for a domain's name over few narrow columns (the tooltip has it all)
DOMAIN_PAD = 2  # pixels either side of a domain's name


class DomainHeader(QHeaderView):
    """Two rows: the domain's name spanning its dimensions, and each dimension's name wrapped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setSortIndicatorShown(True)
        self.setHighlightSections(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)

    def _band(self) -> int:
        """The upper row's height: room for the domain name that needs the most lines."""
        lines = max((len(self.domain_lines(name, right - left))
                     for name, left, right in self.domain_groups()), default=1)
        return self.fontMetrics().lineSpacing() * max(1, lines) + 8

    def domain_groups(self) -> list[tuple[str, int, int]]:
        """Each domain with the left and right (viewport x) of the dimensions it spans."""
        model = self.model()
        groups: list[tuple[str, int, int]] = []
        if model is None:
            return groups
        for visual in range(self.count()):
            logical = self.logicalIndex(visual)
            if logical < FIRST_DIMENSION or self.isSectionHidden(logical):
                continue
            name = str(model.headerData(logical, Qt.Orientation.Horizontal, DOMAIN_ROLE) or "")
            left = self.sectionViewportPosition(logical)
            right = left + self.sectionSize(logical)
            if groups and groups[-1][0] == name:
                groups[-1] = (name, groups[-1][1], right)
            else:
                groups.append((name, left, right))
        return groups

    def domain_lines(self, name: str, width: int) -> list[str]:
        """A domain's name wrapped between words onto the width of its dimensions (a word wider
        than that hyphenated), at most DOMAIN_LINES lines; only what still does not fit is cut
        ("…")."""
        metrics = self.fontMetrics()
        room = max(1, width - 2 * DOMAIN_PAD)
        lines = [piece for line in wrap_words(name, metrics.horizontalAdvance, room)
                 for piece in hyphenate(line, metrics.horizontalAdvance, room)]
        if len(lines) > DOMAIN_LINES:
            lines = [*lines[:DOMAIN_LINES - 1], " ".join(lines[DOMAIN_LINES - 1:])]
        return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, room) for line in lines]

    def longest_word(self, name: str) -> int:
        """The pixels a domain heading needs to show its longest word whole."""
        advance = self.fontMetrics().horizontalAdvance
        return max((advance(word) for word in name.split()), default=0) + 2 * DOMAIN_PAD + 1

    def domain_at(self, x: int, y: int) -> str | None:
        """The domain whose name is shown at viewport point (x, y), if any."""
        if not 0 <= y < self._band():
            return None
        return next((name for name, left, right in self.domain_groups() if left <= x < right),
                    None)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        # Over the domain row the tooltip is the domain's full name (its name may be cut);
        # below it, the dimension's own tooltip from the model.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            name = self.domain_at(event.pos().x(), event.pos().y())
            if name:
                QToolTip.showText(event.globalPos(), name, self)
                return True
        return super().viewportEvent(event)

    def name_lines(self, logical_index: int) -> tuple[list[str], int]:
        """The dimension's name as its header shows it: the lines (whole words only) and their
        longest pixel length, as many lines as the column's width holds."""
        text = str(self.model().headerData(logical_index, Qt.Orientation.Horizontal) or "")
        metrics = self.fontMetrics()
        max_lines = max(1, (self.sectionSize(logical_index) - PAD) // metrics.lineSpacing())
        return fit_lines(text, metrics.horizontalAdvance, max_lines)

    def name_length(self) -> int:
        """The length the tallest dimension name needs (the header's lower part)."""
        model = self.model()
        if model is None:
            return 0
        lengths = [self.name_lines(logical)[1]
                   for logical in range(FIRST_DIMENSION, model.columnCount())]
        return max(lengths, default=0)

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        lower = max(self.fontMetrics().height() * 2, self.name_length()) + 2 * PAD + 12
        return QSize(hint.width(), self._band() + lower)

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:  # noqa: N802
        if logical_index < FIRST_DIMENSION:
            super().paintSection(painter, rect, logical_index)
            return
        lower = rect.adjusted(0, self._band(), 0, 0)
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = lower
        option.section = logical_index
        self.style().drawControl(QStyle.ControlElement.CE_HeaderSection, option, painter, self)
        lines, _length = self.name_lines(logical_index)
        painter.save()
        painter.setPen(self.palette().color(self.foregroundRole()))
        spacing = self.fontMetrics().lineSpacing()
        # turned a quarter to the left: read from the bottom up, lines centred across the column
        painter.translate(lower.left(), lower.bottom() - PAD)
        painter.rotate(-90)
        first = (lower.width() - spacing * len(lines)) / 2
        for number, line in enumerate(lines):
            box = QRectF(0, first + number * spacing, lower.height() - 2 * PAD, spacing)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             line)
        painter.restore()
        if self.isSortIndicatorShown() and self.sortIndicatorSection() == logical_index:
            mark = "▲" if self.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder else "▼"
            painter.drawText(lower.adjusted(0, 2, -2, 0),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), mark)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        model = self.model()
        if model is None:
            return
        painter = QPainter(self.viewport())
        band = self._band()
        groups = self.domain_groups()
        painter.fillRect(QRect(0, 0, self.viewport().width(), band),
                         self.palette().window())
        pen = QPen(self.palette().mid().color())
        for name, left, right in groups:
            box = QRect(left, 0, right - left, band)
            painter.setPen(pen)
            painter.drawRect(box.adjusted(0, 0, -1, -1))
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter),
                             "\n".join(self.domain_lines(name, box.width())))
        for logical in range(min(FIRST_DIMENSION, self.count())):
            # the unit and n columns span both rows: repaint their upper part plainly
            left = self.sectionViewportPosition(logical)
            box = QRect(left, 0, self.sectionSize(logical), band)
            painter.fillRect(box, self.palette().window())
        painter.end()


class HeatmapDelegate(QStyledItemDelegate):
    """Hidden cells get a hatch (not just grey); pressure points a dark frame."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell = index.data(CELL_ROLE)
        if cell is None or cell[0] is None:  # not a score, or a score without a light
            super().paint(painter, option, index)
            return
        light, pressure_point, text = cell
        painter.save()
        rect = option.rect.adjusted(1, 1, -1, -1)
        if light == "hidden":
            painter.fillRect(rect, palette.hidden_colour())
            painter.fillRect(rect, QBrush(QColor(palette.HIDDEN_STRONG),
                                          Qt.BrushStyle.BDiagPattern))
        else:
            painter.fillRect(rect, palette.cell_colour(light))
        if pressure_point:
            painter.setPen(QPen(QColor(palette.CELL_TEXT), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(option.palette.highlight().color(), 3))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.setPen(palette.text_colour())
        font = option.font
        font.setItalic(light == "hidden")
        painter.setFont(font)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(text or ""))
        painter.restore()


class HeatmapView(QTreeView):
    """The tree view over a sorting proxy; a click on a score asks for its team view."""

    drill_down = Signal(str, str)  # unit code, dimension code

    def __init__(self, model: HeatmapModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy = HeatmapSortProxy(self)
        self.proxy.setSourceModel(model)
        self.setModel(self.proxy)
        self.setHeader(DomainHeader(self))
        self.setItemDelegate(HeatmapDelegate(self))
        self.setSortingEnabled(True)
        self.setUniformRowHeights(True)  # smooth scrolling with many units
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._unit_wanted = UNIT_WIDTH[0]  # the unit column's width for its longest name
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.clicked.connect(self._open)
        self.activated.connect(self._open)
        model.modelReset.connect(self._after_reset)

    def _after_reset(self) -> None:
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the tree's own order
        self.expandAll()
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.resizeColumnToContents(0)
        self._unit_wanted = max(UNIT_WIDTH[0], min(self.columnWidth(0), UNIT_WIDTH[1]))
        self.setColumnWidth(1, N_WIDTH)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Share the width beside the unit and n columns among the dimensions, each between
        NARROWEST and WIDEST pixels (a domain whose heading's longest word needs more gets a
        little more), and make the header as tall as the names then need."""
        count = self.source.columnCount() - FIRST_DIMENSION
        if count <= 0:
            return
        room = self.viewport().width() - N_WIDTH - 2
        # the unit names give way first (down to their narrowest), so every dimension shows
        unit = max(UNIT_WIDTH[0], min(self._unit_wanted, room - count * NARROWEST))
        width = max(NARROWEST, min(WIDEST, (room - unit) // count))
        groups = self._heading_needs()
        widths = (dimension_widths(width, groups, room - unit, NARROWEST, WIDEST)
                  or dimension_widths(width, groups, room - UNIT_WIDTH[0], NARROWEST, WIDEST)
                  or [width] * count)  # no room: a cut heading still has its tooltip
        self.setColumnWidth(0, max(UNIT_WIDTH[0], min(unit, room - sum(widths))))
        for column, each in enumerate(widths, start=FIRST_DIMENSION):
            self.setColumnWidth(column, each)
        header = self.header()
        header.setFixedHeight(header.sizeHint().height())

    def _heading_needs(self) -> list[tuple[int, int]]:
        """Each domain's run of columns, in order: how many, and the pixels the longest word
        of its heading needs."""
        header = self.header()
        assert isinstance(header, DomainHeader)
        runs: list[tuple[str, int]] = []
        for column in range(FIRST_DIMENSION, self.source.columnCount()):
            name = str(self.source.headerData(column, Qt.Orientation.Horizontal, DOMAIN_ROLE)
                       or "")
            if runs and runs[-1][0] == name:
                runs[-1] = (name, runs[-1][1] + 1)
            else:
                runs.append((name, 1))
        return [(columns, header.longest_word(name)) for name, columns in runs]

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_columns()

    def _open(self, index: QModelIndex) -> None:
        if index.column() < FIRST_DIMENSION:
            return
        unit = index.data(UNIT_ROLE)
        dimension = self.source.dimension_at(index.column())
        if unit is not None and dimension is not None:
            self.drill_down.emit(str(unit), dimension.code)

    def view_index(self, source: QModelIndex) -> QModelIndex:
        return self.proxy.mapFromSource(source)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(900, 500)
