"""The plan's overview: filters (unit, status, responsible, overdue), the items with their
before/after follow-up, overdue items highlighted, and new/edit/delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.followup import FollowUp
from apv_desktop.core.progress import Progress
from apv_desktop.core.records import ActionItem
from apv_desktop.errors import ApvError
from apv_desktop.i18n import current_language, tr, trn
from apv_desktop.interchange.limits import excerpt
from apv_desktop.services.actionplan import (
    ActionFilter,
    filtered_actions,
    follow_ups_for_file,
    is_overdue,
)
from apv_desktop.ui import clock, messages
from apv_desktop.ui.actionplan.column_share import shared_widths
from apv_desktop.ui.actionplan.editor import ActionDialog
from apv_desktop.ui.actionplan.sheet_import import import_action_plan_sheet
from apv_desktop.ui.actionplan.texts import score_text, status_names, verdict_text
from apv_desktop.ui.errors import show_problem
from apv_desktop.ui.session import ProjectSession
from apv_desktop.ui.worker import Worker, run_with_progress

OVERDUE_BACKGROUND = QColor("#f8d7da")
OVERDUE_TEXT = QColor("#111111")  # dark on the pale red in light and dark mode alike
COLUMNS = 9
WRAPPING = (3, 4, 7, 8)  # problem, responsible, before → after, did it work
NARROWEST = 110  # pixels a wrapping column keeps, however narrow the window


class ActionsTab(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: ProjectSession | None = None
        self.action_items: list[ActionItem] = []  # not 'actions': QWidget.actions()
        self.shown: list[ActionItem] = []
        self.results: dict[int, FollowUp] = {}
        # The follow-up scores are computed off the GUI thread, once the tab is seen.
        self.follow_up_worker: Worker | None = None
        self._generation = 0
        self._follow_ups_stale = False
        self.unit_filter, self.status_filter = QComboBox(), QComboBox()
        self.responsible_filter = QLineEdit()
        self.overdue_only = QCheckBox()
        self.unit_label, self.status_label, self.responsible_label = QLabel(), QLabel(), QLabel()
        self.unit_label.setBuddy(self.unit_filter)
        self.status_label.setBuddy(self.status_filter)
        self.responsible_label.setBuddy(self.responsible_filter)
        for signal in (self.unit_filter.currentIndexChanged,
                       self.status_filter.currentIndexChanged,
                       self.responsible_filter.textChanged, self.overdue_only.toggled):
            signal.connect(self._show)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.new_button, self.edit_button, self.delete_button, self.import_button = (
            QPushButton() for _ in range(4))
        self.import_button.clicked.connect(self.import_sheet)
        self.new_button.clicked.connect(lambda: self.new_action())
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)

        filters = QHBoxLayout()
        for widget in (self.unit_label, self.unit_filter, self.status_label, self.status_filter,
                       self.responsible_label, self.responsible_filter, self.overdue_only):
            filters.addWidget(widget)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.unit_label.setText(tr("&Enhed:"))
        self.status_label.setText(tr("&Status:"))
        self.responsible_label.setText(tr("&Ansvarlig:"))
        self.responsible_filter.setPlaceholderText(tr("Søg på navn"))
        for widget, name in ((self.unit_filter, tr("Enhed")), (self.status_filter, tr("Status")),
                             (self.responsible_filter, tr("Ansvarlig")),
                             (self.table, tr("Handlingsplan"))):
            widget.setAccessibleName(name)
        self.overdue_only.setText(tr("Kun over fristen"))
        self.new_button.setText(tr("&Nyt punkt …"))
        self.edit_button.setText(tr("&Redigér …"))
        self.delete_button.setText(tr("&Slet"))
        self.import_button.setText(tr("Indlæs &udfyldt handlingsplan …"))
        self.import_button.setToolTip(tr("Rapportens ark Handlingsplan, udfyldt af ledelsen i "
                                         "Excel: ændringerne vises, før de gemmes."))
        self.table.setHorizontalHeaderLabels([
            tr("Runde"), tr("Enhed"), tr("Dimension"), tr("Problem"), tr("Ansvarlig"),
            tr("Frist"), tr("Status"), tr("Før → efter"), tr("Virkede det?")])
        self._fill_filters()
        self._show()

    # --- reading ---------------------------------------------------------------------------

    def set_session(self, session: ProjectSession | None) -> None:
        self.session = session
        self.refresh()

    def refresh(self) -> None:
        self.action_items, self.results = [], {}
        self._generation += 1  # follow-ups still being computed belong to the old state
        if self.session is not None:
            self.action_items = self.session.project.actions()
        self._follow_ups_stale = self.session is not None and bool(self.action_items)
        self._fill_filters()
        self._show()
        if self.isVisible():
            self._compute_follow_ups()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Every column as wide as its text, the long texts (problem, responsible, before and
        after, verdict) wrapping as narrow as the view needs: no sideways scrolling."""
        table = self.table
        table.resizeColumnsToContents()
        wanted = {column: table.columnWidth(column) for column in WRAPPING}
        fixed = sum(table.columnWidth(column) for column in range(COLUMNS)
                    if column not in WRAPPING)
        room = table.viewport().width() - fixed
        for column, width in shared_widths(wanted, room, NARROWEST).items():
            table.setColumnWidth(column, width)
        table.resizeRowsToContents()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._compute_follow_ups()

    def _compute_follow_ups(self) -> None:
        if (not self._follow_ups_stale or self.session is None
                or self.follow_up_worker is not None):
            return  # a running computation starts the next one when it ends
        self._follow_ups_stale = False
        path, generation = self.session.path, self._generation

        def work(progress: Progress) -> tuple[int, dict[int, FollowUp]]:
            progress(0.0, "")
            return generation, follow_ups_for_file(path)

        self.follow_up_worker = run_with_progress(
            self, tr("Beregner opfølgningen …"), work, self._follow_ups_computed,
            self._follow_ups_failed, indeterminate=True)
        self.follow_up_worker.done.connect(self._follow_ups_done)

    def _follow_ups_computed(self, outcome: tuple[int, dict[int, FollowUp]]) -> None:
        generation, results = outcome
        if generation == self._generation:
            self.results = results
            self._show()

    def _follow_ups_failed(self, error: BaseException) -> None:
        if not isinstance(error, ApvError):  # a round without questionnaire: nothing to show
            show_problem(self, tr("Opfølgningen kunne ikke beregnes"), error)

    def _follow_ups_done(self) -> None:
        self.follow_up_worker = None
        if self._follow_ups_stale and self.isVisible():
            self._compute_follow_ups()

    def _fill_filters(self) -> None:
        units = self._units()
        for combo, entries in ((self.unit_filter, [(f"{n} ({c})", c) for c, n in units]),
                               (self.status_filter,
                                [(name, code) for code, name in status_names().items()])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("Alle"), None)
            for text, data in entries:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _units(self) -> list[tuple[str, str]]:
        if self.session is None:
            return []
        return [(u.code, u.name) for u in self.session.project.org_units()]

    def current_filter(self) -> ActionFilter:
        return ActionFilter(unit=self.unit_filter.currentData(),
                            status=self.status_filter.currentData(),
                            responsible=self.responsible_filter.text() or None,
                            overdue_only=self.overdue_only.isChecked())

    def _show(self) -> None:
        today = clock.today()
        self.shown = filtered_actions(self.action_items, self.current_filter(), today)
        names = dict(self._units())
        dimensions = dict(self._dimensions()) if self.session is not None else {}
        statuses = status_names()
        self.table.setRowCount(len(self.shown))
        for row, action in enumerate(self.shown):
            result = self.results.get(action.id)
            before_after = ""
            if result is not None and result.before is not None and result.after is not None:
                before_after = (score_text(result.before.mean, result.before.n,
                                           result.before.ci_low, result.before.ci_high)
                                + " → " + score_text(result.after.mean, result.after.n,
                                                     result.after.ci_low, result.after.ci_high))
            dimension = dimensions.get(action.dimension or "", action.dimension or "")
            cells = [action.round, names.get(action.unit or "", ""), dimension,
                     action.problem, action.responsible,
                     action.deadline.strftime("%d-%m-%Y") if action.deadline else "",
                     statuses.get(action.status, action.status), before_after,
                     verdict_text(result)]
            late = is_overdue(action, today)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, action.id)
                if late:
                    item.setBackground(QBrush(OVERDUE_BACKGROUND))
                    item.setForeground(QBrush(OVERDUE_TEXT))
                    item.setToolTip(tr("Over fristen"))
                self.table.setItem(row, column, item)
        self._fit_columns()
        late_count = sum(is_overdue(a, today) for a in self.action_items)
        text = trn("Projektet har {n} punkt i handlingsplanen.",
                   "Projektet har {n} punkter i handlingsplanen.",
                   len(self.action_items))
        if late_count:
            text += " " + trn("{n} er over fristen (markeret med rødt).",
                              "{n} er over fristen (markeret med rødt).",
                              late_count)
        self.summary.setText(text)

    # --- changing --------------------------------------------------------------------------

    def selected(self) -> ActionItem | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.shown[rows[0].row()] if rows else None

    def _dimensions(self) -> list[tuple[str, str]]:
        assert self.session is not None
        found: dict[str, str] = {}
        for version in self.session.project.questionnaire_versions():
            questionnaire = self.session.project.questionnaire(version.id)
            for dimension in questionnaire.dimensions if questionnaire else []:
                found.setdefault(dimension.code, dimension.label(current_language()))
        return sorted(found.items(), key=lambda pair: pair[1])

    def new_action(self, preset: dict[str, object] | None = None) -> ActionDialog | None:
        if self.session is None:
            return None
        project = self.session.project
        dialog = ActionDialog(project.org_units(), self._dimensions(), None, self, preset)
        if dialog.exec() != ActionDialog.DialogCode.Accepted:
            return dialog
        try:
            project.add_action(project.round().name, **dialog.fields())
        except ApvError as error:
            show_problem(self, tr("Punktet kunne ikke gemmes"), error)
            return dialog
        self._changed()
        return dialog

    def edit_selected(self) -> None:
        action = self.selected()
        if action is None or self.session is None:
            return
        project = self.session.project
        dialog = ActionDialog(project.org_units(), self._dimensions(), action, self)
        if dialog.exec() != ActionDialog.DialogCode.Accepted:
            return
        try:
            project.update_action(action.id, **dialog.fields())
        except ApvError as error:
            show_problem(self, tr("Punktet kunne ikke gemmes"), error)
            return
        self._changed()

    def delete_selected(self) -> None:
        action = self.selected()
        if action is None or self.session is None:
            return
        if not messages.ask(self, tr("Slet punkt"),
                            tr("Slet punktet »{problem}« fra handlingsplanen?",
                               problem=excerpt(action.problem, 60))):
            return
        self.session.project.delete_action(action.id)
        self._changed()

    def import_sheet(self) -> None:
        if self.session is not None:
            self.sheet_worker = import_action_plan_sheet(self, self.session, self._changed)

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()
