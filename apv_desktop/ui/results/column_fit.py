"""Table columns as wide as their widest text, measured once per change of the rows.

Qt's ResizeToContents asks the delegate for the size of every cell, which asks the model for
seven roles a cell: 150,000 calls from C++ into Python for the 1,400 pressure points of a
100,000-respondent round, a window frozen for most of a second when the tab first shows
(issue 18). Here the texts come from the model in one Python call per column, the widest few
are measured with the font, and only their cells are sized by the delegate, so the widths are
the ones ResizeToContents gives.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHeaderView, QTableView

CANDIDATES = 3  # the widest texts by the font's advance, sized by the delegate (±1 px apart)


def fit_columns(table: QTableView, columns: list[int],
                texts: Callable[[int], list[tuple[int, str]]],
                view_row: Callable[[int, int], int]) -> None:
    """Size `columns` of `table` to their widest cell or header. `texts(column)` gives the
    column's (source row, text) pairs of the rows shown; `view_row(row, column)` the view's row
    of a source row."""
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    model = table.model()
    grid = 1 if table.showGrid() else 0
    for column in columns:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        width = header.sectionSizeHint(column)
        pairs = texts(column)
        widest = sorted(pairs, key=lambda pair: metrics.horizontalAdvance(pair[1]),
                        reverse=True)[:CANDIDATES]
        for row, _text in widest:
            index = model.index(view_row(row, column), column)
            width = max(width, table.sizeHintForIndex(index).width() + grid)
        width = min(max(width, header.minimumSectionSize()), header.maximumSectionSize())
        header.resizeSection(column, width)
