"""The report page: choose round, language, format, options and file; the report is written off
the GUI thread by services.report.write_report (the same function as `apv-desktop report`): the
workbook, the board pack PDF or the department texts for Word, as the file name says, and on
request one workbook per department (services.report_outputs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.model import LANGUAGES
from apv_desktop.core.progress import scaled
from apv_desktop.i18n import LANGUAGE_NAMES, current_language, tr
from apv_desktop.ui import filedialogs, messages
from apv_desktop.ui.hidden_names import confirm_hidden_units_named
from apv_desktop.ui.pages.base import Page, page_heading
from apv_desktop.ui.session import ProjectSession
from apv_desktop.ui.worker import Worker, run_with_progress

REPORT_FORMATS = (".xlsx", ".pdf", ".docx")  # the order of the format box


class ReportPage(Page):
    page_id = "report"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker: Worker | None = None
        self._heading = page_heading()
        self._intro = QLabel()
        self._intro.setWordWrap(True)

        self.round_box = QComboBox()
        self.language_box = QComboBox()
        for code in LANGUAGES:
            self.language_box.addItem(LANGUAGE_NAMES[code], code)
        self.format_box = QComboBox()
        for suffix in REPORT_FORMATS:
            self.format_box.addItem("", suffix)
        self.format_box.currentIndexChanged.connect(self._format_chosen)
        self.charts_box = QCheckBox()
        self.charts_edit = QLineEdit()
        self.charts_edit.setEnabled(False)
        self.charts_box.toggled.connect(self._charts_toggled)
        self.departments_box = QCheckBox()
        self.departments_edit = QLineEdit()
        self.departments_edit.setEnabled(False)
        self.departments_box.toggled.connect(self.departments_edit.setEnabled)
        self.output_edit = QLineEdit()
        self.output_edit.textEdited.connect(self._output_edited)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._browse)
        self.make_button = QPushButton()
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make_report)
        self.status = QLabel()
        self.status.setWordWrap(True)

        output_row = QHBoxLayout()
        output_row.addWidget(self.output_edit, 1)
        output_row.addWidget(self.browse_button)
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(6)]
        self.form.addRow(self._labels[0], self.round_box)
        self.form.addRow(self._labels[1], self.language_box)
        self.form.addRow(self._labels[4], self.format_box)
        self.form.addRow(self._labels[2], output_row)
        self.form.addRow("", self.charts_box)
        self.form.addRow(self._labels[3], self.charts_edit)
        self.form.addRow("", self.departments_box)
        self.form.addRow(self._labels[5], self.departments_edit)
        for label, field in zip(self._labels, (self.round_box, self.language_box,
                                               self.output_edit, self.charts_edit,
                                               self.format_box, self.departments_edit),
                                strict=True):
            label.setBuddy(field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self._heading)
        layout.addWidget(self._intro)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.retranslate()

    def help_text(self) -> str:
        return tr("Rapporten til ledelsen og MED/AMO er en Excel-projektmappe med svarprocent, "
                  "profil, styrker, pressionspunkter, handlingsplan og status på sidste runde.") \
            + " " + tr("Til mødet i hovedudvalget kan den også gemmes som en PDF, og "
                       "afdelingsteksterne som et Word-dokument.")

    def retranslate(self) -> None:
        self._heading.setText(self.title())
        self._intro.setText(self.help_text() + " " + tr(
            "Grupper under anonymitetsgrænsen vises ikke i rapporten, heller ikke i diagrammer."))
        self._labels[0].setText(tr("&Runde:"))
        self._labels[1].setText(tr("&Sprog i rapporten:"))
        self._labels[2].setText(tr("&Fil:"))
        self._labels[3].setText(tr("&Mappe til diagrammer:"))
        self._labels[4].setText(tr("F&ormat:"))
        self._labels[5].setText(tr("Mappe til &afdelingerne:"))
        for index, name in enumerate((tr("Excel-projektmappe (.xlsx)"),
                                      tr("PDF til hovedudvalget (.pdf)"),
                                      tr("Afdelingstekster til Word (.docx)"))):
            self.format_box.setItemText(index, name)
        self.format_box.setAccessibleName(tr("Rapportens format"))
        self.departments_box.setText(tr("Også én projektmappe pr. afdeling med kun "
                                        "afdelingens egne enheder (til afdelingens MED-møde)"))
        self.departments_edit.setAccessibleName(tr("Mappe til afdelingernes projektmapper"))
        self.round_box.setAccessibleName(tr("Runde"))
        self.language_box.setAccessibleName(tr("Sprog i rapporten"))
        self.output_edit.setAccessibleName(tr("Rapportens fil"))
        self.charts_edit.setAccessibleName(tr("Mappe til diagrammer"))
        self.charts_box.setText(tr("Gem også diagrammerne som billeder (PNG)"))
        self.browse_button.setText(tr("&Vælg …"))
        self.browse_button.setAccessibleName(tr("Vælg rapportens fil"))
        self.make_button.setText(tr("&Lav rapport"))

    def set_session(self, session: ProjectSession | None) -> None:
        # A newly opened project starts from its own file name and the program's language.
        self.output_edit.clear()
        self.charts_edit.setModified(False)
        self.departments_edit.setModified(False)
        self.status.clear()
        index = self.language_box.findData(current_language())
        if index >= 0:
            self.language_box.setCurrentIndex(index)
        super().set_session(session)

    def refresh(self) -> None:
        has_project = self.session is not None
        chosen = self.round_box.currentText()
        self.round_box.clear()
        if self.session is not None:
            rounds = self.session.project.rounds()
            for info in reversed(rounds):  # the latest first, as the CLI's default
                self.round_box.addItem(info.name)
            if chosen and self.round_box.findText(chosen) >= 0:
                self.round_box.setCurrentText(chosen)
            if not self.output_edit.text():
                self._suggest_output()
        for widget in (self.round_box, self.language_box, self.output_edit, self.browse_button,
                       self.format_box, self.departments_box):
            widget.setEnabled(has_project)
        self.charts_box.setEnabled(has_project and self._suffix() == REPORT_FORMATS[0])
        self.make_button.setEnabled(has_project and self.round_box.count() > 0)
        no_answers = tr("Projektet har endnu ingen svar; rapporten kan laves, når der er "
                        "indlæst en runde.")
        if has_project and self.round_box.count() == 0:
            self.status.setText(no_answers)
        elif not has_project or self.status.text() == no_answers:
            self.status.clear()  # answers came in since (a message about a report stays)

    def _suggest_output(self) -> None:
        assert self.session is not None
        name = tr("Rapport")
        round_name = self.round_box.currentText()
        stem = f"{self.session.path.stem} {name} {round_name}".strip()
        self.output_edit.setText(str(self.session.path.with_name(f"{stem}{self._suffix()}")))
        self._output_edited()

    def _suffix(self) -> str:
        return str(self.format_box.currentData() or REPORT_FORMATS[0])

    def _output_edited(self) -> None:
        output = Path(self.output_edit.text().strip() or tr("rapport") + REPORT_FORMATS[0])
        index = self.format_box.findData(output.suffix.lower())
        if index >= 0 and index != self.format_box.currentIndex():
            self.format_box.blockSignals(True)  # the name says the format: follow it
            self.format_box.setCurrentIndex(index)
            self.format_box.blockSignals(False)
            self.charts_box.setEnabled(self.session is not None and index == 0)
        if not output.name:
            return  # "/" or "C:" as a name is typed: nothing yet to name the folders after
        if not self.charts_edit.isModified():
            self.charts_edit.setText(str(output.with_name(
                tr("{name} diagrammer", name=output.stem))))
        if not self.departments_edit.isModified():
            self.departments_edit.setText(str(output.with_name(
                tr("{name} afdelinger", name=output.stem))))

    def _format_chosen(self) -> None:
        text = self.output_edit.text().strip()
        if Path(text).name:  # a name to give the suffix (not "", "/" or "C:")
            self.output_edit.setText(str(Path(text).with_suffix(self._suffix())))
        self._output_edited()
        self.charts_box.setEnabled(self.session is not None
                                   and self._suffix() == REPORT_FORMATS[0])

    def _charts_toggled(self, on: bool) -> None:
        self.charts_edit.setEnabled(on)

    def _browse(self) -> None:
        suffix = self._suffix()
        current = Path(self.output_edit.text().strip() or tr("rapport") + suffix)
        kinds = {".xlsx": tr("Excel-projektmapper (*.xlsx)"), ".pdf": tr("PDF-filer (*.pdf)"),
                 ".docx": tr("Word-dokumenter (*.docx)")}
        chosen = filedialogs.save_file(self, tr("Gem rapporten"), kinds[suffix], current, suffix)
        if chosen is not None:
            self.output_edit.setText(str(chosen))
            self._output_edited()

    def make_report(self) -> None:
        """Write the report on a worker thread with a progress dialog and Cancel."""
        if self.session is None or self.worker is not None:
            return
        text = self.output_edit.text().strip()
        if not text:
            self._browse()
            text = self.output_edit.text().strip()
            if not text:
                return
        from apv_desktop.services.departments import department_reports
        from apv_desktop.services.report import write_report
        from apv_desktop.services.report_outputs import write_department_workbooks

        output = Path(text)
        with_charts = self.charts_box.isChecked() and self.charts_box.isEnabled()
        charts = Path(self.charts_edit.text().strip()) if with_charts else None
        folder_text = self.departments_edit.text().strip()
        folder = Path(folder_text) if self.departments_box.isChecked() and folder_text else None
        project_path = self.session.path
        round_name = self.round_box.currentText() or None
        language = str(self.language_box.currentData())
        if not confirm_hidden_units_named(
                self, department_reports(self.session.project, round_name, language)):
            return

        def work(progress: Any) -> Path:
            share = 0.5 if folder is not None else 1.0
            written = write_report(project_path, output, round_name, language=language,
                                   charts_dir=charts, progress=scaled(progress, 0.0, share))
            if folder is not None:
                write_department_workbooks(project_path, folder, round_name, language,
                                           scaled(progress, share, 1.0))
            return written

        self.make_button.setEnabled(False)
        self.status.setText(tr("Laver rapporten …"))
        self.worker = run_with_progress(self, tr("Laver rapporten …"), work, self._succeeded,
                                        self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.worker.done.connect(self._finished)

    def _finished(self) -> None:
        self.worker = None
        self.make_button.setEnabled(self.session is not None and self.round_box.count() > 0)

    def _cancelled(self) -> None:
        self.status.setText(tr("Rapporten blev ikke lavet; der er ikke gemt noget."))

    def _succeeded(self, path: Path) -> None:
        self.status.setText(tr("Rapporten er gemt: {path}", path=path))
        if messages.ask(self, tr("Rapport"), tr("Rapporten er gemt: {path}", path=path),
                        tr("Vil du åbne mappen?"), default_yes=True):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def _failed(self, error: BaseException) -> None:
        from apv_desktop.ui.errors import show_problem

        self.status.setText(tr("Rapporten blev ikke lavet."))
        show_problem(self, tr("Rapport"), error)
