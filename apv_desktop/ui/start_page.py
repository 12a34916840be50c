"""The start screen: new, open, demo, and the recent projects (missing ones marked)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.i18n import tr

PATH_ROLE = Qt.ItemDataRole.UserRole


class StartPage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = QLabel("APV Desktop")
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self._title.setFont(font)
        self._subtitle = QLabel()
        self._subtitle.setWordWrap(True)

        self.new_button = QPushButton()
        self.open_button = QPushButton()
        self.demo_button = QPushButton()
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        actions = QVBoxLayout()
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
            actions.addWidget(button)
        actions.addStretch(1)

        self._recent_label = QLabel()
        self.recent_list = QListWidget()
        self.recent_list.itemActivated.connect(self._activated)
        self._recent_label.setBuddy(self.recent_list)
        self._no_recent = QLabel()
        self._no_recent.setWordWrap(True)
        recent = QVBoxLayout()
        recent.addWidget(self._recent_label)
        recent.addWidget(self.recent_list, 1)
        recent.addWidget(self._no_recent)

        columns = QHBoxLayout()
        columns.addLayout(actions, 1)
        columns.addSpacing(24)
        columns.addLayout(recent, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(12)
        layout.addWidget(self._title)
        layout.addWidget(self._subtitle)
        layout.addSpacing(12)
        layout.addLayout(columns, 1)
        self.setTabOrder(self.new_button, self.open_button)
        self.setTabOrder(self.open_button, self.demo_button)
        self.setTabOrder(self.demo_button, self.recent_list)
        self._recent: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self._subtitle.setText(tr("Arbejdspladsvurdering uden server: spørgeskema, indsamling, "
                                  "resultater, handlingsplan og rapport i én projektfil."))
        self.new_button.setText(tr("&Nyt projekt …"))
        self.new_button.setAccessibleName(tr("Nyt projekt"))
        self.open_button.setText(tr("Å&bn projekt …"))
        self.open_button.setAccessibleName(tr("Åbn projekt"))
        self.demo_button.setText(tr("Åbn &demoprojekt"))
        self.demo_button.setAccessibleName(tr("Åbn demoprojekt"))
        self._recent_label.setText(tr("&Seneste projekter"))
        self.recent_list.setAccessibleName(tr("Seneste projekter"))
        self._no_recent.setText(tr("Ingen seneste projekter endnu. Prøv demoprojektet for at se "
                                   "programmet med en opdigtet kommune."))
        self.show_recent(self._recent)

    def show_recent(self, paths: list[str]) -> None:
        self._recent = list(paths)
        self.recent_list.clear()
        for text in paths:
            path = Path(text)
            missing = not path.is_file()
            label = f"{path.stem}\n{path.parent}"
            if missing:
                label = f"{path.stem} {tr('(findes ikke længere)')}\n{path.parent}"
            item = QListWidgetItem(label)
            item.setData(PATH_ROLE, text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         tr("{name} (findes ikke længere)", name=path.stem) if missing
                         else path.stem)
            if missing:
                item.setForeground(self.palette().placeholderText())
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(paths))
        self._no_recent.setVisible(not paths)

    def _activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(str(item.data(PATH_ROLE)))
