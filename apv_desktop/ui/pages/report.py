"""The report page: choose round, language, options and file; the workbook is written off the
GUI thread by services.report.write_report (the same function as `apv-desktop report`)."""

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
from apv_desktop.i18n import LANGUAGE_NAMES, current_language, tr
from apv_desktop.ui import filedialogs, messages
from apv_desktop.ui.pages.base import Page, page_heading
from apv_desktop.ui.session import ProjectSession
from apv_desktop.ui.worker import Worker, run_with_progress


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
        self.charts_box = QCheckBox()
        self.charts_edit = QLineEdit()
        self.charts_edit.setEnabled(False)
        self.charts_box.toggled.connect(self._charts_toggled)
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
        self._labels = [QLabel() for _ in range(4)]
        self.form.addRow(self._labels[0], self.round_box)
        self.form.addRow(self._labels[1], self.language_box)
        self.form.addRow(self._labels[2], output_row)
        self.form.addRow("", self.charts_box)
        self.form.addRow(self._labels[3], self.charts_edit)
        for label, field in zip(self._labels, (self.round_box, self.language_box,
                                               self.output_edit, self.charts_edit), strict=True):
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

    def title(self) -> str:
        return tr("Rapport")

    def help_text(self) -> str:
        return tr("Rapporten til ledelsen og MED/AMO er en Excel-projektmappe med svarprocent, "
                  "profil, styrker, pressionspunkter, handlingsplan og status på sidste runde.")

    def retranslate(self) -> None:
        self._heading.setText(self.title())
        self._intro.setText(self.help_text() + " " + tr(
            "Grupper under anonymitetsgrænsen vises ikke i rapporten, heller ikke i diagrammer."))
        self._labels[0].setText(tr("&Runde:"))
        self._labels[1].setText(tr("&Sprog i rapporten:"))
        self._labels[2].setText(tr("&Fil:"))
        self._labels[3].setText(tr("&Mappe til diagrammer:"))
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
                       self.charts_box):
            widget.setEnabled(has_project)
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
        self.output_edit.setText(str(self.session.path.with_name(f"{stem}.xlsx")))
        self._output_edited()

    def _output_edited(self) -> None:
        if not self.charts_edit.isModified():
            output = Path(self.output_edit.text().strip() or "rapport.xlsx")
            self.charts_edit.setText(str(output.with_name(f"{output.stem} diagrammer")))

    def _charts_toggled(self, on: bool) -> None:
        self.charts_edit.setEnabled(on)

    def _browse(self) -> None:
        current = Path(self.output_edit.text().strip() or "rapport.xlsx")
        chosen = filedialogs.save_file(self, tr("Gem rapporten"),
                                       tr("Excel-projektmapper (*.xlsx)"), current, ".xlsx")
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
        from apv_desktop.services.report import write_report

        output = Path(text)
        charts = Path(self.charts_edit.text().strip()) if self.charts_box.isChecked() else None
        project_path = self.session.path
        round_name = self.round_box.currentText() or None
        language = str(self.language_box.currentData())

        def work(progress: Any) -> Path:
            return write_report(project_path, output, round_name, language=language,
                                charts_dir=charts, progress=progress)

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
