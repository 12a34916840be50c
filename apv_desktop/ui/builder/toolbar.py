"""The builder's commands: add, copy and paste, delete, XLSForm in and out, print and PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from apv_desktop.core import editing
from apv_desktop.core.model import Item, Questionnaire
from apv_desktop.core.validation import Location, LocationKind
from apv_desktop.i18n import tr
from apv_desktop.ui import filedialogs
from apv_desktop.ui.errors import show_problem
from apv_desktop.ui.worker import run_with_progress

if TYPE_CHECKING:
    from apv_desktop.interchange.xlsform import XlsFormResult
    from apv_desktop.ui.builder.page import BuilderPage


class BuilderActions:
    def __init__(self, page: BuilderPage) -> None:
        self.page = page
        self.clipboard: Item | None = None  # a copied item (kept even if the original goes)

        def action(slot: object, shortcut: QKeySequence.StandardKey | None = None) -> QAction:
            made = QAction(page)
            made.triggered.connect(slot)
            if shortcut is not None:
                made.setShortcut(shortcut)
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                page.addAction(made)
            return made

        self.add_section = action(self.do_add_section)
        self.add_item = action(self.do_add_item)
        self.add_list = action(self.do_add_list)
        self.add_dimension = action(self.do_add_dimension)
        self.copy = action(self.do_copy, QKeySequence.StandardKey.Copy)
        self.paste = action(self.do_paste, QKeySequence.StandardKey.Paste)
        self.delete = action(self.do_delete)
        self.import_form = action(self.do_import)
        self.export_form = action(self.do_export)
        self.export_collection = action(self.do_export_for_collection)
        self.print_form = action(self.do_print)
        self.pdf = action(self.do_pdf)

    def fill(self, toolbar: QToolBar, files: QToolBar, undo: QAction, redo: QAction) -> None:
        """Editing in `toolbar`, the form's files (in, out, print) in `files`: one row of all
        of them overflowed behind » at 1366 px and hid Print and PDF."""
        for made in (self.add_section, self.add_item, self.add_list, self.add_dimension):
            toolbar.addAction(made)
        toolbar.addSeparator()
        for made in (self.copy, self.paste, self.delete):
            toolbar.addAction(made)
        toolbar.addSeparator()
        toolbar.addAction(undo)
        toolbar.addAction(redo)
        for made in (self.import_form, self.export_form, self.export_collection, self.print_form,
                     self.pdf):
            files.addAction(made)

    def retranslate(self) -> None:
        self.add_section.setText(tr("Nyt afsnit"))
        self.add_item.setText(tr("Nyt spørgsmål"))
        self.add_list.setText(tr("Ny svarskala"))
        self.add_dimension.setText(tr("Ny dimension"))
        self.copy.setText(tr("Kopiér"))
        self.copy.setToolTip(tr("Kopiér det valgte spørgsmål (Ctrl+C)"))
        self.paste.setText(tr("Indsæt"))
        self.paste.setToolTip(tr("Indsæt det kopierede spørgsmål i det valgte afsnit (Ctrl+V)"))
        self.delete.setText(tr("Slet"))
        self.import_form.setText(tr("Indlæs XLSForm …"))
        self.export_form.setText(tr("Eksportér XLSForm …"))
        self.export_collection.setText(tr("Eksportér til indsamling (Kobo/ODK) …"))
        self.export_collection.setToolTip(tr("XLSForm med et spørgsmål om enheden, så svarene "
                                             "kan indlæses uden rettelser"))
        self.print_form.setText(tr("Udskriv …"))
        self.pdf.setText(tr("Gem som PDF …"))

    def update_enabled(self) -> None:
        kind = self.page.selected_location().kind
        self.copy.setEnabled(kind is LocationKind.ITEM)
        self.paste.setEnabled(self.clipboard is not None
                              and kind in (LocationKind.ITEM, LocationKind.SECTION))
        self.add_item.setEnabled(bool(self.page.questionnaire and
                                      self.page.questionnaire.sections))
        self.delete.setEnabled(kind is not LocationKind.QUESTIONNAIRE)

    # --- where ---------------------------------------------------------------------------

    def _insertion_point(self) -> tuple[int, int | None]:
        """(section, position) after the selection: after the selected item, at the end of the
        selected section, else at the end of the last section."""
        questionnaire = self.page.questionnaire
        assert questionnaire is not None
        location = self.page.selected_location()
        if location.kind is LocationKind.SECTION and location.index is not None:
            return location.index, None
        if location.kind is LocationKind.ITEM and questionnaire.item(location.name):
            section, position = editing.locate_item(questionnaire, location.name)
            return section, position + 1
        return len(questionnaire.sections) - 1, None

    # --- commands ------------------------------------------------------------------------

    def do_add_section(self) -> None:
        location = self.page.selected_location()
        position = None
        if location.kind is LocationKind.SECTION and location.index is not None:
            position = location.index + 1
        if self.page.questionnaire is not None:
            index = position if position is not None else len(self.page.questionnaire.sections)
            self.page.edit(lambda q: editing.add_section(q, position)[0], tr("Nyt afsnit"),
                           Location(LocationKind.SECTION, "", index))

    def do_add_item(self) -> None:
        questionnaire = self.page.questionnaire
        if questionnaire is None or not questionnaire.sections:
            return
        section, position = self._insertion_point()
        _, name = editing.add_item(questionnaire, section, position)
        self.page.edit(lambda q: editing.add_item(q, section, position)[0], tr("Nyt spørgsmål"),
                       Location(LocationKind.ITEM, name))

    def do_add_list(self) -> None:
        if self.page.questionnaire is None:
            return
        _, name = editing.add_choice_list(self.page.questionnaire)
        self.page.edit(lambda q: editing.add_choice_list(q)[0], tr("Ny svarskala"),
                       Location(LocationKind.CHOICE_LIST, name))

    def do_add_dimension(self) -> None:
        if self.page.questionnaire is None:
            return
        _, code = editing.add_dimension(self.page.questionnaire)
        self.page.edit(lambda q: editing.add_dimension(q)[0], tr("Ny dimension"),
                       Location(LocationKind.DIMENSION, code))

    def do_copy(self) -> None:
        questionnaire = self.page.questionnaire
        location = self.page.selected_location()
        if questionnaire is None or location.kind is not LocationKind.ITEM:
            return
        self.clipboard = questionnaire.item(location.name)
        self.update_enabled()

    def do_paste(self) -> None:
        questionnaire = self.page.questionnaire
        item = self.clipboard
        if questionnaire is None or item is None or not questionnaire.sections:
            return
        section, position = self._insertion_point()
        _, name = editing.paste_item(questionnaire, item, section, position)
        self.page.edit(lambda q: editing.paste_item(q, item, section, position)[0],
                       tr("Indsæt spørgsmål"), Location(LocationKind.ITEM, name))

    def do_delete(self) -> None:
        location = self.page.selected_location()
        kind, name, index = location.kind, location.name, location.index
        if kind is LocationKind.SECTION and index is not None:
            self.page.edit(lambda q: editing.delete_section(q, index), tr("Slet afsnit"))
        elif kind is LocationKind.ITEM:
            self.page.edit(lambda q: editing.delete_item(q, name), tr("Slet spørgsmål"))
        elif kind is LocationKind.CHOICE_LIST:
            self.page.edit(lambda q: editing.delete_choice_list(q, name), tr("Slet svarskala"))
        elif kind is LocationKind.DIMENSION:
            self.page.edit(lambda q: editing.delete_dimension(q, name), tr("Slet dimension"))

    def do_import(self) -> None:
        from apv_desktop.interchange.xlsform import read_xlsform  # openpyxl only when needed

        path = filedialogs.open_file(self.page, tr("Indlæs spørgeskema"),
                                     tr("XLSForm-skemaer (*.xlsx)"))
        if path is None:
            return
        self.import_worker = run_with_progress(
            self.page, tr("Indlæser {file} …", file=path.name),
            lambda progress: read_xlsform(path, progress),
            lambda result: self._imported(path, result),
            lambda error: show_problem(self.page, tr("Spørgeskemaet kunne ikke indlæses"), error))

    def _imported(self, path: Path, result: XlsFormResult) -> None:
        warnings = self.page.import_warnings
        warnings.clear()
        if self.page.edit(lambda q: result.questionnaire, tr("Indlæs {file}", file=path.name)):
            warnings.addItems(result.warnings or [tr("Ingen advarsler.")])
            if result.warnings:
                self.page.bottom.setCurrentWidget(warnings)

    def do_export(self) -> None:
        from apv_desktop.interchange.xlsform import write_xlsform

        self._save_as(tr("Eksportér spørgeskema"), tr("XLSForm-skemaer (*.xlsx)"), ".xlsx",
                      tr("Spørgeskemaet kunne ikke eksporteres"), write_xlsform)

    def do_export_for_collection(self) -> None:
        from apv_desktop.interchange.xlsform import write_xlsform

        session = self.page.session
        units = session.project.org_units() if session is not None else []
        self._save_as(tr("Eksportér spørgeskema til indsamling"), tr("XLSForm-skemaer (*.xlsx)"),
                      ".xlsx", tr("Spørgeskemaet kunne ikke eksporteres"),
                      lambda questionnaire, path: write_xlsform(questionnaire, path, units))

    def _print_language(self) -> str:
        return str(self.page.preview.language.currentData() or "da")

    def do_print(self) -> None:
        from apv_desktop.ui.print_form import print_questionnaire

        if self.page.questionnaire is not None:
            print_questionnaire(self.page, self.page.questionnaire, self._print_language())

    def do_pdf(self) -> None:
        from apv_desktop.ui.print_form import write_pdf

        self._save_as(tr("Gem spørgeskemaet som PDF"), tr("PDF-filer (*.pdf)"), ".pdf",
                      tr("PDF-filen kunne ikke gemmes"),
                      lambda questionnaire, path: write_pdf(questionnaire, path,
                                                            self._print_language()))

    def _save_as(self, title: str, name_filter: str, suffix: str, failure: str,
                 write: Callable[[Questionnaire, Path], object]) -> None:
        """Ask where to save the questionnaire (named after the form), then write it there."""
        questionnaire = self.page.questionnaire
        if questionnaire is None:
            return
        suggested = Path.home() / f"{questionnaire.form_id or 'spoergeskema'}{suffix}"
        path = filedialogs.save_file(self.page, title, name_filter, suggested, suffix)
        if path is None:
            return
        try:
            write(questionnaire, path)
        except Exception as error:  # noqa: BLE001
            show_problem(self.page, failure, error)
