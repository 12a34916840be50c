"""Why a file could not be read or written is said in the user's language (os_errors.py): the
OS's own words ("Permission denied", "Input/output error") are English and stood alone in a
Danish or Swedish sentence."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

import pytest

from apv_desktop.errors import ApvError, InputError
from apv_desktop.interchange.atomic import atomic_output
from apv_desktop.interchange.tables import read_table
from apv_desktop.os_errors import os_reason
from tests.unit.reader_language import english_in

REASON = {
    errno.EACCES: {"da": "et andet program (fx Excel) har den åben",
                   "sv": "ett annat program (t.ex. Excel) den öppen"},
    errno.EIO: {"da": "netværksdrevet", "sv": "nätverksenheten"},
    errno.ENOSPC: {"da": "disken er fuld", "sv": "disken är full"},
}


@pytest.mark.parametrize("number", sorted(REASON))
def test_a_file_that_cannot_be_read_says_why_in_the_readers_language(
        number: int, language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = tmp_path / "svar.csv"
    answers.write_text("enhed;q1\nA;1\n", encoding="utf-8")

    read = Path.read_bytes

    def refuse(self: Path) -> bytes:  # this file only: the catalogs are read the same way
        if self == answers:
            raise OSError(number, "Some English words from the OS")
        return read(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError) as refused:
        read_table(answers)
    assert REASON[number][language] in str(refused.value)
    assert not english_in(str(refused.value)), str(refused.value)


def test_an_export_that_cannot_be_written_says_why_in_the_readers_language(
        language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ApvError) as refused, atomic_output(tmp_path / "rapport.xlsx"):
        pass
    assert REASON[errno.EIO][language] in str(refused.value)
    assert "Input/output" not in str(refused.value)


def test_the_reason_follows_the_language_the_error_is_shown_in() -> None:
    error = ApvError("{target} kan ikke skrives: {value}.", target="r.xlsx",
                     value=os_reason(OSError(errno.EROFS, "Read-only file system")))
    assert error.render("da") == "r.xlsx kan ikke skrives: disken er skrivebeskyttet."
    assert error.render("sv").endswith("disken är skrivskyddad.")
    assert error.render("en").endswith("the disk is read-only.")


def test_a_rare_reason_keeps_the_systems_words_rather_than_none(language: str) -> None:
    assert os_reason(OSError(errno.ELOOP, "Too many levels of symbolic links")) \
        == "Too many levels of symbolic links"
    full = os_reason(OSError(errno.ENOSPC, "No space left on device"))
    assert str(full) == REASON[errno.ENOSPC][language]
