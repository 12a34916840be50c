"""Preferences: language, anonymity defaults for new projects, backups."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.model import LANGUAGES, Rules
from apv_desktop.i18n import LANGUAGE_NAMES, tr
from apv_desktop.ui.context import AppContext


class PreferencesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        preferences = context.preferences
        self.setWindowTitle(tr("Indstillinger"))
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(preferences.language or "da"))
        self.language.setAccessibleName(tr("Sprog"))
        self.min_n = QSpinBox()
        self.min_n.setRange(Rules.ABSOLUTE_MIN_N, 100)
        self.min_n.setValue(preferences.min_n)
        self.min_n.setAccessibleName(tr("Mindste antal svar pr. gruppe i nye projekter"))
        self.comment_min_n = QSpinBox()
        self.comment_min_n.setRange(Rules.ABSOLUTE_MIN_N, 200)
        self.comment_min_n.setValue(preferences.comment_min_n)
        self.comment_min_n.setAccessibleName(tr("Mindste antal svar for kommentarer i nye "
                                                "projekter"))
        self.backup_folder = QLineEdit(str(context.backup_dir))
        self.backup_folder.setAccessibleName(tr("Mappe til sikkerhedskopier"))
        browse = QPushButton(tr("&Vælg …"))
        browse.setAccessibleName(tr("Vælg mappe til sikkerhedskopier"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(browse)
        self.backups_kept = QSpinBox()
        self.backups_kept.setRange(1, 100)
        self.backups_kept.setValue(preferences.backups_kept)
        self.backups_kept.setAccessibleName(tr("Antal sikkerhedskopier pr. projekt"))

        form = QFormLayout()
        form.addRow(tr("&Sprog:"), self.language)
        form.addRow(tr("&Mindst antal svar pr. gruppe (nye projekter):"), self.min_n)
        form.addRow(tr("Mindst antal svar for &kommentarer (nye projekter):"), self.comment_min_n)
        form.addRow(tr("Mappe til sikker&hedskopier:"), folder_row)
        form.addRow(tr("&Antal sikkerhedskopier pr. projekt:"), self.backups_kept)
        # addRow made a QLabel of the text in row 3; its field is a layout, so no buddy yet
        folder_item = form.itemAt(3, QFormLayout.ItemRole.LabelRole)
        folder_label = folder_item.widget() if folder_item is not None else None
        assert isinstance(folder_label, QLabel)
        folder_label.setBuddy(self.backup_folder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.comment_min_n.valueChanged.connect(self._update_ok)
        self.min_n.valueChanged.connect(self._update_ok)

    def _update_ok(self) -> None:
        rules = Rules(min_n=self.min_n.value(), comment_min_n=self.comment_min_n.value())
        ok = not rules.validate()  # the same rule new projects and the store apply
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Mappe til sikkerhedskopier"),
                                                  self.backup_folder.text())
        if folder:
            self.backup_folder.setText(folder)

    def apply(self) -> None:
        """Store the choices; a new language takes effect in every window at once."""
        preferences = self.context.preferences
        preferences.min_n = self.min_n.value()
        preferences.comment_min_n = self.comment_min_n.value()
        preferences.backups_kept = self.backups_kept.value()
        folder = self.backup_folder.text().strip()
        default = str(self.context.data_dir / "backups")
        preferences.backup_folder = "" if not folder or folder == default else str(Path(folder))
        code = str(self.language.currentData())
        if code != self.context.preferences.language:
            self.context.switch_language(code)  # saves the preferences too
        else:
            self.context.save_preferences()

    def accept(self) -> None:
        self.apply()
        super().accept()
