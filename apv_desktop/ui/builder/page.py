"""The questionnaire page: tree, editors, live preview and problems; every edit is stored at once
and can be undone. A questionnaire that has responses is frozen: the first edit asks for a new
version (the store then keeps the frozen one for the rounds that used it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.editing import EditRefused
from apv_desktop.core.model import Questionnaire, Section
from apv_desktop.core.validation import Location, LocationKind, blocking, validate
from apv_desktop.i18n import current_language, tr, trn
from apv_desktop.ui import messages
from apv_desktop.ui.builder.commands import SnapshotCommand
from apv_desktop.ui.builder.editors import ItemEditor, QuestionnaireEditor, SectionEditor
from apv_desktop.ui.builder.fields import Change, CommitLine
from apv_desktop.ui.builder.list_editors import ChoiceListEditor, DimensionEditor
from apv_desktop.ui.builder.preview import BuilderPreview
from apv_desktop.ui.builder.problems import ProblemList, problem_text, refused_text
from apv_desktop.ui.builder.toolbar import BuilderActions
from apv_desktop.ui.builder.tree import Move, QuestionnaireTree
from apv_desktop.ui.errors import show_problem
from apv_desktop.ui.pages.base import Page, page_heading
from apv_desktop.ui.session import ProjectSession

ROLE = Qt.ItemDataRole.UserRole
TREE_TAB, LISTS_TAB, DIMENSIONS_TAB = 0, 1, 2


UNDO_TEXT_LENGTH = 30  # an edit named after a long file name keeps the toolbar on the screen


def _short(text: str) -> str:
    return text if len(text) <= UNDO_TEXT_LENGTH else text[: UNDO_TEXT_LENGTH - 1] + "…"


class BuilderPage(Page):
    page_id = "questionnaire"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.questionnaire: Questionnaire | None = None
        self.undo_stack = QUndoStack(self)
        self.heading = page_heading()
        self.frozen_banner = QLabel()
        self.frozen_banner.setWordWrap(True)
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setObjectName("problem")
        self.refusal.setStyleSheet("QLabel#problem { color: #d93025; font-weight: bold; }")
        self.refusal.hide()

        self.tree = QuestionnaireTree()
        self.tree.currentItemChanged.connect(lambda *_: self._show_editor())
        self.tree.move_requested.connect(self._move)
        self.lists = QListWidget()
        self.lists.currentItemChanged.connect(lambda *_: self._show_editor())
        self.dimensions = QListWidget()
        self.dimensions.currentItemChanged.connect(lambda *_: self._show_editor())
        self.tabs = QTabWidget()
        # Whole tab names, never "Dimensic" with scroll arrows: the column keeps their width.
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.tabBar().setUsesScrollButtons(False)
        for widget in (self.tree, self.lists, self.dimensions):
            self.tabs.addTab(widget, "")
        self.tabs.currentChanged.connect(lambda *_: self._show_editor())

        self.questionnaire_editor = QuestionnaireEditor(self)
        self.section_editor = SectionEditor(self)
        self.item_editor = ItemEditor(self)
        self.list_editor = ChoiceListEditor(self)
        self.dimension_editor = DimensionEditor(self)
        self.editors = QStackedWidget()
        for editor in (self.questionnaire_editor, self.section_editor, self.item_editor,
                       self.list_editor, self.dimension_editor):
            self.editors.addWidget(editor)
        self.editor_scroll = editor_scroll = QScrollArea()
        editor_scroll.setWidgetResizable(True)
        # The fields shrink to the column (1366 px wide screens); no sideways scrolling.
        editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor_scroll.setWidget(self.editors)
        self.preview = BuilderPreview()

        self.problems = ProblemList()
        self.problems.jump_requested.connect(self.jump_to)
        self.import_warnings = QListWidget()
        self.bottom = QTabWidget()
        self.bottom.addTab(self.problems, "")
        self.bottom.addTab(self.import_warnings, "")

        self.toolbar = QToolBar()
        self.file_toolbar = QToolBar()
        self.actions_ = BuilderActions(self)
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = QAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(self.undo_stack.redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_stack.indexChanged.connect(lambda *_: self._update_undo_texts())
        self.actions_.fill(self.toolbar, self.file_toolbar, self.undo_action, self.redo_action)

        columns = QSplitter(Qt.Orientation.Horizontal)
        columns.addWidget(self.tabs)
        columns.addWidget(editor_scroll)
        columns.addWidget(self.preview)
        columns.setSizes([280, 500, 340])
        rows = QSplitter(Qt.Orientation.Vertical)
        rows.addWidget(columns)
        rows.addWidget(self.bottom)
        rows.setSizes([520, 130])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.frozen_banner)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.file_toolbar)
        layout.addWidget(self.refusal)
        layout.addWidget(rows, 1)
        self.retranslate()

    # --- Page ----------------------------------------------------------------------------

    def help_text(self) -> str:
        return tr("Byg spørgeskemaet: afsnit og spørgsmål til venstre, den valgte dels "
                  "egenskaber i midten og skemaet, som kiosken viser det, til højre. Hver "
                  "ændring gemmes med det samme og kan fortrydes med Ctrl+Z. Træk et spørgsmål "
                  "for at flytte det. Et skema med svar er låst: en ændring laver en ny "
                  "version, og resultater fra flere versioner sammenlignes på spørgsmålenes "
                  "navne.")

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.tabs.setTabText(TREE_TAB, tr("Spørgsmål"))
        self.tabs.setTabText(LISTS_TAB, tr("Svarskalaer"))
        self.tabs.setTabText(DIMENSIONS_TAB, tr("Dimensioner"))
        self.tree.setAccessibleName(tr("Afsnit og spørgsmål"))
        self.lists.setAccessibleName(tr("Svarskalaer"))
        self.dimensions.setAccessibleName(tr("Dimensioner"))
        self.bottom.setTabText(0, tr("Problemer"))
        self.bottom.setTabText(1, tr("Advarsler fra indlæsning"))
        self.problems.setAccessibleName(tr("Problemer i spørgeskemaet"))
        self.import_warnings.setAccessibleName(tr("Advarsler fra indlæsning"))
        for editor in (self.questionnaire_editor, self.section_editor, self.item_editor,
                       self.list_editor, self.dimension_editor, self.preview):
            editor.retranslate()
        self.actions_.retranslate()
        self._update_undo_texts()
        if self.questionnaire is not None:
            self._show_all()

    def set_session(self, session: ProjectSession | None) -> None:
        self.questionnaire = None
        self.undo_stack.clear()
        self.import_warnings.clear()
        self.refusal.hide()
        super().set_session(session)

    def refresh(self) -> None:
        """Read the project again; a questionnaire changed elsewhere (an import) resets undo."""
        self.setEnabled(self.session is not None)
        if self.session is None:
            return
        stored = self.session.project.questionnaire()
        if stored is None:
            stored = Questionnaire(title=self.session.name, title_labels={"da": self.session.name},
                                   sections=[Section("afsnit")])
        if stored != self.questionnaire:
            self.questionnaire = stored
            self.undo_stack.clear()
        self._show_all()

    # --- edits ---------------------------------------------------------------------------

    def edit(self, change: Change, text: str, select: Location | None = None) -> bool:
        """Apply one edit: refuse it when it would break the questionnaire, ask first when the
        stored one is frozen, store it, and put it on the undo stack."""
        before = self.questionnaire
        if before is None or self.session is None:
            return False
        try:
            after = change(before)
        except EditRefused as error:
            return self._refuse(refused_text(error))
        if after == before:
            return False
        known = {(p.code, p.location) for p in blocking(validate(before))}
        new = [p for p in blocking(validate(after)) if (p.code, p.location) not in known]
        if new:
            return self._refuse(problem_text(new[0]))
        if self.is_frozen() and not self._confirm_new_version():
            self._show_all()
            return False
        try:
            self.session.project.save_questionnaire(after)
        except Exception as error:  # noqa: BLE001 - shown as a known or unexpected problem
            show_problem(self, tr("Ændringen kunne ikke gemmes"), error)
            self._show_all()
            return False
        self.refusal.hide()
        self.questionnaire = after
        self.undo_stack.push(SnapshotCommand(self, before, after, text, select))
        self._show_all(select)
        self.session.notify_changed(self)  # shown already; a reload would lose the selection
        return True

    def restore(self, questionnaire: Questionnaire, select: Location | None) -> None:
        """Undo and redo: store the snapshot and show it."""
        if self.session is None:
            return
        try:
            self.session.project.save_questionnaire(questionnaire)
        except Exception as error:  # noqa: BLE001
            show_problem(self, tr("Ændringen kunne ikke gemmes"), error)
            return
        self.questionnaire = questionnaire
        self._show_all(select)
        self.session.notify_changed(self)

    def is_frozen(self) -> bool:
        """Whether the stored questionnaire has responses (so an edit makes a new version)."""
        if self.session is None:
            return False
        versions = self.session.project.questionnaire_versions()
        return bool(versions) and versions[-1].response_count > 0

    def _confirm_new_version(self) -> bool:
        versions = self.session.project.questionnaire_versions() if self.session else []
        count = versions[-1].response_count if versions else 0
        return messages.ask(
            self, tr("Spørgeskemaet er låst"),
            trn("Spørgeskemaet har {n} svar og er derfor låst.",
                "Spørgeskemaet har {n} svar og er derfor låst.",
                count),
            tr("Ændringen gemmes som en ny version; den låste version bevares til de runder, der "
               "brugte den. Resultater fra de to versioner sammenlignes på spørgsmålenes navne, "
               "så behold navnet på et spørgsmål, der stadig spørger om det samme. Lav en ny "
               "version?"),
            default_yes=True)

    def _refuse(self, text: str) -> bool:
        field = CommitLine.committing
        self.refusal.setText(text)
        self.refusal.setAccessibleName(text)
        self.refusal.show()
        self._show_all()
        if field is not None and field.isVisibleTo(self):
            # Back at the field the refused text was typed in: in sight, ready to retype.
            self.editor_scroll.ensureWidgetVisible(field)
            field.setFocus()
            field.selectAll()
        return False

    def _move(self, move: Move) -> None:
        from apv_desktop.core import editing

        if move.kind is LocationKind.SECTION:
            self.edit(lambda q: editing.move_section(q, move.index, move.to), tr("Flyt afsnit"),
                      Location(LocationKind.SECTION, "",
                               move.to - 1 if move.index < move.to else move.to))
        else:
            self.edit(lambda q: editing.move_item(q, move.name, move.index, move.to),
                      tr("Flyt spørgsmål"), Location(LocationKind.ITEM, move.name))

    def _update_undo_texts(self) -> None:
        stack = self.undo_stack
        self.undo_action.setText(tr("Fortryd {action}", action=_short(stack.undoText()))
                                 if stack.canUndo() else tr("Fortryd"))
        self.redo_action.setText(tr("Gentag {action}", action=_short(stack.redoText()))
                                 if stack.canRedo() else tr("Gentag"))
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())

    # --- showing -------------------------------------------------------------------------

    def selected_location(self) -> Location:
        """What the editor shows: the tab's selection, or the questionnaire itself."""
        tab = self.tabs.currentIndex()
        if tab == TREE_TAB:
            return self.tree.selected_location() or Location(LocationKind.QUESTIONNAIRE)
        widget = self.lists if tab == LISTS_TAB else self.dimensions
        kind = LocationKind.CHOICE_LIST if tab == LISTS_TAB else LocationKind.DIMENSION
        entry = widget.currentItem()
        return Location(kind, entry.data(ROLE)) if entry else Location(LocationKind.QUESTIONNAIRE)

    def _show_all(self, select: Location | None = None) -> None:
        questionnaire = self.questionnaire
        if questionnaire is None:
            return
        language = current_language()
        problems = validate(questionnaire)
        marked = {p.location for p in problems}
        self.tree.fill(questionnaire, language, marked)
        self._fill_list(self.lists, [(name, name) for name in questionnaire.choice_lists],
                        LocationKind.CHOICE_LIST, marked)
        self._fill_list(self.dimensions,
                        [(d.code, f"{d.code} – {d.label(language)}")
                         for d in questionnaire.dimensions], LocationKind.DIMENSION, marked)
        self.problems.show_problems(problems)
        self.bottom.setTabText(0, tr("Problemer ({count})", count=len(problems)))
        frozen = self.is_frozen()
        self.frozen_banner.setText(
            tr("🔒 Spørgeskemaet har svar og er låst: den første ændring laver en ny version.")
            if frozen else tr("Hver ændring gemmes med det samme."))
        self.preview.show_questionnaire(questionnaire)
        if select is not None:
            self.jump_to(select)
        else:
            self._show_editor()

    def _fill_list(self, widget: QListWidget, entries: list[tuple[str, str]],
                   kind: LocationKind, marked: set[Location]) -> None:
        current = widget.currentItem().data(ROLE) if widget.currentItem() else None
        widget.blockSignals(True)
        widget.clear()
        for key, text in entries:
            entry = QListWidgetItem(f"⚠ {text}" if Location(kind, key) in marked else text)
            entry.setData(ROLE, key)
            widget.addItem(entry)
            if key == current:
                widget.setCurrentItem(entry)
        widget.blockSignals(False)

    def jump_to(self, location: Location) -> None:
        """Show the place a problem (or an edit) names: its tab, its row and its editor."""
        if location.kind in (LocationKind.SECTION, LocationKind.ITEM):
            self.tabs.setCurrentIndex(TREE_TAB)
            self.tree.select(location)
        elif location.kind in (LocationKind.CHOICE_LIST, LocationKind.DIMENSION):
            tab = LISTS_TAB if location.kind is LocationKind.CHOICE_LIST else DIMENSIONS_TAB
            self.tabs.setCurrentIndex(tab)
            widget = self.lists if tab == LISTS_TAB else self.dimensions
            for row in range(widget.count()):
                if widget.item(row).data(ROLE) == location.name:
                    widget.setCurrentRow(row)
        else:
            self.tabs.setCurrentIndex(TREE_TAB)
            # None (Qt's nullptr) clears the current item; PySide6's stub does not list it
            self.tree.setCurrentItem(None)  # type: ignore[call-overload]
        self._show_editor()

    def _show_editor(self) -> None:
        questionnaire = self.questionnaire
        if questionnaire is None:
            return
        location = self.selected_location()
        if location.kind is LocationKind.SECTION and location.index is not None:
            self.section_editor.load(questionnaire, location.index)
            self.editors.setCurrentWidget(self.section_editor)
            self.preview.show_section(location.index)
        elif location.kind is LocationKind.ITEM and questionnaire.item(location.name):
            self.item_editor.load(questionnaire, location.name)
            self.editors.setCurrentWidget(self.item_editor)
            section = next(i for i, s in enumerate(questionnaire.sections)
                           if any(item.name == location.name for item in s.items))
            self.preview.show_section(section)
        elif location.kind is LocationKind.CHOICE_LIST:
            self.list_editor.load(questionnaire, location.name)
            self.editors.setCurrentWidget(self.list_editor)
        elif location.kind is LocationKind.DIMENSION:
            self.dimension_editor.load(questionnaire, location.name)
            self.editors.setCurrentWidget(self.dimension_editor)
        else:
            self.questionnaire_editor.load(questionnaire)
            self.editors.setCurrentWidget(self.questionnaire_editor)
        self.actions_.update_enabled()
