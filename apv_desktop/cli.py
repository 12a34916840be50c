"""The headless commands (design.md, 'Command line'). Exit 0 on success, 2 on bad input or a
refused operation (one plain sentence on stderr), 1 only for a bug.

The parser is in cli_parser.py, what each command does in cli_commands.py, the language they
speak in cli_language.py."""

from __future__ import annotations

import argparse
import os
import sys

from apv_desktop.cli_commands import EXIT_OK, EXIT_REFUSED
from apv_desktop.cli_language import default_report_language, requested_language, speaking
from apv_desktop.cli_parser import build_parser
from apv_desktop.errors import ApvError, InputError
from apv_desktop.i18n import tr


def report_error(error: ApvError) -> None:
    sys.stderr.write(f"apv-desktop: {error}\n")
    problems = error.problems if isinstance(error, InputError) else []  # bounded by InputError
    if len(problems) == 1 and problems[0] in str(error):
        problems = []  # the sentence already says it: once is enough
    for problem in problems:
        sys.stderr.write(f"  {problem}\n")


def run(argv: list[str]) -> int:
    with speaking(requested_language(argv)):  # the help and argparse's errors speak it too
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "handler", None):
            parser.print_help()
            return EXIT_OK
        default_report_language(args)
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        if args.writes and not getattr(args, "dry_run", False):
            from apv_desktop.lock import holding

            # One writer per project: a window (or another command) that has it open keeps it.
            with holding(args.project):
                return int(args.handler(args))
        return int(args.handler(args))
    except ApvError as error:
        report_error(error)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        sys.stderr.write("apv-desktop: " + tr("afbrudt; intet blev halvt skrevet.") + "\n")
        return EXIT_REFUSED
    except BrokenPipeError:
        # The reader went away (`apv-desktop results ... | head`): not an error of ours.
        # Point stdout at devnull so the interpreter's final flush does not complain again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
