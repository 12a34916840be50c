"""The organisation page: the units as a tree (indented, folding), edited in place, moved by drag
and drop or "Flyt til …", and a file imported over it previewed as a reorganisation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.model import OrgUnit
from apv_desktop.i18n import tr
from apv_desktop.ui import filedialogs
from apv_desktop.ui.pages import org_dialogs
from apv_desktop.ui.pages.base import Page, page_heading
from apv_desktop.ui.pages.org_model import NAME, OrgTreeModel
from apv_desktop.ui.session import ProjectSession


class OrganisationPage(Page):
    page_id = "organisation"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = OrgTreeModel()
        self.model.setParent(self)  # its changes are this page's own (pages/base.py)
        self._heading = page_heading()
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        self._expanded: set[str] | None = None  # None: unfold everything at the next reset
        self._current: str | None = None

        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        # DragDrop, not InternalMove: the model moves the unit itself (dropMimeData), and a
        # drop that does not come from this view (a test, an accessibility tool) is taken too.
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.model.modelAboutToBeReset.connect(self._remember_view)
        self.model.modelReset.connect(self._restore_view)

        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.first_unit_button = QPushButton()
        self.empty_import_button = QPushButton()
        self.first_unit_button.clicked.connect(self._add_top)
        self.empty_import_button.clicked.connect(self._import)
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty)
        empty_buttons = QHBoxLayout()
        empty_buttons.addStretch(1)
        empty_buttons.addWidget(self.empty_import_button)
        empty_buttons.addWidget(self.first_unit_button)
        empty_buttons.addStretch(1)
        empty_layout.addLayout(empty_buttons)
        empty_layout.addStretch(2)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(empty_page)

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("QLabel#problem { color: #d93025; font-weight: bold; }")
        self.problem.hide()

        self.add_button = QPushButton()
        self.add_sub_button = QPushButton()
        self.rename_button = QPushButton()
        self.move_button = QPushButton()
        self.remove_button = QPushButton()
        self.import_button = QPushButton()
        self.add_button.clicked.connect(self._add_top)
        self.add_sub_button.clicked.connect(self._add_sub)
        self.rename_button.clicked.connect(self._rename)
        self.move_button.clicked.connect(self._move)
        self.remove_button.clicked.connect(self._remove)
        self.import_button.clicked.connect(self._import)
        # The keyboard's way to the same: Insert, F2 (the view's own), Ctrl+M, Delete; read by
        # the tree itself (eventFilter), so they work whenever the tree has the key press.
        self.add_sub_action = self._tree_action(self._add_sub)
        self.rename_action = self._tree_action(self._rename)
        self.move_action = self._tree_action(self._move)
        self.remove_action = self._tree_action(self._remove)
        self._keys = {
            (Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier): self._add_sub,
            (Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier): self._move,
            (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): self._remove,
        }
        self.tree.installEventFilter(self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.add_sub_button, self.rename_button,
                       self.move_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self._heading)
        layout.addWidget(self._intro)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

        self.model.refused.connect(self._show_problem)
        self.model.stored.connect(self.problem.hide)
        self.tree.selectionModel().currentChanged.connect(self._update_buttons)
        self.retranslate()

    def _tree_action(self, slot: Callable[[], None]) -> QAction:
        action = QAction(self.tree)
        action.triggered.connect(slot)
        return action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (watched is self.tree and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and self.tree.state() != QAbstractItemView.State.EditingState):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            handler = self._keys.get((Qt.Key(event.key()), modifiers))
            if handler is not None:
                handler()
                return True
        return super().eventFilter(watched, event)

    def help_text(self) -> str:
        return tr("Enhederne er de teams og afdelinger, resultaterne vises for, ordnet som et "
                  "træ. Træk en enhed hen på en anden for at lægge den under den, eller brug "
                  "Flyt til … (Ctrl+M). F2 omdøber, Insert tilføjer en underenhed, Delete "
                  "sletter. Ansatte i enheden er dem, der hører direkte til enheden; i alt "
                  "tæller underenhederne med. Hver ændring gemmes med det samme.")

    def retranslate(self) -> None:
        self._heading.setText(self.title())
        self._intro.setText(tr("Træk en enhed hen på en anden for at flytte den. Dobbeltklik "
                               "eller tryk F2 for at rette navn, kode eller antal ansatte. "
                               "Hver ændring gemmes med det samme."))
        self.empty.setText(tr("Organisationen har endnu ingen enheder. Indlæs jeres liste over "
                              "teams og afdelinger fra en Excel- eller CSV-fil (kolonnerne "
                              "kode, navn, overordnet og antal), eller tilføj den første "
                              "enhed her."))
        self.first_unit_button.setText(tr("Tilføj den første enhed"))
        self.empty_import_button.setText(tr("Indlæs fra fil …"))
        self.tree.setAccessibleName(tr("Organisationens enheder"))
        texts = ((self.add_button, tr("&Tilføj enhed"), tr("Tilføj en enhed øverst")),
                 (self.add_sub_button, tr("Tilføj &underenhed"),
                  tr("Tilføj en underenhed til den valgte enhed (Insert)")),
                 (self.rename_button, tr("&Omdøb"), tr("Omdøb den valgte enhed (F2)")),
                 (self.move_button, tr("&Flyt til …"),
                  tr("Flyt den valgte enhed under en anden enhed (Ctrl+M)")),
                 (self.remove_button, tr("&Slet"), tr("Slet den valgte enhed (Delete)")),
                 (self.import_button, tr("&Indlæs fra fil …"),
                  tr("Indlæs enheder fra CSV- eller Excel-fil")))
        for button, text, tip in texts:
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text.replace("&", "").rstrip(" …"))
        # The key after a tab: menus show it in their shortcut column.
        self.add_sub_action.setText(tr("Tilføj underenhed") + "\tInsert")
        self.rename_action.setText(tr("Omdøb") + "\tF2")
        self.move_action.setText(tr("Flyt til …") + "\tCtrl+M")
        self.remove_action.setText(tr("Slet") + "\tDelete")
        self.problem.setAccessibleName(tr("Problem"))
        self.model.retranslate()

    def set_session(self, session: ProjectSession | None) -> None:
        self.problem.hide()
        self._expanded = None
        super().set_session(session)

    def refresh(self) -> None:
        self.model.set_session(self.session)
        self._update_buttons()

    # --- the view across a model reset ---------------------------------------------------------

    def _remember_view(self) -> None:
        if self._expanded is not None or self.model.units:
            self._expanded = {u.code for u in self.model.units
                              if self.tree.isExpanded(self.model.index_of(u.code))}
        self._current = self.selected_code()

    def _restore_view(self) -> None:
        if self._expanded is None:
            self.tree.expandAll()
        else:
            for unit in self.model.units:
                if unit.code in self._expanded or unit.parent is None:
                    self.tree.expand(self.model.index_of(unit.code))
        if self._current is not None:
            self.select(self._current)
        self.stack.setCurrentIndex(0 if self.model.units else 1)
        self._update_buttons()

    def select(self, code: str) -> None:
        """Make `code` the current unit, its parents unfolded."""
        index = self.model.index_of(code)
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def selected_code(self) -> str | None:
        index = self.tree.currentIndex()
        return self.model.code_at(index) if index.isValid() else None

    def _update_buttons(self, *_: object) -> None:
        has_project = self.session is not None
        chosen = self.selected_code() is not None
        for button in (self.add_button, self.import_button, self.first_unit_button,
                       self.empty_import_button):
            button.setEnabled(has_project)
        for button in (self.add_sub_button, self.rename_button, self.move_button,
                       self.remove_button):
            button.setEnabled(has_project and chosen)

    def _context_menu(self, position: QPoint) -> None:
        index = self.tree.indexAt(position)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        menu = QMenu(self)
        for action in (self.add_sub_action, self.rename_action, self.move_action,
                       self.remove_action):
            action.setEnabled(index.isValid())
            menu.addAction(action)
        menu.popup(self.tree.viewport().mapToGlobal(position))

    # --- the changes -----------------------------------------------------------------------

    def _add_top(self) -> None:
        self._added(self.model.add_unit(None))

    def _add_sub(self) -> None:
        code = self.selected_code()
        if code is None:
            self._show_problem(tr("Vælg først den enhed, der skal have en underenhed."))
            return
        self._added(self.model.add_unit(code))

    def _added(self, code: str | None) -> None:
        if code is not None:
            self.select(code)
            self.tree.edit(self.model.index_of(code))

    def _rename(self) -> None:
        code = self.selected_code()
        if code is not None:
            self.tree.edit(self.model.index_of(code))

    def _move(self) -> None:
        code = self.selected_code()
        if code is None:
            self._show_problem(tr("Vælg først den enhed, der skal flyttes."))
            return
        chosen, target = org_dialogs.choose_parent(self, self.model, code)
        if chosen and self.model.move_unit(code, target):
            self.select(code)

    def _remove(self) -> None:
        code = self.selected_code()
        if code is None:
            self._show_problem(tr("Vælg først den enhed, der skal slettes."))
            return
        self.model.remove_unit(code)

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
        """A first list is stored at once; a list over an existing organisation is shown as a
        reorganisation (new, renamed, moved, removed) and stored when the user agrees."""
        if self.session is None:
            return
        if self.model.units:
            from apv_desktop.services.reorganise import preview

            changes = preview(self.session.project, units)
            if changes.nothing:
                self._show_problem(tr("Filen ændrer ikke noget i organisationen."))
                return
            names = {unit.code: unit.name for unit in [*self.model.units, *units]}
            if not org_dialogs.confirm_reorganisation(self, changes, names):
                return
        self.model.replace_all(units)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

