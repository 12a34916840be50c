"""The CSV reader splits the decoded text into lines itself (io.StringIO would hold a copy at
four bytes a character): the lines must be exactly StringIO's, whatever the line ends."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apv_desktop.errors import InputError
from apv_desktop.interchange import csv_records
from apv_desktop.interchange.csv_records import _Lines

PIECES = st.sampled_from(["a", ";", '"', "\n", "\r\n", "\r", "æ", " ", "x;y", '"q\nq"'])


@given(st.lists(PIECES, max_size=30).map("".join))
def test_lines_are_those_of_stringio(text: str) -> None:
    lines = _Lines(text)
    assert list(lines) == list(io.StringIO(text, newline=""))
    assert lines.consumed == len(text)


# Texts the csv module splits only at delimiters and line ends take a faster path (str.split):
# its records, limits and errors must be the csv module's.
PLAIN_PIECES = st.sampled_from(["a", ";", ",", "\t", "\n", "\r\n", "\r", "æ", " ", "x;y", "sep=;\n",
                                "\x0c", "\u2028", "\x85", "\x00", '"'])


def _records_or_error(text: str) -> object:
    try:
        return list(csv_records.checked_csv_records(text, "svar.csv"))
    except InputError as exc:
        return ("error", str(exc))


@given(st.lists(PLAIN_PIECES, max_size=40).map("".join))
def test_split_records_are_the_csv_modules(text: str) -> None:
    fast = _records_or_error(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_records, "_unquoted", lambda _text: False)
        assert fast == _records_or_error(text)


def test_split_records_in_blocks_keep_every_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_records, "_BLOCK_CHARS", 7)
    text = "enhed;x\r\n" + "".join(f"u{n};{'y' * (n % 13)}\r\n" for n in range(200)) + "\r\nend"
    records = list(csv_records.checked_csv_records(text, "svar.csv"))
    assert records == list(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=";"),
                                     start=1))
    assert records[-2:] == [(202, []), (203, ["end"])]


def test_a_field_beyond_the_csv_modules_limit_is_refused_alike() -> None:
    too_long = "x" * (csv_records._FIELD_SIZE_LIMIT + 1)
    fast = _records_or_error(f"a;b\n1;2\n{too_long};3\n")
    assert fast[0] == "error" and "linje 3" in fast[1]  # type: ignore[index]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_records, "_unquoted", lambda _text: False)
        assert fast == _records_or_error(f"a;b\n1;2\n{too_long};3\n")
