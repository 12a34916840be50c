"""The organisation page: units, their parents and headcounts, edited in a table."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.model import OrgUnit
from apv_desktop.i18n import tr
from apv_desktop.ui import filedialogs
from apv_desktop.ui.pages.base import Page, page_heading
from apv_desktop.ui.pages.org_model import CODE, NAME, OrgTableModel
from apv_desktop.ui.session import ProjectSession


class OrganisationPage(Page):
    page_id = "organisation"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = OrgTableModel()
        self.model.setParent(self)  # its changes are this page's own (pages/base.py)
        self._heading = page_heading()
        self._intro = QLabel()
        self._intro.setWordWrap(True)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("QLabel#problem { color: #d93025; font-weight: bold; }")
        self.problem.hide()

        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.import_button = QPushButton()
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.import_button.clicked.connect(self._import)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self._heading)
        layout.addWidget(self._intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.setTabOrder(self.table, self.add_button)
        self.setTabOrder(self.add_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.import_button)

        self.model.refused.connect(self._show_problem)
        self.model.stored.connect(self.problem.hide)
        self.retranslate()

    def title(self) -> str:
        return tr("Organisation")

    def help_text(self) -> str:
        return tr("Enhederne er de teams og afdelinger, resultaterne vises for. Hver enhed har en "
                  "entydig kode, et navn, evt. en overordnet enhed og antal ansatte (til "
                  "svarprocenten). Ret direkte i tabellen med F2 eller ved at skrive; hver ændring "
                  "gemmes med det samme.")

    def retranslate(self) -> None:
        self._heading.setText(self.title())
        self._intro.setText(tr("Hver ændring gemmes med det samme. Dobbeltklik eller tryk F2 for "
                               "at rette en celle."))
        self.table.setAccessibleName(tr("Organisationens enheder"))
        self.add_button.setText(tr("&Tilføj enhed"))
        self.add_button.setAccessibleName(tr("Tilføj enhed"))
        self.remove_button.setText(tr("&Slet enhed"))
        self.remove_button.setAccessibleName(tr("Slet enhed"))
        self.import_button.setText(tr("&Indlæs fra fil …"))
        self.import_button.setAccessibleName(tr("Indlæs enheder fra CSV- eller Excel-fil"))
        self.problem.setAccessibleName(tr("Problem"))
        self.model.retranslate()

    def set_session(self, session: ProjectSession | None) -> None:
        self.problem.hide()
        super().set_session(session)

    def refresh(self) -> None:
        self.model.set_session(self.session)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_project = self.session is not None
        for button in (self.add_button, self.remove_button, self.import_button):
            button.setEnabled(has_project)

    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _add(self) -> None:
        row = self._selected_row()
        parent = self.model.units[row].code if row is not None else None
        new_row = self.model.add_unit(parent)
        if new_row is not None:
            index = self.model.index(new_row, CODE)
            self.table.setCurrentIndex(index)
            self.table.edit(index)

    def _remove(self) -> None:
        row = self._selected_row()
        if row is None:
            self._show_problem(tr("Vælg først den enhed, der skal slettes."))
            return
        self.model.remove_unit(row)

    def _import(self) -> None:
        from apv_desktop.interchange.orgfile import read_org  # openpyxl only when needed

        path = filedialogs.open_file(self, tr("Indlæs enheder"),
                                     tr("Enhedslister (*.csv *.xlsx)"))
        if path is None:
            return
        from apv_desktop.ui.errors import show_problem
        from apv_desktop.ui.worker import run_with_progress

        self.import_worker = run_with_progress(
            self, tr("Indlæser {file} …", file=path.name),
            lambda progress: read_org(path, progress), self._imported,
            lambda error: show_problem(self, tr("Indlæs enheder"), error))

    def _imported(self, units: list[OrgUnit]) -> None:
        self.model.replace_all(units)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
