"""The dialog behind File > Restore from backup: the project's rolling backups, newest first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.backups import backup_time
from apv_desktop.i18n import tr
from apv_desktop.services.backups import BackupInfo, describe_backups, restore_backup
from apv_desktop.ui import filedialogs, messages
from apv_desktop.ui.errors import show_problem

if TYPE_CHECKING:
    from apv_desktop.ui.main_window import MainWindow



class BackupDialog(QDialog):
    """Pick one backup; `chosen()` is its path once the dialog is accepted."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Gendan fra sikkerhedskopi"))
        self.resize(560, 340)
        explanation = QLabel(tr("Programmet laver en sikkerhedskopi, hver gang projektet åbnes. "
                                "Vælg en kopi og gem den som en ny projektfil; det åbne projekt "
                                "ændres ikke."))
        explanation.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setAccessibleName(tr("Sikkerhedskopier"))
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels([tr("Tidspunkt"), tr("Størrelse"), tr("Besvarelser")])
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        locale = QLocale()
        for backup in backups:
            responses = "–" if backup.responses is None else locale.toString(backup.responses)
            item = QTreeWidgetItem([
                # unambiguous in every language, and sorts as read
                backup.made.isoformat(" ", "seconds"),
                # kB and MB, as the file manager says it (Qt's default is KiB and MiB)
                locale.formattedDataSize(backup.size_bytes, 1,
                                         QLocale.DataSizeFormat.DataSizeSIFormat),
                responses,
            ])
            item.setData(0, Qt.ItemDataRole.UserRole, str(backup.path))
            item.setToolTip(0, str(backup.path))
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        self.table.itemDoubleClicked.connect(lambda _item, _column: self.accept())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(tr("&Gem som ny projektfil …"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._show_choice)
        if backups:
            first = self.table.topLevelItem(0)
            assert first is not None  # one item per backup was added above
            self.table.setCurrentItem(first)
        self._show_choice()

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def chosen(self) -> Path | None:
        items = self.table.selectedItems()
        return Path(items[0].data(0, Qt.ItemDataRole.UserRole)) if items else None

    def _show_choice(self) -> None:
        self.save_button.setEnabled(self.chosen() is not None)


def choose_backup(parent: QWidget | None, backups: list[BackupInfo]) -> Path | None:
    """The backup the user picked, or None when they cancelled (tests replace this)."""
    dialog = BackupDialog(backups, parent)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def restore_from_backup(window: MainWindow) -> None:
    """File > Restore from backup: pick a backup, save it as a new project file, offer to open.

    The open project is never touched: the copy goes to a file the user names, and a name that
    is the open project (or a project open in another window) is refused."""
    session = window.session
    if session is None:
        return
    backups = describe_backups(session.path, window.context.backup_dir)
    if not backups:
        messages.show(window, messages.Message(
            messages.Kind.INFO, tr("Gendan fra sikkerhedskopi"),
            tr("Der er endnu ingen sikkerhedskopier af dette projekt.")))
        return
    backup = choose_backup(window, backups)
    if backup is None:
        return
    stamp = backup_time(backup).strftime("%Y-%m-%d %H%M")
    suggested = session.path.with_name(
        f"{session.path.stem} {tr('gendannet')} {stamp}.apv")
    target = filedialogs.save_file(window, tr("Gem sikkerhedskopien som ny projektfil"),
                                   filedialogs.project_filter(), suggested, ".apv")
    if target is None:
        return
    failed = tr("Sikkerhedskopien kunne ikke gendannes")
    if window.window_showing(target) is not None:
        messages.show(window, messages.Message(
            messages.Kind.WARNING, failed,
            tr("Projektfilen {path} er åben; vælg et nyt filnavn.", path=str(target))))
        return
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        restore_backup(backup, target, open_project=session.path)
    except Exception as error:  # noqa: BLE001 - known problems get a plain message
        QApplication.restoreOverrideCursor()
        show_problem(window, failed, error)
        return
    QApplication.restoreOverrideCursor()
    window.statusBar().showMessage(tr("Sikkerhedskopien er gemt i {path}.", path=str(target)))
    if messages.ask(window, tr("Sikkerhedskopien er gendannet"),
                    tr("Sikkerhedskopien er gemt som {path}.", path=str(target)),
                    tr("Vil du åbne den nu? Det åbne projekt lukkes."), default_yes=True):
        window.open_project(target)
