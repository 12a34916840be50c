"""A drop-down of the org's units, indented as a tree, the organisation first."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from apv_desktop.core.results import Results


class UnitPicker(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumContentsLength(28)

    def set_results(self, results: Results | None) -> None:
        chosen = self.current_code()
        self.blockSignals(True)
        self.clear()
        if results is not None:
            org = results.organisation
            self.addItem(org.name or results.organisation_name, org.code)
            for unit in results.units:
                if unit.code != org.code:
                    self.addItem("    " * unit.depth + unit.name, unit.code)
        self.blockSignals(False)
        self.choose(chosen if chosen is not None else "")

    def current_code(self) -> str | None:
        data = self.currentData()
        return None if data is None else str(data)

    def choose(self, code: str) -> None:
        position = self.findData(code)
        self.setCurrentIndex(max(position, 0))
