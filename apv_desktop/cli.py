"""The headless commands (design.md, 'Command line'). Exit 0 on success, 2 on bad input or a
refused operation (one plain sentence on stderr), 1 only for a bug."""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NoReturn

from apv_desktop.cli_language import (
    add_language_option,
    default_report_language,
    requested_language,
    speaking,
)
from apv_desktop.errors import ApvError, InputError, RefusedError
from apv_desktop.i18n import current_language, tr, trn

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
        super().__init__(option_strings, dest, nargs=0, help=tr("vis versionen og afslut"))

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from apv_desktop import __version__

        sys.stdout.write(f"apv-desktop {__version__}\n")  # as argparse's own version action
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The commands, their help in the current language (cli_language.speaking)."""
    parser = _Parser(prog="apv-desktop",
                     description=tr("APV Desktop: arbejdspladsvurdering uden internet."))
    parser.add_argument("--version", action=_Version)
    add_language_option(parser)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar=tr("KOMMANDO"))

    def command(name: str, handler: Callable[[argparse.Namespace], int], help_text: str,
                *, writes: bool = False) -> argparse.ArgumentParser:
        """`writes`: the command changes PROJECT, so it holds the project's lock (lock.py)."""
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler, writes=writes)
        return p

    def project(p: argparse.ArgumentParser) -> None:
        p.add_argument("project", type=Path, metavar=tr("PROJEKT"),
                       help=tr("projektfilen (.apv)"))

    def file(p: argparse.ArgumentParser, help_text: str) -> None:
        p.add_argument("file", type=Path, metavar=tr("FIL"), help=help_text)

    def round_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--round", dest="round_name", metavar=tr("RUNDE"),
                       help=tr("runden (standard: den seneste)"))

    def dry_run(p: argparse.ArgumentParser, help_text: str) -> None:
        p.add_argument("--dry-run", action="store_true", help=help_text)

    def output_language(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", choices=["da", "sv", "en"], default=None,
                       help=tr("sproget i filen (standard: kommandolinjens --lang, ellers "
                               "dansk)"))

    p = command("demo", _demo, tr("Opret et demoprojekt med en realistisk organisation og "
                                  "svar."), writes=True)
    project(p)
    p.add_argument("--respondents", type=_whole_number, default=None, metavar="N",
                   help=tr("antal besvarelser (standard: en realistisk svarprocent)"))
    p.add_argument("--seed", type=_whole_number, default=2025, metavar="S",
                   help=tr("startværdien for de tilfældige svar (samme værdi, samme demo)"))
    p.add_argument("--today", type=_iso_date, default=None, metavar=tr("ÅÅÅÅ-MM-DD"),
                   help=tr("datoen, demoens handlingsplan lægges omkring (standard: i dag)"))

    p = command("new", _new, tr("Opret et tomt projekt ud fra de medfølgende skabeloner."),
                writes=True)
    project(p)
    p.add_argument("--template", action="append", dest="templates", metavar="ID",
                   help=tr("skabelonens id (gentag for at kombinere); se 'templates'"))
    p.add_argument("--name", default="", metavar=tr("NAVN"), help=tr("organisationens navn"))

    command("templates", _templates, tr("Vis de medfølgende spørgeskemaskabeloner."))

    p = command("import-form", _import_form, tr("Importér et spørgeskema i XLSForm."),
                writes=True)
    project(p)
    p.add_argument("form", type=Path, metavar=tr("SKEMA"), help=tr("XLSForm-filen (.xlsx)"))

    p = command("export-form", _export_form, tr("Eksportér spørgeskemaet som XLSForm."))
    project(p)
    p.add_argument("out", type=Path, metavar=tr("UD"), help=tr("filen, der skrives (.xlsx)"))
    p.add_argument("--for-collection", action="store_true",
                   help=tr("tilføj et spørgsmål om enheden, til indsamling i Kobo/ODK"))

    p = command("import-org", _import_org, tr("Importér organisationens enheder fra CSV eller "
                                              "XLSX."), writes=True)
    project(p)
    p.add_argument("org", type=Path, metavar=tr("ORGANISATION"),
                   help=tr("enhederne (.csv eller .xlsx)"))
    dry_run(p, tr("vis, hvad der ville ændre sig (nye, omdøbte, flyttede, fjernede), gem "
                  "intet"))

    p = command("import-responses", _import_responses, tr("Importér svar fra CSV eller XLSX."),
                writes=True)
    project(p)
    file(p, tr("svarene (.csv eller .xlsx)"))
    p.add_argument("--round", dest="round_name", metavar=tr("RUNDE"),
                   help=tr("runden, svarene hører til (oprettes, hvis den er ny; standard: den "
                           "seneste)"))
    dry_run(p, tr("kontrollér filen, gem intet"))
    p.add_argument("--map", dest="mapping", type=Path, metavar=tr("FIL"),
                   help=tr("en kolonneopsætning gemt fra importvinduet (JSON)"))
    p.add_argument("--partial", action="store_true",
                   help=tr("importér, selv om scorede spørgsmål mangler en kolonne eller rækker "
                           "er tomme"))

    p = command("results", _results, tr("Alle resultater for enhed x dimension i en runde."))
    project(p)
    round_option(p)
    p.add_argument("--format", choices=["json", "csv"], default="json",
                   help=tr("filformatet (standard: json)"))
    output_language(p)
    p.add_argument("-o", "--output", type=Path, metavar=tr("FIL"),
                   help=tr("filen, der skrives (standard: skærmen)"))
    p.add_argument("--by", metavar=tr("SPØRGSMÅL"),
                   help=tr("også fordelt på grupperne i et baggrundsspørgsmål"))

    p = command("close-round", _close_round,
                tr("Luk en runde (dens resultater offentliggøres, dens organisation fastfryses), "
                   "eller genåbn den."), writes=True)
    project(p)
    round_option(p)
    p.add_argument("--reopen", action="store_true",
                   help=tr("åbn en lukket runde igen, så der kan tilføjes besvarelser"))

    p = command("merge", _merge, tr("Tilføj svarene indsamlet i andre kopier af projektet."),
                writes=True)
    project(p)
    p.add_argument("others", type=Path, nargs="+", metavar=tr("ANDET"),
                   help=tr("kopierne, hvis svar flettes ind (.apv)"))

    p = command("report", _report, tr("Skriv Excel-rapporten til ledelsen, "
                                      "bestyrelsesmaterialet (PDF) eller afdelingsteksterne "
                                      "(Word); eller en projektmappe pr. afdeling."))
    project(p)
    p.add_argument("-o", "--output", type=Path, metavar=tr("FIL"),
                   help=tr("filen, der skrives: .xlsx-projektmappe, .pdf-bestyrelsesmateriale, "
                           ".docx-afdelingstekster"))
    p.add_argument("--per-department", type=Path, metavar=tr("MAPPE"),
                   help=tr("skriv også en projektmappe pr. afdeling (kun dens egne enheder) i "
                           "MAPPE"))
    round_option(p)
    output_language(p)
    p.add_argument("--data", action="store_true",
                   help=tr("tilbydes ikke længere (accepteres, så gamle scripts virker): rå svar "
                           "ved siden af rapportens opdelinger kan udpege en besvarelse"))
    p.add_argument("--charts", type=Path, metavar=tr("MAPPE"),
                   help=tr("skriv også diagrammer som PNG i MAPPE"))

    p = command("import-indicators", _import_indicators,
                tr("Importér sygefravær, personaleomsætning og sagsmængde pr. enhed og periode "
                   "(CSV eller XLSX)."), writes=True)
    project(p)
    file(p, tr("nøgletallene (.csv eller .xlsx)"))
    dry_run(p, tr("kontrollér filen, gem intet"))

    p = command("import-actionplan", _import_actionplan,
                tr("Tag rapportens ark Handlingsplan tilbage, som ledelsen har udfyldt det."),
                writes=True)
    project(p)
    file(p, tr("rapportens projektmappe med arket Handlingsplan (.xlsx)"))
    dry_run(p, tr("vis ændringerne, gem intet"))

    p = command("check", _check, tr("Kontrollér projektfilens integritet og skema."))
    project(p)
    return parser


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr("{text!r} er ikke et helt tal", text=text)) from None


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr("{text!r} er ikke en dato som 2026-11-22", text=text)) from None


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

    language = current_language()  # the titles the window's template chooser shows in it
    for info in list_templates():
        print(f"{info.id:<14} {info.title_in(language)}")
        for line in textwrap.wrap(info.description_in(language), 100 - 15):
            print(" " * 15 + line)
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
        naming = hidden_units_in_texts(project, round_name, language)
    for department, units in naming:
        print("warning: " + tr("afdelingsteksten for {department} nævner enheder, hvis resultater "
                               "er skjult ({units}); gennemse den, før rapporten gives videre.",
                               department=department, units=", ".join(units)), file=sys.stderr)


def _report(args: argparse.Namespace) -> int:
    from apv_desktop.services.report import write_report

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
                     charts_dir=args.charts)
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
