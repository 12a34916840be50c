"""The language the command line speaks: `--lang da|sv|en` before the command, else the system
locale (LC_ALL, LC_MESSAGES, LANG, as POSIX reads them; Windows' own locale when none is set),
English when that is not Danish, Swedish or Norwegian. Messages, errors and warnings all render
through i18n in that language; a report's or a results file's own --lang follows it unless given.
"""

from __future__ import annotations

import argparse
import contextlib
import locale
import os
from collections.abc import Iterator, Mapping

from apv_desktop.core.model import DEFAULT_LANGUAGE, LANGUAGES
from apv_desktop.i18n import current_language, language_for_locale, set_language

OPTION_HELP = ("the language of messages and errors (da, sv or en; default: the system's, English "
               "when it is none of these); also the default of a report's --lang")


def add_language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", dest="ui_language", choices=LANGUAGES, default=None,
                        help=OPTION_HELP)


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the system locale; English for a locale other than da/sv/nb/nn/no."""
    environ = os.environ if environ is None else environ
    name = next((environ[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(k)), "")
    if not name and os.name == "nt":  # Windows keeps its locale outside the environment
        name = locale.getlocale()[0] or ""
    name = {"danish": "da", "swedish": "sv", "norwegian": "nb"}.get(
        name.split("_")[0].lower(), name)
    return language_for_locale(name, fallback="en")


def command_language(args: argparse.Namespace) -> str:
    """The language of this run; fills in a command's report language when it was not given."""
    language = getattr(args, "ui_language", None) or system_language()
    if hasattr(args, "lang") and args.lang is None:
        args.lang = getattr(args, "ui_language", None) or DEFAULT_LANGUAGE
    return language


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """Render messages in `language` for the length of one command, then as before (the CLI may
    run inside a process that has its own language, such as the tests)."""
    before = current_language()
    set_language(language)
    try:
        yield
    finally:
        set_language(before)
