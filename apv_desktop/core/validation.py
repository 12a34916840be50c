"""What is wrong or doubtful in a questionnaire, each problem with the place it is found.

Pure: no Qt. A Problem carries a `code` (the key of its Danish sentence in MESSAGES), the `fields`
that sentence needs and its Location (to jump there); `text` renders the sentence through the one
translation mechanism (i18n.py) in the current language, for the GUI and the command line alike.
ERROR problems would make the stored questionnaire ambiguous (the store refuses them); WARNING
problems are allowed but probably a mistake.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from apv_desktop.core.expression import RelevanceError, excerpt
from apv_desktop.core.model import ItemType, Questionnaire, pick_label
from apv_desktop.core.relevance import check_relevance
from apv_desktop.core.relevance import referenced_names as _parsed_names
from apv_desktop.errors import Phrase, rendered_fields
from apv_desktop.i18n import LANGUAGE_NAMES, N_, current_language, translator

MIN_N_FLOOR = 3  # Rules.ABSOLUTE_MIN_N: a dimension's own threshold below it means nothing


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class LocationKind(StrEnum):
    QUESTIONNAIRE = "questionnaire"
    SECTION = "section"
    ITEM = "item"
    CHOICE_LIST = "choice_list"
    DIMENSION = "dimension"


@dataclass(frozen=True)
class Location:
    """Where a problem is: a section by its position (its name may be empty), anything else by
    its name or code."""

    kind: LocationKind
    name: str = ""
    index: int | None = None


# code -> (severity, the Danish sentence with {fields}; N_ marks it for the catalogs, and
# Problem.text renders it through i18n in the current language: the GUI's and the CLI's)
MESSAGES: dict[str, tuple[Severity, str]] = {
    "item_no_name": (Severity.ERROR, N_("Et spørgsmål i afsnit {section} har intet navn.")),
    "item_duplicate": (Severity.ERROR, N_("Navnet {item} bruges af {count} spørgsmål.")),
    "item_list_missing": (Severity.ERROR, N_(
        "Spørgsmålet {item} har ingen gyldig svarskala (det nævner {list}).")),
    "item_no_label": (Severity.WARNING, N_("Spørgsmålet {item} har ingen tekst.")),
    "scored_without_dimension": (Severity.WARNING, N_(
        "Spørgsmålet {item} har svar med point, men ingen dimension, så det tæller ingen "
        "steder.")),
    "unknown_dimension": (Severity.WARNING, N_(
        "Spørgsmålet {item} hører til dimensionen {dimension}, som ikke findes.")),
    "reverse_unscored": (Severity.WARNING, N_(
        "Spørgsmålet {item} har vendt scoring, men giver ingen point.")),
    "relevant_unknown_item": (Severity.WARNING, N_(
        "Betingelsen for {place} nævner {names}, som ikke er et spørgsmål.")),
    "relevant_invalid": (Severity.ERROR, N_(
        "Betingelsen {expression} for {place} kan ikke beregnes: {reason}.")),
    "missing_translation": (Severity.WARNING, N_("{place} mangler tekst på {languages}.")),
    "section_empty": (Severity.WARNING, N_("Afsnittet {section} har ingen spørgsmål.")),
    "list_empty": (Severity.WARNING, N_("Svarskalaen {list} har ingen svarmuligheder.")),
    "list_unused": (Severity.WARNING, N_("Intet spørgsmål bruger svarskalaen {list}.")),
    "list_misfiled": (Severity.ERROR, N_("Svarskalaen {list} er gemt under navnet {key}.")),
    "choice_duplicate": (Severity.ERROR, N_(
        "Svaret {choice} står mere end én gang i svarskalaen {list}.")),
    "choice_no_name": (Severity.ERROR, N_("Et svar i svarskalaen {list} har intet navn.")),
    "score_out_of_range": (Severity.ERROR, N_(
        "Svaret {choice} i svarskalaen {list} har {score} point; point går fra 0 til 100.")),
    "dimension_duplicate": (Severity.ERROR, N_("Dimensionen {dimension} findes to gange.")),
    "dimension_no_items": (Severity.WARNING, N_(
        "Intet spørgsmål med point hører til dimensionen {dimension}.")),
    "dimension_one_item": (Severity.WARNING, N_(
        "Dimensionen {dimension} har kun ét spørgsmål med point ({item}).")),
    "reference_out_of_range": (Severity.WARNING, N_(
        "Referenceværdien for {dimension} er {reference}; den skal ligge fra 0 til 100.")),
    "min_n_too_low": (Severity.WARNING, N_(
        "Dimensionen {dimension} har sin egen mindstegrænse på {min_n}; den skal være "
        "mindst 3 for at beskytte nogen.")),
}


# The places a missing translation is found, each a Danish phrase (N_) rendered with its own
# field into its sentence's {place} when the sentence is shown.
PLACES: dict[LocationKind, str] = {
    LocationKind.QUESTIONNAIRE: N_("Titlen"),
    LocationKind.SECTION: N_("Afsnittet {section}"),
    LocationKind.ITEM: N_("Spørgsmålet {item}"),
    LocationKind.CHOICE_LIST: N_("Svarskalaen {list}"),
    LocationKind.DIMENSION: N_("Dimensionen {dimension}"),
}
NO_LIST = N_("ingen")  # the answer scale a select question names when it names none
# A question as its user knows it: its number (section.position, as the builder's tree numbers
# sections) and the start of its text; its internal name only when it has no text.
QUESTION_REFERENCE = N_("{number} »{text}«")
QUESTION_TEXT_LENGTH = 40


@dataclass(frozen=True)
class Problem:
    code: str
    location: Location
    # A field may be a Phrase (errors.py): a Danish phrase translated with the sentence (a
    # {place} such as "Afsnittet {section}").
    fields: dict[str, str | Phrase] = field(default_factory=dict)

    @property
    def severity(self) -> Severity:
        return MESSAGES[self.code][0]

    @property
    def text(self) -> str:
        """The sentence in the current language (the window's, or the CLI's --lang)."""
        translate = translator(current_language())
        return translate(MESSAGES[self.code][1], **rendered_fields(self.fields, translate))


def validate(questionnaire: Questionnaire) -> list[Problem]:
    """Every problem, errors first, then in the order of the questionnaire."""
    problems = [
        *_item_problems(questionnaire),
        *_relevance_problems(questionnaire),
        *_translation_problems(questionnaire),
        *_choice_list_problems(questionnaire),
        *_dimension_problems(questionnaire),
    ]
    return sorted(problems, key=lambda p: p.severity is not Severity.ERROR)


def blocking(problems: list[Problem]) -> list[Problem]:
    """The problems that keep the questionnaire from being stored."""
    return [p for p in problems if p.severity is Severity.ERROR]


def referenced_names(expression: str | None) -> list[str]:
    """The item names a `relevant` expression refers to (as ${name}), in order, once each;
    empty when there is no expression or it cannot be read (the one parser's answer:
    core/expression.py)."""
    if not expression:
        return []
    try:
        return _parsed_names(expression)
    except RelevanceError:
        return []


def question_reference(questionnaire: Questionnaire, name: str) -> str | Phrase:
    """How a problem names the question `name`: number and text (cut with "…"), else name."""
    for section_number, section in enumerate(questionnaire.sections, 1):
        for item_number, item in enumerate(section.items, 1):
            if item.name != name:
                continue
            text = " ".join(pick_label(item.labels, current_language()).split())
            if not text:
                return name
            if len(text) > QUESTION_TEXT_LENGTH:
                text = text[: QUESTION_TEXT_LENGTH - 1].rstrip(" ,;:.-") + "…"
            return Phrase(QUESTION_REFERENCE,
                          {"number": f"{section_number}.{item_number}", "text": text})
    return name


def _section_text(questionnaire: Questionnaire, index: int) -> str:
    section = questionnaire.sections[index]
    return section.name or str(index + 1)


def _item_problems(questionnaire: Questionnaire) -> list[Problem]:
    problems: list[Problem] = []
    counts = Counter(item.name for item in questionnaire.items())
    reported: set[str] = set()
    for index, section in enumerate(questionnaire.sections):
        if not section.items:
            problems.append(Problem("section_empty", Location(LocationKind.SECTION, section.name,
                                                              index),
                                    {"section": _section_text(questionnaire, index)}))
        for item in section.items:
            where = Location(LocationKind.ITEM, item.name)
            if not item.name:
                problems.append(Problem("item_no_name", Location(LocationKind.SECTION,
                                                                 section.name, index),
                                        {"section": _section_text(questionnaire, index)}))
                continue
            if counts[item.name] > 1 and item.name not in reported:
                reported.add(item.name)
                problems.append(Problem("item_duplicate", where,
                                        {"item": item.name, "count": str(counts[item.name])}))
            if item.type in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE) and (
                    questionnaire.choices_for(item) is None):
                problems.append(Problem("item_list_missing", where,
                                        {"item": question_reference(questionnaire, item.name),
                                         "list": item.list_name or Phrase(NO_LIST)}))
            if not any(item.labels.values()):
                problems.append(Problem("item_no_label", where, {"item": item.name}))
            problems += _scoring_problems(questionnaire, item.name)
    return problems


def _scoring_problems(questionnaire: Questionnaire, name: str) -> list[Problem]:
    item = questionnaire.item(name)
    assert item is not None
    where = Location(LocationKind.ITEM, name)
    reference = question_reference(questionnaire, name)
    choices = questionnaire.choices_for(item)
    scored_list = (item.type is ItemType.SELECT_ONE and choices is not None
                   and choices.is_scored)
    problems: list[Problem] = []
    if scored_list and not item.dimension:
        problems.append(Problem("scored_without_dimension", where, {"item": reference}))
    if item.dimension and questionnaire.dimension(item.dimension) is None:
        problems.append(Problem("unknown_dimension", where,
                                {"item": reference, "dimension": item.dimension}))
    if item.reverse and not scored_list:
        problems.append(Problem("reverse_unscored", where, {"item": reference}))
    return problems


def _relevance_problems(questionnaire: Questionnaire) -> list[Problem]:
    known = {item.name for item in questionnaire.items()}
    places: list[tuple[Location, str | Phrase, str | None]] = [
        (Location(LocationKind.SECTION, s.name, i), _section_text(questionnaire, i), s.relevant)
        for i, s in enumerate(questionnaire.sections)
    ]
    places += [(Location(LocationKind.ITEM, item.name),
                question_reference(questionnaire, item.name), item.relevant)
               for item in questionnaire.items()]
    problems = []
    for location, place, expression in places:
        if expression:
            try:
                check_relevance(expression)
            except RelevanceError as error:
                problems.append(Problem("relevant_invalid", location,
                                        {"place": place, "reason": error.reason,
                                         "expression": f"'{excerpt(expression)}'"}))
                continue
        unknown = [name for name in referenced_names(expression) if name not in known]
        if unknown:
            problems.append(Problem("relevant_unknown_item", location,
                                    {"place": place, "names": ", ".join(unknown)}))
    return problems


def _translation_problems(questionnaire: Questionnaire) -> list[Problem]:
    """A text given in some of the questionnaire's languages but not all of them."""
    languages = list(questionnaire.languages)
    problems: list[Problem] = []

    def check(location: Location, name: dict[str, str | Phrase],
              *texts: dict[str, str]) -> None:
        missing = [lang for lang in languages
                   for labels in texts if any(labels.values()) and not labels.get(lang)]
        if missing:
            names = ", ".join(LANGUAGE_NAMES.get(code, code) for code in dict.fromkeys(missing))
            problems.append(Problem("missing_translation", location,
                                    {"place": Phrase(PLACES[location.kind], name),
                                     "languages": names}))

    check(Location(LocationKind.QUESTIONNAIRE), {}, questionnaire.title_labels)
    for index, section in enumerate(questionnaire.sections):
        check(Location(LocationKind.SECTION, section.name, index),
              {"section": _section_text(questionnaire, index)}, section.labels)
        for item in section.items:
            check(Location(LocationKind.ITEM, item.name),
                  {"item": question_reference(questionnaire, item.name)},
                  item.labels, item.hints)
    for name, choice_list in questionnaire.choice_lists.items():
        check(Location(LocationKind.CHOICE_LIST, name), {"list": name},
              *(choice.labels for choice in choice_list.choices))
    for dimension in questionnaire.dimensions:
        check(Location(LocationKind.DIMENSION, dimension.code), {"dimension": dimension.code},
              dimension.labels)
    return problems


def _choice_list_problems(questionnaire: Questionnaire) -> list[Problem]:
    used = {item.list_name for item in questionnaire.items() if item.list_name}
    problems: list[Problem] = []
    for name, choice_list in questionnaire.choice_lists.items():
        where = Location(LocationKind.CHOICE_LIST, name)
        if choice_list.name != name:
            problems.append(Problem("list_misfiled", where, {"list": choice_list.name,
                                                             "key": name}))
        if not choice_list.choices:
            problems.append(Problem("list_empty", where, {"list": name}))
        if name not in used:
            problems.append(Problem("list_unused", where, {"list": name}))
        counts = Counter(choice.name for choice in choice_list.choices)
        for choice_name in [n for n, count in counts.items() if count > 1 and n]:
            problems.append(Problem("choice_duplicate", where,
                                    {"choice": choice_name, "list": name}))
        if counts.get(""):
            problems.append(Problem("choice_no_name", where, {"list": name}))
        for choice in choice_list.choices:
            if choice.score is not None and not 0 <= choice.score <= 100:
                problems.append(Problem("score_out_of_range", where,
                                        {"choice": choice.name, "list": name,
                                         "score": f"{choice.score:g}"}))
    return problems


def _dimension_problems(questionnaire: Questionnaire) -> list[Problem]:
    scored: dict[str, list[str]] = {}
    for item in questionnaire.items():
        if item.dimension and questionnaire.is_scored(item):
            scored.setdefault(item.dimension, []).append(item.name)
    counts = Counter(d.code for d in questionnaire.dimensions)
    problems: list[Problem] = []
    reported: set[str] = set()
    for dimension in questionnaire.dimensions:
        code = dimension.code
        where = Location(LocationKind.DIMENSION, code)
        if counts[code] > 1:
            if code not in reported:
                problems.append(Problem("dimension_duplicate", where, {"dimension": code}))
                reported.add(code)
            continue
        items = scored.get(code, [])
        tags_only = dimension.min_n is not None and any(
            i.dimension == code for i in questionnaire.items())
        if not items and not tags_only:  # a strict dimension may only tag unscored questions
            problems.append(Problem("dimension_no_items", where, {"dimension": code}))
        elif len(items) == 1 and dimension.min_n is None:
            # A dimension with its own stricter threshold is offensive behaviour, asked the
            # COPSOQ way as one question of exposure ("have you been bullied?"), not a scale.
            problems.append(Problem("dimension_one_item", where,
                                    {"dimension": code,
                                     "item": question_reference(questionnaire, items[0])}))
        if dimension.reference is not None and not 0 <= dimension.reference <= 100:
            problems.append(Problem("reference_out_of_range", where,
                                    {"dimension": code,
                                     "reference": f"{dimension.reference:g}"}))
        if dimension.min_n is not None and dimension.min_n < MIN_N_FLOOR:
            problems.append(Problem("min_n_too_low", where,
                                    {"dimension": code, "min_n": str(dimension.min_n)}))
    return problems
