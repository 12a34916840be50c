"""column_fit sizes columns as Qt's ResizeToContents would, from texts given in one call."""

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView

from apv_desktop.ui.results.column_fit import fit_columns


def test_fitted_columns_are_as_wide_as_resize_to_contents_makes_them(qtbot):
    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["a", "b", "a much longer heading"])
    for row in range(60):
        texts = ["x" * (row % 17 + 1), f"{row * 1234.5:,.1f}", "i"]
        model.appendRow([QStandardItem(text) for text in texts])
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    table.resize(900, 400)
    table.show()
    qtbot.waitExposed(table)

    def texts(column: int) -> list[tuple[int, str]]:
        return [(row, model.item(row, column).text()) for row in range(model.rowCount())]

    fit_columns(table, [0, 1, 2], texts, lambda row, _column: row)
    header = table.horizontalHeader()
    ours = [header.sectionSize(column) for column in range(3)]
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.resizeSections()
    assert [header.sectionSize(column) for column in range(3)] == ours
    assert ours[0] > header.sectionSizeHint(0)  # the texts count, not only the heading
