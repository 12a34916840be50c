"""Which column of a response file holds what: an item, the unit, a person's identity, or nothing.

Survey tools head their columns in their own ways, so a header is matched to an item by, in turn:
its name; its label in any language; the last segment of a group path (`krav/qd_1` from Kobo,
`krav-qd_1` from ODK Central); the statement in brackets (`Krav i arbejdet [Statement]` from
Google Forms and LimeSurvey, `krav[qd1]` from LimeSurvey codes, `krav[SQ001]` = the first item of
section krav); and the name without separators (LimeSurvey codes allow no `_`: `qd1` is qd_1).
Columns that identify a respondent or are a tool's bookkeeping (ids, times, e-mail, names, IP,
Kobo's `_uuid`, ODK's `KEY`, ...) are dropped before any value is looked at and never stored.
The unit column is found by its header words or, failing that, by its values naming units.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from apv_desktop.core.model import Item, ItemType, OrgUnit, Questionnaire
from apv_desktop.errors import InputError
from apv_desktop.i18n import trn
from apv_desktop.interchange.tables import Repeats, column_letter, normalise_header, short_header

UNIT_MAPPING = "@unit"  # a mapping value that makes the column the unit column

UNIT_WORDS = frozenset({
    "unit", "units", "enhed", "enheder", "afdeling", "afdelinger", "enhet", "team", "teams",
    "avdelning", "avdeling", "department", "arbejdssted", "arbejdsplads", "arbetsplats",
    "arbetsställe", "org unit", "organisational unit", "organizational unit", "organisationsenhed",
    "orgenhed", "sektion", "gruppe", "arbejdsgruppe", "arbetsgrupp", "division", "forvaltning",
    "förvaltning", "sektor",
})  # fmt: skip

# Headers (after normalise_header) that name, time or count a respondent in common exports,
# or that are a tool's bookkeeping (never an answer).
IDENTIFYING_HEADERS = frozenset({
    # generic, Danish, Swedish; Microsoft Forms and Google Forms
    "id", "respondent", "respondent id", "respondentid", "respondent_id", "response id",
    "start time", "completion time", "end time", "submitted at", "submission time",
    "starttidspunkt", "sluttidspunkt", "fuldførelsestidspunkt", "starttid", "sluttid",
    "slutförandetid", "tidspunkt for fuldførelse", "tid för slutförande", "timestamp",
    "tidsstempel", "tidsstämpel", "tidspunkt", "email", "e-mail", "mail", "e-post", "epost",
    "email address", "e-mail-adresse", "mailadresse", "name", "navn", "namn", "full name",
    "fulde navn", "fullständigt namn", "last modified time", "tidspunkt for seneste ændring",
    "senaste ändringstid", "ip", "ip address", "ip-adresse", "ip-adress", "cpr", "cpr-nummer",
    "cpr-nr", "cpr nr", "personnummer", "phone", "telefon", "telefonnummer", "mobil", "user",
    "username", "brugernavn", "användarnamn", "initialer", "initials",
    # SurveyXact
    "respondent-id", "respondentnummer", "status", "statusoverride", "oprettet", "created",
    "afsluttet", "closed", "closetime", "starttime", "endtime", "distributionsdato",
    "startdato", "slutdato", "besvarelsestidspunkt", "startdatum", "slutdatum",
    "svardato", "besvarelsesdato", "sidst ændret", "external id", "ekstern id",
    # LimeSurvey (code and full headings)
    "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr",
    "refurl", "token", "date submitted", "last page", "start language", "date started",
    "date last action", "referrer url", "access code",
    # KoboToolbox and ODK Central / Collect
    "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber",
    "audit", "instanceid", "instancename", "key", "parent_key", "submissiondate",
    "submitterid", "submittername", "attachmentspresent", "attachmentsexpected",
    "reviewstate", "edits", "formversion", "__version__", "formhub/uuid",
    "meta/instanceid", "meta-instanceid", "meta/instancename", "meta/rootuuid",
    "meta/deprecatedid", "meta-instancename", "meta/audit",
})  # fmt: skip
IDENTIFYING_FRAGMENTS = ("e-mail", "email", "e-post", "cpr-n", "personnummer", "ip-adress")
_PATH_SEPARATORS = ("/", "-", ".", ":")
_BRACKET = re.compile(r"^(?P<prefix>.*?)\s*\[(?P<inner>[^\[\]]+)\]\s*$")
_SUBQUESTION = re.compile(r"^sq0*(\d+)$", re.IGNORECASE)


@dataclass
class ColumnPlan:
    """What each column of a response file is for (what `read_responses` will do with it)."""

    unit_column: str | None
    item_columns: dict[str, str] = field(default_factory=dict)  # header -> item name
    # header -> (select_multiple item, choice position): LimeSurvey's one column per option
    option_columns: dict[str, tuple[str, int]] = field(default_factory=dict)
    dropped_columns: list[str] = field(default_factory=list)  # identifying, never read
    ignored_columns: list[str] = field(default_factory=list)  # unknown or mapped to nothing
    ambiguous_columns: dict[str, list[str]] = field(default_factory=dict)  # header -> items
    unknown_columns: list[str] = field(default_factory=list)  # ignored: they match nothing


def is_identifying_header(header: str) -> bool:
    key = normalise_header(header)
    if key in IDENTIFYING_HEADERS or key.startswith("_") or key.startswith(("meta/", "meta-")):
        return True  # Kobo's own columns all start with '_' (_uuid, _submission_time, ...)
    return any(part in key for part in IDENTIFYING_FRAGMENTS)


def loose(text: str) -> str:
    """Letters and digits only, case folded: LimeSurvey's `qd1` for our `qd_1`."""
    return "".join(char for char in text.casefold() if char.isalnum())


class _Matcher:
    """Looks a header text up among the questionnaire's items (each rule of the module doc)."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.questionnaire = questionnaire
        self.items = questionnaire.answerable_items()
        self.by_name = {item.name.casefold(): item.name for item in self.items}
        self.by_loose: dict[str, list[str]] = {}
        self.by_label: dict[str, list[str]] = {}
        for item in self.items:
            self.by_loose.setdefault(loose(item.name), []).append(item.name)
            for label in {normalise_header(text) for text in item.labels.values() if text.strip()}:
                self.by_label.setdefault(label, []).append(item.name)
        self.sections: dict[str, list[str]] = {}
        for section in questionnaire.sections:
            names = [item.name for item in section.items if item.answerable]
            for key in {loose(section.name), *map(normalise_header, section.labels.values())}:
                if key:
                    self.sections.setdefault(key, names)

    def items_for(self, text: str) -> list[str]:
        """The items `text` names by name, then label, then loose name ([] = none)."""
        key = normalise_header(text)
        if key in self.by_name:
            return [self.by_name[key]]
        if key in self.by_label:
            return self.by_label[key]
        return self.by_loose.get(loose(text), []) if loose(text) else []

    def match(self, header: str) -> list[str]:
        found = self.items_for(header)
        if found:
            return found
        for separator in _PATH_SEPARATORS:  # group paths: krav/qd_1, krav-qd_1
            if separator in header:
                found = self._by_path(header, separator)
                if found:
                    return found
        return self._by_brackets(header)

    def _by_path(self, header: str, separator: str) -> list[str]:
        last = header.rsplit(separator, 1)[1].strip()
        by_name = self.by_name.get(last.casefold())
        if by_name:
            return [by_name]
        if separator == "/":  # Kobo's label headers: "Group label/Question label"
            return self.by_label.get(normalise_header(last), [])
        return []

    def _by_brackets(self, header: str) -> list[str]:
        bracket = _BRACKET.match(header)
        if bracket is None:
            return []
        inner, prefix = bracket["inner"].strip(), bracket["prefix"].strip()
        found = self.items_for(inner)
        if found:
            return found
        position = _SUBQUESTION.match(inner)
        section = self.sections.get(loose(prefix)) or self.sections.get(normalise_header(prefix))
        if position and section and 0 < int(position[1]) <= len(section):
            return [section[int(position[1]) - 1]]
        return []

    def option(self, header: str) -> tuple[str, int] | None:
        """(item, choice position) for a column that holds one option of a select_multiple:
        `tasks[plan]`, `Which tasks? [Planning]` (LimeSurvey), `g/tasks/plan` (Kobo)."""
        bracket = _BRACKET.match(header)
        if bracket is not None:
            parent, option = bracket["prefix"].strip(), bracket["inner"].strip()
        elif "/" in header:
            parent, option = (part.strip() for part in header.rsplit("/", 1))
        else:
            return None
        for name in self.items_for(parent) or self._by_path(parent, "/"):
            item = self.questionnaire.item(name)
            choices = self.questionnaire.choices_for(item) if item else None
            if item is None or item.type is not ItemType.SELECT_MULTIPLE or choices is None:
                continue
            for position, choice in enumerate(choices.choices):
                texts = [choice.name, *choice.labels.values()]
                if any(normalise_header(text) == normalise_header(option) for text in texts):
                    return name, position
        return None


def plan_columns(
    headers: list[str],
    questionnaire: Questionnaire,
    mapping: dict[str, str] | None = None,
    column_values: Callable[[int], Collection[str]] | None = None,
    units: list[OrgUnit] | None = None,
    repeated: Repeats | None = None,
    source: str = "",
) -> ColumnPlan:
    """Decide each column's role; the GUI shows this to let the user fix mappings.

    Order of precedence: `mapping` (header -> item name, '' = ignore, UNIT_MAPPING = the unit
    column), a unit header, an item name, an identifying header, an item by label, path or
    brackets; anything else is ignored. Without a unit header, the unit column is the one whose
    values (`column_values` of its index, blanks left out) all name `units`, or else the one
    whose header holds a unit word. `repeated` (tables.number_repeated_headers): numbered
    columns that repeat one question text go to the questions with that text, in questionnaire
    order, when there are as many of each; otherwise the file (`source`) is refused.
    """
    matcher = _Matcher(questionnaire)
    mapping = _checked_mapping(mapping or {}, matcher.items)
    mapped_unit = [h for h in headers if mapping.get(normalise_header(h)) == UNIT_MAPPING]
    plan = ColumnPlan(unit_column=mapped_unit[0] if mapped_unit else None)
    repeated = repeated or {}
    by_repeat = _repeated_columns(headers, repeated, matcher, mapping, source)
    for header in headers:
        key = normalise_header(header)
        if key not in mapping and header in by_repeat:
            plan.item_columns[header] = by_repeat[header]
        elif key in mapping:
            if header == plan.unit_column:
                continue
            if mapping[key] and mapping[key] != UNIT_MAPPING:
                plan.item_columns[header] = mapping[key]
            else:
                plan.ignored_columns.append(header)
        elif plan.unit_column is None and _unit_key(key) in UNIT_WORDS:
            plan.unit_column = header
        elif key in matcher.by_name:
            plan.item_columns[header] = matcher.by_name[key]
        elif is_identifying_header(repeated[header][0] if header in repeated else header):
            plan.dropped_columns.append(header)
        else:
            _plan_other(plan, header, matcher)
    if plan.unit_column is None:
        _find_unit_column(plan, headers, column_values, units)
    return plan


def _repeated_columns(
    headers: list[str], repeated: Repeats, matcher: _Matcher, mapping: dict[str, str],
    source: str
) -> dict[str, str]:
    """Numbered header -> item, for columns that repeat a question text (Google Forms and
    Microsoft Forms add no number of their own): the k-th column with a text holds the k-th
    question with that label, when the counts agree. Columns the user mapped, identifying ones
    and the unit column are left to the usual rules."""
    found: dict[str, str] = {}
    for header in headers:
        if header not in repeated or normalise_header(header) in mapping:
            continue
        text, number, count = repeated[header]
        if is_identifying_header(text) or _unit_key(normalise_header(text)) in UNIT_WORDS:
            continue
        items = matcher.match(text)
        if len(items) != count:
            key = normalise_header(text)
            columns = ", ".join(
                column_letter(index) for index, other in enumerate(headers)
                if other in repeated and normalise_header(repeated[other][0]) == key)
            raise InputError(trn(
                "{where}{count} kolonner har overskriften »{header}« (kolonne {columns}), men {n} "
                "spørgsmål har den tekst i spørgeskemaet, så det er uklart, hvilken kolonne der "
                "hører til hvilket spørgsmål; giv kolonnerne forskellige overskrifter, eller knyt "
                "hver kolonne til sit spørgsmål.",
                "{where}{count} kolonner har overskriften »{header}« (kolonne {columns}), men {n} "
                "spørgsmål har den tekst i spørgeskemaet, så det er uklart, hvilken kolonne der "
                "hører til hvilket spørgsmål; giv kolonnerne forskellige overskrifter, eller knyt "
                "hver kolonne til sit spørgsmål.", len(items),
                where=f"{source}: " if source else "", count=count, header=short_header(text),
                columns=columns))
        found[header] = items[number - 1]
    return found


def _unit_key(key: str) -> str:
    """A unit header may sit in a group (`baggrund/afdeling`) like any question."""
    return key.rsplit("/", 1)[-1].strip()


def _plan_other(plan: ColumnPlan, header: str, matcher: _Matcher) -> None:
    found = matcher.match(header)
    if len(found) == 1:
        plan.item_columns[header] = found[0]
        return
    if found:
        plan.ambiguous_columns[header] = found
        plan.ignored_columns.append(header)
        return
    option = matcher.option(header)
    if option is not None:
        plan.option_columns[header] = option
        return
    plan.ignored_columns.append(header)
    plan.unknown_columns.append(header)


def _find_unit_column(
    plan: ColumnPlan,
    headers: list[str],
    column_values: Callable[[int], Collection[str]] | None,
    units: list[OrgUnit] | None,
) -> None:
    """Among the columns nothing else claimed: values that all name units, else a unit word."""
    candidates = list(plan.unknown_columns)
    chosen: str | None = None
    if column_values is not None and units:
        names = {loose(text) for unit in units for text in (unit.code, unit.name)}
        for header in candidates:
            values = set(column_values(headers.index(header))) - {""}
            if values and all(loose(value) in names for value in values):
                chosen = header
                break
    if chosen is None:
        worded = [h for h in candidates if set(_words(h)) & UNIT_WORDS]
        chosen = worded[0] if len(worded) == 1 else None
    if chosen is not None:
        plan.unit_column = chosen
        plan.unknown_columns.remove(chosen)
        plan.ignored_columns.remove(chosen)


def _words(header: str) -> list[str]:
    return re.findall(r"\w+", header.casefold())


def _checked_mapping(mapping: dict[str, str], items: list[Item]) -> dict[str, str]:
    """The mapping keyed by normalised header, each target an exact item name (or '' / unit)."""
    names = {item.name for item in items}
    folded = {item.name.casefold(): item.name for item in items}
    checked: dict[str, str] = {}
    for header, target in mapping.items():
        target = (target or "").strip()
        if target and target != UNIT_MAPPING and target not in names:
            if target.casefold() not in folded:
                raise InputError(
                    "Kolonnen »{header}« er knyttet til »{target}«, som ikke er et spørgsmål i "
                    "spørgeskemaet; vælg et af dets spørgsmål, eller lad kolonnen være uden for.",
                    header=header, target=target
                )
            target = folded[target.casefold()]
        checked[normalise_header(header)] = target
    return checked
