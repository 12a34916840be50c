"""The New project dialog: name, templates and anonymity rules (then a file name is asked)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.model import Rules
from apv_desktop.i18n import current_language, tr
from apv_desktop.interchange.templates import TemplateInfo
from apv_desktop.settings import Preferences

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass
class NewProjectChoice:
    name: str
    template_ids: list[str]
    rules: Rules


class NewProjectDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from apv_desktop.interchange.templates import list_templates

        self.setWindowTitle(tr("Nyt projekt"))
        self.setMinimumWidth(640)  # the titles and the description on their own lines
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("fx Børn og Familie, APV 2025"))
        self.name_edit.setAccessibleName(tr("Projektets navn"))
        self.templates = QListWidget()
        self.templates.setAccessibleName(tr("Skabeloner til spørgeskemaet"))
        language = current_language()
        self.template_infos = {info.id: info for info in list_templates()}
        for number, info in enumerate(self.template_infos.values()):
            item = QListWidgetItem(info.title_in(language))
            item.setToolTip(info.description_in(language))
            item.setData(ID_ROLE, info.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if number == 0 else Qt.CheckState.Unchecked)
            self.templates.addItem(item)
        self.templates.setMinimumHeight(150)
        # What the chosen template asks and how long it takes, below the list: an AMiR picks
        # by content and by the minutes the staff will spend.
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setMinimumHeight(80)
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.about.setAccessibleName(tr("Om skabelonen"))
        self.templates.currentItemChanged.connect(self._show_about)
        self.templates.setCurrentRow(0)
        self.min_n = QSpinBox()
        self.min_n.setRange(Rules.ABSOLUTE_MIN_N, 100)
        self.min_n.setValue(preferences.min_n)
        self.min_n.setAccessibleName(tr("Mindste antal svar pr. gruppe"))
        self.comment_min_n = QSpinBox()
        self.comment_min_n.setRange(Rules.ABSOLUTE_MIN_N, 200)
        self.comment_min_n.setValue(preferences.comment_min_n)
        self.comment_min_n.setAccessibleName(tr("Mindste antal svar for at vise kommentarer"))

        form = QFormLayout()
        form.addRow(tr("&Navn:"), self.name_edit)
        form.addRow(tr("&Skabeloner:"), self.templates)
        form.addRow("", self.about)
        form.addRow(tr("&Mindst antal svar pr. gruppe:"), self.min_n)
        form.addRow(tr("Mindst antal svar for &kommentarer:"), self.comment_min_n)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.templates.itemChanged.connect(self._update_ok)
        self.min_n.valueChanged.connect(self._update_ok)
        self.comment_min_n.valueChanged.connect(self._update_ok)
        self._update_ok()

    def _show_about(self, item: QListWidgetItem | None) -> None:
        info = self.template_infos.get(str(item.data(ID_ROLE))) if item is not None else None
        if info is None:
            self.about.clear()
            return
        self.about.setText(template_summary(info, current_language()))

    def choice(self) -> NewProjectChoice:
        ids = [
            str(self.templates.item(row).data(ID_ROLE))
            for row in range(self.templates.count())
            if self.templates.item(row).checkState() == Qt.CheckState.Checked
        ]
        rules = Rules(min_n=self.min_n.value(), comment_min_n=self.comment_min_n.value())
        return NewProjectChoice(self.name_edit.text().strip(), ids, rules)

    def _update_ok(self) -> None:
        choice = self.choice()
        ok = bool(choice.template_ids) and not choice.rules.validate()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


def template_summary(info: TemplateInfo, language: str) -> str:
    """The description, then "N spørgsmål · ca. M minutter" (as far as the index says)."""
    size = []
    if info.questions:
        size.append(tr("{n} spørgsmål", n=str(info.questions)))
    if info.minutes:
        size.append(tr("ca. {n} minutter at besvare", n=str(info.minutes)))
    return "\n".join(part for part in (info.description_in(language), " · ".join(size)) if part)


def choose(parent: QWidget | None, preferences: Preferences) -> NewProjectChoice | None:
    dialog = NewProjectDialog(preferences, parent)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
