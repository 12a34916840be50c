"""Free-text comments of one unit, only where the unit meets the comment threshold, grouped by
question with a count per question and a search. Within a question the core sorts them
alphabetically, so their order says nothing about who wrote them or when; a search only hides
comments, never reorders them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.comments import Comment, group_comments
from apv_desktop.i18n import tr, trn
from apv_desktop.services.results_view import ResultsBundle, comments_of
from apv_desktop.ui.results.unit_picker import UnitPicker


class CommentsTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bundle: ResultsBundle | None = None
        self.comments: list[Comment] = []
        self.withheld = False  # the unit is under the comment threshold
        self.unit_label = QLabel()
        self.units = UnitPicker()
        self.unit_label.setBuddy(self.units)
        self.units.currentIndexChanged.connect(self._show_comments)
        self.search_label = QLabel()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.search.textChanged.connect(self._fill)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        row = QHBoxLayout()
        row.addWidget(self.unit_label)
        row.addWidget(self.units)
        row.addSpacing(24)
        row.addWidget(self.search_label)
        row.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.tree, 1)

    def retranslate(self) -> None:
        self.unit_label.setText(tr("&Enhed:"))
        self.units.setAccessibleName(tr("Enhed"))
        self.search_label.setText(tr("&Søg:"))
        self.search.setPlaceholderText(tr("Ord i kommentarerne"))
        self.search.setAccessibleName(tr("Søg i kommentarerne"))
        self.tree.setAccessibleName(tr("Kommentarer"))
        self._show_comments()

    def show_bundle(self, bundle: ResultsBundle | None) -> None:
        self.bundle = bundle
        self.units.set_results(bundle.results if bundle else None)
        self._show_comments()

    def _show_comments(self) -> None:
        bundle, code = self.bundle, self.units.current_code()
        self.comments = []
        self.withheld = False
        if bundle is None or code is None:
            self.note.clear()
            self._fill()
            return
        unit = (bundle.results.organisation if code == bundle.results.organisation.code
                else bundle.results.unit(code))
        if not unit.comments_shown:
            self.withheld = True
            self.note.setText(tr("Kommentarer vises kun for grupper med mindst {n} svar, og "
                                 "ikke hvor de ville afsløre en mindre gruppes kommentarer.",
                                 n=bundle.results.rules.comment_min_n))
        else:
            self.comments = comments_of(bundle, code)
        self._fill()

    def _fill(self) -> None:
        self.tree.clear()
        bundle = self.bundle
        if bundle is None or self.withheld:
            return
        query = self.search.text()
        groups = group_comments(self.comments, query)
        labels = {i.name: i.label(bundle.language) for i in bundle.questionnaire.items()}
        for group in groups:
            count = (tr("{shown} af {total}", shown=len(group.comments), total=group.total)
                     if query.strip() else str(group.total))
            heading = QTreeWidgetItem([f"{labels.get(group.item, group.item)} ({count})"])
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            heading.addChildren([QTreeWidgetItem([c.text]) for c in group.comments])
            self.tree.addTopLevelItem(heading)
        self.tree.expandAll()
        shown = sum(len(g.comments) for g in groups)
        if query.strip():
            self.note.setText(tr("{shown} af {total} kommentarer indeholder \u201d{query}\u201d.",
                                 shown=shown, total=len(self.comments), query=query.strip()))
        else:
            self.note.setText(trn("{n} kommentar til {questions} spørgsmål, i alfabetisk "
                                  "rækkefølge under hvert spørgsmål.",
                                  "{n} kommentarer til {questions} spørgsmål, i alfabetisk "
                                  "rækkefølge under hvert spørgsmål.",
                                  len(self.comments), questions=len(groups)))
