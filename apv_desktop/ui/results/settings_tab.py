"""The round's settings: anonymity thresholds, light thresholds and the comparison basis.

Every change is tried at once (recomputed off the GUI thread, shown in every tab) and the
consequences are counted here; only "Gem som projektets regler" stores them in the project.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from apv_desktop.core.model import Rules
from apv_desktop.i18n import tr
from apv_desktop.services.results_view import ResultsBundle

DEBOUNCE_MS = 250  # typing "12" is one change, not two


class SettingsTab(QWidget):
    def __init__(self, page: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self._filling = False
        self.min_n = QSpinBox()
        self.min_n.setRange(Rules.ABSOLUTE_MIN_N, 100)
        self.comment_min_n = QSpinBox()
        self.comment_min_n.setRange(Rules.ABSOLUTE_MIN_N, 200)
        self.green_at = _points()
        self.yellow_at = _points()
        # Shown as how many points worse than the reference (5, not -5): a label saying
        # "minus" before a negative value read as minus minus five.
        self.reference_red_at = _points()
        self.reference_yellow_at = _points()
        self.pressure_gap = _points()
        self.comparison = QComboBox()
        self.comparison.addItem("", "organisation")
        self.comparison.addItem("", "reference")
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in self._fields()]
        for label, field in zip(self._labels, self._fields(), strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.apply)
        for spin in (self.min_n, self.comment_min_n):
            spin.valueChanged.connect(self._changed)
        for double in (self.green_at, self.yellow_at, self.reference_red_at,
                       self.reference_yellow_at, self.pressure_gap):
            double.valueChanged.connect(self._changed)
        self.comparison.currentIndexChanged.connect(self._changed)
        self.consequences = QLabel()
        self.consequences.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.save_button = QPushButton()
        self.reset_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.consequences)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def _fields(self) -> list[QWidget]:
        return [self.min_n, self.comment_min_n, self.green_at, self.yellow_at,
                self.reference_yellow_at, self.reference_red_at, self.pressure_gap,
                self.comparison]

    def retranslate(self) -> None:
        self.intro.setText(tr("Prøv indstillingerne: alle faner viser straks følgerne. De gemmes "
                              "først i projektet, når du vælger »Gem som projektets regler«."))
        texts = [tr("&Mindste antal svar pr. gruppe:"), tr("Mindste antal svar for &kommentarer:"),
                 tr("&Grønt fra (score, høj er godt):"), tr("&Gult fra:"),
                 tr("G&ult ved antal point dårligere end referenceværdien:"),
                 tr("&Rødt ved antal point dårligere end referenceværdien:"),
                 tr("&Pressionspunkt ved forskel på:"), tr("Sammenlign &med:")]
        for label, text, field in zip(self._labels, texts, self._fields(), strict=True):
            label.setText(text)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
        tip = tr("Gælder dimensioner med en referenceværdi: lyset følger, hvor mange point "
                 "scoren er dårligere end den, uanset om høj score er god eller dårlig. Rødt "
                 "skal være længere fra referenceværdien end gult.")
        for field in (self.reference_yellow_at, self.reference_red_at):
            field.setToolTip(tip)
        self.comparison.setItemText(0, tr("organisationen"))
        self.comparison.setItemText(1, tr("referenceværdierne"))
        self.save_button.setText(tr("&Gem som projektets regler"))
        self.reset_button.setText(tr("&Brug projektets regler"))
        self._show_consequences()

    # --- rules in and out ----------------------------------------------------------------

    def rules(self) -> Rules:
        base = self.page.bundle.rules if self.page.bundle is not None else Rules()
        return replace(base, min_n=self.min_n.value(), comment_min_n=self.comment_min_n.value(),
                       green_at=self.green_at.value(), yellow_at=self.yellow_at.value(),
                       reference_red_at=_worse_by(self.reference_red_at.value()),
                       reference_yellow_at=_worse_by(self.reference_yellow_at.value()),
                       pressure_gap=self.pressure_gap.value(),
                       comparison=str(self.comparison.currentData()))

    def _fill(self, rules: Rules) -> None:
        self._filling = True
        self.min_n.setValue(rules.min_n)
        self.comment_min_n.setValue(rules.comment_min_n)
        self.green_at.setValue(rules.green_at)
        self.yellow_at.setValue(rules.yellow_at)
        self.reference_red_at.setValue(_worse_by(rules.reference_red_at))
        self.reference_yellow_at.setValue(_worse_by(rules.reference_yellow_at))
        self.pressure_gap.setValue(rules.pressure_gap)
        self.comparison.setCurrentIndex(max(self.comparison.findData(rules.comparison), 0))
        self._filling = False

    def show_bundle(self, bundle: ResultsBundle | None) -> None:
        if bundle is not None and not self.timer.isActive():
            self._fill(bundle.rules)
        self._show_consequences()

    def _changed(self) -> None:
        if not self._filling:
            self.timer.start()

    def apply(self) -> None:
        """Try the settings now (what the debounce timer calls)."""
        self.timer.stop()
        rules = self.rules()
        problems = rules.validate()
        if problems:
            self.problem.setText(tr("Indstillingerne kan ikke bruges: {problems}",
                                    problems="; ".join(problems)))
            return
        self.problem.clear()
        self.page.request(rules)

    def save(self) -> None:
        session, bundle = self.page.session, self.page.bundle
        if session is None or bundle is None:
            return
        rules = self.rules()
        problems = rules.validate()
        if problems:  # never store rules the results cannot be computed with
            self.problem.setText(tr("Indstillingerne kan ikke bruges: {problems}",
                                    problems="; ".join(problems)))
            return
        try:
            session.project.set_rules(rules)
        except Exception as error:  # noqa: BLE001 - shown as a known or unexpected problem
            from apv_desktop.ui.errors import show_problem

            show_problem(self, tr("Reglerne kunne ikke gemmes"), error)
            return
        bundle.data.stored_rules = rules
        self.page.rules = None
        self._show_consequences()
        session.notify_changed(self)

    def reset(self) -> None:
        bundle = self.page.bundle
        if bundle is not None:
            self._fill(bundle.data.stored_rules)
        self.page.request(None)

    def _show_consequences(self) -> None:
        bundle = self.page.bundle
        if bundle is None:
            self.consequences.clear()
            return
        results = bundle.results
        units = [u for u in results.units if u.code != results.organisation.code]
        hidden = sum(u.suppressed for u in units)
        with_comments = sum(u.comments_shown for u in units)
        text = tr("Med disse indstillinger: {hidden} af {units} enheder skjult, {points} "
                  "pressionspunkter, {strengths} styrker, kommentarer vist for {comments} "
                  "enheder.", hidden=hidden, units=len(units),
                  points=len(results.pressure_points()), strengths=len(results.strengths()),
                  comments=with_comments)
        if bundle.rules != bundle.data.stored_rules:
            text += " " + tr("(Ikke gemt: projektets regler er anderledes.)")
        stored = bundle.data.stored_rules
        text += "\n" + tr("Anonymitetsgrænse: mindst {min_n} svar pr. gruppe, {comment_min_n} for "
                          "kommentarer.", min_n=stored.min_n, comment_min_n=stored.comment_min_n)
        self.consequences.setText(text)


def _worse_by(points: float) -> float:
    """A rule's signed difference to the reference (-5: five points worse) as the points worse
    the field shows (5), and back: the same turn both ways."""
    return -points + 0.0  # + 0.0: a rule of 0 shows as 0, not -0


def _points() -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0.0, 100.0)
    spin.setDecimals(1)
    spin.setSingleStep(0.5)
    return spin
