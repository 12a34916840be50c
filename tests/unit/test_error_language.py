"""Errors, counts and numbers in the reader's language: an error keeps its code (the Danish
sentence) and fields and renders when shown; the CLI speaks --lang or the system locale."""

from __future__ import annotations

from pathlib import Path

import pytest

from apv_desktop.cli import run
from apv_desktop.cli_language import system_language
from apv_desktop.errors import InputError, ProjectFileError
from apv_desktop.i18n import (
    current_language,
    format_decimal,
    format_number,
    parse_number,
    set_language,
    trn,
)


@pytest.fixture
def restore_language():
    before = current_language()
    yield
    set_language(before)


def test_an_error_renders_in_the_language_it_is_shown_in(restore_language) -> None:
    error = ProjectFileError("Projektfilen {path} findes ikke.", path="p.apv")
    assert error.code == "Projektfilen {path} findes ikke." and error.fields == {"path": "p.apv"}
    assert error.render("en") == "The project file p.apv does not exist."
    assert error.render("sv") == "Projektfilen p.apv finns inte."
    set_language("da")
    assert str(error) == "Projektfilen p.apv findes ikke."
    set_language("en")
    assert str(error) == "The project file p.apv does not exist."


def test_a_long_input_error_is_still_cut_after_translation(restore_language) -> None:
    error = InputError("{name} har ingen regneark.", name="x" * 5000)
    assert len(str(error)) <= 1000 and str(error).endswith("har ingen regneark.")


@pytest.mark.parametrize(("count", "danish", "english", "swedish"), [
    (0, "0 punkter", "0 items changed", "0 punkter ändrade"),
    (1, "1 punkt", "1 item changed", "1 punkt ändrad"),
    (2, "2 punkter", "2 items changed", "2 punkter ändrade"),
    (1234, "1.234 punkter", "1,234 items changed", "1\u00a0234 punkter ändrade"),
])
def test_counts_take_the_plural_form_of_their_language(restore_language, count, danish,
                                                       english, swedish) -> None:
    set_language("da")
    assert trn("{n} punkt", "{n} punkter", count) == danish
    set_language("en")
    assert trn("{n} punkt ændret", "{n} punkter ændret", count) == english
    set_language("sv")
    assert trn("{n} punkt ændret", "{n} punkter ændret", count) == swedish


def test_numbers_are_written_and_read_the_readers_way() -> None:
    assert format_decimal(1234.56, "da") == "1.234,6"
    assert format_decimal(1234.56, "en") == "1,234.6"
    assert format_decimal(1234.56, "sv") == "1\u00a0234,6"
    assert format_number(4.5, "da") == "4,5" and format_number(12, "en") == "12"
    for language in ("da", "sv", "en"):
        assert parse_number(format_number(1234.5, language), language) == 1234.5
    assert parse_number("12.5", "da") == 12.5  # a typed decimal point is still a decimal
    assert parse_number("4,5", "en") == 4.5


@pytest.mark.parametrize(("environ", "language"), [
    ({"LANG": "da_DK.UTF-8"}, "da"),
    ({"LANG": "nb_NO.UTF-8"}, "da"),
    ({"LANG": "sv_SE.UTF-8"}, "sv"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "da_DK.UTF-8", "LC_ALL": "sv_SE.UTF-8"}, "sv"),
    ({"LANG": "sv_SE", "LC_MESSAGES": "en_GB"}, "en"),
])
def test_the_cli_speaks_the_system_locale_or_english(environ, language) -> None:
    assert system_language(environ) == language


@pytest.mark.parametrize(("argv", "sentence"), [
    (["--lang", "da"], "Projektfilen {path} findes ikke."),
    (["--lang", "sv"], "Projektfilen {path} finns inte."),
    (["--lang", "en"], "The project file {path} does not exist."),
])
def test_cli_errors_in_the_language_of_lang(tmp_path: Path, capsys, restore_language, argv,
                                            sentence) -> None:
    missing = tmp_path / "missing.apv"
    set_language("da")
    assert run([*argv, "check", str(missing)]) == 2
    assert sentence.format(path=missing) in capsys.readouterr().err
    assert current_language() == "da"  # the command's language ends with it


def test_cli_without_lang_follows_the_locale(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    assert run(["check", str(tmp_path / "missing.apv")]) == 2
    assert "finns inte" in capsys.readouterr().err
