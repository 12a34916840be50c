"""Read the organisation's units (code, name, parent, headcount) from a CSV or XLSX file.

Headers may be English, Danish or Swedish. The file is taken whole or not at all: every problem
is collected and reported together, so the user can fix them in one pass.
"""

from __future__ import annotations

from pathlib import Path

from apv_desktop.core.model import OrgUnit
from apv_desktop.core.progress import Progress, no_progress
from apv_desktop.errors import InputError
from apv_desktop.i18n import tr
from apv_desktop.interchange.tables import (
    Table,
    column_letter,
    normalise_header,
    read_table,
    refuse_problems,
    short_header,
)

# Accepted headers per field, compared after normalise_header.
ORG_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("code", "kode", "kod", "unit code", "enhedskode"),
    "name": ("name", "navn", "namn", "unit name", "enhedsnavn"),
    "parent": ("parent", "overordnet", "överordnad", "overordnad", "parent code"),
    "headcount": ("headcount", "antal", "antal ansatte", "antal anställda", "employees"),
}
REQUIRED_FIELDS = ("code", "name")


def read_org(path: Path, progress: Progress = no_progress) -> list[OrgUnit]:
    """The org units in the file, each parent before its children, otherwise in file order.

    Raises InputError naming the file, with `problems` listing every row/column/value at fault.
    """
    table = read_table(Path(path), progress=progress)
    columns = _find_columns(table)
    problems: list[tuple[int, str]] = []  # (row number, message) so they can be sorted
    units: list[OrgUnit] = []
    rows_of_units: list[int] = []
    for number, row in zip(table.row_numbers, table.rows, strict=True):
        unit = _read_row(row, number, columns, problems)
        if unit is not None:
            units.append(unit)
            rows_of_units.append(number)
    if not units and not problems:
        raise InputError(f"{table.source} has a header row but no org units.")

    _check_codes_and_parents(units, rows_of_units, columns, problems)
    if problems:
        problems.sort(key=lambda problem: problem[0])
        refuse_problems(table.source, [message for _, message in problems])
    return _parents_first(units)


def _find_columns(table: Table) -> dict[str, tuple[int, str]]:
    """Field -> (column index, header as written in the file)."""
    columns: dict[str, tuple[int, str]] = {}
    for index, header in enumerate(table.headers):
        key = normalise_header(header)
        for field_name, accepted in ORG_HEADERS.items():
            if key not in accepted:
                continue
            if field_name in columns:
                first, first_header = columns[field_name]
                raise InputError(tr(
                    "{source} har to kolonner for {field}: '{first}' ({first_column}) og "
                    "'{second}' ({second_column}); slet den ene, så det er klart, hvilken der "
                    "gælder.", source=table.source, field=field_name,
                    first=short_header(first_header), first_column=column_letter(first),
                    second=short_header(header), second_column=column_letter(index)))
            columns[field_name] = (index, header)
    missing = [f for f in REQUIRED_FIELDS if f not in columns]
    if missing:
        wanted = " and ".join(f"'{f}' (or '{ORG_HEADERS[f][1]}')" for f in missing)
        found = ", ".join(table.headers)
        raise InputError(
            f"{table.source} has no {wanted} column; its columns are: {found}.",
            [f"missing column {f}" for f in missing],
        )
    return columns


def _read_row(
    row: list[str],
    number: int,
    columns: dict[str, tuple[int, str]],
    problems: list[tuple[int, str]],
) -> OrgUnit | None:
    def cell(field_name: str) -> str:
        return row[columns[field_name][0]] if field_name in columns else ""

    def complain(field_name: str, message: str) -> None:
        problems.append((number, f"row {number}, column {columns[field_name][1]}: {message}"))

    code, name = cell("code"), cell("name")
    if not code:
        complain("code", "the code is blank")
    if not name:
        complain("name", "the name is blank")
    headcount = None
    raw_headcount = cell("headcount")
    if raw_headcount:
        headcount = _whole_number(raw_headcount)
        if headcount is None:
            complain("headcount", f"'{raw_headcount}' is not a whole number of 0 or more")
    if not code:
        return None
    return OrgUnit(code=code, name=name, parent=cell("parent") or None, headcount=headcount)


def _whole_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    try:
        number = float(text.replace(",", ".")) if text.count(",") <= 1 else float("nan")
    except ValueError:
        return None
    if number.is_integer() and number >= 0:
        return int(number)
    return None


def _check_codes_and_parents(
    units: list[OrgUnit],
    rows: list[int],
    columns: dict[str, tuple[int, str]],
    problems: list[tuple[int, str]],
) -> None:
    code_header = columns["code"][1]
    parent_header = columns["parent"][1] if "parent" in columns else "parent"
    # Codes are matched without regard to case: 'u1' and 'U1' would be the same unit to a reader.
    first_row_of: dict[str, int] = {}
    canonical: dict[str, str] = {}
    for unit, number in zip(units, rows, strict=True):
        key = unit.code.casefold()
        if key in first_row_of:
            problems.append(
                (
                    number,
                    f"row {number}, column {code_header}: '{unit.code}' is a duplicate of the "
                    f"code in row {first_row_of[key]}",
                )
            )
        else:
            first_row_of[key] = number
            canonical[key] = unit.code

    exact_codes = set(canonical.values())
    for unit, number in zip(units, rows, strict=True):
        if unit.parent is None:
            continue
        parent = (
            unit.parent if unit.parent in exact_codes else canonical.get(unit.parent.casefold())
        )
        if parent is None:
            problems.append(
                (
                    number,
                    f"row {number}, column {parent_header}: '{unit.parent}' is not a code "
                    "in the file",
                )
            )
        else:
            unit.parent = parent
    if problems:
        return  # cycles are only meaningful once every code and parent is sound

    by_code = {unit.code: unit for unit in units}
    row_of = {unit.code: number for unit, number in zip(units, rows, strict=True)}
    reported: set[str] = set()
    for unit in units:
        cycle = _cycle_from(unit, by_code)
        if cycle and not reported.intersection(cycle):
            reported.update(cycle)
            number = min(row_of[code] for code in cycle)
            path = " -> ".join([*cycle, cycle[0]])
            problems.append(
                (
                    number,
                    f"row {number}, column {parent_header}: '{by_code[cycle[0]].parent}' makes "
                    f"a cycle of parents ({path})",
                )
            )


def _cycle_from(unit: OrgUnit, by_code: dict[str, OrgUnit]) -> list[str]:
    """The codes of the cycle reached by following parents from `unit`, or [] if none."""
    seen: list[str] = []
    current: OrgUnit | None = unit
    while current is not None:
        if current.code in seen:
            return seen[seen.index(current.code) :]
        seen.append(current.code)
        current = by_code.get(current.parent) if current.parent else None
    return []


def _parents_first(units: list[OrgUnit]) -> list[OrgUnit]:
    """File order, except that a unit's ancestors are moved before it (no cycles remain)."""
    by_code = {unit.code: unit for unit in units}
    placed: set[str] = set()
    ordered: list[OrgUnit] = []
    for unit in units:
        chain: list[OrgUnit] = []
        current: OrgUnit | None = unit
        while current is not None and current.code not in placed:
            chain.append(current)
            current = by_code.get(current.parent) if current.parent else None
        for ancestor in reversed(chain):
            placed.add(ancestor.code)
            ordered.append(ancestor)
    return ordered
