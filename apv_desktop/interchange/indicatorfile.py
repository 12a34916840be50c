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
from apv_desktop.errors import InputError, Phrase, RefusedError
from apv_desktop.i18n import N_, tr
from apv_desktop.interchange.tables import (
    Table,
    column_letter,
    normalise_header,
    read_table,
    refuse_problems,
    short_header,
    wanted_columns,
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
PERSON_DATA_REASON = N_("nøgletal er fakta om enheder, ikke om personer")


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
        where = tr("række {row}", row=number)
        unit = _unit_code(row[unit_column], codes, by_name, where,
                          column_letter(unit_column), problems)
        period = row[period_column].strip()
        if not period:
            problems.append(tr("{where}, kolonne {value}: perioden er tom (skriv fx 2025)",
                               where=where, value=column_letter(period_column)))
        if unit is not None and period:
            if (unit, period) in seen:
                problems.append(tr("{where}: enhed {unit} og periode {period} er allerede angivet "
                                   "i række {seen}",
                                   where=where, unit=unit, period=period, seen=seen[unit, period]))
            seen.setdefault((unit, period), number)
        for index, kind in kinds:
            value = _number(row[index], tr("{where}, kolonne {letter}", where=where,
                                           letter=column_letter(index)), problems)
            if value is not None and unit is not None and period:
                found.append(IndicatorRow(unit, period, kind, value))
    if problems:
        refuse_problems(table.source, problems, tr("; intet blev importeret"))
    if not found:
        raise InputError("{source} har ingen tal: alle nøgletalsceller er tomme.",
                         source=table.source)
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
                raise InputError("{source}: kolonnen {value} (»{value2}«) gentager tallet {kind}; "
                                 "slet en af kolonnerne.",
                                 source=table.source, value=column_letter(index),
                                 value2=short_header(header), kind=kind)
            kinds.append((index, kind))
        elif any(marker in key for marker in PERSON_MARKERS):
            raise RefusedError(
                "{source}: kolonnen {value} (»{value2}«) ligner data om en person, og "
                "{PERSON_DATA_REASON}; fjern kolonnen og giv én række pr. enhed og periode.",
                source=table.source, value=column_letter(index), value2=short_header(header),
                PERSON_DATA_REASON=Phrase(PERSON_DATA_REASON))
        elif key:
            unknown.append(f"{column_letter(index)} ('{short_header(header)}')")
    if unit_column is None or period_column is None:
        missing = [(name, header) for name, header, column in (
            ("unit", "enhed", unit_column), ("period", "periode", period_column))
            if column is None]
        raise InputError("{source} har ingen {missing}-kolonne.",
                         source=table.source, missing=wanted_columns(missing))
    if unknown:
        raise InputError(
            "{source}: kolonnen {unknown} er ikke et nøgletal, APV Desktop kender; brug "
            "kolonnerne {value} (eller deres danske navne).",
            source=table.source, unknown=unknown[0], value=', '.join(KIND_HEADERS))
    if not kinds:
        raise InputError("{source} har ingen nøgletalskolonner; brug en eller flere af {value}.",
                         source=table.source, value=', '.join(KIND_HEADERS))
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
        problems.append(tr("{where}, kolonne {letter}: enheden er tom", where=where, letter=letter))
    elif named:
        problems.append(tr("{where}, kolonne {letter}: navnet »{value}« tilhører flere enheder "
                           "({value2}); brug enhedens kode",
                           where=where, letter=letter, value=value, value2=', '.join(named)))
    else:
        problems.append(tr("{where}, kolonne {letter}: »{value}« er ikke en enhed i projektet",
                           where=where, letter=letter, value=value))
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
        problems.append(tr("{where}: »{text}« er ikke et tal", where=where, text=text))
        return None
    if not math.isfinite(number) or number < 0:
        problems.append(tr("{where}: »{text}« skal være et tal på 0 eller mere",
                           where=where, text=text))
        return None
    return number
