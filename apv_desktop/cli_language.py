"""The language the command line speaks: `--lang da|sv|en` before the command, else the system
locale (LC_ALL, LC_MESSAGES, LANG, as POSIX reads them; Windows' own locale when none is set),
English when that is not Danish, Swedish or Norwegian. Messages, errors, warnings and the help
all render through i18n in that language; a report's or a results file's own --lang follows it
unless given.

argparse writes its own words ("usage:", "positional arguments", "the following arguments are
required") through `gettext`, looked up as its module-level `_` at each call; while a command
runs, that `_` renders them through i18n instead, from the Danish texts of ARGPARSE_WORDS, so
there is one translation mechanism and one set of catalogs. The language is read from argv
before the parser is built (requested_language), since the help texts are translated then.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterator, Mapping, Sequence

from apv_desktop.core.model import DEFAULT_LANGUAGE, LANGUAGES
from apv_desktop.i18n import (
    N_,
    current_language,
    language_for_locale,
    set_language,
    tr,
    translator,
)

# argparse's own messages (Python 3.11's wording) -> the same in Danish, the catalogs' key.
# Those it can write to a user of these commands; a wording another Python version changed
# is shown as argparse has it. Its counted messages (ngettext) come only from options taking
# a fixed number of values, which no command has.
ARGPARSE_WORDS: dict[str, str] = {
    "usage: ": N_("brug: "),
    "positional arguments": N_("positionelle argumenter"),
    "options": N_("tilvalg"),
    "show this help message and exit": N_("vis denne hjælp og afslut"),
    "argument %(argument_name)s: %(message)s": N_("argumentet %(argument_name)s: %(message)s"),
    "the following arguments are required: %s": N_("følgende argumenter mangler: %s"),
    "unrecognized arguments: %s": N_("ukendte argumenter: %s"),
    "invalid choice: %(value)r (choose from %(choices)s)":
        N_("ugyldigt valg: %(value)r (vælg mellem %(choices)s)"),
    "invalid %(type)s value: %(value)r": N_("ugyldig %(type)s-værdi: %(value)r"),
    "expected one argument": N_("der mangler en værdi"),
    "expected at least one argument": N_("der mangler mindst én værdi"),
    "ignored explicit argument %r": N_("tager ingen værdi, men fik %r"),
    "ambiguous option: %(option)s could match %(matches)s":
        N_("tvetydigt tilvalg: %(option)s kan være %(matches)s"),
}


def add_language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", dest="ui_language", choices=LANGUAGES, default=None,
                        help=tr("sproget i meddelelser, fejl og hjælp (da, sv eller en; "
                                "standard: systemets, engelsk hvis det er et andet); også "
                                "standard for en rapports --lang"))


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the system locale; English for a locale other than da/sv/nb/nn/no."""
    environ = os.environ if environ is None else environ
    name = next((environ[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(k)), "")
    if not name and os.name == "nt":  # Windows keeps its locale outside the environment
        import locale  # there only: its tables cost every command 1-5 ms to load

        name = locale.getlocale()[0] or ""
    name = {"danish": "da", "swedish": "sv", "norwegian": "nb"}.get(
        name.split("_")[0].lower(), name)
    return language_for_locale(name, fallback="en")


def requested_language(argv: Sequence[str]) -> str:
    """The language of this run, read before the parser exists: the --lang given before the
    command (as argparse reads it, abbreviated or with '='; after the command, --lang is a
    report's), else the system's. An unknown language is left for the parser to refuse."""
    chosen: str | None = None
    tokens = iter(argv)
    for token in tokens:
        name, equals, value = token.partition("=")
        if len(name) > 2 and "--lang".startswith(name):
            chosen = value if equals else next(tokens, None)
        elif not token.startswith("-"):
            break  # the command
    return chosen if chosen in LANGUAGES else system_language()


def default_report_language(args: argparse.Namespace) -> None:
    """A command's report language, when it was not given: the run's --lang, else Danish."""
    if hasattr(args, "lang") and args.lang is None:
        args.lang = getattr(args, "ui_language", None) or DEFAULT_LANGUAGE


def _argparse_text(message: str) -> str:
    danish = ARGPARSE_WORDS.get(message)
    return message if danish is None else translator(current_language())(danish)


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """Render messages, argparse's own words included, in `language` for the length of one
    command, then as before (the CLI may run inside a process that has its own language and its
    own use of argparse, such as the tests)."""
    before, argparse_before = current_language(), vars(argparse)["_"]
    set_language(language)
    vars(argparse)["_"] = _argparse_text
    try:
        yield
    finally:
        vars(argparse)["_"] = argparse_before
        set_language(before)
