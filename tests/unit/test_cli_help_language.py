"""The command line's help and argparse's own words speak the run's language: --lang before the
command, else the system locale, else English; bad input still exits 2 with one sentence."""

from __future__ import annotations

import argparse
import re

import pytest

from apv_desktop.cli import run
from apv_desktop.cli_language import ARGPARSE_WORDS, requested_language
from apv_desktop.i18n import catalog, current_language, set_language

HELP_WORDS = {
    "da": ["brug: apv-desktop", "positionelle argumenter", "tilvalg:",
           "vis denne hjælp og afslut", "Opret et tomt projekt ud fra de medfølgende skabeloner."],
    "sv": ["användning: apv-desktop", "positionsargument", "flaggor:",
           "visa den här hjälpen och avsluta", "Skapa ett tomt projekt utifrån de medföljande"],
    "en": ["usage: apv-desktop", "positional arguments", "options:",
           "show this help message and exit", "Create an empty project from shipped templates."],
}


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch):
    """A locale none of the program's languages, so that only --lang can choose one; and the
    process's own language back afterwards."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    before = current_language()
    yield
    set_language(before)


def _exit_code(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as exited:
        run(argv)
    return int(exited.value.code or 0)


@pytest.mark.parametrize("language", ["da", "sv", "en"])
def test_the_help_is_in_the_language_of_lang(capsys, language: str) -> None:
    assert _exit_code(["--lang", language, "--help"]) == 0
    shown = capsys.readouterr().out
    for words in HELP_WORDS[language]:
        assert words in shown
    others = [w for other, words in HELP_WORDS.items() if other != language for w in words]
    assert not [w for w in others if w in shown]


@pytest.mark.parametrize(("language", "words"), [
    ("da", ["PROJEKT", "projektfilen (.apv)", "--round RUNDE", "runden (standard: den seneste)",
            "skriv også diagrammer som PNG i MAPPE"]),
    ("sv", ["PROJEKT", "projektfilen (.apv)", "--round OMGÅNG", "skriv även diagram som PNG"]),
    ("en", ["PROJECT", "the project file (.apv)", "--round ROUND",
            "also write PNG charts into DIR"]),
])
def test_a_commands_help_is_in_the_language_too(capsys, language: str, words: list[str]) -> None:
    assert _exit_code(["--lang", language, "report", "--help"]) == 0
    shown = capsys.readouterr().out
    for word in words:
        assert word in shown


def test_without_lang_the_help_follows_the_locale(capsys, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    assert _exit_code(["--help"]) == 0
    assert "användning:" in capsys.readouterr().out
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert _exit_code(["--help"]) == 0
    assert "usage:" in capsys.readouterr().out


@pytest.mark.parametrize(("language", "sentence"), [
    ("da", "apv-desktop: følgende argumenter mangler: PROJEKT"),
    ("sv", "apv-desktop: följande argument saknas: PROJEKT"),
    ("en", "apv-desktop: the following arguments are required: PROJECT"),
])
def test_a_missing_argument_is_one_sentence_in_the_chosen_language(capsys, language,
                                                                   sentence) -> None:
    assert _exit_code(["--lang", language, "check"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[-1] == sentence
    assert [line for line in lines if line.startswith("apv-desktop:")] == [sentence]


@pytest.mark.parametrize(("argv", "sentence"), [
    (["--lang", "da", "nope"], "argumentet KOMMANDO: ugyldigt valg: 'nope' (vælg mellem 'demo'"),
    (["--lang=sv", "demo", "x.apv", "--respondents", "many"],
     "argumentet --respondents: 'many' är inte ett heltal"),
    (["--lang", "en", "report", "x.apv", "--round"], "argument --round: expected one argument"),
    (["--lang", "da", "check", "x.apv", "extra"], "ukendte argumenter: extra"),
])
def test_argparse_refusals_speak_the_language(capsys, argv, sentence) -> None:
    assert _exit_code(argv) == 2
    assert sentence in capsys.readouterr().err


def test_an_unknown_language_is_refused_in_the_locales(capsys, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    assert _exit_code(["--lang", "de", "templates"]) == 2
    assert "argumentet --lang: ugyldigt valg: 'de'" in capsys.readouterr().err


@pytest.mark.parametrize(("argv", "language"), [
    (["--lang", "sv", "--help"], "sv"),
    (["--lang=da", "check", "x.apv"], "da"),
    (["--la", "da", "check"], "da"),  # argparse takes an unambiguous abbreviation
    (["report", "x.apv", "--lang", "sv"], "en"),  # after the command: the report's language
    (["--lang"], "en"),
    (["--lang", "de"], "en"),
])
def test_the_language_is_read_before_parsing(argv, language) -> None:
    assert requested_language(argv) == language


def test_argparse_speaks_english_again_after_a_command(capsys) -> None:
    set_language("da")
    assert _exit_code(["--lang", "sv", "--help"]) == 0
    capsys.readouterr()
    assert current_language() == "da"
    other = argparse.ArgumentParser(prog="other")
    assert other.format_help().startswith("usage: other")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_argparse_words_keep_their_placeholders(language: str) -> None:
    """argparse fills the words in with %: a translation must keep exactly its placeholders,
    and the English catalog gives back argparse's own words."""
    def placeholders(text: str) -> list[str]:
        return sorted(re.findall(r"%(?:\(\w+\))?[sr]", text))

    for english, danish in ARGPARSE_WORDS.items():
        translated = catalog(language)[danish]
        assert placeholders(translated) == placeholders(danish) == placeholders(english)
        if language == "en":
            assert translated == english


@pytest.mark.parametrize("language", ["da", "sv", "en"])
def test_templates_are_listed_in_the_language(capsys, language: str) -> None:
    from apv_desktop.interchange.templates import list_templates

    assert run(["--lang", language, "templates"]) == 0
    shown = capsys.readouterr().out
    titles = [line.split(None, 1) for line in shown.splitlines() if not line.startswith(" ")]
    infos = list_templates()
    assert titles == [[info.id, info.title_in(language)] for info in infos]
    expected = {"da": "Psykisk arbejdsmiljø", "sv": "Psykosocial arbetsmiljö",
                "en": "Psychosocial work environment"}[language]
    assert titles[0][1] == expected
    first_description = infos[0].description_in(language).split()[:4]
    assert " ".join(first_description) in shown
