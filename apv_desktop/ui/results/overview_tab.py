"""The overview: response rate per unit against the 60 % line, and the organisation's profile
against the reference values and the previous round."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from apv_desktop.core.model import Direction
from apv_desktop.i18n import tr, trn
from apv_desktop.services.results_view import ResultsBundle
from apv_desktop.ui.charts import plots
from apv_desktop.ui.charts.canvas import ChartCanvas
from apv_desktop.ui.results import texts
from apv_desktop.ui.results.heatmap_model import QUALITY_LINE

ROW_PIXELS = 19


class OverviewTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bundle: ResultsBundle | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rates = ChartCanvas("svarprocent")
        self.profile = ChartCanvas("profil")
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.summary)
        column.addWidget(self.rates)
        column.addWidget(self.profile)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def charts(self) -> list[ChartCanvas]:
        return [self.rates, self.profile]

    def retranslate(self) -> None:
        for chart in self.charts():
            chart.retranslate()
        self.show_bundle(self.bundle)

    def show_bundle(self, bundle: ResultsBundle | None) -> None:
        self.bundle = bundle
        if bundle is None:
            self.summary.clear()
            for chart in self.charts():
                chart.draw(None)
            return
        results = bundle.results
        org = results.organisation
        units = [org] + [u for u in results.units if u.code != org.code]
        weak = [u for u in units if u.response_rate is not None and u.response_rate < QUALITY_LINE]
        rate = texts.percent(org.response_rate) if org.response_rate is not None else "–"
        lines = [trn("{n} svar i runde {round}; svarprocent {rate}.",
                     "{n} svar i runde {round}; svarprocent {rate}.",
                     org.responses, round=results.round, rate=rate)]
        if weak:
            lines.append(tr("Under 60 % svar (tolk med forsigtighed): {units}.",
                            units=", ".join(u.name for u in weak)))
        if bundle.previous is not None:
            lines.append(tr("Sammenlignet med runde {round}.", round=bundle.previous.round))
        self.summary.setText("\n".join(lines))

        rate_rows = [plots.RateRow(u.name or u.code, u.response_rate, u.depth) for u in units]
        self.rates.setMinimumHeight(ROW_PIXELS * len(rate_rows) + 110)
        self.rates.draw(lambda figure: plots.response_rates(figure, rate_rows, QUALITY_LINE))

        profile_rows = []
        for dimension in results.dimensions:
            score = results.score(org.code, dimension.code)
            previous = bundle.trends.get((org.code, dimension.code))
            profile_rows.append(plots.ScoreRow(
                dimension.name, None if score.suppressed else score.mean, score.light,
                reference=dimension.reference,
                previous=previous.previous if previous is not None else None,
                higher_is_better=dimension.direction is not Direction.HIGHER_IS_WORSE))
        title = tr("Organisationens profil (score 0–100)")
        self.profile.setMinimumHeight(ROW_PIXELS * (len(profile_rows) + 2) + 110)
        self.profile.draw(lambda figure: plots.profile(figure, profile_rows, title))
