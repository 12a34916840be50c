"""Read a response file (CSV or XLSX, one row per respondent) into a ResponseSet.

Columns are matched to questionnaire items by response_headers (name, label in any language,
group path, bracketed statement), so an export from Microsoft Forms, Google Forms, SurveyXact,
LimeSurvey or KoboToolbox/ODK can be read as is; cells become numbers by response_values.
Columns that identify a person (e-mail, name, respondent id, exact times) are dropped before any
value is looked at, and never reach the result. Import is all-or-nothing: every bad cell is
collected and reported together. A file that covers fewer than all scored questions, or whose
rows hold no answers, is read but marked `partial`; the service decides whether to store it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from apv_desktop.core.answers import MISSING, NOT_A_CHOICE, ResponseSet, values_of_codes
from apv_desktop.core.model import ItemType, OrgUnit, Questionnaire
from apv_desktop.core.progress import Progress, no_progress
from apv_desktop.errors import InputError
from apv_desktop.i18n import tr, trn
from apv_desktop.interchange.coded_table import CodedTable, read_coded_table
from apv_desktop.interchange.response_headers import (
    UNIT_MAPPING,
    ColumnPlan,
    is_identifying_header,
    plan_columns,
)
from apv_desktop.interchange.response_values import encoder_for, option_chosen, unit_resolver
from apv_desktop.interchange.tables import Table, refuse_problems, short_header

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "UNIT_MAPPING", "ColumnPlan", "ResponseImport", "encoder_for", "is_identifying_header",
    "plan_columns", "read_responses", "plan_for_table",
]  # fmt: skip
MAX_NUMBERS_IN_WARNING = 20


@dataclass
class ResponseImport:
    responses: ResponseSet
    column_map: dict[str, str]  # column header -> item name
    unit_column: str
    dropped_columns: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    skipped_rows: list[int] = field(default_factory=list)  # row numbers in the file
    warnings: list[str] = field(default_factory=list)  # problems the user may want to fix
    notes: list[str] = field(default_factory=list)  # what is left out on purpose
    scored_items: list[str] = field(default_factory=list)  # every scored item of the form
    missing_scored: list[str] = field(default_factory=list)  # scored items with no column
    source: str = ""

    @property
    def partial(self) -> bool:
        """The file leaves scored questions out or drops respondents: say so, ask first."""
        return bool(self.missing_scored or self.skipped_rows)

    def headline(self) -> str:
        """One sentence on what is partial (empty when nothing is)."""
        parts: list[str] = []
        if self.missing_scored:
            matched = len(self.scored_items) - len(self.missing_scored)
            parts.append(
                tr("{source} passer kun til {matched} af de {value} spørgsmål med point (ingen "
                   "kolonne til {value2})",
                   source=self.source, matched=matched, value=len(self.scored_items),
                   value2=listing(self.missing_scored))
            )
        if self.skipped_rows:
            parts.append(trn("{n} række har ingen svar og udelades (række {rows})",
                             "{n} rækker har ingen svar og udelades (rækkerne {rows})",
                             len(self.skipped_rows), rows=listing(self.skipped_rows)))
        return "; ".join(parts)


def plan_for_table(
    table: Table | CodedTable,
    questionnaire: Questionnaire,
    units: list[OrgUnit],
    mapping: dict[str, str] | None = None,
) -> ColumnPlan:
    return plan_columns(table.headers, questionnaire, mapping, table.distinct, units,
                        table.repeated, table.source)


def read_responses(
    path: Path,
    questionnaire: Questionnaire,
    units: list[OrgUnit],
    mapping: dict[str, str] | None = None,
    progress: Progress = no_progress,
) -> ResponseImport:
    """Read and validate every row; raises InputError listing the problems if any cell is bad."""
    table = read_coded_table(Path(path), progress, repeated_headers=True)
    source = table.source
    plan = plan_for_table(table, questionnaire, units, mapping)
    if plan.unit_column is None:
        raise InputError(
            "{source} har ingen enhedskolonne; kald overskriften enhed, afdeling, team, unit "
            "eller department, eller knyt den kolonne, der har enhederne.", source=source
        )
    if not plan.item_columns and not plan.option_columns:
        raise InputError(
            "{source} har ingen kolonne, der passer til et spørgsmål i »{title}« efter navn eller "
            "tekst; knyt dens kolonner til spørgsmålene.", source=source, title=questionnaire.title
        )
    _refuse_shared_items(plan, source)

    items = questionnaire.answerable_items()
    item_names = [item.name for item in items]
    position = {name: index for index, name in enumerate(item_names)}
    header_index = {header: index for index, header in enumerate(table.headers)}
    rows, width = table.size, len(items)
    # Every answer as one byte (choice_codes), row after row, while every column read fits
    # that; a column that does not (decimals, large numbers, one column per option) is read
    # into the float matrix afterwards.
    cells = bytearray(b"\xff" * (rows * width))
    in_floats: dict[int, tuple[int, dict[int, float]]] = {}  # item place -> column, values
    answered = bytearray(rows)  # 1: the row holds an answer (a bad cell counts as one)
    problems: list[tuple[int, int, str]] = []  # (row number, column index, message)
    raw_texts: dict[str, list[tuple[int, str]]] = {}  # item -> (table row, text)

    def note(column: int, reason_of: dict[str, str]) -> None:
        for row in table.rows_holding(column, reason_of):
            answered[row] = 1
            where = tr("række {row}, kolonne {column}", row=table.row_numbers[row],
                       column=short_header(table.headers[column]))
            reason = reason_of[table.text(row, column)]
            problems.append((table.row_numbers[row], column, f"{where}: {reason}"))

    for header, item_name in plan.item_columns.items():
        column = header_index[header]
        item = questionnaire.item(item_name)
        assert item is not None  # plan_columns only maps to answerable items
        if item.type is ItemType.TEXT:
            filled = [row for row, code in enumerate(table.column_codes(column)) if code]
            raw_texts[item_name] = [(row, table.text(row, column)) for row in filled]
            for row in filled:  # code 0 is ''
                answered[row] = 1
            continue
        encode = encoder_for(item, questionnaire, table.distinct(column))
        encoded, reasons = table.coded(column, encode, MISSING)
        if reasons:
            note(column, reasons)
        codes = table.byte_column(column)
        table_of_bytes = _byte_table(encoded)
        if codes is not None and table_of_bytes is not None:
            cells[position[item_name] :: width] = codes.translate(table_of_bytes)
        else:
            in_floats[position[item_name]] = (column, encoded)

    options = {header_index[header]: (position[name], choice)
               for header, (name, choice) in plan.option_columns.items()
               if name not in plan.item_columns.values()}  # Kobo's whole answer wins
    values = None
    if in_floats or options:
        values, answered_rows = _float_answers(table, bytes(cells), width, in_floats, options,
                                               note)
        for row in answered_rows:
            answered[row] = 1
    else:
        empty = b"\xff" * width
        for row, start in enumerate(range(0, rows * width, width)):
            if cells[start : start + width] != empty:
                answered[row] = 1

    unit_column = header_index[plan.unit_column]
    unit_codes, unit_reasons = table.mapped(unit_column, unit_resolver(units), "")
    for row in table.rows_holding(unit_column, unit_reasons):
        if answered[row]:
            number = table.row_numbers[row]
            reason = unit_reasons[table.text(row, unit_column)]
            where = tr("række {row}, kolonne {column}", row=number,
                       column=short_header(plan.unit_column))
            problems.append((number, unit_column, f"{where}: {reason}"))
    if problems:
        problems.sort(key=lambda problem: (problem[0], problem[1]))
        messages = [message for _, _, message in problems]
        refuse_problems(source, messages, consequence=tr(", intet importeret"))

    kept = [row for row in range(rows) if answered[row]]
    if not kept:
        raise InputError(
            "{source} har ingen rækker med svar; kontrollér, at det er filen med svarene, og at "
            "dens kolonner er knyttet til spørgsmålene.", source=source
        )
    new_index = {row: place for place, row in enumerate(kept)}  # table row -> sheet
    texts = {
        name: [(new_index[row], text) for row, text in pairs]
        for name, pairs in raw_texts.items()
        if pairs
    }
    all_kept = len(kept) == rows
    kept_units = unit_codes if all_kept else [unit_codes[row] for row in kept]
    if values is not None:
        responses = ResponseSet(item_names, kept_units, values if all_kept else values[kept],
                                texts)
    else:
        kept_cells = bytes(cells) if all_kept else b"".join(
            cells[row * width : (row + 1) * width] for row in kept)
        responses = ResponseSet.of_codes(item_names, kept_units, kept_cells, texts)
    skipped = [table.row_numbers[row] for row in range(rows) if not answered[row]]
    covered = set(plan.item_columns.values()) | {name for name, _ in plan.option_columns.values()}
    scored = [item.name for item in items if questionnaire.is_scored(item)]
    return ResponseImport(
        responses=responses,
        column_map=dict(plan.item_columns),
        unit_column=plan.unit_column,
        dropped_columns=list(plan.dropped_columns),
        ignored_columns=list(plan.ignored_columns),
        skipped_rows=skipped,
        warnings=_warnings(plan, skipped, item_names, covered),
        notes=_notes(plan),
        scored_items=scored,
        missing_scored=[name for name in scored if name not in covered],
        source=source,
    )


def _byte_table(encoded: dict[int, float]) -> bytes | None:
    """The translation of a column's codes to their answers as choice codes, when every
    answer is a whole number below NOT_A_CHOICE (or none); None when one is not."""
    table = bytearray(b"\xff" * 256)
    for code, value in encoded.items():
        if code > 0xFF:
            return None
        if value != value:  # NaN: no answer
            continue
        if not (isinstance(value, float) and value.is_integer() and 0 <= value < NOT_A_CHOICE):
            return None
        table[code] = int(value)
    return bytes(table)


def _float_answers(
    table: CodedTable,
    cells: bytes,
    width: int,
    in_floats: dict[int, tuple[int, dict[int, float]]],
    options: dict[int, tuple[int, int]],
    note: Callable[[int, dict[str, str]], None],
) -> tuple[np.ndarray, list[int]]:
    """The answers as a float matrix: `cells`, then the columns that do not fit a byte (item
    place -> column, answer by code), then the one-column-per-option columns (column -> item
    place, option), each adding its option's bit to its item's mask; and the rows answered."""
    import numpy as np

    values = values_of_codes(np.frombuffer(cells, dtype=np.uint8).reshape(table.size, width))
    for place, (column, encoded) in in_floats.items():
        by_code = np.full(len(table.texts), MISSING)
        by_code[list(encoded)] = list(encoded.values())
        values[:, place] = by_code[np.asarray(memoryview(table.column_codes(column)))]
    for column, (place, choice) in options.items():
        chosen, reasons = table.mapped(column, option_chosen, False)
        mask = np.array(chosen, dtype=np.bool_)
        target = values[:, place]
        target[mask] = np.where(np.isnan(target[mask]), 0, target[mask]) + (1 << choice)
        if reasons:
            note(column, reasons)
    return values, np.flatnonzero(~np.isnan(values).all(axis=1)).tolist()


def _refuse_shared_items(plan: ColumnPlan, source: str) -> None:
    columns_of: dict[str, list[str]] = {}
    for header, item_name in plan.item_columns.items():
        columns_of.setdefault(item_name, []).append(header)
    shared = [
        tr("kolonnerne {columns} rummer begge {name}", name=name,
           columns=tr(" og ").join(repr(short_header(h)) for h in headers))
        for name, headers in columns_of.items()
        if len(headers) > 1
    ]
    if shared:
        raise InputError(tr("{source}: {shared}; knyt en af dem til ingenting.",
                            source=source, shared=shared[0]), shared)


# ---------------------------------------------------------------------------- messages


def listing(values: list[str] | list[int]) -> str:
    shown = [str(value) for value in values[:MAX_NUMBERS_IN_WARNING]]
    if len(values) > MAX_NUMBERS_IN_WARNING:
        shown.append(tr("og {count} flere", count=len(values) - MAX_NUMBERS_IN_WARNING))
    return ", ".join(shown)


def _notes(plan: ColumnPlan) -> list[str]:
    """What the import leaves out on purpose: information, not a problem to fix."""
    if not plan.dropped_columns:
        return []
    return [tr("Udeladte kolonner, der kan identificere en besvarer eller er spørgeværktøjets "
               "egen bogføring (gemmes aldrig): {value}.", value=listing(plan.dropped_columns))]


def _warnings(
    plan: ColumnPlan, skipped: list[int], item_names: list[str], covered: set[str]
) -> list[str]:
    warnings: list[str] = []
    for header, names in plan.ambiguous_columns.items():
        warnings.append(
            tr("Kolonnen »{value}« er sprunget over: dens tekst er teksten på flere spørgsmål "
               "({value2}); knyt den til ét af dem.",
               value=short_header(header), value2=', '.join(names))
        )
    if plan.unknown_columns:
        shown = listing([short_header(header) for header in plan.unknown_columns])
        warnings.append(
            tr("Kolonner, der ikke passer til noget spørgsmål, er sprunget over: {shown}; knyt "
               "dem til spørgsmål, hvis de rummer svar.", shown=shown)
        )
    if skipped:
        warnings.append(tr("Rækker uden svar er sprunget over: {value}.", value=listing(skipped)))
    absent = [name for name in item_names if name not in covered]
    if absent:
        warnings.append(
            tr("Ingen kolonne til disse spørgsmål (står ubesvarede): {value}; knyt en kolonne til "
               "hvert, hvis filen har dem.", value=listing(absent))
        )
    return warnings
