"""The ranked pressure points of a round as a table model (the core's order and numbers).

The model sorts itself (sort() reorders its rows by one key per row, in Python's sort); the
filter proxy only filters. A proxy that sorts calls data() twice per comparison, each call a
trip from C++ into Python: 16,000 of them for 1,400 points, 100 ms of a frozen window when a
large round's results arrive (issue 18).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from apv_desktop.core.results import Results, Score
from apv_desktop.i18n import tr
from apv_desktop.services.results_view import unit_name
from apv_desktop.ui.results import palette, texts

Index = QModelIndex | QPersistentModelIndex
RANK, UNIT, DIMENSION, SCORE, GAP, N, INTERVAL, ACTION = range(8)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SCORE_ROLE = Qt.ItemDataRole.UserRole + 2
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3  # the words a filter text is matched against


class PressureModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.results: Results | None = None
        self.points: list[Score] = []  # the core's ranking: a point's rank is its place here
        self._rows: list[int] = []  # the points' places, in the order the rows are shown
        self._sorted_by: tuple[int, Qt.SortOrder] = (RANK, Qt.SortOrder.AscendingOrder)
        self.with_action: set[tuple[str, str]] = set()  # (unit, dimension) already in the plan
        self._dimension_names: dict[str, str] = {}
        self._domains: dict[str, str] = {}

    def set_results(self, results: Results | None, domains: dict[str, str],
                    with_action: set[tuple[str, str]]) -> None:
        self.beginResetModel()
        self.results = results
        self.points = results.pressure_points() if results is not None else []
        self.with_action = set(with_action)
        self._dimension_names = {d.code: d.name for d in results.dimensions} if results else {}
        self._domains = {d.code: domains.get(d.domain or "", d.domain or "")
                         for d in results.dimensions} if results else {}
        self._rows = self._ordered(*self._sorted_by)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Show the rows by `column`'s sort value; equal values keep the core's ranking."""
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        places = [(self._rows[index.row()], index.column()) for index in before]
        self._rows = self._ordered(column, order)
        row_of = {rank: row for row, rank in enumerate(self._rows)}
        self.changePersistentIndexList(
            before, [self.index(row_of[rank], place) for rank, place in places])
        self.layoutChanged.emit()

    def _ordered(self, column: int, order: Qt.SortOrder) -> list[int]:
        ranks = range(len(self.points))
        if column < 0 or (column == RANK and order == Qt.SortOrder.AscendingOrder):
            return list(ranks)
        return sorted(ranks, key=lambda rank: self._sort(rank, self.points[rank], column),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def mark_action(self, score: Score) -> None:
        self.with_action.add((score.unit, score.dimension))
        row = self._rows.index(self.points.index(score))
        self.dataChanged.emit(self.index(row, ACTION), self.index(row, ACTION))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 8

    def score_at(self, row: int) -> Score:
        return self.points[self._rows[row]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.results is None:
            return None
        rank = self._rows[index.row()]
        score = self.points[rank]
        column = index.column()
        if role == SCORE_ROLE:
            return score
        if role == FILTER_ROLE:
            return self.filter_text(index.row())
        if role == Qt.ItemDataRole.BackgroundRole and column == SCORE:
            return palette.cell_colour(score.light)
        if role == Qt.ItemDataRole.ForegroundRole and column == SCORE:
            return palette.text_colour()
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (UNIT, DIMENSION):
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            info = next(d for d in self.results.dimensions if d.code == score.dimension)
            return texts.score_tooltip(info, unit_name(self.results, score.unit), score)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(rank, score, column)
        if role == SORT_ROLE:
            return self._sort(rank, score, column)
        return None

    def filter_text(self, row: int) -> str:
        """The words a filter text is matched against."""
        assert self.results is not None
        score = self.points[self._rows[row]]
        return " ".join((unit_name(self.results, score.unit), score.unit,
                         self._dimension_names[score.dimension],
                         self._domains[score.dimension])).casefold()

    def column_texts(self, column: int, rows: list[int]) -> list[str]:
        """What `rows` show in `column` (without a trip through data() per cell)."""
        ranks = [self._rows[row] for row in rows]
        return [self._display(rank, self.points[rank], column) for rank in ranks]

    def _display(self, rank: int, score: Score, column: int) -> str:
        assert self.results is not None and score.mean is not None
        if column == RANK:
            return str(rank + 1)
        if column == UNIT:
            return unit_name(self.results, score.unit)
        if column == DIMENSION:
            return self._dimension_names[score.dimension]
        if column == SCORE:
            return texts.number(score.mean)
        if column == GAP:
            return texts.signed(score.gap) if score.gap is not None else ""
        if column == N:
            return str(score.n)
        if column == INTERVAL:
            return texts.interval(score)
        return tr("i planen") if (score.unit, score.dimension) in self.with_action else ""

    def _sort(self, rank: int, score: Score, column: int) -> Any:
        if column in (RANK, INTERVAL):
            return rank
        if column == SCORE:
            return round(score.mean or 0.0, 1)
        if column == GAP:
            return round(score.gap, 1) if score.gap is not None else 0.0
        if column == N:
            return score.n
        return self._display(rank, score, column).casefold()

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [tr("Nr."), tr("Enhed"), tr("Dimension"), tr("Score"), tr("Forskel"), tr("n"),
                tr("95 %-interval"), tr("Handlingsplan")][section]


class PressureFilter(QSortFilterProxyModel):
    """Rows whose unit, dimension or domain contain the filter text; optionally one domain.
    Sorting it sorts the PressureModel below (see the module's docstring), whose order it keeps."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not self.text:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self.matches(str(index.data(FILTER_ROLE)))

    def matches(self, words: str) -> bool:
        """Whether a row whose filter words are `words` is shown."""
        return all(word in words for word in self.text.split())

    def shown_rows(self, model: PressureModel) -> list[int]:
        """The source rows the filter lets through (asked in Python, not row by row via Qt)."""
        rows = range(model.rowCount())
        return list(rows) if not self.text else [
            row for row in rows if self.matches(model.filter_text(row))]
