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

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from apv_desktop.core.answers import MISSING, ResponseSet
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
    warnings: list[str] = field(default_factory=list)
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
    row_count = table.size
    values = np.full((row_count, len(items)), MISSING, dtype=np.float64, order="F")
    answered = np.zeros(row_count, dtype=bool)
    problems: list[tuple[int, int, str]] = []  # (row number, column index, message)
    raw_texts: dict[str, list[tuple[int, str]]] = {}  # item -> (table row, text)

    def note(column: int, header: str, reason_of: dict[str, str]) -> None:
        bad_rows = table.rows_holding(column, reason_of)
        answered[bad_rows] = True  # a bad cell is an answer, not a blank
        for row in bad_rows:
            where = tr("række {row}, kolonne {column}", row=table.row_numbers[row],
                       column=short_header(header))
            reason = reason_of[table.texts[table.codes[row, column]]]
            problems.append((table.row_numbers[row], column, f"{where}: {reason}"))

    for header, item_name in plan.item_columns.items():
        column = header_index[header]
        item = questionnaire.item(item_name)
        assert item is not None  # plan_columns only maps to answerable items
        if item.type is ItemType.TEXT:
            filled = np.flatnonzero(table.codes[:, column]).tolist()  # code 0 is ''
            raw_texts[item_name] = [(row, table.texts[table.codes[row, column]]) for row in filled]
            answered[filled] = True
            continue
        encode = encoder_for(item, questionnaire, table.distinct(column))
        encoded, reasons = table.mapped(column, encode, MISSING, np.float64)
        values[:, position[item_name]] = encoded
        if reasons:
            note(column, header, reasons)

    for header, (item_name, choice) in plan.option_columns.items():
        if item_name in plan.item_columns.values():
            continue  # Kobo writes the whole answer too; that column wins
        column = header_index[header]
        mask, reasons = table.mapped(column, option_chosen, False, np.bool_)
        target = values[:, position[item_name]]
        target[mask] = np.where(np.isnan(target[mask]), 0, target[mask]) + (1 << choice)
        if reasons:
            note(column, header, reasons)

    answered |= ~np.isnan(values).all(axis=1)
    unit_column = header_index[plan.unit_column]
    unit_codes, unit_reasons = table.mapped(unit_column, unit_resolver(units), "", np.object_)
    for row in table.rows_holding(unit_column, unit_reasons):
        if answered[row]:
            number = table.row_numbers[row]
            reason = unit_reasons[table.texts[table.codes[row, unit_column]]]
            where = tr("række {row}, kolonne {column}", row=number,
                       column=short_header(plan.unit_column))
            problems.append((number, unit_column, f"{where}: {reason}"))
    if problems:
        problems.sort(key=lambda problem: (problem[0], problem[1]))
        messages = [message for _, _, message in problems]
        refuse_problems(source, messages, consequence=tr(", intet importeret"))

    kept = np.flatnonzero(answered)
    if kept.size == 0:
        raise InputError(
            "{source} har ingen rækker med svar; kontrollér, at det er filen med svarene, og at "
            "dens kolonner er knyttet til spørgsmålene.", source=source
        )
    new_index = np.cumsum(answered) - 1  # table row -> row in the ResponseSet
    texts = {
        name: [(int(new_index[row]), text) for row, text in pairs]
        for name, pairs in raw_texts.items()
        if pairs
    }
    responses = ResponseSet(
        item_names=item_names,
        unit_codes=unit_codes[kept].tolist(),
        values=values if kept.size == row_count else values[kept],  # no copy when all kept
        texts=texts,
    )
    skipped = [table.row_numbers[row] for row in np.flatnonzero(~answered)]
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
        scored_items=scored,
        missing_scored=[name for name in scored if name not in covered],
        source=source,
    )


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


def _warnings(
    plan: ColumnPlan, skipped: list[int], item_names: list[str], covered: set[str]
) -> list[str]:
    warnings: list[str] = []
    if plan.dropped_columns:
        warnings.append(
            tr("Udeladt kolonner, der kan identificere en besvarer eller er spørgeværktøjets egen "
               "bogføring (gemmes aldrig): {value}.", value=listing(plan.dropped_columns))
        )
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
