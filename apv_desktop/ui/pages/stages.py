"""The stages whose screens come in later releases: each page says what the stage is, what the
project holds for it now, and which command does the work meanwhile. Nothing here pretends."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from apv_desktop.i18n import tr
from apv_desktop.ui.pages.base import Page


class StagePage(Page):
    """Heading, description, what the project holds, and the command-line way meanwhile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heading = QLabel()
        self._heading.setObjectName("pageHeading")
        font = self._heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self._heading.setFont(font)
        self._description = _text_label()
        self._facts = _text_label()
        self._meanwhile = _text_label()
        self._commands = _text_label()
        self._commands.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        for widget in (self._heading, self._description, self._facts, self._meanwhile,
                       self._commands):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.retranslate()

    def description(self) -> str:
        raise NotImplementedError

    def commands(self) -> list[str]:
        return []

    def facts(self) -> str:
        """What the open project holds for this stage (translated); empty when nothing."""
        return ""

    def retranslate(self) -> None:
        self._heading.setText(self.title())
        self._heading.setAccessibleName(self.title())
        self._description.setText(self.description())
        self._meanwhile.setText(
            tr("Skærmbilledet til dette trin kommer i en senere version. Indtil da gør du det "
               "fra kommandolinjen:")
        )
        self._commands.setText("\n".join(self.commands()))
        self._commands.setAccessibleName(tr("Kommandoer"))
        self.refresh()

    def refresh(self) -> None:
        text = self.facts() if self.session is not None else ""
        self._facts.setText(text)
        self._facts.setVisible(bool(text))

    def help_text(self) -> str:
        return self.description()


class QuestionnairePage(StagePage):
    page_id = "questionnaire"

    def title(self) -> str:
        return tr("Spørgeskema")

    def description(self) -> str:
        return tr("Spørgeskemaet er de spørgsmål, medarbejderne svarer på, ordnet i dimensioner "
                  "som arbejdsmængde, indflydelse og krænkende handlinger. Et skema, der har fået "
                  "svar, låses: ændringer bliver en ny version.")

    def commands(self) -> list[str]:
        return ["apv-desktop templates",
                "apv-desktop import-form PROJEKT.apv SKEMA.xlsx",
                "apv-desktop export-form PROJEKT.apv SKEMA.xlsx"]

    def facts(self) -> str:
        assert self.session is not None
        questionnaire = self.session.project.questionnaire()
        if questionnaire is None:
            return tr("Projektet har endnu intet spørgeskema.")
        return tr("Projektets spørgeskema: {title}, {items} spørgsmål i {dimensions} dimensioner.",
                  title=questionnaire.title, items=len(questionnaire.answerable_items()),
                  dimensions=len(questionnaire.dimensions))


class CollectionPage(StagePage):
    page_id = "collection"

    def title(self) -> str:
        return tr("Indsamling")

    def description(self) -> str:
        return tr("Svarene samles i en runde (fx 2025). De kan indlæses fra en fil fra et "
                  "andet spørgeskemaværktøj; hvert svar får et tilfældigt id og intet klokkeslæt.")

    def commands(self) -> list[str]:
        return ["apv-desktop import-responses PROJEKT.apv SVAR.csv --round 2025 --dry-run",
                "apv-desktop import-responses PROJEKT.apv SVAR.csv --round 2025",
                "apv-desktop merge PROJEKT.apv ANDET.apv"]

    def facts(self) -> str:
        assert self.session is not None
        rounds = self.session.project.rounds()
        if not rounds:
            return tr("Projektet har endnu ingen runder.")
        lines = [tr("Runde {name}: {count} svar", name=r.name, count=r.response_count)
                 for r in rounds]
        return "\n".join(lines)


class ResultsPage(StagePage):
    page_id = "results"

    def title(self) -> str:
        return tr("Resultater")

    def description(self) -> str:
        return tr("Resultaterne viser hver enheds score pr. dimension med trafiklys og "
                  "pressionspunkter. Grupper under anonymitetsgrænsen skjules, også når de ellers "
                  "kunne regnes ud fra andre tal.")

    def commands(self) -> list[str]:
        return ["apv-desktop results PROJEKT.apv --format csv -o RESULTATER.csv"]

    def facts(self) -> str:
        assert self.session is not None
        rules = self.session.project.rules()
        return tr("Anonymitetsgrænse: mindst {min_n} svar pr. gruppe, {comment_min_n} for "
                  "kommentarer.", min_n=rules.min_n, comment_min_n=rules.comment_min_n)


class ActionPlanPage(StagePage):
    page_id = "action_plan"

    def title(self) -> str:
        return tr("Handlingsplan")

    def description(self) -> str:
        return tr("Handlingsplanen beskriver for hvert problem årsag, handling, ansvarlig og "
                  "frist, og senere opfølgningen: virkede handlingen?")

    def commands(self) -> list[str]:
        return ["apv-desktop report PROJEKT.apv -o RAPPORT.xlsx"]

    def facts(self) -> str:
        assert self.session is not None
        count = len(self.session.project.actions())
        return tr("Projektet har {count} punkter i handlingsplanen.", count=count)


class ReportPage(StagePage):
    page_id = "report"

    def title(self) -> str:
        return tr("Rapport")

    def description(self) -> str:
        return tr("Rapporten til ledelsen og MED/AMO er en Excel-projektmappe med svarprocent, "
                  "profil, styrker, pressionspunkter, handlingsplan og status på sidste runde.")

    def commands(self) -> list[str]:
        return ["apv-desktop report PROJEKT.apv -o RAPPORT.xlsx --lang da"]


def _text_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by Tab for screen readers
    return label
