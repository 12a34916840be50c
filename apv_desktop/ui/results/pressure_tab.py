"""The pressure-points tab: the ranked list across the organisation, a filter, and one click
to make a selected point an action-plan item."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.judgement import pressure_point_rule
from apv_desktop.core.results import Score
from apv_desktop.i18n import current_language, tr
from apv_desktop.services.results_view import ResultsBundle, add_action_for, domain_names
from apv_desktop.ui import messages
from apv_desktop.ui.results.column_fit import fit_columns
from apv_desktop.ui.results.pressure_model import (
    ACTION,
    DIMENSION,
    GAP,
    INTERVAL,
    RANK,
    SCORE,
    UNIT,
    N,
    PressureFilter,
    PressureModel,
)

FITTED = [RANK, SCORE, GAP, N, INTERVAL, ACTION]  # as wide as their texts; the others stretch


class PressureTab(QWidget):
    def __init__(self, page: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page  # the ResultsPage: its session and bundle
        self.model = PressureModel(self)
        self.proxy = PressureFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_label = QLabel()
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.filter_label.setBuddy(self.filter_edit)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.sortByColumn(RANK, Qt.SortOrder.AscendingOrder)  # the core's ranking
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # see _fit_columns
        header.setSectionResizeMode(UNIT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DIMENSION, QHeaderView.ResizeMode.Stretch)
        self.action_button = QPushButton()
        self.action_button.clicked.connect(self.make_action)
        self.message = QLabel()
        self.message.setWordWrap(True)
        # Why each row is here: a red score need not be far behind, nor a far one red.
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.filter_edit, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.action_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.rule)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._unfitted = False  # the rows changed while the tab was hidden
        self._fit_pending = False
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.layoutChanged, self.model.dataChanged):
            signal.connect(self._columns_changed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._unfitted:
            self._columns_changed()

    def _columns_changed(self, *_args: object) -> None:
        """Fit the columns once the rows have settled (one fit for a burst of signals), and
        only while the tab shows: a round's results come hidden, whatever tab is on top."""
        if not self.isVisible():
            self._unfitted = True
        elif not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self, self._fit_columns)

    def _fit_columns(self) -> None:
        """What ResizeToContents did, without asking every cell's size (see column_fit)."""
        self._fit_pending = self._unfitted = False
        rows = self.proxy.shown_rows(self.model)
        fit_columns(self.table, FITTED,
                    lambda column: list(zip(rows, self.model.column_texts(column, rows),
                                            strict=True)),
                    lambda row, column: self.proxy.mapFromSource(
                        self.model.index(row, column)).row())

    def retranslate(self) -> None:
        self.filter_label.setText(tr("&Filtrér:"))
        self.filter_edit.setPlaceholderText(tr("enhed, dimension eller område"))
        self.filter_edit.setAccessibleName(tr("Filtrér pressionspunkter"))
        self.table.setAccessibleName(tr("Pressionspunkter"))
        self.action_button.setText(tr("&Opret handling"))
        self.action_button.setAccessibleName(tr("Opret et punkt i handlingsplanen"))
        self.table.horizontalHeader().viewport().update()
        self._columns_changed()  # the headers' words
        self._show_rule()

    def _show_rule(self) -> None:
        bundle = self.page.bundle
        self.rule.setText(pressure_point_rule(tr, bundle.results.rules) if bundle else "")

    def show_bundle(self, bundle: ResultsBundle | None) -> None:
        self.message.clear()
        self._show_rule()
        if bundle is None:
            self.model.set_results(None, {}, set())
            return
        session = self.page.session
        planned: set[tuple[str, str]] = set()
        if session is not None:
            planned = {(a.unit or "", a.dimension or "")
                       for a in session.project.actions(bundle.round_name)}
        self.model.set_results(bundle.results, domain_names(bundle.questionnaire,
                                                            bundle.language), planned)

    def selected_score(self) -> Score | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.score_at(self.proxy.mapToSource(rows[0]).row())

    def make_action(self) -> None:
        score = self.selected_score()
        bundle, session = self.page.bundle, self.page.session
        if score is None or bundle is None or session is None:
            self.message.setText(tr("Vælg først et pressionspunkt i listen."))
            return
        if (score.unit, score.dimension) in self.model.with_action and not messages.ask(
                self, tr("Opret handling"),
                tr("Pressionspunktet er allerede i handlingsplanen."),
                tr("Opret endnu et punkt for det (fx en handling mere)? Ellers finder du det på "
                   "siden Handlingsplan.")):
            self.message.setText(tr("Intet tilføjet: pressionspunktet er allerede i "
                                    "handlingsplanen."))
            return
        try:
            item = add_action_for(session.project, bundle.results, score, current_language())
        except Exception as error:  # noqa: BLE001 - shown as a known or unexpected problem
            from apv_desktop.ui.errors import show_problem

            show_problem(self, tr("Handlingen kunne ikke oprettes"), error)
            return
        self.model.mark_action(score)
        self.message.setText(tr("Tilføjet til handlingsplanen: {problem}", problem=item.problem))
        session.notify_changed(self)
