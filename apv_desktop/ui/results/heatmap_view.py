"""The heatmap's widgets: a tree view with a two-level header (domain over dimension) and a
delegate that hatches hidden cells and frames pressure points, so the map reads without colour."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from apv_desktop.ui.results import palette
from apv_desktop.ui.results.heatmap_model import (
    DOMAIN_ROLE,
    FIRST_DIMENSION,
    LIGHT_ROLE,
    SCORE_ROLE,
    UNIT_ROLE,
    HeatmapModel,
    HeatmapSortProxy,
)

Index = QModelIndex | QPersistentModelIndex
DIMENSION_WIDTH = 84


class DomainHeader(QHeaderView):
    """Two rows: the domain's name spanning its dimensions, and each dimension's name wrapped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setSortIndicatorShown(True)
        self.setHighlightSections(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)

    def _band(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        return QSize(hint.width(), self._band() + self.fontMetrics().height() * 3 + 10)

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
        text = self.model().headerData(logical_index, Qt.Orientation.Horizontal) or ""
        painter.save()
        painter.setPen(self.palette().color(self.foregroundRole()))
        option_text = QTextOption(Qt.AlignmentFlag.AlignCenter)
        # long Danish compounds ("Udviklingsmuligheder") break inside the word when they must
        option_text.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        painter.drawText(QRectF(lower.adjusted(3, 2, -3, -2)), str(text), option_text)
        if self.isSortIndicatorShown() and self.sortIndicatorSection() == logical_index:
            mark = "▲" if self.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder else "▼"
            painter.drawText(lower.adjusted(0, 0, -2, 0),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), mark)
        painter.restore()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        model = self.model()
        if model is None:
            return
        painter = QPainter(self.viewport())
        band = self._band()
        groups: list[tuple[str, int, int]] = []  # domain, left, right (viewport x)
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
        painter.fillRect(QRect(0, 0, self.viewport().width(), band),
                         self.palette().window())
        pen = QPen(self.palette().mid().color())
        for name, left, right in groups:
            box = QRect(left, 0, right - left, band)
            painter.setPen(pen)
            painter.drawRect(box.adjusted(0, 0, -1, -1))
            painter.setPen(self.palette().color(self.foregroundRole()))
            elided = self.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight,
                                                   box.width() - 6)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), elided)
        for logical in range(min(FIRST_DIMENSION, self.count())):
            # the unit and n columns span both rows: repaint their upper part plainly
            left = self.sectionViewportPosition(logical)
            box = QRect(left, 0, self.sectionSize(logical), band)
            painter.fillRect(box, self.palette().window())
        painter.end()


class HeatmapDelegate(QStyledItemDelegate):
    """Hidden cells get a hatch (not just grey); pressure points a dark frame."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        light = index.data(LIGHT_ROLE)
        if light is None:
            super().paint(painter, option, index)
            return
        painter.save()
        rect = option.rect.adjusted(1, 1, -1, -1)
        if light == "hidden":
            painter.fillRect(rect, palette.hidden_colour())
            painter.fillRect(rect, QBrush(QColor(palette.HIDDEN_STRONG),
                                          Qt.BrushStyle.BDiagPattern))
        else:
            painter.fillRect(rect, palette.cell_colour(light))
        score = index.data(SCORE_ROLE)
        if score is not None and score.pressure_point:
            painter.setPen(QPen(QColor(palette.CELL_TEXT), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(option.palette.highlight().color(), 3))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.setPen(palette.text_colour())
        font = option.font
        font.setItalic(light == "hidden")
        painter.setFont(font)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(index.data() or ""))
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
        self.setColumnWidth(0, max(220, min(self.columnWidth(0), 340)))
        self.setColumnWidth(1, 56)
        for column in range(FIRST_DIMENSION, self.source.columnCount()):
            self.setColumnWidth(column, DIMENSION_WIDTH)

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
