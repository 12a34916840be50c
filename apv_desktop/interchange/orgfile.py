"""Read the organisation's units (code, name, parent, headcount) from a CSV or XLSX file.

Headers may be English, Danish or Swedish. The file is taken whole or not at all: every problem
is collected and reported together, so the user can fix them in one pass.
"""

from __future__ import annotations

from pathlib import Path

from apv_desktop.core.model import OrgUnit
from apv_desktop.core.org_rules import code_key, org_problems, whole_number
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
    wanted_columns,
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
    The tree rules are core/org_rules.py's (the store and the table apply the same).
    """
    table = read_table(Path(path), progress=progress)
    columns = _find_columns(table)
    problems: list[tuple[int, str]] = []  # (row number, message) so they can be sorted
    units: list[OrgUnit] = []
    rows_of_units: list[int] = []
    for number, row in zip(table.row_numbers, table.rows, strict=True):
        units.append(_read_row(row, number, columns, problems))
        rows_of_units.append(number)
    if not units:
        raise InputError("{source} har en overskriftsrække, men ingen enheder.",
                         source=table.source)

    _match_parents_without_case(units)
    for problem in org_problems(units):
        number = rows_of_units[problem.index]
        header = columns[problem.field][1] if problem.field in columns else problem.field.value
        text = problem.text
        if problem.other is not None:
            text = problem.text_with(first=tr("række {row}", row=rows_of_units[problem.other]))
        problems.append((number, tr("række {row}, kolonne {header}: {text}", row=number,
                                    header=header, text=f"{text[0].lower()}{text[1:]}")))
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
        raise InputError("{source} har ingen {wanted}-kolonne; dens kolonner er: {found}.",
                         [tr("kolonnen {field} mangler", field=f) for f in missing],
                         source=table.source, found=", ".join(table.headers),
                         wanted=wanted_columns([(f, ORG_HEADERS[f][1]) for f in missing]))
    return columns


def _read_row(
    row: list[str],
    number: int,
    columns: dict[str, tuple[int, str]],
    problems: list[tuple[int, str]],
) -> OrgUnit:
    def cell(field_name: str) -> str:
        return row[columns[field_name][0]] if field_name in columns else ""

    headcount = None
    raw_headcount = cell("headcount")
    if raw_headcount:
        headcount = whole_number(raw_headcount)
        if headcount is None:
            header = columns["headcount"][1]
            problems.append((number, tr("række {number}, kolonne {header}: »{raw_headcount}« er "
                                        "ikke et helt tal på 0 eller mere",
                                        number=number, header=header, raw_headcount=raw_headcount)))
    return OrgUnit(code=cell("code"), name=cell("name"), parent=cell("parent") or None,
                   headcount=headcount)


def _match_parents_without_case(units: list[OrgUnit]) -> None:
    """A parent written 'top' for the code 'Top' means that unit: store the code as written."""
    exact = {unit.code for unit in units}
    written: dict[str, str] = {}
    for unit in units:
        written.setdefault(code_key(unit.code), unit.code)
    for unit in units:
        if unit.parent and unit.parent not in exact:
            unit.parent = written.get(code_key(unit.parent), unit.parent)


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
