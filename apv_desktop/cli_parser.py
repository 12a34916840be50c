"""The command line's parser: the commands, their arguments and help, in the run's language
(built inside cli_language.speaking, which also translates argparse's own words)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NoReturn

from apv_desktop import cli_commands as commands
from apv_desktop.cli_commands import EXIT_REFUSED
from apv_desktop.cli_language import add_language_option
from apv_desktop.i18n import tr


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

    p = command("demo", commands.run_demo,
                tr("Opret et demoprojekt med en realistisk organisation og svar."), writes=True)
    project(p)
    p.add_argument("--respondents", type=_whole_number, default=None, metavar="N",
                   help=tr("antal besvarelser (standard: en realistisk svarprocent)"))
    p.add_argument("--seed", type=_whole_number, default=2025, metavar="S",
                   help=tr("startværdien for de tilfældige svar (samme værdi, samme demo)"))
    p.add_argument("--today", type=_iso_date, default=None, metavar=tr("ÅÅÅÅ-MM-DD"),
                   help=tr("datoen, demoens handlingsplan lægges omkring (standard: i dag)"))

    p = command("new", commands.run_new,
                tr("Opret et tomt projekt ud fra de medfølgende skabeloner."), writes=True)
    project(p)
    p.add_argument("--template", action="append", dest="templates", metavar="ID",
                   help=tr("skabelonens id (gentag for at kombinere); se 'templates'"))
    p.add_argument("--name", default="", metavar=tr("NAVN"), help=tr("organisationens navn"))

    command("templates", commands.run_templates, tr("Vis de medfølgende spørgeskemaskabeloner."))

    p = command("import-form", commands.run_import_form, tr("Importér et spørgeskema i XLSForm."),
                writes=True)
    project(p)
    p.add_argument("form", type=Path, metavar=tr("SKEMA"), help=tr("XLSForm-filen (.xlsx)"))

    p = command("export-form", commands.run_export_form, tr("Eksportér spørgeskemaet som XLSForm."))
    project(p)
    p.add_argument("out", type=Path, metavar=tr("UD"), help=tr("filen, der skrives (.xlsx)"))
    p.add_argument("--for-collection", action="store_true",
                   help=tr("tilføj et spørgsmål om enheden, til indsamling i Kobo/ODK"))

    p = command("import-org", commands.run_import_org,
                tr("Importér organisationens enheder fra CSV eller XLSX."), writes=True)
    project(p)
    p.add_argument("org", type=Path, metavar=tr("ORGANISATION"),
                   help=tr("enhederne (.csv eller .xlsx)"))
    dry_run(p, tr("vis, hvad der ville ændre sig (nye, omdøbte, flyttede, fjernede), gem "
                  "intet"))

    p = command("import-responses", commands.run_import_responses,
                tr("Importér svar fra CSV eller XLSX."), writes=True)
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

    p = command("results", commands.run_results,
                tr("Alle resultater for enhed x dimension i en runde."))
    project(p)
    round_option(p)
    p.add_argument("--format", choices=["json", "csv"], default="json",
                   help=tr("filformatet (standard: json)"))
    output_language(p)
    p.add_argument("-o", "--output", type=Path, metavar=tr("FIL"),
                   help=tr("filen, der skrives (standard: skærmen)"))
    p.add_argument("--by", metavar=tr("SPØRGSMÅL"),
                   help=tr("også fordelt på grupperne i et baggrundsspørgsmål"))

    p = command("close-round", commands.run_close_round,
                tr("Luk en runde (dens resultater offentliggøres, dens organisation fastfryses), "
                   "eller genåbn den."), writes=True)
    project(p)
    round_option(p)
    p.add_argument("--reopen", action="store_true",
                   help=tr("åbn en lukket runde igen, så der kan tilføjes besvarelser"))

    p = command("merge", commands.run_merge,
                tr("Tilføj svarene indsamlet i andre kopier af projektet."), writes=True)
    project(p)
    p.add_argument("others", type=Path, nargs="+", metavar=tr("ANDET"),
                   help=tr("kopierne, hvis svar flettes ind (.apv)"))

    p = command("report", commands.run_report,
                tr("Skriv Excel-rapporten til ledelsen, bestyrelsesmaterialet (PDF) eller "
                   "afdelingsteksterne (Word); eller en projektmappe pr. afdeling."))
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

    p = command("import-indicators", commands.run_import_indicators,
                tr("Importér sygefravær, personaleomsætning og sagsmængde pr. enhed og periode "
                   "(CSV eller XLSX)."), writes=True)
    project(p)
    file(p, tr("nøgletallene (.csv eller .xlsx)"))
    dry_run(p, tr("kontrollér filen, gem intet"))

    p = command("import-actionplan", commands.run_import_actionplan,
                tr("Tag rapportens ark Handlingsplan tilbage, som ledelsen har udfyldt det."),
                writes=True)
    project(p)
    file(p, tr("rapportens projektmappe med arket Handlingsplan (.xlsx)"))
    dry_run(p, tr("vis ændringerne, gem intet"))

    p = command("check", commands.run_check, tr("Kontrollér projektfilens integritet og skema."))
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
