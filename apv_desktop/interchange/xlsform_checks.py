"""Checks of an XLSForm's columns before its rows are read: what APV Desktop drops, and headers
ODK's own converter (pyxform) would refuse.

- A column APV Desktop does not use but a form author relies on (`constraint`, `appearance`,
  `choice_filter`, `default`, media, ...) gets one warning per column naming the rows that fill
  it, so nobody believes a validation rule or a picture came along.
- Two columns with the same name (two `label`, or two `label::Dansk (da)`) are refused as pyxform
  does: which one holds the text is a guess, and "the last one wins" would lose the other.
"""

from __future__ import annotations

from apv_desktop.i18n import tr, trn
from apv_desktop.interchange.tables import column_letter
from apv_desktop.interchange.xlsform_context import ReadContext
from apv_desktop.interchange.xlsform_sheets import KNOWN_SHEETS, Sheet, Workbook

# By sheet: base column names (as xlsform_columns normalises them) whose content is dropped.
DROPPED_COLUMNS: dict[str, frozenset[str]] = {
    "survey": frozenset({
        "constraint", "constraint_message", "appearance", "choice_filter", "default",
        "calculation", "read_only", "trigger", "repeat_count", "parameters", "guidance_hint",
        "required_message", "media", "image", "big-image", "big_image", "audio", "video",
    }),
    "choices": frozenset({"media", "image", "big-image", "big_image", "audio", "video"}),
}  # fmt: skip
MAX_ROWS_NAMED = 12


def refuse_duplicate_columns(workbook: Workbook, context: ReadContext) -> None:
    for key in KNOWN_SHEETS:
        sheet = workbook.sheets.get(key)
        if sheet is None:
            continue
        seen: dict[tuple[str, str | None], list[int]] = {}
        for column in sheet.columns:
            seen.setdefault((column.base, column.language), []).append(column.index)
        for indexes in seen.values():
            if len(indexes) < 2:
                continue
            header = next(c.header for c in sheet.columns if c.index == indexes[0])
            letters = ", ".join(column_letter(index) for index in indexes)
            raise context.refuse(
                sheet, None,
                tr("overskriftsrækken har {count_indexes} kolonner, der hedder »{header}« "
                   "({letters}); ODK's konverter afviser det også, da den ikke kan se, hvilken "
                   "der har teksten: slet eller omdøb alle på nær én.",
                   count_indexes=len(indexes), header=header, letters=letters),
            )


def warn_dropped_columns(workbook: Workbook, context: ReadContext) -> None:
    for key, dropped in DROPPED_COLUMNS.items():
        sheet = workbook.sheets.get(key)
        if sheet is None:
            continue
        for column in sheet.columns:
            if column.base not in dropped:
                continue
            rows = [row.number for row in sheet.rows if row.text(column)]
            if rows:
                context.warnings.append(_dropped_warning(sheet, column.header, rows))


def _dropped_warning(sheet: Sheet, header: str, rows: list[int]) -> str:
    named = ", ".join(str(number) for number in rows[:MAX_ROWS_NAMED])
    if len(rows) > MAX_ROWS_NAMED:
        named += tr(" og {count} flere", count=len(rows) - MAX_ROWS_NAMED)
    return trn("ark »{title}«, række {named}: kolonnen »{header}« bruges ikke af APV Desktop og "
               "udelades; skemaet virker uden den, men tjek, at intet afhænger af den.",
               "ark »{title}«, rækkerne {named}: kolonnen »{header}« bruges ikke af APV Desktop "
               "og udelades; skemaet virker uden den, men tjek, at intet afhænger af den.",
               len(rows), title=sheet.title, named=named, header=header)
