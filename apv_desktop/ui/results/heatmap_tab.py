"""The heatmap tab: the tree of units against the dimensions, with a legend and fold buttons,
and (when the questionnaire has background questions) a picker that adds rows by group."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from apv_desktop.core.breakdown import background_items
from apv_desktop.i18n import tr
from apv_desktop.services.results_view import ResultsBundle, domain_names
from apv_desktop.ui.results import palette
from apv_desktop.ui.results.heatmap_model import HeatmapModel
from apv_desktop.ui.results.heatmap_view import HeatmapView


class HeatmapTab(QWidget):
    breakdown_wanted = Signal(str)  # a background question's name: compute its breakdown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bundle: ResultsBundle | None = None
        self.model = HeatmapModel(self)
        self.view = HeatmapView(self.model)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.expand_button = QPushButton()
        self.collapse_button = QPushButton()
        self.expand_button.clicked.connect(self.view.expandAll)
        self.collapse_button.clicked.connect(lambda: self.view.expandToDepth(0))
        self.by_label = QLabel()
        self.by_box = QComboBox()
        # a question's label can be a whole sentence: the legend keeps its room
        self.by_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.by_box.setMinimumContentsLength(22)
        self.by_label.setBuddy(self.by_box)
        self.by_box.currentIndexChanged.connect(self._by_chosen)
        row = QHBoxLayout()
        row.addWidget(self.legend, 1)
        row.addWidget(self.by_label)
        row.addWidget(self.by_box)
        row.addWidget(self.expand_button)
        row.addWidget(self.collapse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)

    def retranslate(self) -> None:
        swatch = '<span style="background:{colour}">&nbsp;&nbsp;&nbsp;&nbsp;</span> {name}'
        parts = [swatch.format(colour=palette.TINT["green"], name=tr("godt")),
                 swatch.format(colour=palette.TINT["yellow"], name=tr("opmærksomhed")),
                 swatch.format(colour=palette.TINT["red"], name=tr("problem")),
                 swatch.format(colour=palette.HIDDEN_TINT, name=tr("skjult (anonymitet)"))]
        notes = [tr("Sort ramme: pressionspunkt."),
                 tr("Skraveret: skjult for at beskytte anonymiteten."),
                 tr("n i kursiv: svarprocent under 60 %, tolk med forsigtighed."),
                 tr("Farven tager højde for retningen: grøn er godt, også hvor højere er "
                    "dårligere (fx Udbrændthed); en overskrifts værktøjstip siger hvilken."),
                 tr("Klik på en celle for at se teamet.")]
        self.legend.setText("&nbsp;&nbsp;".join(parts) + "<br>" + " ".join(notes))
        self.expand_button.setText(tr("Fold alle ud"))
        self.collapse_button.setText(tr("Fold sammen"))
        self.by_label.setText(tr("&Vis efter:"))
        self.by_box.setAccessibleName(tr("Vis efter baggrundsspørgsmål"))
        if self.by_box.count():
            self.by_box.setItemText(0, tr("ingen"))
        self.view.setAccessibleName(tr("Heatmap: enheder og dimensioner"))
        self.view.header().viewport().update()

    def breakdown_item(self) -> str | None:
        """The background question the rows are shown by, or None."""
        data = self.by_box.currentData()
        return None if data is None else str(data)

    def show_bundle(self, bundle: ResultsBundle | None) -> None:
        self.bundle = bundle
        chosen = self.breakdown_item()
        self.by_box.blockSignals(True)
        self.by_box.clear()
        self.by_box.addItem(tr("ingen"), None)
        if bundle is not None:
            for item in background_items(bundle.questionnaire):
                # by its label, as the questionnaire asks it; the name is the builder's
                self.by_box.addItem(item.label(bundle.language) or item.name, item.name)
        self.by_box.setCurrentIndex(max(self.by_box.findData(chosen), 0))
        self.by_box.blockSignals(False)
        for widget in (self.by_label, self.by_box):
            widget.setVisible(self.by_box.count() > 1)
        self._by_chosen()  # chosen while this bundle was being computed: ask for it now

    def show_breakdown(self) -> None:
        """Show the bundle with the chosen breakdown's rows, once the worker has computed it
        (until then, and without one, the tree alone)."""
        bundle, item = self.bundle, self.breakdown_item()
        if bundle is None:
            self.model.set_results(None, {})
            return
        names = domain_names(bundle.questionnaire, bundle.language)
        breakdown = bundle.breakdowns.get(item) if item is not None else None
        self.model.set_results(bundle.results, names, breakdown)

    def _by_chosen(self) -> None:
        item = self.breakdown_item()
        if item is not None and self.bundle is not None and item not in self.bundle.breakdowns:
            self.breakdown_wanted.emit(item)
        self.show_breakdown()
