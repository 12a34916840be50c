"""Text written into a CSV file that a spreadsheet can never take for a formula.

Excel and LibreOffice run a cell that starts with `=`, `+`, `-` or `@` (and, after a tab or a
carriage return, the same) as a formula: a unit named `=HYPERLINK(...)` would become a live link.
OWASP's advice is followed: such a text is written with a leading single quote, which both show
as text. Numbers stay numbers: a value that is a number (int or float, or a text that is only a
number such as "-3.5") is written as it is.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?")


def safe_cell(value: object) -> object:
    """`value` for a CSV cell: a text a spreadsheet would run as a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) \
            and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row: dict[str, object]) -> dict[str, object]:
    """Every cell of a csv.DictWriter row through `safe_cell`."""
    return {key: safe_cell(value) for key, value in row.items()}
