"""Free-text comments of one unit, only where the unit meets the comment threshold; the core
shuffles them so their order says nothing about who wrote them."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from apv_desktop.i18n import tr, trn
from apv_desktop.services.results_view import ResultsBundle, comments_of
from apv_desktop.ui.results.unit_picker import UnitPicker


class CommentsTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bundle: ResultsBundle | None = None
        self.unit_label = QLabel()
        self.units = UnitPicker()
        self.unit_label.setBuddy(self.units)
        self.units.currentIndexChanged.connect(self._show_comments)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        row = QHBoxLayout()
        row.addWidget(self.unit_label)
        row.addWidget(self.units)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)

    def retranslate(self) -> None:
        self.unit_label.setText(tr("&Enhed:"))
        self.units.setAccessibleName(tr("Enhed"))
        self.list.setAccessibleName(tr("Kommentarer"))
        self._show_comments()

    def show_bundle(self, bundle: ResultsBundle | None) -> None:
        self.bundle = bundle
        self.units.set_results(bundle.results if bundle else None)
        self._show_comments()

    def _show_comments(self) -> None:
        self.list.clear()
        bundle, code = self.bundle, self.units.current_code()
        if bundle is None or code is None:
            self.note.clear()
            return
        threshold = bundle.results.rules.comment_min_n
        comments = comments_of(bundle, code)
        unit = (bundle.results.organisation if code == bundle.results.organisation.code
                else bundle.results.unit(code))
        if not unit.comments_shown:
            self.note.setText(tr("Kommentarer vises kun for grupper med mindst {n} svar, og "
                                 "ikke hvor de ville afsløre en mindre gruppes kommentarer.",
                                 n=threshold))
            return
        self.note.setText(trn("{n} kommentar i tilfældig rækkefølge.",
                              "{n} kommentarer i tilfældig rækkefølge.",
                              len(comments)))
        self.list.addItems([comment.text for comment in comments])
