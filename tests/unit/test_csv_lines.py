"""The CSV reader splits the decoded text into lines itself (io.StringIO would hold a copy at
four bytes a character): the lines must be exactly StringIO's, whatever the line ends."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st

from apv_desktop.interchange.csv_records import _Lines

PIECES = st.sampled_from(["a", ";", '"', "\n", "\r\n", "\r", "æ", " ", "x;y", '"q\nq"'])


@given(st.lists(PIECES, max_size=30).map("".join))
def test_lines_are_those_of_stringio(text: str) -> None:
    lines = _Lines(text)
    assert list(lines) == list(io.StringIO(text, newline=""))
    assert lines.consumed == len(text)
