"""The choices, dimensions and settings sheets of an XLSForm (the survey sheet has its own module).

Scores (design.md): `choices.score` is 0-100, blank = not scored. Without any `score` column on
the sheet, a list whose choice names are exactly the integers 1..k is scored linearly
(1 -> 0, k -> 100); every other list is categorical.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from apv_desktop.core.model import Choice, ChoiceList, Dimension, Direction, pick_label
from apv_desktop.i18n import tr
from apv_desktop.interchange.xlsform_columns import (
    Column,
    cell_number,
    cell_text,
    language_code,
)
from apv_desktop.interchange.xlsform_context import ReadContext
from apv_desktop.interchange.xlsform_sheets import Sheet, SheetRow

# Scores and reference values are kept to 10 decimals: Excel files hold about 16 significant
# digits, and a value like 100/3 must come back equal after an export and a new import.
NUMBER_DECIMALS = 10


@dataclass
class Settings:
    title: str = ""
    title_labels: dict[str, str] = field(default_factory=dict)
    form_id: str = ""
    version: str = ""
    default_language: str | None = None  # a code, when the sheet names one


def read_settings(sheet: Sheet | None) -> Settings:
    """The first row under the header of the settings sheet (ODK reads only that one)."""
    settings = Settings()
    if sheet is None or not sheet.rows:
        return settings
    row = sheet.rows[0]
    settings.title = row.text(sheet.column("form_title", "title"))
    for column in [*sheet.language_columns("form_title"), *sheet.language_columns("apv_title")]:
        if column.language is not None and row.text(column):
            settings.title_labels[column.language] = row.text(column)
    settings.form_id = row.text(sheet.column("form_id", "id_string"))
    settings.version = row.text(sheet.column("version"))
    settings.default_language = language_code(row.text(sheet.column("default_language")))
    return settings


def read_choices(sheet: Sheet | None, context: ReadContext) -> dict[str, ChoiceList]:
    if sheet is None or not sheet.rows:
        return {}
    list_column = sheet.column("list_name")
    name_column = sheet.column("name", "value")
    for wanted, column in (("list_name", list_column), ("name", name_column)):
        if column is None:
            raise context.refuse(sheet, None, tr("overskriftsrækken har ingen »{wanted}«-kolonne.",
                                                 wanted=wanted))
    score_column = sheet.column("score")
    lists: dict[str, ChoiceList] = {}
    first_rows: dict[tuple[str, str], int] = {}
    for row in sheet.rows:
        list_name, name = row.text(list_column), row.text(name_column)
        if not list_name and not name:
            continue  # a stray label or note beside the table
        if not list_name or not name:
            missing, column = ("list name", list_column) if not list_name else ("name", name_column)
            context.problem(sheet, row.number, column, tr("svaret har ingen {missing}.",
                                                          missing=missing))
            continue
        if (list_name, name) in first_rows:
            context.problem(
                sheet, row.number, name_column,
                tr("række {first_rows} og {number} har begge svaret »{name}« i svarskalaen "
                   "»{list_name}«.",
                   first_rows=first_rows[list_name, name], number=row.number, name=name,
                   list_name=list_name),
            )
            continue
        first_rows[list_name, name] = row.number
        score = _score(sheet, row, score_column, context) if score_column else None
        labels = context.labels(sheet, row, "label")
        lists.setdefault(list_name, ChoiceList(list_name)).choices.append(
            Choice(name=name, labels=labels, score=score)
        )
    if score_column is None:
        for choice_list in lists.values():
            _score_linearly(choice_list)
    return lists


def _score(sheet: Sheet, row: SheetRow, column: Column, context: ReadContext) -> float | None:
    value = row.value(column)
    try:
        score = cell_number(value)
    except ValueError:
        score = -1.0  # reported just below
    if score is not None and not 0 <= score <= 100:
        context.problem(
            sheet, row.number, column,
            tr("»{value}« er ikke et pointtal fra 0 til 100 (lad feltet stå tomt for et svar uden "
               "point).", value=cell_text(value)),
        )
        return None
    return None if score is None else round(score, NUMBER_DECIMALS)


def _score_linearly(choice_list: ChoiceList) -> None:
    names = [choice.name for choice in choice_list.choices]
    if not all(name.isdigit() and str(int(name)) == name for name in names):
        return
    k = len(names)
    if k < 2 or sorted(int(name) for name in names) != list(range(1, k + 1)):
        return
    for choice in choice_list.choices:
        choice.score = round((int(choice.name) - 1) * 100 / (k - 1), NUMBER_DECIMALS)


_DIRECTIONS = {direction.value: direction for direction in Direction}


def read_dimensions(sheet: Sheet | None, context: ReadContext) -> list[Dimension]:
    if sheet is None or not sheet.rows:
        return []
    code_column = sheet.column("code")
    if code_column is None:
        raise context.refuse(sheet, None, tr("overskriftsrækken har ingen »code«-kolonne."))
    dimensions: list[Dimension] = []
    first_rows: dict[str, int] = {}
    for row in sheet.rows:
        code = row.text(code_column)
        if not code:
            context.problem(sheet, row.number, code_column, tr("dimensionen har ingen kode."))
            continue
        if code in first_rows:
            context.problem(
                sheet, row.number, code_column,
                tr("række {first_rows} og {number} har begge dimensionen »{code}«.",
                   first_rows=first_rows[code], number=row.number, code=code),
            )
            continue
        first_rows[code] = row.number
        dimensions.append(
            Dimension(
                code=code,
                labels=context.labels(sheet, row, "label"),
                direction=_direction(sheet, row, code, context),
                reference=_reference(sheet, row, context),
                min_n=_min_n(sheet, row, context),
                domain=_domain(sheet, row, context),
            )
        )
    return dimensions


def _direction(sheet: Sheet, row: SheetRow, code: str, context: ReadContext) -> Direction:
    column = sheet.column("direction")
    text = row.text(column)
    if not text:
        context.warn(
            sheet, row.number,
            tr("dimensionen »{code}« har ingen retning; higher_is_better antages.", code=code),
        )
        return Direction.HIGHER_IS_BETTER
    key = "_".join(text.casefold().replace("-", " ").replace("_", " ").split())
    if key not in _DIRECTIONS:
        context.problem(
            sheet, row.number, column,
            tr("»{text}« er ikke en retning (skriv higher_is_better eller higher_is_worse).",
               text=text),
        )
        return Direction.HIGHER_IS_BETTER
    return _DIRECTIONS[key]


def _reference(sheet: Sheet, row: SheetRow, context: ReadContext) -> float | None:
    column = sheet.column("reference")
    value = row.value(column)
    try:
        reference = cell_number(value)
    except ValueError:
        reference = -1.0  # reported just below
    if reference is not None and not 0 <= reference <= 100:
        context.problem(
            sheet, row.number, column,
            tr("»{value}« er ikke en referenceværdi fra 0 til 100 (eller tom).",
               value=cell_text(value)),
        )
        return None
    return None if reference is None else round(reference, NUMBER_DECIMALS)


def _min_n(sheet: Sheet, row: SheetRow, context: ReadContext) -> int | None:
    column = sheet.column("min_n")
    value = row.value(column)
    try:
        number = cell_number(value)
    except ValueError:
        number = 0.0  # reported just below
    if number is None:
        return None
    if not number.is_integer() or number < 3:
        context.problem(
            sheet, row.number, column,
            tr("»{value}« er ikke et helt tal på mindst 3 (eller tom).", value=cell_text(value)),
        )
        return None
    return int(number)


def _domain(sheet: Sheet, row: SheetRow, context: ReadContext) -> str | None:
    """The plain `domain` cell; without one, the `domain::lang` text (default language first)."""
    plain = row.text(sheet.column("domain"))
    if plain:
        return plain
    return pick_label(context.labels(sheet, row, "domain"), context.default_language) or None
