"""What the XLSForm reader carries from sheet to sheet: where messages point, the warnings so far,
the problems that will refuse the file, and how label columns turn into language dicts."""

from __future__ import annotations

from dataclasses import dataclass, field

from apv_desktop.errors import InputError
from apv_desktop.i18n import tr, trn
from apv_desktop.interchange.xlsform_columns import Column
from apv_desktop.interchange.xlsform_sheets import Sheet, SheetRow

# Enough to fix a file in one go without burying the first problem.


@dataclass
class ReadContext:
    file_name: str
    default_language: str
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def warn(self, sheet: Sheet, row: int | None, text: str) -> None:
        self.warnings.append(f"{_location(sheet, row, None)}: {text}")

    def problem(
        self, sheet: Sheet, row: int | None, column: Column | str | None, text: str
    ) -> None:
        header = column.header if isinstance(column, Column) else column
        self.problems.append(f"{self.file_name}, {_location(sheet, row, header)}: {text}")

    def refuse(self, sheet: Sheet | None, row: int | None, text: str) -> InputError:
        """An error for a problem that stops reading at once (structure, not a cell)."""
        where = f", {_location(sheet, row, None)}" if sheet is not None else ""
        return InputError("{file}{where}: {text}", file=self.file_name, where=where, text=text)

    def raise_problems(self) -> None:
        if not self.problems:
            return
        first, rest = self.problems[0], len(self.problems) - 1
        message = first if not rest else trn("{first} (og {n} problem mere)",
                                             "{first} (og {n} problemer mere)", rest, first=first)
        raise InputError(message, self.problems)

    def labels(self, sheet: Sheet, row: SheetRow, base: str) -> dict[str, str]:
        """Text of the `base` / `base::lang` columns by language code; blanks are left out and a
        plain column counts as the default language."""
        labels: dict[str, str] = {}
        for column in sheet.language_columns(base):
            text = row.text(column)
            if text:
                labels[column.language or self.default_language] = text
        return labels


def _location(sheet: Sheet, row: int | None, header: str | None) -> str:
    parts = [tr("ark »{sheet}«", sheet=sheet.title)]
    if row is not None:
        parts.append(tr("række {row}", row=row))
    if header:
        parts.append(tr("kolonne »{header}«", header=header))
    return ", ".join(parts)
