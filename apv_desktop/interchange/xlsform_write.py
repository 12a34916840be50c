"""Write a questionnaire as an XLSForm that people can read and edit, and that reads back equal.

Sheets: survey, choices, settings, dimensions. Texts go to `label::Dansk (da)`-style columns, one
per language of the questionnaire (codes without a known name as `label::xx (xx)`). The APV
columns (`survey.dimension`, `survey.reverse`, `choices.score`) are always written, and
`survey.background` when a question is marked as one; other XLSForm tools ignore them.
Header rows are bold and frozen, columns sized to their content.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from apv_desktop.core.model import OrgUnit, Questionnaire, Section
from apv_desktop.interchange.atomic import atomic_output, save_workbook
from apv_desktop.interchange.xlsform_columns import language_header_name
from apv_desktop.interchange.xlsform_sheets_other import NUMBER_DECIMALS
from apv_desktop.interchange.xlsform_types import type_text

_MIN_WIDTH, _MAX_WIDTH = 8, 60
# The title per language: ODK's converter (pyxform) crashes on `form_title::lang` columns, so
# they go to a column of our own that it ignores; the reader takes both.
TITLE_COLUMN = "apv_title"
# A form meant for collecting in Kobo/ODK asks for the org unit first, so that the answers come
# back with a `unit` column of unit codes (response files find it by its name).
UNIT_QUESTION, UNIT_LIST = "unit", "apv_units"
UNIT_QUESTION_LABELS = {"da": "Hvilken enhed arbejder du i?", "sv": "Vilken enhet arbetar du i?",
                        "en": "Which unit do you work in?"}

Cell = str | float | int | None


def write_xlsform(
    questionnaire: Questionnaire, path: Path, units: list[OrgUnit] | None = None
) -> None:
    """Write `questionnaire` to `path` (.xlsx) through a temporary file; a failed write leaves
    no file behind and any earlier file at `path` untouched. With `units`, the form is meant for
    collecting in another tool: it starts with a required select_one of those units."""
    from openpyxl import Workbook  # imported here: slow to import, and the GUI starts without it

    languages = _languages(questionnaire)
    book = Workbook()
    first = book.active
    assert first is not None  # a new Workbook holds one empty sheet
    book.remove(first)
    for title, rows in (
        ("survey", _survey_rows(questionnaire, languages, bool(units))),
        ("choices", _choice_rows(questionnaire, languages, units or [])),
        ("settings", _settings_rows(questionnaire, languages)),
        ("dimensions", _dimension_rows(questionnaire, languages)),
    ):
        _add_sheet(book, title, rows)
    with atomic_output(Path(path)) as temporary:
        save_workbook(book, temporary)


def _languages(questionnaire: Questionnaire) -> list[str]:
    """The questionnaire's languages, default first, plus any language a text uses anyway."""
    found = [questionnaire.default_language, *questionnaire.languages]
    texts: list[dict[str, str]] = [questionnaire.title_labels]
    for section in questionnaire.sections:
        texts.append(section.labels)
        for item in section.items:
            texts.extend((item.labels, item.hints))
    for choice_list in questionnaire.choice_lists.values():
        texts.extend(choice.labels for choice in choice_list.choices)
    texts.extend(dimension.labels for dimension in questionnaire.dimensions)
    for labels in texts:
        found.extend(labels)
    return list(dict.fromkeys(found))


def _headers(base: str, languages: list[str]) -> list[str]:
    return [f"{base}::{language_header_name(code)}" for code in languages]


def _texts(labels: dict[str, str], languages: list[str]) -> list[Cell]:
    return [labels.get(code) or None for code in languages]


def _yes(flag: bool) -> str | None:
    return "yes" if flag else None


def _number(value: float | None) -> float | None:
    return None if value is None else round(value, NUMBER_DECIMALS)


def _survey_rows(
    questionnaire: Questionnaire, languages: list[str], ask_unit: bool = False
) -> list[list[Cell]]:
    has_hints = any(item.hints for item in questionnaire.items())
    hint_languages = languages if has_hints else []
    header: list[Cell] = [
        "type", "name", *_headers("label", languages), *_headers("hint", hint_languages),
        "required", "relevant", "dimension", "reverse",
    ]
    rows: list[list[Cell]] = [header]
    if ask_unit:
        rows.append([f"select_one {UNIT_LIST}", UNIT_QUESTION,
                     *_texts(UNIT_QUESTION_LABELS, languages), *[None] * len(hint_languages),
                     "yes", None, None, None])
    for section in questionnaire.sections:
        rows.extend(_section_rows(section, languages, hint_languages))
    if any(item.background for item in questionnaire.items()):
        background = {item.name for item in questionnaire.items() if item.background}
        name = header.index("name")
        for row in rows:
            item_row = row[0] not in ("begin group", "end group")
            row.append("background" if row is header
                       else _yes(item_row and row[name] in background))
    return rows


def _section_rows(
    section: Section, languages: list[str], hint_languages: list[str]
) -> Iterable[list[Cell]]:
    blank_hints: list[Cell] = [None] * len(hint_languages)
    if section.name:
        yield ["begin group", section.name, *_texts(section.labels, languages), *blank_hints,
               None, section.relevant, None, None]
    for item in section.items:
        yield [
            type_text(item.type, item.list_name),
            item.name,
            *_texts(item.labels, languages),
            *_texts(item.hints, hint_languages),
            _yes(item.required),
            item.relevant,
            item.dimension,
            _yes(item.reverse),
        ]
    if section.name:
        yield ["end group", None, *[None] * len(languages), *blank_hints, None, None, None, None]


def _choice_rows(
    questionnaire: Questionnaire, languages: list[str], units: list[OrgUnit]
) -> list[list[Cell]]:
    rows: list[list[Cell]] = [["list_name", "name", *_headers("label", languages), "score"]]
    for unit in units:
        rows.append([UNIT_LIST, unit.code, *[unit.name] * len(languages), None])
    for choice_list in questionnaire.choice_lists.values():
        for choice in choice_list.choices:
            rows.append([choice_list.name, choice.name, *_texts(choice.labels, languages),
                         _number(choice.score)])
    return rows


def _settings_rows(questionnaire: Questionnaire, languages: list[str]) -> list[list[Cell]]:
    title_languages = [code for code in languages if code in questionnaire.title_labels]
    header: list[Cell] = [
        "form_title", *_headers(TITLE_COLUMN, title_languages), "form_id", "version",
        "default_language",
    ]
    values: list[Cell] = [
        questionnaire.title,
        *_texts(questionnaire.title_labels, title_languages),
        questionnaire.form_id or None,
        questionnaire.version or None,
        language_header_name(questionnaire.default_language),
    ]
    return [header, values]


def _dimension_rows(questionnaire: Questionnaire, languages: list[str]) -> list[list[Cell]]:
    rows: list[list[Cell]] = [
        ["code", *_headers("label", languages), "direction", "reference", "min_n", "domain"]
    ]
    for dimension in questionnaire.dimensions:
        rows.append([
            dimension.code,
            *_texts(dimension.labels, languages),
            dimension.direction.value,
            _number(dimension.reference),
            dimension.min_n,
            dimension.domain,
        ])
    return rows


def _add_sheet(book: Any, title: str, rows: list[list[Cell]]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    widths: dict[int, int] = {}
    for row_number, values in enumerate(rows, start=1):
        for column_number, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            cell = sheet.cell(row=row_number, column=column_number)
            if isinstance(value, str):
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                # text that starts with '=' is a label, never a formula to run
                cell.data_type = "s"
            else:
                cell.value = value
            longest_line = max(len(line) for line in str(value).splitlines() or [""])
            widths[column_number] = max(widths.get(column_number, 0), longest_line)
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    for column_number, width in widths.items():
        letter = get_column_letter(column_number)
        sheet.column_dimensions[letter].width = min(max(width + 2, _MIN_WIDTH), _MAX_WIDTH)
    sheet.freeze_panes = "A2"
