"""The questionnaire on paper: for a paper round (with a blank line for the unit) and for the MED
committee to approve. Qt's own QTextDocument and QPrinter, so no extra dependency.

    write_pdf(questionnaire, Path("skema.pdf"), "da")            # through a temporary file
    print_questionnaire(parent, questionnaire, "sv")             # the system's print dialog
    questionnaire_html(questionnaire, "en", unit_line=False)     # what both of them lay out
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from apv_desktop.core.model import ItemType, Questionnaire, pick_label
from apv_desktop.i18n import Translate, translator
from apv_desktop.ui.form.hints import respondent_hint
from apv_desktop.ui.pdf_file import write_document_pdf

BOX = "☐"
REFERENCE = re.compile(r"\$\{\s*([^}\s]+)\s*\}")


def questionnaire_html(questionnaire: Questionnaire, language: str, *, unit_line: bool = True,
                       unit_name: str | None = None) -> str:
    """The printable form as HTML (the subset QTextDocument lays out). `unit_line` adds a line
    at the top where the respondent writes their unit (or `unit_name`, printed in it)."""
    tr = translator(language)
    numbers = _numbers(questionnaire)
    title = pick_label(questionnaire.title_labels, language, questionnaire.title)
    parts = [f"<h1>{_e(title)}</h1>"]
    if questionnaire.version:
        parts.append(f"<p><small>{_e(tr('Version {version}', version=questionnaire.version))}"
                     "</small></p>")
    if unit_line:
        filled = _e(unit_name) if unit_name else "&nbsp;" * 60
        parts.append(f"<p><b>{_e(tr('Enhed/team:'))}</b> <u>{filled}</u></p>")
    instruction = tr("Sæt ét kryds ved hvert spørgsmål, medmindre andet står. Dine svar er "
                     "anonyme.")
    parts.append(f"<p><i>{_e(instruction)}</i></p>")
    for section in questionnaire.sections:
        heading = section.label(language) if section.name or section.labels else ""
        if heading:
            parts.append(f"<h2>{_e(heading)}</h2>")
        if section.relevant:
            parts.append(f"<p><i>{_e(_condition(tr, section.relevant, numbers))}</i></p>")
        for item in section.items:
            parts.append(_item_html(questionnaire, item.name, language, numbers))
    return "\n".join(parts)


def _item_html(questionnaire: Questionnaire, name: str, language: str,
               numbers: dict[str, int]) -> str:
    tr = translator(language)
    item = questionnaire.item(name)
    assert item is not None
    number = f"{numbers[name]}. " if name in numbers else ""
    lines = [f"<p style='margin-top:10px'><b>{_e(number + item.label(language))}</b>"]
    hint = respondent_hint(item, language)
    if hint:
        lines.append(f"<br/><i>{_e(hint).replace(chr(10), '<br/>')}</i>")
    if item.relevant:
        lines.append(f"<br/><i>{_e(_condition(tr, item.relevant, numbers))}</i>")
    lines.append("</p>")
    choices = questionnaire.choices_for(item)
    if item.type in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE) and choices is not None:
        if item.type is ItemType.SELECT_MULTIPLE:
            lines.append(f"<p><i>{_e(tr('Sæt gerne flere krydser.'))}</i></p>")
        rows = "".join(f"<tr><td>{BOX}&nbsp;&nbsp;{_e(choice.label(language))}</td></tr>"
                       for choice in choices.choices)
        lines.append(f"<table cellpadding='2' style='margin-left:16px'>{rows}</table>")
    elif item.type is ItemType.TEXT:
        blank = "<p>" + "_" * 70 + "</p>"
        lines.append(blank * 3)
    elif item.type in (ItemType.INTEGER, ItemType.DECIMAL):
        lines.append(f"<p>{_e(tr('Tal:'))} ____________</p>")
    return "".join(lines)


def _numbers(questionnaire: Questionnaire) -> dict[str, int]:
    """Answerable items numbered 1, 2, … through the whole form (notes have no number)."""
    return {item.name: n for n, item in enumerate(questionnaire.answerable_items(), start=1)}


def _condition(tr: Translate, expression: str, numbers: dict[str, int]) -> str:
    """'Only if …' with ${name} written as the question's number, as a reader on paper needs."""
    readable = REFERENCE.sub(
        lambda m: f"[{numbers[m.group(1)]}]" if m.group(1) in numbers else m.group(0), expression)
    return tr("Besvares kun hvis: {condition}", condition=readable)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def questionnaire_document(questionnaire: Questionnaire, language: str, *,
                           unit_line: bool = True, unit_name: str | None = None) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(questionnaire_html(questionnaire, language, unit_line=unit_line,
                                        unit_name=unit_name))
    return document


def _printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def write_pdf(questionnaire: Questionnaire, path: Path, language: str, *,
              unit_line: bool = True, unit_name: str | None = None) -> None:
    """The printable form as a PDF file, written to a temporary file and renamed into place."""
    document = questionnaire_document(questionnaire, language, unit_line=unit_line,
                                      unit_name=unit_name)
    write_document_pdf(document, Path(path), questionnaire.title)


def print_questionnaire(parent: QWidget | None, questionnaire: Questionnaire, language: str, *,
                        unit_line: bool = True, unit_name: str | None = None) -> bool:
    """Ask for a printer with the system's dialog and print; False when the user cancels."""
    printer = _printer()
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    questionnaire_document(questionnaire, language, unit_line=unit_line,
                           unit_name=unit_name).print_(printer)
    return True
