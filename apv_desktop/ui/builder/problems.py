"""The validation panel: the questionnaire's problems in the user's language; a click (or Enter)
on one jumps to the place it names. Also the translated sentences for refused edits."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from apv_desktop.core.editing import EditRefused
from apv_desktop.core.validation import Problem, Severity
from apv_desktop.i18n import tr

LOCATION_ROLE = Qt.ItemDataRole.UserRole


def problem_text(problem: Problem) -> str:
    """The problem as one sentence in the current language."""
    f = problem.fields
    code = problem.code
    texts = {
        "item_no_name": lambda: tr("Et spørgsmål i afsnit {section} har intet navn.", **f),
        "item_duplicate": lambda: tr("Navnet {item} bruges af {count} spørgsmål.", **f),
        "item_list_missing": lambda: tr("Spørgsmålet {item} har ingen gyldig svarskala.", **f),
        "list_misfiled": lambda: tr("Svarskalaen {list} er gemt under navnet {key}.", **f),
        "item_no_label": lambda: tr("Spørgsmålet {item} har ingen tekst.", **f),
        "scored_without_dimension": lambda: tr(
            "Spørgsmålet {item} har svar med point, men ingen dimension, så det tæller ingen "
            "steder.", **f),
        "unknown_dimension": lambda: tr(
            "Spørgsmålet {item} hører til dimensionen {dimension}, som ikke findes.", **f),
        "reverse_unscored": lambda: tr(
            "Spørgsmålet {item} har vendt scoring, men giver ingen point.", **f),
        "relevant_invalid": lambda: tr(
            "Betingelsen {expression} for {place} kan ikke beregnes: {reason}.", **f),
        "relevant_unknown_item": lambda: tr(
            "Betingelsen for {place} nævner {names}, som ikke er et spørgsmål.", **f),
        "missing_translation": lambda: tr("{place} mangler tekst på {languages}.", **f),
        "section_empty": lambda: tr("Afsnittet {section} har ingen spørgsmål.", **f),
        "list_empty": lambda: tr("Svarskalaen {list} har ingen svarmuligheder.", **f),
        "list_unused": lambda: tr("Intet spørgsmål bruger svarskalaen {list}.", **f),
        "choice_duplicate": lambda: tr(
            "Svaret {choice} står mere end én gang i svarskalaen {list}.", **f),
        "choice_no_name": lambda: tr("Et svar i svarskalaen {list} har intet navn.", **f),
        "score_out_of_range": lambda: tr(
            "Svaret {choice} i svarskalaen {list} har {score} point; point går fra 0 til 100.",
            **f),
        "dimension_duplicate": lambda: tr("Dimensionen {dimension} findes to gange.", **f),
        "dimension_no_items": lambda: tr(
            "Intet spørgsmål med point hører til dimensionen {dimension}.", **f),
        "dimension_one_item": lambda: tr(
            "Dimensionen {dimension} har kun ét spørgsmål med point ({item}).", **f),
        "reference_out_of_range": lambda: tr(
            "Referenceværdien for {dimension} er {reference}; den skal ligge fra 0 til 100.",
            **f),
        "min_n_too_low": lambda: tr(
            "Dimensionen {dimension} har sin egen mindstegrænse på {min_n}; den skal være "
            "mindst 3 for at beskytte nogen.", **f),
    }
    return texts[code]() if code in texts else problem.text


def refused_text(error: EditRefused) -> str:
    texts = {
        "name_empty": lambda: tr("Navnet må ikke være tomt."),
        "name_invalid": lambda: tr(
            "»{name}« kan ikke bruges som navn: brug bogstaver, tal og _, og begynd med et "
            "bogstav.", name=error.fields.get("name", "")),
        "name_taken": lambda: tr("Navnet {name} er allerede i brug.",
                                 name=error.fields.get("name", "")),
        "list_in_use": lambda: tr("Svarskalaen {name} bruges af spørgsmålet {item}.",
                                  name=error.fields.get("name", ""),
                                  item=error.fields.get("item", "")),
    }
    return texts[error.code]() if error.code in texts else str(error)


class ProblemList(QListWidget):
    """Signals `jump_requested(Location)` when a problem is clicked or activated."""

    jump_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: list[Problem] = []
        self.itemClicked.connect(self._jump)
        self.itemActivated.connect(self._jump)

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.clear()
        style = self.style()
        error_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        warning_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for problem in problems:
            entry = QListWidgetItem(problem_text(problem))
            entry.setIcon(error_icon if problem.severity is Severity.ERROR else warning_icon)
            entry.setData(LOCATION_ROLE, problem.location)
            self.addItem(entry)
        if not problems:
            entry = QListWidgetItem(tr("Ingen problemer fundet."))
            entry.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(entry)

    def _jump(self, entry: QListWidgetItem) -> None:
        location = entry.data(LOCATION_ROLE)
        if location is not None:
            self.jump_requested.emit(location)
