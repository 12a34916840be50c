"""Read a response file (CSV or XLSX, one row per respondent) into a ResponseSet.

Columns are matched to questionnaire items by name or by label in any language, so an export
from Microsoft Forms, SurveyXact or Google Forms (question text as header) can be read as is.
Columns that identify a person (e-mail, name, respondent id, exact times) are dropped before any
value is looked at, and never reach the result. Import is all-or-nothing: every bad cell is
collected and reported together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import numpy as np

from apv_desktop.core.answers import MISSING, ResponseSet, encode_value
from apv_desktop.core.model import ChoiceList, Item, ItemType, OrgUnit, Questionnaire
from apv_desktop.errors import InputError
from apv_desktop.interchange.tables import (
    normalise_header,
    read_table,
    refuse_problems,
    short_header,
)

UNIT_HEADERS = frozenset({"unit", "enhed", "afdeling", "enhet", "team", "avdelning"})
# Headers (after normalise_header) that name or time a respondent in common survey exports.
IDENTIFYING_HEADERS = frozenset(
    {
        "id", "respondent", "respondent id", "respondentid", "respondent_id", "response id",
        "start time", "completion time", "end time", "submitted at", "submission time",
        "starttidspunkt", "sluttidspunkt", "fuldførelsestidspunkt", "starttid", "sluttid",
        "slutförandetid", "tidspunkt for fuldførelse", "tid för slutförande", "timestamp",
        "tidsstempel", "tidsstämpel", "tidspunkt", "email", "e-mail", "mail", "e-post", "epost",
        "email address", "e-mail-adresse", "name", "navn", "namn", "full name", "fulde navn",
        "fullständigt namn", "last modified time", "tidspunkt for seneste ændring",
        "senaste ändringstid", "ip", "ip address", "ip-adresse", "ip-adress", "cpr", "cpr-nummer",
        "cpr-nr", "cpr nr", "personnummer", "phone", "telefon", "telefonnummer", "mobil", "user",
        "username", "brugernavn", "användarnamn", "initialer", "initials",
    }
)  # fmt: skip
IDENTIFYING_FRAGMENTS = ("e-mail", "email", "e-post", "cpr-n", "personnummer", "ip-adress")
T = TypeVar("T")
UNIT_MAPPING = "@unit"  # a mapping value that makes the column the unit column
MAX_NUMBERS_IN_WARNING = 20


@dataclass
class ColumnPlan:
    """What each column of a response file is for (what `read_responses` will do with it)."""

    unit_column: str | None
    item_columns: dict[str, str] = field(default_factory=dict)  # header -> item name
    dropped_columns: list[str] = field(default_factory=list)  # identifying, never read
    ignored_columns: list[str] = field(default_factory=list)  # unknown or mapped to nothing
    ambiguous_columns: dict[str, list[str]] = field(default_factory=dict)  # header -> items
    unknown_columns: list[str] = field(default_factory=list)  # ignored: they match nothing


@dataclass
class ResponseImport:
    responses: ResponseSet
    column_map: dict[str, str]  # column header -> item name
    unit_column: str
    dropped_columns: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    skipped_rows: list[int] = field(default_factory=list)  # row numbers in the file
    warnings: list[str] = field(default_factory=list)


def is_identifying_header(header: str) -> bool:
    key = normalise_header(header)
    return key in IDENTIFYING_HEADERS or any(part in key for part in IDENTIFYING_FRAGMENTS)


def plan_columns(
    headers: list[str], questionnaire: Questionnaire, mapping: dict[str, str] | None = None
) -> ColumnPlan:
    """Decide each column's role; the GUI shows this to let the user fix mappings.

    Order of precedence: `mapping` (header -> item name, '' = ignore, UNIT_MAPPING = the unit
    column), a unit header, an item name, an identifying header, an item label in any language;
    anything else is ignored.
    """
    items = questionnaire.answerable_items()
    by_name = {item.name.casefold(): item.name for item in items}
    by_label: dict[str, list[str]] = {}
    for item in items:
        for label in {normalise_header(text) for text in item.labels.values() if text.strip()}:
            by_label.setdefault(label, []).append(item.name)
    mapping = _checked_mapping(mapping or {}, items)

    mapped_unit = [h for h in headers if mapping.get(normalise_header(h)) == UNIT_MAPPING]
    plan = ColumnPlan(unit_column=mapped_unit[0] if mapped_unit else None)
    for header in headers:
        key = normalise_header(header)
        if key in mapping:
            if header == plan.unit_column:
                continue
            if mapping[key] and mapping[key] != UNIT_MAPPING:
                plan.item_columns[header] = mapping[key]
            else:
                plan.ignored_columns.append(header)
        elif plan.unit_column is None and key in UNIT_HEADERS:
            plan.unit_column = header
        elif key in by_name:
            plan.item_columns[header] = by_name[key]
        elif key in IDENTIFYING_HEADERS:
            plan.dropped_columns.append(header)
        elif len(by_label.get(key, ())) == 1:
            plan.item_columns[header] = by_label[key][0]
        elif key in by_label:
            plan.ambiguous_columns[header] = by_label[key]
            plan.ignored_columns.append(header)
        elif is_identifying_header(header):
            plan.dropped_columns.append(header)
        else:
            plan.ignored_columns.append(header)
            plan.unknown_columns.append(header)
    return plan


def read_responses(
    path: Path,
    questionnaire: Questionnaire,
    units: list[OrgUnit],
    mapping: dict[str, str] | None = None,
) -> ResponseImport:
    """Read and validate every row; raises InputError listing the problems if any cell is bad."""
    table = read_table(Path(path))
    source = table.source
    plan = plan_columns(table.headers, questionnaire, mapping)
    if plan.unit_column is None:
        raise InputError(
            f"{source} has no unit column (a header named unit, enhed, afdeling, enhet or team)."
        )
    if not plan.item_columns:
        raise InputError(
            f"{source} has no column that matches a question of '{questionnaire.title}' "
            "by name or label."
        )
    _refuse_shared_items(plan, source)

    items = questionnaire.answerable_items()
    item_names = [item.name for item in items]
    position = {name: index for index, name in enumerate(item_names)}
    header_index = {header: index for index, header in enumerate(table.headers)}
    row_count = len(table.rows)
    # One transposition in C beats a Python loop per column; the rows are then let go, so the
    # grid is held once (the cells themselves are shared).
    columns = list(zip(*table.rows, strict=True)) or [()] * len(table.headers)
    table.rows.clear()
    values = np.full((row_count, len(items)), MISSING, dtype=np.float64)
    answered = np.zeros(row_count, dtype=bool)
    problems: list[tuple[int, int, str]] = []  # (row number, column index, message)
    raw_texts: dict[str, list[tuple[int, str]]] = {}  # item -> (table row, text)

    for header, item_name in plan.item_columns.items():
        column = header_index[header]
        item = questionnaire.item(item_name)
        assert item is not None  # plan_columns only maps to answerable items
        cells = columns[column]
        if item.type is ItemType.TEXT:
            raw_texts[item_name] = [(row, text) for row, text in enumerate(cells) if text]
            answered[[row for row, _ in raw_texts[item_name]]] = True
            continue
        codes, reasons = _distinct_codes(cells, encoder_for(item, questionnaire), MISSING)
        values[:, position[item_name]] = np.fromiter(
            map(codes.__getitem__, cells), dtype=np.float64, count=row_count
        )
        if not reasons:
            continue
        bad_rows = [row for row, raw in enumerate(cells) if raw in reasons]
        answered[bad_rows] = True  # a bad cell is an answer, not a blank
        for row in bad_rows:
            where = f"row {table.row_numbers[row]}, column {short_header(header)}"
            problems.append((table.row_numbers[row], column, f"{where}: {reasons[cells[row]]}"))

    answered |= ~np.isnan(values).all(axis=1)
    unit_column = header_index[plan.unit_column]
    unit_cells = columns[unit_column]
    unit_codes, unit_reasons = _resolve_units(unit_cells, units)
    for row in np.flatnonzero(answered):
        reason = unit_reasons.get(unit_cells[row])
        if reason is not None:
            number = table.row_numbers[row]
            where = f"row {number}, column {short_header(plan.unit_column)}"
            problems.append((number, unit_column, f"{where}: {reason}"))
    if problems:
        problems.sort(key=lambda problem: (problem[0], problem[1]))
        messages = [message for _, _, message in problems]
        refuse_problems(source, messages, consequence=", nothing imported")

    kept = np.flatnonzero(answered)
    if kept.size == 0:
        raise InputError(f"{source} has no rows with answers.")
    new_index = np.cumsum(answered) - 1  # table row -> row in the ResponseSet
    texts = {
        name: [(int(new_index[row]), text) for row, text in pairs]
        for name, pairs in raw_texts.items()
        if pairs
    }
    responses = ResponseSet(
        item_names=item_names,
        unit_codes=[unit_codes[row] for row in kept],
        values=values if kept.size == row_count else values[kept],
        texts=texts,
    )
    skipped = [table.row_numbers[row] for row in np.flatnonzero(~answered)]
    return ResponseImport(
        responses=responses,
        column_map=dict(plan.item_columns),
        unit_column=plan.unit_column,
        dropped_columns=list(plan.dropped_columns),
        ignored_columns=list(plan.ignored_columns),
        skipped_rows=skipped,
        warnings=_warnings(plan, skipped, item_names),
    )


# ---------------------------------------------------------------------------- columns


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
                    f"The mapping for column '{header}' names '{target}', which is not a "
                    "question of the questionnaire."
                )
            target = folded[target.casefold()]
        checked[normalise_header(header)] = target
    return checked


def _refuse_shared_items(plan: ColumnPlan, source: str) -> None:
    columns_of: dict[str, list[str]] = {}
    for header, item_name in plan.item_columns.items():
        columns_of.setdefault(item_name, []).append(header)
    shared = [
        f"columns {' and '.join(repr(short_header(h)) for h in headers)} both hold {name}"
        for name, headers in columns_of.items()
        if len(headers) > 1
    ]
    if shared:
        raise InputError(f"{source}: {shared[0]}; map one of them to nothing.", shared)


# ---------------------------------------------------------------------------- values


def encoder_for(item: Item, questionnaire: Questionnaire) -> Callable[[str], float]:
    """A function from one non-blank cell to its stored number; raises ValueError if invalid."""
    choices = questionnaire.choices_for(item)
    if item.type in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE) and choices is None:
        raise InputError(
            f"Question {item.name} has no list of choices ('{item.list_name}' is missing)."
        )
    if item.type not in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE):
        return lambda raw: encode_value(item, choices, raw)
    lookup = _choice_lookup(choices)  # type: ignore[arg-type]
    if item.type is ItemType.SELECT_MULTIPLE:
        return lambda raw: _encode_multiple(item, lookup, raw) if raw else MISSING

    def encode_one(raw: str) -> float:
        position = lookup(raw)
        if position is not None:
            return float(position)
        if not raw:
            return MISSING
        raise ValueError(f"'{raw}' is not a choice of {item.name}")

    return encode_one


def _choice_lookup(choices: ChoiceList) -> Callable[[str], int | None]:
    """encode_choice's rules (name, then name or label in any language ignoring case) as dicts."""
    exact: dict[str, int] = {}
    folded: dict[str, int] = {}
    for position, choice in enumerate(choices.choices):
        exact.setdefault(choice.name, position)
        folded.setdefault(normalise_header(choice.name), position)
        for label in choice.labels.values():
            if label and label.strip():
                folded.setdefault(normalise_header(label), position)

    def lookup(raw: str) -> int | None:
        found = exact.get(raw)
        return found if found is not None else folded.get(normalise_header(raw))

    return lookup


def _encode_multiple(item: Item, lookup: Callable[[str], int | None], raw: str) -> float:
    """Names or labels separated by ';' (Microsoft Forms), ',' or spaces (XLSForm)."""
    whole = lookup(raw)
    if whole is not None:  # one choice whose label holds a space or comma
        return float(1 << whole)
    if ";" in raw:
        parts = raw.split(";")
    else:
        parts = raw.split(",")
        if any(lookup(part.strip()) is None for part in parts if part.strip()):
            parts = raw.replace(",", " ").split()
    mask = 0
    for part in (part.strip() for part in parts):
        if not part:
            continue
        position = lookup(part)
        if position is None:
            raise ValueError(f"'{part}' is not a choice of {item.name}")
        mask |= 1 << position
    return float(mask)


def _encode_distinct(
    cells: Sequence[str], encode: Callable[[str], T], failed: T
) -> tuple[list[T], dict[str, str]]:
    """`encode` of every cell, called once per distinct text (20,000 cells hold a handful).

    A cell `encode` refuses (ValueError) gets `failed`; the reasons are returned per text.
    """
    results, reasons = _distinct_codes(cells, encode, failed)
    return list(map(results.__getitem__, cells)), reasons


def _distinct_codes(
    cells: Sequence[str], encode: Callable[[str], T], failed: T
) -> tuple[dict[str, T], dict[str, str]]:
    """`encode` of each distinct cell text (`failed` where it refuses), and the reasons."""
    results: dict[str, T] = {}
    reasons: dict[str, str] = {}
    for raw in set(cells):
        try:
            results[raw] = encode(raw)
        except ValueError as exc:
            results[raw] = failed
            reasons[raw] = str(exc)
    return results, reasons


def _resolve_units(cells: Sequence[str], units: list[OrgUnit]) -> tuple[list[str], dict[str, str]]:
    """The unit code for each cell ('' if none), and for each bad cell text the reason."""
    exact = {unit.code: unit.code for unit in units}
    codes_folded: dict[str, list[str]] = {}
    names_folded: dict[str, list[str]] = {}
    for unit in units:
        codes_folded.setdefault(unit.code.casefold(), []).append(unit.code)
        names_folded.setdefault(normalise_header(unit.name), []).append(unit.code)

    def resolve(raw: str) -> str:
        if not raw:
            raise ValueError("the unit is blank")
        if raw in exact:
            return raw
        by_code = codes_folded.get(raw.casefold(), [])
        if len(by_code) == 1:
            return by_code[0]
        by_name = names_folded.get(normalise_header(raw), [])
        if len(by_name) == 1:
            return by_name[0]
        if by_name:
            raise ValueError(
                f"'{raw}' is the name of {len(by_name)} units (codes {', '.join(by_name)}); "
                "use the code"
            )
        raise ValueError(f"'{raw}' is not the code or name of an org unit")

    return _encode_distinct(cells, resolve, "")


# ---------------------------------------------------------------------------- messages


def _listing(values: list[str] | list[int]) -> str:
    shown = [str(value) for value in values[:MAX_NUMBERS_IN_WARNING]]
    if len(values) > MAX_NUMBERS_IN_WARNING:
        shown.append(f"and {len(values) - MAX_NUMBERS_IN_WARNING} more")
    return ", ".join(shown)


def _warnings(plan: ColumnPlan, skipped: list[int], item_names: list[str]) -> list[str]:
    warnings: list[str] = []
    if plan.dropped_columns:
        warnings.append(
            "Left out columns that could identify a respondent (never stored): "
            f"{_listing(plan.dropped_columns)}."
        )
    for header, names in plan.ambiguous_columns.items():
        warnings.append(
            f"Ignored column '{short_header(header)}': its text is the label of several questions "
            f"({', '.join(names)}); map it to one of them."
        )
    if plan.unknown_columns:
        shown = _listing([short_header(header) for header in plan.unknown_columns])
        warnings.append(f"Ignored columns that match no question: {shown}.")
    if skipped:
        warnings.append(f"Skipped rows with no answers: {_listing(skipped)}.")
    present = set(plan.item_columns.values())
    absent = [name for name in item_names if name not in present]
    if absent:
        warnings.append(f"No column for these questions (left unanswered): {_listing(absent)}.")
    return warnings
