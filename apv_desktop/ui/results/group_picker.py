"""The team view's group picker: the whole unit, or one group of a background question
("Stillingsgruppe: Socialrådgivere"), by the question's and the group's labels."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from apv_desktop.core.breakdown import Breakdown, background_items
from apv_desktop.i18n import tr
from apv_desktop.services.results_view import ResultsBundle


class GroupPicker(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(30)

    def retranslate(self) -> None:
        self.setAccessibleName(tr("Gruppe"))
        if self.count():
            self.setItemText(0, tr("hele enheden"))

    def fill(self, bundle: ResultsBundle | None) -> None:
        """Every group of every background question; the choice kept where it still is one."""
        chosen = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(tr("hele enheden"), None)
        if bundle is not None:
            questionnaire = bundle.questionnaire
            for item in background_items(questionnaire):
                choices = questionnaire.choices_for(item)
                question = item.label(bundle.language) or item.name
                for choice in choices.choices if choices is not None else []:
                    label = choice.label(bundle.language) or choice.name
                    self.addItem(f"{question}: {label}", (item.name, choice.name))
        self.setCurrentIndex(max(self.findData(chosen), 0))
        self.blockSignals(False)

    def breakdown_item(self) -> str | None:
        """The background question of the chosen group, or None for the whole unit."""
        data = self.currentData()
        return None if data is None else str(data[0])

    def chosen(self, bundle: ResultsBundle | None) -> tuple[Breakdown, str, str] | None:
        """The bundle's computed breakdown, the chosen group and its label; None for the whole
        unit, or while the breakdown is still being computed."""
        data = self.currentData()
        if data is None or bundle is None:
            return None
        found = bundle.breakdowns.get(str(data[0]))
        if found is None:
            return None
        group = str(data[1])
        return found, group, found.labels[found.groups.index(group)]
