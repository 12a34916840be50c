"""Data (optional, off by default): the answers themselves, for people who want to count in
Excel. Each sheet is labelled with the nearest shown unit at or above its own, so every label
covers a group the suppression already allows (a shown unit's respondents minus those of its
shown sub-units: none, or at least the threshold). Rows are shuffled and carry no date or id;
free text and the questions under a stricter threshold are left out."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.model import Item, ItemType
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.styles import (
    HEADER_FILL,
    HEADER_FONT,
    NOTE_FONT,
    TITLE_FONT,
    clean_text,
)

LABEL_ROW, HEADER_ROW = 3, 4


def data_items(data: ReportData) -> list[Item]:
    return [
        i for i in data.questionnaire.answerable_items()
        if i.type is not ItemType.TEXT and not data.is_offensive_item(i)
        and i.name in data.responses.item_names
    ]


def shown_group_of(data: ReportData) -> dict[str, str | None]:
    """Each unit code -> the nearest shown unit at or above it (None: nothing above is shown)."""
    found: dict[str, str | None] = {}
    for unit in [data.organisation, *data.units]:  # parents before children
        if not unit.suppressed:
            found[unit.code] = unit.code
        elif unit.code == data.organisation.code:
            found[unit.code] = None
        else:
            found[unit.code] = found.get(data.parent_code(unit))
    return found


def _text(text: str) -> str:
    # ws.append takes a text starting with '=' for a formula; a leading space keeps it text.
    cleaned = clean_text(text)
    return f" {cleaned}" if cleaned.startswith("=") else cleaned


def write_data(ws: Worksheet, data: ReportData) -> None:
    tr = data.tr
    items = data_items(data)
    ws.append([tr("Data")])
    ws["A1"].font = TITLE_FONT
    ws.append([tr("Besvarelserne i tilfældig rækkefølge, uden datoer. Hver besvarelse står under "
                  "den mindste viste enhed, den hører til. Fritekst og spørgsmål med en strengere "
                  "anonymitetsgrænse er udeladt.")])
    ws["A2"].font = NOTE_FONT
    ws.append(["", "", *[_text(i.label(data.language)) for i in items]])
    ws.append([tr("Enhed"), tr("Kode"), *[i.name for i in items]])
    for cell in ws[LABEL_ROW]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.font = NOTE_FONT
    for cell in ws[HEADER_ROW]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    ws.row_dimensions[LABEL_ROW].height = 60
    group = shown_group_of(data)
    responses = data.responses
    columns = [responses.item_names.index(i.name) for i in items]
    decoded = [_decoder(data, item) for item in items]
    order = list(range(responses.size))
    random.SystemRandom().shuffle(order)
    names = {code: _text(data.display_name(code)) for code in group.values() if code is not None}
    for row in order:
        code = group.get(responses.unit_codes[row])
        if code is None:
            continue
        values = responses.values[row, columns]
        ws.append([names[code], _text(code), *[d(v) for d, v in zip(decoded, values, strict=True)]])
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=3).coordinate
    ws.column_dimensions["A"].width = 34


def _decoder(data: ReportData, item: Item) -> Callable[[float], object]:
    """A function from a stored number to what the cell shows: the choice label, or the number."""
    choices = data.questionnaire.choices_for(item)
    if item.type is ItemType.SELECT_ONE and choices is not None:
        labels = [_text(c.label(data.language)) for c in choices.choices]
        return lambda v: None if math.isnan(v) else labels[int(v)]
    if item.type is ItemType.SELECT_MULTIPLE and choices is not None:
        labels = [_text(c.label(data.language)) for c in choices.choices]
        return lambda v: None if math.isnan(v) else "; ".join(
            label for k, label in enumerate(labels) if int(v) >> k & 1)
    return lambda v: None if math.isnan(v) else (int(v) if float(v).is_integer() else float(v))
