"""What each headless command does (the parser is cli_parser.py, the run cli.py): each takes
the parsed arguments, calls the services the window calls too, prints in the run's language, and
returns the exit code."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from apv_desktop.errors import RefusedError
from apv_desktop.i18n import current_language, tr, trn

EXIT_OK, EXIT_BUG, EXIT_REFUSED = 0, 1, 2


def run_demo(args: argparse.Namespace) -> int:
    from apv_desktop.services.demo import build_demo

    today = args.today or date.today()  # the only place the demo reads the clock
    summary = build_demo(args.project, today=today, respondents=args.respondents, seed=args.seed)
    print(tr("Oprettede {project}: {summary}", project=args.project, summary=summary))
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    from apv_desktop.services.projects import create_project

    create_project(args.project, args.templates, name=args.name)
    print(tr("Oprettede {project}.", project=args.project))
    return EXIT_OK


def run_templates(args: argparse.Namespace) -> int:
    import textwrap

    from apv_desktop.interchange.templates import list_templates

    language = current_language()  # the titles the window's template chooser shows in it
    for info in list_templates():
        print(f"{info.id:<14} {info.title_in(language)}")
        for line in textwrap.wrap(info.description_in(language), 100 - 15):
            print(" " * 15 + line)
    return EXIT_OK


def run_import_form(args: argparse.Namespace) -> int:
    from apv_desktop.services.transfer import import_form

    for warning in import_form(args.project, args.form):
        print(f"warning: {warning}", file=sys.stderr)
    print(tr("Importerede spørgeskemaet fra {form}.", form=args.form))
    return EXIT_OK


def run_export_form(args: argparse.Namespace) -> int:
    from apv_desktop.services.transfer import export_form

    export_form(args.project, args.out, for_collection=args.for_collection)
    print(tr("Skrev {file}.", file=args.out))
    return EXIT_OK


def run_import_org(args: argparse.Namespace) -> int:
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


def run_import_responses(args: argparse.Namespace) -> int:
    from apv_desktop.interchange.response_mapping import load_mapping
    from apv_desktop.services.transfer import import_responses

    mapping = load_mapping(args.mapping) if args.mapping else None
    summary = import_responses(args.project, args.file, args.round_name, dry_run=args.dry_run,
                               mapping=mapping, partial=args.partial)
    if summary.detail is not None and summary.detail.partial:
        print(f"PARTIAL: {summary.detail.headline()}.", file=sys.stderr)
    for note in summary.detail.notes if summary.detail is not None else []:
        print(f"note: {note}", file=sys.stderr)
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


def run_results(args: argparse.Namespace) -> int:
    from apv_desktop.core.results_export import results_csv, results_dict
    from apv_desktop.services.compute import results_for_file

    if args.by:
        from apv_desktop.services.breakdowns import results_by_text

        text = results_by_text(args.project, args.round_name, args.by, args.format, args.lang)
    elif args.format == "json":
        from apv_desktop.interchange.json_text import indented

        results = results_for_file(args.project, args.round_name, language=args.lang)
        text = indented(results_dict(results)) + "\n"
    else:
        text = results_csv(results_for_file(args.project, args.round_name, language=args.lang))
    if args.output:
        from apv_desktop.interchange.atomic import atomic_output

        with atomic_output(args.output) as temp:
            temp.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def run_close_round(args: argparse.Namespace) -> int:
    from apv_desktop.services.rounds import change_round_in_file

    change = change_round_in_file(args.project, args.round_name, args.reopen)
    if change.warning:
        print(f"warning: {change.warning}", file=sys.stderr)
    print(change.message)
    return EXIT_OK


def run_merge(args: argparse.Namespace) -> int:
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


def run_report(args: argparse.Namespace) -> int:
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


def run_import_indicators(args: argparse.Namespace) -> int:
    from apv_desktop.services.actionplan import import_indicators

    summary = import_indicators(args.project, args.file, dry_run=args.dry_run)
    what = trn("{n} tal for {units} (perioder {periods})",
               "{n} tal for {units} (perioder {periods})", summary.figures,
               units=trn("{n} enhed", "{n} enheder", summary.units),
               periods=", ".join(summary.periods))
    print(tr("{file} er gyldig: {what} (prøvekørsel, intet gemt).", file=args.file, what=what)
          if args.dry_run else tr("Importerede {what}.", what=what))
    return EXIT_OK


def run_import_actionplan(args: argparse.Namespace) -> int:
    from apv_desktop.services.actionplan import import_action_plan

    plan = import_action_plan(args.project, args.file, dry_run=args.dry_run)
    for line in plan.describe():
        print(line)
    what = (trn("{n} punkt ændret", "{n} punkter ændret", len(plan.updates)) + ", "
            + trn("{n} nyt punkt", "{n} nye punkter", len(plan.additions)))
    print(tr("{file} er gyldig: {what} (prøvekørsel, intet gemt).", file=args.file, what=what)
          if args.dry_run else tr("Importerede {file}: {what}.", file=args.file, what=what))
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
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
