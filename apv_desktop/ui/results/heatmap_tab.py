"""The heatmap tab: the tree of units against the dimensions, with a legend and fold buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from apv_desktop.i18n import tr
from apv_desktop.services.results_view import ResultsBundle, domain_names
from apv_desktop.ui.results import palette
from apv_desktop.ui.results.heatmap_model import HeatmapModel
from apv_desktop.ui.results.heatmap_view import HeatmapView


class HeatmapTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HeatmapModel(self)
        self.view = HeatmapView(self.model)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.expand_button = QPushButton()
        self.collapse_button = QPushButton()
        self.expand_button.clicked.connect(self.view.expandAll)
        self.collapse_button.clicked.connect(lambda: self.view.expandToDepth(0))
        row = QHBoxLayout()
        row.addWidget(self.legend, 1)
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
        self.view.setAccessibleName(tr("Heatmap: enheder og dimensioner"))
        self.view.header().viewport().update()

    def show_bundle(self, bundle: ResultsBundle | None) -> None:
        if bundle is None:
            self.model.set_results(None, {})
            return
        names = domain_names(bundle.questionnaire, bundle.language)
        self.model.set_results(bundle.results, names)
