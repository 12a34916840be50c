"""The report's Handlingsplan sheet, filled in by management in Excel, read back as a plan of
changes: updates to the items it lists (matched by the hidden id column), new items (rows of
pressure points without an item, and filled-in empty rows), and the rows that cannot be taken
(tampered with, unknown, invalid): those are listed, never guessed. Nothing is stored here;
services/actionplan.py applies a plan with no problems, all of it.

A row is compared by its hidden fingerprints (actionplan_layout.py): one over its identity (id,
round, unit, dimension and, for an item, its problem text as written), one over its editable
content as written. A row whose content is as written is left alone, so a sheet handed back
weeks later does not undo changes made in the program since; a row changed in both places is
listed as a conflict.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from apv_desktop import vocabulary
from apv_desktop.core.dates import NotADate, parse_date
from apv_desktop.core.model import LANGUAGES, OrgUnit
from apv_desktop.core.progress import Progress, no_progress
from apv_desktop.core.records import ActionItem
from apv_desktop.errors import InputError
from apv_desktop.i18n import tr, translator
from apv_desktop.interchange.actionplan_layout import (
    CONTENT,
    DATE_FIELDS,
    DIMENSION,
    DIMENSION_CODE,
    EDITABLE_FIELDS,
    FINGERPRINT,
    HEADER_ROW,
    HIDDEN_KEYS,
    ITEM_ID,
    LAST_COLUMN,
    PROBLEM,
    ROUND,
    STATUS,
    TEXT_FIELDS,
    UNIT,
    UNIT_CODE,
    content_fingerprint,
    identity_fingerprint,
    normal_text,
)
from apv_desktop.interchange.tables import column_letter
from apv_desktop.interchange.xlsx_reader import Row, XlsxWorkbook, guarded, read_sheet_rows

EXCEL_EPOCH = date(1899, 12, 30)
DEFAULT_STATUS = "not_started"


@dataclass(frozen=True)
class FieldChange:
    field: str  # an ActionItem field name (EDITABLE_FIELDS)
    old: object
    new: object


@dataclass(frozen=True)
class ItemUpdate:
    row: int
    item_id: int
    unit: str | None
    dimension: str | None
    problem: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ItemAddition:
    row: int
    round: str
    unit: str | None
    dimension: str | None
    fields: dict[str, object]  # EDITABLE_FIELDS -> value (text, date or None, status code)


@dataclass(frozen=True)
class RowProblem:
    row: int
    reason: str  # one plain sentence

    def __str__(self) -> str:
        return tr("Række {row}: {reason}", row=self.row, reason=self.reason)


@dataclass
class ActionPlanChanges:
    file: Path
    sheet: str
    updates: list[ItemUpdate] = field(default_factory=list)
    additions: list[ItemAddition] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.updates or self.additions)

    def describe(self) -> list[str]:
        """The changes in the current language, one line each (the window and the CLI)."""
        names = vocabulary.action_field_names(tr)
        lines = []
        for update in self.updates:
            for change in update.changes:
                lines.append(tr("Række {row} ({problem}): {field}: »{old}« → »{new}«",
                                row=update.row, problem=_shown("problem", update.problem)[:40],
                                field=names[change.field], old=_shown(change.field, change.old),
                                new=_shown(change.field, change.new)))
        for addition in self.additions:
            lines.append(tr("Række {row}: nyt punkt »{problem}«", row=addition.row,
                            problem=_shown("problem", addition.fields["problem"])))
        return lines


def _shown(field_name: str, value: object) -> str:
    """A field's value as a line of describe() shows it: a date as the sheet writes it, a
    status by its name, a long text cut."""
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if field_name == "status":
        return vocabulary.status_names(tr).get(str(value), str(value))
    text = str(value or "")
    return text if len(text) <= 60 else text[:59] + "…"


@dataclass(frozen=True)
class _Context:
    items: dict[int, ActionItem]
    statuses: dict[str, str]  # casefolded name or code -> code
    units: Sequence[OrgUnit]
    dimensions: Mapping[str, Sequence[str]]  # code -> its names
    rounds: Sequence[str]
    headers: dict[int, str]


def read_action_plan_sheet(
    path: Path,
    project_actions: Iterable[ActionItem],
    *,
    units: Sequence[OrgUnit] = (),
    dimensions: Mapping[str, Sequence[str]] | None = None,
    rounds: Sequence[str] = (),
    progress: Progress = no_progress,
) -> ActionPlanChanges:
    """The changes the filled-in sheet in `path` asks for. `units`, `dimensions` (code -> names
    in any language) and `rounds` are what a filled-in empty row may name; an empty `rounds`
    accepts any round. Raises InputError when the file is not such a workbook."""
    path = Path(path)
    title, rows = _sheet_rows(path, progress)
    context = _Context({a.id: a for a in project_actions}, _status_codes(), units,
                       dimensions or {}, rounds, {})
    plan = ActionPlanChanges(path, title)
    seen: dict[int, int] = {}
    for number, values in rows:
        if number == HEADER_ROW:
            context.headers.update({i + 1: normal_text(v) for i, v in enumerate(values)})
        elif number > HEADER_ROW:
            cells = list(values) + [None] * (LAST_COLUMN - len(values))
            _read_row(plan, context, number, cells, seen)
    return plan


def _sheet_rows(path: Path, progress: Progress) -> tuple[str, list[tuple[int, Row]]]:
    def action_plan_sheet(workbook: XlsxWorkbook) -> str:
        for title in workbook.sheet_titles:
            header = guarded(workbook, lambda title=title: next(
                workbook.sheet(title).iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW,
                                                values_only=True), ()))
            if len(header) >= ITEM_ID and header[ITEM_ID - 1] == HIDDEN_KEYS[ITEM_ID]:
                return str(title)
        raise InputError("{name} har intet handlingsplan-ark skrevet af APV Desktop (rapportens "
                         "ark Handlingsplan); skriv rapporten igen og udfyld det ark.",
                         name=path.name)

    return read_sheet_rows(path, action_plan_sheet, progress)


def _status_codes() -> dict[str, str]:
    from apv_desktop.vocabulary import status_names

    codes: dict[str, str] = {}
    for language in LANGUAGES:
        for code, name in status_names(translator(language)).items():
            codes[name.casefold()] = code
            codes[code] = code
    return codes


def _read_row(plan: ActionPlanChanges, context: _Context, row: int, cells: list[object],
              seen: dict[int, int]) -> None:
    hidden = {column: normal_text(cells[column - 1]) for column in HIDDEN_KEYS}
    problems: list[str] = []
    fields = _editable_fields(context, cells, problems)
    if hidden[ITEM_ID]:
        _item_row(plan, context, row, cells, hidden, fields, problems, seen)
    elif hidden[UNIT_CODE] or hidden[DIMENSION_CODE] or hidden[FINGERPRINT]:
        _pressure_point_row(plan, context, row, cells, hidden, fields, problems)
    elif _filled_in(fields) or normal_text(cells[UNIT - 1]) or normal_text(cells[DIMENSION - 1]):
        _free_row(plan, context, row, cells, hidden, fields, problems)


def _editable_fields(context: _Context, cells: list[object], problems: list[str]
                     ) -> dict[str, object]:
    fields: dict[str, object] = {name: normal_text(cells[column - 1])
                                 for name, column in TEXT_FIELDS.items()}
    for name, column in DATE_FIELDS.items():
        fields[name] = _date(cells[column - 1], _where(context, column), problems)
    status = normal_text(cells[STATUS - 1])
    code = context.statuses.get(status.casefold()) if status else DEFAULT_STATUS
    if code is None:
        names = sorted({k for k, v in context.statuses.items() if k != v})
        problems.append(tr("{value} har {status!r}, som ikke er en status; vælg en fra listen "
                           "({value2} …).",
                           value=_where(context, STATUS), status=status,
                           value2=', '.join(names[:4])))
    fields["status"] = code or status
    return fields


def _where(context: _Context, column: int) -> str:
    header = context.headers.get(column) or ""
    where = tr("kolonne {letter}", letter=column_letter(column - 1))
    return where + (f" ({header})" if header else "")


def _date(value: object, where: str, problems: list[str]) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2958466:
        return date.fromordinal(EXCEL_EPOCH.toordinal() + int(value))  # a date without format
    text = normal_text(value)
    with contextlib.suppress(NotADate):
        return parse_date(text)  # the one reader of typed dates (core/dates.py)
    problems.append(tr("{where} har {text!r}, som ikke er en dato; skriv den som 31-12-2025.",
                       where=where, text=text))
    return None


def _filled_in(fields: Mapping[str, object]) -> bool:
    return any(fields[name] not in ("", None) for name in EDITABLE_FIELDS if name != "status"
               ) or fields["status"] != DEFAULT_STATUS


def _item_row(plan: ActionPlanChanges, context: _Context, row: int, cells: list[object],
              hidden: dict[int, str], fields: dict[str, object], problems: list[str],
              seen: dict[int, int]) -> None:
    text = hidden[ITEM_ID]
    item_id = int(text) if text.isdigit() else None
    item = context.items.get(item_id) if item_id is not None else None
    if item_id is None or item is None:
        plan.problems.append(RowProblem(row, tr("det skjulte punkt-id {text!r} er ikke et punkt i "
                                                "dette projekt (er arket fra et andet projekt?).",
                                                text=text)))
        return
    if item_id in seen:
        plan.problems.append(RowProblem(row, tr("punkt {item_id} står der igen (først i række "
                                                "{seen}); en række blev kopieret; slet kopien.",
                                                item_id=item_id, seen=seen[item_id])))
        return
    seen[item_id] = row
    identity = identity_fingerprint(text, hidden[ROUND], hidden[UNIT_CODE],
                                    hidden[DIMENSION_CODE], cells[UNIT - 1],
                                    cells[DIMENSION - 1], cells[PROBLEM - 1])
    if identity != hidden[FINGERPRINT]:
        plan.problems.append(RowProblem(row, tr("enheden, dimensionen, problemet eller de "
                                                "skjulte kolonner er ændret, efter rapporten "
                                                "blev skrevet, så rækken kan ikke knyttes til "
                                                "sit punkt.")))
        return
    if (hidden[ROUND], hidden[UNIT_CODE], hidden[DIMENSION_CODE]) != (
            item.round, item.unit or "", item.dimension or ""):
        plan.problems.append(RowProblem(row, tr("punkt {item_id} er flyttet til en anden runde, "
                                                "enhed eller dimension i programmet, efter "
                                                "rapporten blev skrevet; skriv rapporten igen.",
                                                item_id=item_id)))
        return
    if problems:
        plan.problems.extend(RowProblem(row, p) for p in problems)
        return
    if content_fingerprint(fields) == hidden[CONTENT]:
        return  # nobody changed this row
    current = _item_fields(item)
    if content_fingerprint(current) != hidden[CONTENT]:
        plan.problems.append(RowProblem(row, tr("punkt {item_id} er ændret både i arket og i "
                                                "programmet, efter rapporten blev skrevet; "
                                                "foretag ændringen i programmet.",
                                                item_id=item_id)))
        return
    changes = tuple(FieldChange(name, getattr(item, name), fields[name])
                    for name in EDITABLE_FIELDS if current[name] != fields[name])
    if changes:
        plan.updates.append(ItemUpdate(row, item_id, item.unit, item.dimension, item.problem,
                                       changes))


def _item_fields(item: ActionItem) -> dict[str, object]:
    """An item's fields as the sheet shows them (cleaned the way a cell holds text)."""
    from apv_desktop.reports.styles import clean_text

    found: dict[str, object] = {name: normal_text(clean_text(getattr(item, name)))
                                for name in TEXT_FIELDS}
    found |= {name: getattr(item, name) for name in DATE_FIELDS}
    found["status"] = item.status
    return found


def _pressure_point_row(plan: ActionPlanChanges, context: _Context, row: int,
                        cells: list[object], hidden: dict[int, str], fields: dict[str, object],
                        problems: list[str]) -> None:
    identity = identity_fingerprint("", hidden[ROUND], hidden[UNIT_CODE], hidden[DIMENSION_CODE],
                                    cells[UNIT - 1], cells[DIMENSION - 1], None)
    if identity != hidden[FINGERPRINT]:
        plan.problems.append(RowProblem(row, tr("enheden, dimensionen eller de skjulte kolonner "
                                                "for dette pressionspunkt er ændret, efter "
                                                "rapporten blev skrevet, så rækken kan ikke "
                                                "knyttes til noget.")))
        return
    if problems:
        plan.problems.extend(RowProblem(row, p) for p in problems)
        return
    if content_fingerprint(fields) == hidden[CONTENT]:
        return  # still as written: no item asked for
    _add(plan, context, row, hidden[ROUND], hidden[UNIT_CODE] or None,
         hidden[DIMENSION_CODE] or None, fields)


def _free_row(plan: ActionPlanChanges, context: _Context, row: int, cells: list[object],
              hidden: dict[int, str], fields: dict[str, object], problems: list[str]) -> None:
    unit = _unit_code(context, normal_text(cells[UNIT - 1]), problems)
    dimension = _dimension_code(context, normal_text(cells[DIMENSION - 1]), problems)
    round_name = hidden[ROUND]
    if not round_name:
        problems.append(tr("rækken har ingen runde i sin skjulte kolonne; skriv det nye punkt i "
                           "en af arkets nummererede tomme rækker."))
    if problems:
        plan.problems.extend(RowProblem(row, p) for p in problems)
        return
    _add(plan, context, row, round_name, unit, dimension, fields)


def _add(plan: ActionPlanChanges, context: _Context, row: int, round_name: str,
         unit: str | None, dimension: str | None, fields: dict[str, object]) -> None:
    if context.rounds and round_name not in context.rounds:
        plan.problems.append(RowProblem(row, tr("projektet har ingen runde, der hedder "
                                                "{round_name!r}.", round_name=round_name)))
    elif not fields["problem"]:
        plan.problems.append(RowProblem(row, tr("et nyt punkt skal have et problem i {where}.",
                                                where=_where(context, PROBLEM))))
    else:
        plan.additions.append(ItemAddition(row, round_name, unit, dimension, dict(fields)))


def _unit_code(context: _Context, text: str, problems: list[str]) -> str | None:
    if not text:
        return None
    wanted = text.casefold()
    by_code = [u.code for u in context.units if u.code.casefold() == wanted]
    by_name = [u.code for u in context.units
               if u.name.casefold() == wanted or f"{u.name} ({u.code})".casefold() == wanted]
    found = by_code or by_name
    if len(found) == 1:
        return found[0]
    if found:
        problems.append(tr("{value}: flere enheder hedder {text!r}; skriv enhedens kode.",
                           value=_where(context, UNIT), text=text))
    else:
        problems.append(tr("{value}: der er ingen enhed {text!r} i projektet.",
                           value=_where(context, UNIT), text=text))
    return None


def _dimension_code(context: _Context, text: str, problems: list[str]) -> str | None:
    if not text:
        return None
    wanted = text.casefold()
    found = sorted({code for code, names in context.dimensions.items()
                    if code.casefold() == wanted or any(n.casefold() == wanted for n in names)})
    if len(found) == 1:
        return found[0]
    problems.append(tr("{value}: der er ingen dimension {text!r} i spørgeskemaet.",
                       value=_where(context, DIMENSION), text=text) if not found else
                    tr("{value}: {text!r} er navnet på flere dimensioner; skriv dimensionens "
                       "kode.", value=_where(context, DIMENSION), text=text))
    return None
