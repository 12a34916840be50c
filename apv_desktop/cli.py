"""The headless commands (design.md, 'Command line'). Exit 0 on success, 2 on bad input or a
refused operation (one plain sentence on stderr), 1 only for a bug."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NoReturn

from apv_desktop.cli_language import add_language_option, command_language, speaking
from apv_desktop.errors import ApvError, InputError, RefusedError
from apv_desktop.i18n import tr, trn

EXIT_OK, EXIT_BUG, EXIT_REFUSED = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on a usage error, as we want; keep its message to one line plus usage."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"apv-desktop: {message}\n")
        sys.exit(EXIT_REFUSED)


class _Version(argparse.Action):
    """--version, the number looked up only when asked for (apv_desktop.__getattr__)."""

    def __init__(self, option_strings: list[str], dest: str, **_: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from apv_desktop import __version__

        sys.stdout.write(f"apv-desktop {__version__}\n")  # as argparse's own version action
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="apv-desktop", description="APV Desktop: offline workplace assessment.")
    parser.add_argument("--version", action=_Version)
    add_language_option(parser)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def command(name: str, handler: Callable[[argparse.Namespace], int], help_text: str,
                *, writes: bool = False) -> argparse.ArgumentParser:
        """`writes`: the command changes PROJECT, so it holds the project's lock (lock.py)."""
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler, writes=writes)
        return p

    p = command("demo", _demo, "Create a demo project with a realistic organisation and answers.",
                writes=True)
    p.add_argument("project", type=Path)
    p.add_argument("--respondents", type=int, default=None)
    p.add_argument("--seed", type=int, default=2025)
    p.add_argument("--today", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                   help="the date the demo's action plan is set around (default: today)")

    p = command("new", _new, "Create an empty project from shipped templates.", writes=True)
    p.add_argument("project", type=Path)
    p.add_argument("--template", action="append", dest="templates",
                   help="template id (repeat to combine); see 'templates'")
    p.add_argument("--name", default="", help="the organisation's name")

    command("templates", _templates, "List the shipped questionnaire templates.")

    p = command("import-form", _import_form, "Import an XLSForm questionnaire.", writes=True)
    p.add_argument("project", type=Path)
    p.add_argument("form", type=Path)

    p = command("export-form", _export_form, "Export the questionnaire as XLSForm.")
    p.add_argument("project", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--for-collection", action="store_true",
                   help="add a question for the org unit, for collecting in Kobo/ODK")

    p = command("import-org", _import_org, "Import org units from CSV or XLSX.", writes=True)
    p.add_argument("project", type=Path)
    p.add_argument("org", type=Path)
    p.add_argument("--dry-run", action="store_true",
                   help="print what would change (new, renamed, moved, removed), store nothing")

    p = command("import-responses", _import_responses, "Import answers from CSV or XLSX.",
                writes=True)
    p.add_argument("project", type=Path)
    p.add_argument("file", type=Path)
    p.add_argument("--round", dest="round_name")
    p.add_argument("--dry-run", action="store_true", help="check the file, store nothing")
    p.add_argument("--map", dest="mapping", type=Path, metavar="FILE",
                   help="a column mapping saved from the import window (JSON)")
    p.add_argument("--partial", action="store_true",
                   help="import even if scored questions have no column or rows are empty")

    p = command("results", _results, "Every unit x dimension result of a round.")
    p.add_argument("project", type=Path)
    p.add_argument("--round", dest="round_name")
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p.add_argument("--lang", choices=["da", "sv", "en"], default=None)
    p.add_argument("-o", "--output", type=Path)
    p.add_argument("--by", metavar="ITEM", help="also by the groups of a background question")

    p = command("close-round", _close_round,
                "Close a round (its results are published, its org tree frozen), or reopen it.",
                writes=True)
    p.add_argument("project", type=Path)
    p.add_argument("--round", dest="round_name", help="the round (default: the latest)")
    p.add_argument("--reopen", action="store_true",
                   help="open a closed round again so sheets can be added")

    p = command("merge", _merge, "Add the answers collected in other copies of the project.",
                writes=True)
    p.add_argument("project", type=Path)
    p.add_argument("others", type=Path, nargs="+", metavar="OTHER")

    p = command("report", _report, "Write the Excel report for management, the board pack "
                "(PDF) or the department texts (Word); or one workbook per department.")
    p.add_argument("project", type=Path)
    p.add_argument("-o", "--output", type=Path,
                   help="the file to write: .xlsx workbook, .pdf board pack, .docx department "
                        "texts")
    p.add_argument("--per-department", type=Path, metavar="DIR",
                   help="also write one workbook per department (only its own units) into DIR")
    p.add_argument("--round", dest="round_name")
    p.add_argument("--lang", choices=["da", "sv", "en"], default=None)
    p.add_argument("--data", action="store_true",
                   help="no longer offered (accepted so old scripts keep working): raw answers "
                        "beside the report's breakdowns can single out a respondent")
    p.add_argument("--charts", type=Path, metavar="DIR", help="also write PNG charts into DIR")

    p = command("import-indicators", _import_indicators,
                "Import sick leave, turnover and caseload per unit and period (CSV or XLSX).",
                writes=True)
    p.add_argument("project", type=Path)
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="check the file, store nothing")

    p = command("import-actionplan", _import_actionplan,
                "Take back the report's Handlingsplan sheet as filled in by management.",
                writes=True)
    p.add_argument("project", type=Path)
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="show the changes, store nothing")

    p = command("check", _check, "Check the project file's integrity and schema.")
    p.add_argument("project", type=Path)
    return parser


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-22") from None


def _demo(args: argparse.Namespace) -> int:
    from apv_desktop.services.demo import build_demo

    today = args.today or date.today()  # the only place the demo reads the clock
    summary = build_demo(args.project, today=today, respondents=args.respondents, seed=args.seed)
    print(tr("Oprettede {project}: {summary}", project=args.project, summary=summary))
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from apv_desktop.services.projects import create_project

    create_project(args.project, args.templates, name=args.name)
    print(tr("Oprettede {project}.", project=args.project))
    return EXIT_OK


def _templates(args: argparse.Namespace) -> int:
    from apv_desktop.interchange.templates import list_templates

    for info in list_templates():
        print(f"{info.id:<14} {info.title.get('da', '')}")
    return EXIT_OK


def _import_form(args: argparse.Namespace) -> int:
    from apv_desktop.services.transfer import import_form

    for warning in import_form(args.project, args.form):
        print(f"warning: {warning}", file=sys.stderr)
    print(tr("Importerede spørgeskemaet fra {form}.", form=args.form))
    return EXIT_OK


def _export_form(args: argparse.Namespace) -> int:
    from apv_desktop.services.transfer import export_form

    export_form(args.project, args.out, for_collection=args.for_collection)
    print(tr("Skrev {file}.", file=args.out))
    return EXIT_OK


def _import_org(args: argparse.Namespace) -> int:
    from apv_desktop.services.reorganise import import_org_file

    done = import_org_file(args.project, args.org, dry_run=args.dry_run)
    for line in done.changes.lines():
        print(line)
    count = len(done.units)
    if done.dry_run:
        print(trn("{file} er gyldig: {n} enhed (prøvekørsel, intet gemt).",
                  "{file} er gyldig: {n} enheder (prøvekørsel, intet gemt).", count,
                  file=args.org))
    else:
        print(trn("Importerede {n} enhed.", "Importerede {n} enheder.", count))
    return EXIT_OK


def _import_responses(args: argparse.Namespace) -> int:
    from apv_desktop.interchange.response_mapping import load_mapping
    from apv_desktop.services.transfer import import_responses

    mapping = load_mapping(args.mapping) if args.mapping else None
    summary = import_responses(args.project, args.file, args.round_name, dry_run=args.dry_run,
                               mapping=mapping, partial=args.partial)
    if summary.detail is not None and summary.detail.partial:
        print(f"PARTIAL: {summary.detail.headline()}.", file=sys.stderr)
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if summary.dry_run:
        print(trn("{file} er gyldig: {n} besvarelse til runden {round} (prøvekørsel, intet gemt).",
                  "{file} er gyldig: {n} besvarelser til runden {round} (prøvekørsel, intet "
                  "gemt).", summary.stored, file=args.file, round=summary.round))
    else:
        print(trn("Importerede {n} besvarelse i runden {round}.",
                  "Importerede {n} besvarelser i runden {round}.", summary.stored,
                  round=summary.round))
    return EXIT_OK


def _results(args: argparse.Namespace) -> int:
    from apv_desktop.core.results_export import results_csv, results_dict
    from apv_desktop.services.compute import results_for_file

    if args.by:
        from apv_desktop.services.breakdowns import results_by_text

        text = results_by_text(args.project, args.round_name, args.by, args.format, args.lang)
    elif args.format == "json":
        results = results_for_file(args.project, args.round_name, language=args.lang)
        text = json.dumps(results_dict(results), ensure_ascii=False, indent=1) + "\n"
    else:
        text = results_csv(results_for_file(args.project, args.round_name, language=args.lang))
    if args.output:
        from apv_desktop.interchange.atomic import atomic_output

        with atomic_output(args.output) as temp:
            temp.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _close_round(args: argparse.Namespace) -> int:
    from apv_desktop.services.rounds import change_round_in_file

    change = change_round_in_file(args.project, args.round_name, args.reopen)
    if change.warning:
        print(f"warning: {change.warning}", file=sys.stderr)
    print(change.message)
    return EXIT_OK


def _merge(args: argparse.Namespace) -> int:
    from apv_desktop.services.collection import merge_projects

    report = merge_projects(args.project, args.others)
    for line in report.lines():
        print(line)
    print(tr("Flettet ind i {project}: {added} tilføjet, {skipped} fandtes allerede, {conflicts} "
             "i konflikt (ikke flettet ind).", project=args.project, added=report.added,
             skipped=report.skipped, conflicts=report.conflicts))
    return EXIT_OK


def warn_hidden_units_named(project_path: Path, round_name: str | None, language: str) -> None:
    """Department texts that name a hidden unit: say so before the report carries them."""
    from apv_desktop.services.departments import hidden_units_in_texts
    from apv_desktop.services.projects import opened

    with opened(project_path) as project:
        _warn_naming(hidden_units_in_texts(project, round_name, language))


def _warn_naming(naming: list[tuple[str, list[str]]]) -> None:
    for department, units in naming:
        print("warning: " + tr("afdelingsteksten for {department} nævner enheder, hvis resultater "
                               "er skjult ({units}); gennemse den, før rapporten gives videre.",
                               department=department, units=", ".join(units)), file=sys.stderr)


def _report(args: argparse.Namespace) -> int:
    from apv_desktop.services.departments import hidden_units_in_report
    from apv_desktop.services.report import REPORT_SUFFIX, write_report

    # The workbook warns from its own data (one computation of the round); the other outputs
    # and the per-department files read the project for it first.
    workbook_only = args.output is not None and args.output.suffix.lower() == REPORT_SUFFIX \
        and args.per_department is None
    if not workbook_only:
        warn_hidden_units_named(args.project, args.round_name, args.lang)
    if args.data:
        print("note: " + tr("arket Data med rå svar tilbydes ikke længere: svarrækker ved siden "
                            "af rapportens tal pr. team kunne føres tilbage til én person. "
                            "Rapporten skrives uden det."), file=sys.stderr)
    if args.output is None and args.per_department is None:
        raise RefusedError("Sig, hvor rapporten skal hen: -o FIL (.xlsx, .pdf eller .docx) "
                           "og/eller --per-department MAPPE.")
    if args.charts is not None and (args.output is None
                                    or args.output.suffix.lower() != ".xlsx"):
        raise RefusedError("--charts hører til en Excel-rapport: -o FIL.xlsx.")
    if args.output is not None:
        write_report(args.project, args.output, args.round_name, language=args.lang,
                     charts_dir=args.charts,
                     inspect=(lambda data: _warn_naming(hidden_units_in_report(data)))
                     if workbook_only else None)
        print(tr("Skrev {file}.", file=args.output)
              + (tr(" Diagrammer i {folder}.", folder=args.charts) if args.charts else ""))
    if args.per_department is not None:
        from apv_desktop.services.report_outputs import write_department_workbooks

        files = write_department_workbooks(args.project, args.per_department, args.round_name,
                                           language=args.lang)
        print(trn("Skrev {n} afdelingsprojektmappe i {folder}.",
                  "Skrev {n} afdelingsprojektmapper i {folder}.", len(files),
                  folder=args.per_department))
    return EXIT_OK


def _import_indicators(args: argparse.Namespace) -> int:
    from apv_desktop.services.actionplan import import_indicators

    summary = import_indicators(args.project, args.file, dry_run=args.dry_run)
    what = trn("{n} tal for {units} (perioder {periods})",
               "{n} tal for {units} (perioder {periods})", summary.figures,
               units=trn("{n} enhed", "{n} enheder", summary.units),
               periods=", ".join(summary.periods))
    print(tr("{file} er gyldig: {what} (prøvekørsel, intet gemt).", file=args.file, what=what)
          if args.dry_run else tr("Importerede {what}.", what=what))
    return EXIT_OK


def _import_actionplan(args: argparse.Namespace) -> int:
    from apv_desktop.services.actionplan import import_action_plan

    plan = import_action_plan(args.project, args.file, dry_run=args.dry_run)
    for line in plan.describe():
        print(line)
    what = (trn("{n} punkt ændret", "{n} punkter ændret", len(plan.updates)) + ", "
            + trn("{n} nyt punkt", "{n} nye punkter", len(plan.additions)))
    print(tr("{file} er gyldig: {what} (prøvekørsel, intet gemt).", file=args.file, what=what)
          if args.dry_run else tr("Importerede {file}: {what}.", file=args.file, what=what))
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from apv_desktop.services.projects import opened

    with opened(args.project) as project:
        problems = project.check()
        versions = project.questionnaire_versions()
        rounds = project.rounds()
        questionnaire = project.questionnaire()
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    if questionnaire is not None:
        from apv_desktop.core.validation import validate

        for doubt in validate(questionnaire):  # the builder's problem list, as warnings
            print(f"warning: {doubt.text}", file=sys.stderr)
    print(f"{args.project}: "
          + trn("{n} spørgeskemaversion", "{n} spørgeskemaversioner", len(versions)) + ", "
          + trn("{n} runde", "{n} runder", len(rounds)) + ", "
          + trn("{n} besvarelse", "{n} besvarelser", sum(r.response_count for r in rounds)) + "; "
          + (tr("integriteten er i orden.") if not problems
             else trn("{n} problem.", "{n} problemer.", len(problems))))
    return EXIT_OK if not problems else EXIT_REFUSED


def report_error(error: ApvError) -> None:
    sys.stderr.write(f"apv-desktop: {error}\n")
    problems = error.problems if isinstance(error, InputError) else []  # bounded by InputError
    if len(problems) == 1 and problems[0] in str(error):
        problems = []  # the sentence already says it: once is enough
    for problem in problems:
        sys.stderr.write(f"  {problem}\n")


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if not getattr(args, "handler", None):
        build_parser().print_help()
        return EXIT_OK
    with speaking(command_language(args)):
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
