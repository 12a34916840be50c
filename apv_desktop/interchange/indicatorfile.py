"""Read unit indicators (sick leave, turnover, vacancies, overtime, caseloads) from CSV or XLSX.

One row per unit and period: a `unit` column (a unit code, or a name that is unique), a
`period` column (such as 2025 or 2025-H1) and one column per indicator kind, under its code or
a Danish, Swedish or English name. Numbers may use a decimal comma; a blank cell means "no
figure". The file is taken whole or not at all, with every problem listed.

Indicators are facts about units, not about people: a column that looks like person data (a
CPR number, a name, an employee, initials ...) makes the whole file refused, with that reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from apv_desktop.core.model import OrgUnit
from apv_desktop.core.progress import Progress, no_progress
from apv_desktop.errors import InputError, RefusedError
from apv_desktop.interchange.tables import (
    Table,
    column_letter,
    normalise_header,
    read_table,
    refuse_problems,
    short_header,
)

UNIT_HEADERS = ("unit", "enhed", "enhet", "unit code", "enhedskode", "afdeling", "team", "kode",
                "code", "unit name", "enhedsnavn", "enhetsnamn")
PERIOD_HEADERS = ("period", "periode", "år", "year")
KIND_HEADERS: dict[str, tuple[str, ...]] = {
    "sick_days_short_per_fte": (
        "sick_days_short_per_fte", "korttidssygefravær", "korttidsfravær",
        "korttidssygefravær, dage pr. årsværk", "kort sygefravær", "korttidssjukfrånvaro",
        "short-term sick leave", "short-term sick days per fte"),
    "sick_days_long_per_fte": (
        "sick_days_long_per_fte", "langtidssygefravær", "langtidsfravær",
        "langtidssygefravær, dage pr. årsværk", "langt sygefravær", "långtidssjukfrånvaro",
        "long-term sick leave", "long-term sick days per fte"),
    "turnover_pct": (
        "turnover_pct", "personaleomsætning", "personaleomsætning, %", "personaleomsætning %",
        "personalomsättning", "turnover", "staff turnover", "staff turnover, %"),
    "vacancies": (
        "vacancies", "ubesatte stillinger", "vakante stillinger", "vakancer", "vakanser",
        "vakanta tjänster"),
    "overtime_hours": (
        "overtime_hours", "overarbejde", "overarbejde, timer", "overtid", "övertid",
        "övertid, timmar", "overtime", "overtime, hours"),
    "caseload": (
        "caseload", "sager pr. medarbejder", "sagsmængde", "antal sager", "ärenden per handläggare",
        "cases per caseworker"),
    "caseload_recommended": (
        "caseload_recommended", "anbefalet antal sager", "anbefalet antal sager pr. medarbejder",
        "anbefalet sagsmængde", "rekommenderat antal ärenden", "recommended caseload"),
}
# Parts of a header that mean data about a person, never about a unit.
PERSON_MARKERS = ("cpr", "personnummer", "person", "navn", "name", "namn", "employee",
                  "medarbejder", "medarbetare", "ansat", "anställd", "initial", "fødsel",
                  "birth", "e-mail", "email", "mail", "telefon", "phone")
PERSON_DATA_REASON = "indicators are facts about units, not about people"


@dataclass(frozen=True)
class IndicatorRow:
    unit: str  # a unit code of the project
    period: str
    kind: str
    value: float


def read_indicators(path: Path, units: list[OrgUnit], progress: Progress = no_progress
                    ) -> list[IndicatorRow]:
    """Every figure in the file, checked against the project's units.

    Raises RefusedError for a person-data column, InputError for anything else wrong."""
    table = read_table(Path(path), progress=progress)
    unit_column, period_column, kinds = _columns(table)
    codes = {u.code for u in units}
    by_name: dict[str, list[str]] = {}
    for known in units:
        by_name.setdefault(normalise_header(known.name), []).append(known.code)
    problems: list[str] = []
    found: list[IndicatorRow] = []
    seen: dict[tuple[str, str], int] = {}
    for number, row in zip(table.row_numbers, table.rows, strict=True):
        if not any(row):
            continue
        where = f"row {number}"
        unit = _unit_code(row[unit_column], codes, by_name, where,
                          column_letter(unit_column), problems)
        period = row[period_column].strip()
        if not period:
            problems.append(f"{where}, column {column_letter(period_column)}: the period is "
                            "empty (write e.g. 2025)")
        if unit is not None and period:
            if (unit, period) in seen:
                problems.append(f"{where}: unit {unit} and period {period} are already given "
                                f"in row {seen[(unit, period)]}")
            seen.setdefault((unit, period), number)
        for index, kind in kinds:
            value = _number(row[index], f"{where}, column {column_letter(index)}", problems)
            if value is not None and unit is not None and period:
                found.append(IndicatorRow(unit, period, kind, value))
    if problems:
        refuse_problems(table.source, problems, "; nothing was imported")
    if not found:
        raise InputError(f"{table.source} holds no figures: every indicator cell is empty.")
    return found


def _columns(table: Table) -> tuple[int, int, list[tuple[int, str]]]:
    unit_column = period_column = None
    kinds: list[tuple[int, str]] = []
    unknown: list[str] = []
    for index, header in enumerate(table.headers):
        key = normalise_header(header)
        kind = next((k for k, names in KIND_HEADERS.items() if key in names), None)
        if key in UNIT_HEADERS:
            # the first names the unit; a second (a code beside a name) is only for the reader
            unit_column = index if unit_column is None else unit_column
        elif key in PERIOD_HEADERS and period_column is None:
            period_column = index
        elif kind is not None:
            if kind in (k for _, k in kinds):
                raise InputError(f"{table.source}: column {column_letter(index)} "
                                 f"('{short_header(header)}') repeats the figure {kind}.")
            kinds.append((index, kind))
        elif any(marker in key for marker in PERSON_MARKERS):
            raise RefusedError(
                f"{table.source}: column {column_letter(index)} ('{short_header(header)}') "
                f"looks like data about a person, and {PERSON_DATA_REASON}; remove the column "
                "and give one row per unit and period.")
        elif key:
            unknown.append(f"{column_letter(index)} ('{short_header(header)}')")
    if unit_column is None or period_column is None:
        missing = " and ".join(name for name, column in (("'unit' (or 'enhed')", unit_column),
                                                         ("'period' (or 'periode')",
                                                          period_column)) if column is None)
        raise InputError(f"{table.source} has no {missing} column.")
    if unknown:
        raise InputError(
            f"{table.source}: column {unknown[0]} is not an indicator APV Desktop knows; use "
            f"the columns {', '.join(KIND_HEADERS)} (or their Danish names).")
    if not kinds:
        raise InputError(f"{table.source} has no indicator columns; use one or more of "
                         f"{', '.join(KIND_HEADERS)}.")
    return unit_column, period_column, kinds


def _unit_code(text: str, codes: set[str], by_name: dict[str, list[str]], where: str,
               letter: str, problems: list[str]) -> str | None:
    value = text.strip()
    if value in codes:
        return value
    named = by_name.get(normalise_header(value), [])
    if len(named) == 1:
        return named[0]
    if not value:
        problems.append(f"{where}, column {letter}: the unit is empty")
    elif named:
        problems.append(f"{where}, column {letter}: the name '{value}' belongs to several "
                        f"units ({', '.join(named)}); use the unit code")
    else:
        problems.append(f"{where}, column {letter}: '{value}' is not a unit of the project")
    return None


def _number(text: str, where: str, problems: list[str]) -> float | None:
    value = text.strip().replace("\u00a0", "").replace(" ", "")
    if not value:
        return None
    if value.endswith("%"):
        value = value[:-1]
    if "," in value and "." in value:  # 1.234,5 as Danish Excel writes it
        value = value.replace(".", "")
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        problems.append(f"{where}: '{text}' is not a number")
        return None
    if not math.isfinite(number) or number < 0:
        problems.append(f"{where}: '{text}' must be a number of 0 or more")
        return None
    return number
