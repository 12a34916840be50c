"""The team view: one unit's scores with intervals against its parent, the organisation and the
reference; how it answered each item; its pressure points and strengths beside its indicators
(sick leave, turnover, caseload); and the trend. A group picker shows one background group's
scores in the unit instead (core.breakdown decides which of them are shown)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.model import Direction
from apv_desktop.core.results import Results, Score
from apv_desktop.core.trend import Trend
from apv_desktop.i18n import tr, trn
from apv_desktop.services.actionplan import unit_indicators
from apv_desktop.services.results_view import ResultsBundle
from apv_desktop.ui.actionplan.texts import indicator_names
from apv_desktop.ui.charts import plots
from apv_desktop.ui.charts.canvas import ChartCanvas
from apv_desktop.ui.results import texts
from apv_desktop.ui.results.distribution_rows import distribution_rows
from apv_desktop.ui.results.group_picker import GroupPicker
from apv_desktop.ui.results.unit_picker import UnitPicker
from apv_desktop.ui.session import ProjectSession

ROW_PIXELS = 21
LABEL_CHARS = 60


class TeamTab(QWidget):
    breakdown_wanted = Signal(str)  # a background question's name: compute its breakdown

    def __init__(self, page: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page  # the ResultsPage: its session (for the unit's indicators)
        self.bundle: ResultsBundle | None = None
        self.score_rows: list[plots.ScoreRow] = []  # what the score chart shows
        self.group_label = QLabel()
        self.groups = GroupPicker()
        self.group_label.setBuddy(self.groups)
        self.groups.currentIndexChanged.connect(self._group_chosen)
        self.unit_label, self.dimension_label = QLabel(), QLabel()
        self.units = UnitPicker()
        self.dimensions = QComboBox()
        self.unit_label.setBuddy(self.units)
        self.dimension_label.setBuddy(self.dimensions)
        self.units.currentIndexChanged.connect(self._show_unit)
        self.dimensions.currentIndexChanged.connect(self._show_distribution)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.scores = ChartCanvas("team-scorer")
        self.distribution = ChartCanvas("svarfordeling")
        self.trend_chart = ChartCanvas("udvikling")
        self.points_label, self.strengths_label, self.trend_label = QLabel(), QLabel(), QLabel()
        self.points, self.strengths = QListWidget(), QListWidget()
        self.indicators_label = QLabel()
        self.indicators = QTableWidget(0, 0)
        self.indicators.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.indicators_note = QLabel()
        self.indicators_note.setWordWrap(True)
        self.trend = QTableWidget(0, 4)
        self.trend.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trend.verticalHeader().setVisible(False)
        self.trend.horizontalHeader().setStretchLastSection(True)
        self.trend_note = QLabel()
        self.trend_note.setWordWrap(True)

        pick = QHBoxLayout()
        pick.addWidget(self.unit_label)
        pick.addWidget(self.units)
        pick.addWidget(self.group_label)
        pick.addWidget(self.groups)
        pick.addStretch(1)
        lists = QGridLayout()
        lists.addWidget(self.points_label, 0, 0)
        lists.addWidget(self.strengths_label, 0, 1)
        lists.addWidget(self.points, 1, 0)
        lists.addWidget(self.strengths, 1, 1)
        lists.addWidget(self.indicators_label, 0, 2)
        figures = QVBoxLayout()
        figures.addWidget(self.indicators_note)
        figures.addWidget(self.indicators, 1)
        lists.addLayout(figures, 1, 2)
        distribution_pick = QHBoxLayout()
        distribution_pick.addWidget(self.dimension_label)
        distribution_pick.addWidget(self.dimensions)
        distribution_pick.addStretch(1)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.summary)
        column.addWidget(self.scores)
        column.addLayout(lists)
        column.addLayout(distribution_pick)
        column.addWidget(self.distribution)
        column.addWidget(self.trend_label)
        column.addWidget(self.trend_note)
        column.addWidget(self.trend_chart)
        column.addWidget(self.trend)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(scroll, 1)

    def charts(self) -> list[ChartCanvas]:
        return [self.scores, self.distribution, self.trend_chart]

    def retranslate(self) -> None:
        self.unit_label.setText(tr("&Enhed:"))
        self.units.setAccessibleName(tr("Enhed"))
        self.group_label.setText(tr("&Gruppe:"))
        self.groups.retranslate()
        self.dimension_label.setText(tr("Svarfordeling for &dimension:"))
        self.dimensions.setAccessibleName(tr("Dimension"))
        self.points_label.setText(tr("Pressionspunkter"))
        self.strengths_label.setText(tr("Styrker"))
        self.indicators_label.setText(tr("Nøgletal"))
        for widget, name in ((self.points, tr("Pressionspunkter")),
                             (self.strengths, tr("Styrker")), (self.indicators, tr("Nøgletal")),
                             (self.trend, tr("Udvikling siden sidste runde"))):
            widget.setAccessibleName(name)
        self.trend_label.setText(tr("Udvikling siden sidste runde"))
        self.trend.setHorizontalHeaderLabels([tr("Dimension"), tr("Sidste runde"),
                                              tr("Denne runde"), tr("Ændring")])
        for chart in self.charts():
            chart.retranslate()
        self._show_unit()

    def show_bundle(self, bundle: ResultsBundle | None) -> None:
        self.bundle = bundle
        self.units.set_results(bundle.results if bundle else None)
        chosen = self.dimensions.currentData()
        self.dimensions.blockSignals(True)
        self.dimensions.clear()
        for dimension in bundle.results.dimensions if bundle else []:
            self.dimensions.addItem(dimension.name, dimension.code)
        self.dimensions.setCurrentIndex(max(self.dimensions.findData(chosen), 0))
        self.dimensions.blockSignals(False)
        self.groups.fill(bundle)
        for widget in (self.group_label, self.groups):
            widget.setVisible(self.groups.count() > 1)
        self._group_chosen()  # chosen while this bundle was being computed: ask for it now

    def breakdown_item(self) -> str | None:
        """The background question of the chosen group, or None."""
        return self.groups.breakdown_item()

    def show_breakdown(self) -> None:
        """The chosen group's breakdown has been computed: show it."""
        self._show_unit()

    def _group_chosen(self) -> None:
        item = self.breakdown_item()
        if item is not None and self.bundle is not None and item not in self.bundle.breakdowns:
            self.breakdown_wanted.emit(item)
        self._show_unit()

    def show_unit(self, unit: str, dimension: str | None = None) -> None:
        """Drill-down: show `unit`, with `dimension`'s item answers."""
        if dimension is not None:
            self.dimensions.blockSignals(True)
            self.dimensions.setCurrentIndex(max(self.dimensions.findData(dimension), 0))
            self.dimensions.blockSignals(False)
        if self.units.current_code() == unit:
            self._show_unit()
        else:
            self.units.choose(unit)

    def current_unit(self) -> str | None:
        return self.units.current_code()

    # --- drawing -------------------------------------------------------------------------

    def _show_unit(self) -> None:
        bundle, code = self.bundle, self.units.current_code()
        for widget in (self.points, self.strengths, self.trend):
            widget.clear() if widget is not self.trend else self.trend.setRowCount(0)
        if bundle is None or code is None:
            self._show_indicators(None)
            self.summary.clear()
            for chart in self.charts():
                chart.draw(None)
            return
        results = bundle.results
        unit = results.organisation if code == results.organisation.code else results.unit(code)
        parent_code = unit.parent if unit.parent is not None else (
            results.organisation.code if code != results.organisation.code else None)
        if unit.suppressed:
            self.summary.setText(trn("{unit}: {n} svar. Resultaterne er {reason}; de indgår i den "
                                     "overordnede enhed.",
                                     "{unit}: {n} svar. Resultaterne er {reason}; de indgår i den "
                                     "overordnede enhed.",
                                     unit.responses, unit=unit.name,
                                     reason=texts.hidden_reason(unit.hidden_reason)))
        else:
            self.summary.setText(trn("{unit}: {n} svar.",
                                     "{unit}: {n} svar.",
                                     unit.responses, unit=unit.name))
        rows = [self._score_row(results, code, parent_code, d.code) for d in results.dimensions]
        title = (tr("{unit}: scorer med 95 %-interval", unit=unit.name)
                 if code == results.organisation.code
                 else tr("{unit} mod overordnet enhed og organisation", unit=unit.name))
        points, strengths = results.pressure_points(), results.strengths()
        compared: str | None = None  # the ◇'s name: the parent, or the whole unit of a group
        chosen = self.groups.chosen(self.bundle)
        if chosen is not None:
            breakdown, group, label = chosen
            if code in breakdown.units:
                cells = [breakdown.cell(code, group, d.code).score for d in results.dimensions]
                rows = [self._group_row(results, cell) for cell in cells]
                title = tr("{unit}, gruppen {group}: scorer mod hele enheden", unit=unit.name,
                           group=label)
                compared = tr("Hele enheden")
                points = [c for c in cells if c.pressure_point and not c.suppressed]
                strengths = [c for c in cells if c.strength and not c.suppressed]
            else:
                self.summary.setText(self.summary.text() + " " + tr(
                    "Enheden har for få svar til at blive vist efter gruppe (mindst {n}); her "
                    "er hele enheden.", n=results.rules.breakdown_floor()))
        self.score_rows = rows
        self.scores.setMinimumHeight(ROW_PIXELS * (len(rows) + 2) + 120)
        self.scores.draw(lambda figure: plots.team_scores(figure, rows, title, compared))
        names = {d.code: d.name for d in results.dimensions}
        directions = {d.code: d.direction for d in results.dimensions}
        for found, widget in ((points, self.points), (strengths, self.strengths)):
            for score in found:
                if score.unit == code and score.mean is not None:
                    widget.addItem(texts.scored_line(names[score.dimension], score.mean,
                                                     directions[score.dimension]))
        self._show_indicators(code)
        self._show_trend(bundle, code, names)
        self._show_distribution()

    def _session(self) -> ProjectSession | None:
        return self.page.session if self.page is not None else None

    def _show_indicators(self, code: str | None) -> None:
        """The unit's figures per period, beside its pressure points."""
        session = self._session()
        table: dict[str, dict[str, float]] = {}
        if session is not None and code is not None:
            table = unit_indicators(session.project, code)
        names = indicator_names()
        kinds = [k for k in names if any(k in values for values in table.values())]
        kinds += sorted({k for values in table.values() for k in values} - set(kinds))
        self.indicators.clear()
        self.indicators.setRowCount(len(table))
        self.indicators.setColumnCount(len(kinds))
        self.indicators.setHorizontalHeaderLabels([names.get(k, k) for k in kinds])
        self.indicators.setVerticalHeaderLabels(list(table))
        for row, values in enumerate(table.values()):
            for column, kind in enumerate(kinds):
                text = f"{values[kind]:g}" if kind in values else ""
                self.indicators.setItem(row, column, QTableWidgetItem(text))
        self.indicators.resizeColumnsToContents()
        self.indicators.setVisible(bool(table))
        self.indicators_note.setText("" if table else tr("Ingen nøgletal for enheden."))
        self.indicators_note.setVisible(not table)

    def _score_row(self, results: Results, code: str, parent: str | None,
                   dimension: str) -> plots.ScoreRow:
        score = results.score(code, dimension)
        info = next(d for d in results.dimensions if d.code == dimension)
        return plots.ScoreRow(
            info.name, _shown(score), score.light, score.ci_low, score.ci_high,
            reference=info.reference,
            parent=_shown(results.score(parent, dimension)) if parent is not None else None,
            organisation=None if code == results.organisation.code  # not against itself
            else _shown(results.score(results.organisation.code, dimension)),
            higher_is_better=info.direction is not Direction.HIGHER_IS_WORSE,
        )

    def _group_row(self, results: Results, cell: Score) -> plots.ScoreRow:
        """A group's score against its whole unit (◇) and the organisation."""
        info = next(d for d in results.dimensions if d.code == cell.dimension)
        return plots.ScoreRow(
            info.name, _shown(cell), cell.light, cell.ci_low, cell.ci_high,
            reference=info.reference,
            parent=_shown(results.score(cell.unit, cell.dimension)),
            organisation=_shown(results.score(results.organisation.code, cell.dimension)),
            higher_is_better=info.direction is not Direction.HIGHER_IS_WORSE,
        )

    def _show_trend(self, bundle: ResultsBundle, code: str, names: dict[str, str]) -> None:
        if bundle.previous is None:
            self.trend_note.setText(tr("Der er ingen tidligere runde at sammenligne med."))
            self.trend.hide()
            self.trend_chart.hide()
            self.trend_chart.draw(None)
            return
        self.trend.show()
        self.trend_chart.show()
        self.trend_note.setText(tr("Sammenlignet med runde {round} på de spørgsmål, begge runder "
                                   "stillede (* = kun en del af dimensionens spørgsmål). "
                                   "Ændringer under 5 point er støj.",
                                   round=bundle.previous.round))
        directions = {d.code: d.direction for d in bundle.results.dimensions}
        for dimension, name in names.items():
            trend = bundle.trends.get((code, dimension))
            if trend is None:
                continue
            row = self.trend.rowCount()
            self.trend.insertRow(row)
            cells = [
                f"{name} *" if trend.partial else name,
                texts.number(trend.previous) if trend.previous is not None else "",
                texts.number(trend.current) if trend.current is not None else texts.hidden_word(),
                _change_text(trend, directions[dimension]) if trend.delta is not None else (
                    "" if trend.comparable else tr("ikke sammenlignelig")),
            ]
            for column, text in enumerate(cells):
                self.trend.setItem(row, column, QTableWidgetItem(text))
        self.trend.resizeColumnToContents(0)
        self.trend.setMinimumHeight(min(26 * (self.trend.rowCount() + 1), 480))
        self._draw_trend_chart(bundle, code, names)

    def _draw_trend_chart(self, bundle: ResultsBundle, code: str, names: dict[str, str]) -> None:
        """Only dimensions that compare and are shown in both rounds get a line."""
        directions = {d.code: d.direction for d in bundle.results.dimensions}
        rows = []
        for dimension, name in names.items():
            trend = bundle.trends.get((code, dimension))
            if trend is None or not trend.comparable or trend.delta is None \
                    or trend.previous is None or trend.current is None:
                continue
            rows.append(plots.TrendRow(
                name, trend.previous, trend.current,
                directions[dimension] is not Direction.HIGHER_IS_WORSE))
        self.trend_chart.setMinimumHeight(ROW_PIXELS * max(len(rows), 1) + 140)
        title = tr("Runde {previous} og {current}", previous=bundle.previous.round
                   if bundle.previous is not None else "", current=bundle.round_name)
        self.trend_chart.draw(lambda figure: plots.trend(figure, rows, title))

    def _show_distribution(self) -> None:
        bundle, code = self.bundle, self.units.current_code()
        dimension_code = self.dimensions.currentData()
        if bundle is None or code is None or dimension_code is None:
            self.distribution.draw(None)
            return
        rows = distribution_rows(bundle, code, str(dimension_code), LABEL_CHARS)
        name = self.dimensions.currentText()
        self.distribution.setMinimumHeight(ROW_PIXELS * 2 * max(len(rows), 1) + 120)
        self.distribution.draw(lambda figure: plots.diverging(figure, rows, name))


def _change_text(trend: Trend, direction: Direction) -> str:
    """The change with what it means: better or worse (a demand falling is better)."""
    assert trend.delta is not None
    if not trend.meaningful:
        return tr("{change} (støj)", change=texts.signed(trend.delta))
    better = (trend.delta > 0) == (direction is not Direction.HIGHER_IS_WORSE)
    return (tr("{change} (bedre)", change=texts.signed(trend.delta)) if better
            else tr("{change} (dårligere)", change=texts.signed(trend.delta)))


def _shown(score: Score) -> float | None:
    return None if score.suppressed else score.mean
