"""Dates typed the Danish way are read; anything else is refused (never guessed)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apv_desktop.core.dates import NotADate, format_date, parse_date

FIRST_OF_MARCH = date(2027, 3, 1)


@pytest.mark.parametrize("text", ["1-3-2027", "01-03-2027", "01.03.2027", "1.3.27",
                                  "01032027", "010327", "1/3/27", "01/03/2027", "2027-03-01",
                                  " 1-3-2027 "])
def test_the_ways_a_dane_types_the_first_of_march(text):
    assert parse_date(text) == FIRST_OF_MARCH


@pytest.mark.parametrize("text", ["", "i morgen", "3202-10-30x", "1-3", "1-3/2027", "2027",
                                  "31-02-2027", "13.13.2027", "1032027", "0103202", "3/1/2027 kl 8",
                                  "00-01-2027", "1--3-2027"])
def test_everything_else_is_refused(text):
    with pytest.raises(NotADate) as refused:
        parse_date(text)
    assert refused.value.text == text


def test_the_typed_digits_are_never_read_as_another_date():
    """The bug: 01032027 typed into a date box became 30-10-3202."""
    assert parse_date("01032027") != date(3202, 10, 30)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_what_the_program_writes_it_reads_back(value):
    assert parse_date(format_date(value)) == value
