"""The department reports: the program's draft per department, revised by the AMiR here and
kept in the project, printed to PDF through Qt's printing."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.errors import ApvError
from apv_desktop.i18n import current_language, tr
from apv_desktop.services.departments import (
    DepartmentText,
    department_reports,
    save_department_text,
    section_headings,
)
from apv_desktop.ui import filedialogs
from apv_desktop.ui.errors import show_problem
from apv_desktop.ui.hidden_names import confirm_hidden_units_named
from apv_desktop.ui.pdf_file import write_document_pdf
from apv_desktop.ui.session import ProjectSession


def report_html(title: str, departments: list[tuple[str, str]], headings: list[str]) -> str:
    """The printable document: the department as a heading, the four sections, bullets."""
    wanted = {h.casefold() for h in headings}
    parts = [f"<h1>{html.escape(title)}</h1>"]
    for name, text in departments:
        parts.append(f"<h2>{html.escape(name)}</h2>")
        bullets: list[str] = []
        for line in [*text.splitlines(), ""]:
            stripped = line.strip()
            if stripped.startswith("- "):
                bullets.append(f"<li>{html.escape(stripped[2:])}</li>")
                continue
            if bullets:
                parts.append("<ul>" + "".join(bullets) + "</ul>")
                bullets = []
            if stripped.casefold() in wanted:
                parts.append(f"<h3>{html.escape(stripped)}</h3>")
            elif stripped:
                parts.append(f"<p>{html.escape(stripped)}</p>")
    return "\n".join(parts)


def write_pdf(target: Path, document_html: str, title: str = "") -> None:
    """An A4 PDF (no dialog: the file name was chosen already)."""
    document = QTextDocument()
    document.setHtml(document_html)
    write_document_pdf(document, target, title)


class DepartmentsTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: ProjectSession | None = None
        self.reports: list[DepartmentText] = []
        self.round_label = QLabel()
        self.round = QComboBox()
        self.round_label.setBuddy(self.round)
        self.round.currentIndexChanged.connect(lambda _: self.refresh_texts())
        self.departments = QListWidget()
        self.departments.currentRowChanged.connect(self._show)
        self.editor = QPlainTextEdit()
        self.state = QLabel()
        self.save_button, self.draft_button, self.pdf_button = (QPushButton() for _ in range(3))
        self.save_button.clicked.connect(self.save)
        self.draft_button.clicked.connect(self.back_to_draft)
        self.pdf_button.clicked.connect(self.export_pdf)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.state)
        right_layout.addWidget(self.editor, 1)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.draft_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.departments)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        top = QHBoxLayout()
        top.addWidget(self.round_label)
        top.addWidget(self.round)
        top.addStretch(1)
        top.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def retranslate(self) -> None:
        self.round_label.setText(tr("&Runde:"))
        self.round.setAccessibleName(tr("Runde"))
        self.departments.setAccessibleName(tr("Afdelingsrapporter"))
        self.editor.setAccessibleName(tr("Afdelingsrapport"))
        self.save_button.setText(tr("&Gem teksten"))
        self.draft_button.setText(tr("Tilbage til &udkastet"))
        self.pdf_button.setText(tr("Gem som &PDF …"))
        self._show(self.departments.currentRow())

    def set_session(self, session: ProjectSession | None) -> None:
        self.session = session
        self.refresh()

    def refresh(self) -> None:
        self.round.blockSignals(True)
        current = self.round.currentData()
        self.round.clear()
        if self.session is not None:
            for info in reversed(self.session.project.rounds()):
                self.round.addItem(info.name, info.name)
        self.round.setCurrentIndex(max(0, self.round.findData(current)))
        self.round.blockSignals(False)
        self.refresh_texts()

    def refresh_texts(self) -> None:
        row = max(0, self.departments.currentRow())
        self.reports = []
        if self.session is not None and self.round.currentData():
            try:
                self.reports = department_reports(self.session.project, self.round.currentData(),
                                                  current_language())
            except ApvError:
                self.reports = []
        self.departments.blockSignals(True)
        self.departments.clear()
        for report in self.reports:
            self.departments.addItem(report.name + (" ✎" if report.edited else ""))
        self.departments.blockSignals(False)
        if self.reports:
            self.departments.setCurrentRow(min(row, len(self.reports) - 1))
        self._show(self.departments.currentRow())

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.reports):
            self.editor.clear()
            self.state.setText(tr("Ingen afdelinger at vise i denne runde."))
            return
        report = self.reports[row]
        self.editor.setPlainText(report.text)
        self.state.setText(tr("Rettet af udvalget.") if report.edited
                           else tr("Udkast lavet af programmet; ret teksten og gem den."))

    def save(self) -> None:
        row = self.departments.currentRow()
        if self.session is None or not 0 <= row < len(self.reports):
            return
        report = self.reports[row]
        save_department_text(self.session.project, report.unit, self.round.currentData(),
                             self.editor.toPlainText(), report.draft)
        self.refresh_texts()

    def back_to_draft(self) -> None:
        row = self.departments.currentRow()
        if self.session is None or not 0 <= row < len(self.reports):
            return
        self.session.project.set_department_text(self.reports[row].unit,
                                                 self.round.currentData(), "")
        self.refresh_texts()

    def export_pdf(self) -> None:
        if self.session is None or not self.reports:
            return
        if not confirm_hidden_units_named(self, self.reports):
            return
        suggested = self.session.path.with_name(
            tr("{name} afdelinger", name=self.session.path.stem) + ".pdf")
        target = filedialogs.save_file(self, tr("Gem afdelingsrapporterne som PDF"),
                                       tr("PDF-filer (*.pdf)"), suggested, ".pdf")
        if target is None:
            return
        title = tr("Arbejdsmiljørapporter til OMU – runde {name}", name=self.round.currentData())
        document = report_html(title, [(r.name, r.text) for r in self.reports],
                               section_headings(current_language()))
        try:
            write_pdf(target, document, title)
        except (ApvError, OSError) as error:
            show_problem(self, tr("PDF-filen kunne ikke gemmes"), error)
            return
        self.state.setText(tr("Gemt som {path}.", path=str(target)))
