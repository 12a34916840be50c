"""Dates as people in Denmark type them: day first, any of - . / as the separator, or the digits
run together. One reader for the whole program (the action plan's date fields, the filled-in
action-plan sheet), so a date that is read in one place is read the same way everywhere."""

from __future__ import annotations

import re
from datetime import date

# d-m-yyyy, d.m.yy, d/m/yyyy (the same separator twice); ISO yyyy-mm-dd; ddmmyyyy; ddmmyy.
_DAY_FIRST = re.compile(r"(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_RUN_TOGETHER = re.compile(r"(\d{2})(\d{2})(\d{4}|\d{2})")

DATE_EXAMPLE = "31-12-2027"  # how the program writes a date, and asks for one


class NotADate(ValueError):
    """The text is not a date the program can read (the caller words the message)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def parse_date(text: str) -> date:
    """The date in `text`, day before month; a two-digit year is in this century.

    Raises NotADate for anything else, including a day that does not exist (31-02-2027)."""
    cleaned = text.strip()
    day_first = _DAY_FIRST.fullmatch(cleaned)
    iso = _ISO.fullmatch(cleaned)
    together = _RUN_TOGETHER.fullmatch(cleaned)
    if day_first:
        day, month, year = day_first.group(1), day_first.group(3), day_first.group(4)
    elif iso:
        year, month, day = iso.groups()
    elif together:
        day, month, year = together.groups()
    else:
        raise NotADate(text)
    full_year = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return date(full_year, int(month), int(day))
    except ValueError:
        raise NotADate(text) from None


def format_date(value: date) -> str:
    """The way the program shows a date (and reads it back with parse_date)."""
    return value.strftime("%d-%m-%Y")
