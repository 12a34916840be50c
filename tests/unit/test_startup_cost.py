"""What a command loads at start-up (issue 18: at 2,000 respondents the fixed costs are most of
the time). Each check runs a fresh interpreter, so what earlier tests imported does not count."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from apv_desktop.core.model import LANGUAGES
from apv_desktop.i18n import format_number, plural_category, trn


def _fresh(script: str, env: dict[str, str] | None = None) -> str:
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120, env=env, check=True)
    return run.stdout.strip()


def test_the_program_keeps_numpys_blas_to_one_thread_unless_told_otherwise() -> None:
    script = "import os, apv_desktop.__main__; print(os.environ['OPENBLAS_NUM_THREADS'])"
    plain = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    assert _fresh(script, plain) == "1"
    assert _fresh(script, {**plain, "OPENBLAS_NUM_THREADS": "4"}) == "4"


def _modules_after(script: str) -> set[str]:
    listing = "\nimport json, sys\nprint(json.dumps(list(sys.modules)))"
    return set(json.loads(_fresh(script + listing)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_whole_counts_read_as_babel_writes_them_in_every_language(language: str) -> None:
    from babel import Locale, numbers

    rule = Locale.parse(language).plural_form
    for count in [*range(0, 1101), 9_999, 12_345, 1_000_000, 123_456_789]:
        assert format_number(count, language) == numbers.format_decimal(
            count, format="#,##0.###", locale=language)
        assert plural_category(count, language) == rule(count)
    assert trn("{n} svar", "{n} svar", 2000) == trn("{n} svar", "{n} svar", 2000.0)


def test_a_command_that_prints_a_count_does_not_load_babel() -> None:
    loaded = _modules_after("from apv_desktop.i18n import set_language, trn\n"
                            "set_language('sv')\n"
                            "trn('Importerede {n} enhed.', 'Importerede {n} enheder.', 1234)")
    assert not {name for name in loaded if name.split(".")[0] == "babel"}


def test_importing_a_csv_and_reading_results_load_no_workbook_reader_or_templates() -> None:
    loaded = _modules_after("import apv_desktop.cli, apv_desktop.services.transfer, "
                            "apv_desktop.services.compute")
    assert not loaded & {"apv_desktop.interchange.xlsx_reader", "apv_desktop.interchange.templates",
                         "apv_desktop.core.org_changes", "zipfile", "babel", "locale"}


def test_the_commands_modules_load_no_socket_random_or_tempfile() -> None:
    """The lock file's host name, the sheets' random ids and the temporary names need none of
    them (4-5 ms of each command's start each); tempfile is loaded where a file is written."""
    loaded = _modules_after("import apv_desktop.cli, apv_desktop.cli_commands, "
                            "apv_desktop.services.transfer, apv_desktop.services.compute, "
                            "apv_desktop.lock, apv_desktop.store.responses")
    assert not loaded & {"socket", "secrets", "random", "tempfile", "uuid"}


def test_importing_a_csv_file_of_choices_loads_no_numpy(tmp_path) -> None:
    """A file of choices is read as one byte a cell and stored as it is read: NumPy's import
    alone costs as much as the whole of a small import (issue 18), so only a file with other
    answers (decimals, one column per option) or a later computation loads it (and openpyxl,
    which imports it, for a workbook)."""
    from apv_desktop.cli import run
    from apv_desktop.interchange.templates import load_template
    from tests.unit import tool_exports

    project, org = tmp_path / "p.apv", tmp_path / "org.csv"
    org.write_text(tool_exports.ORG_CSV, encoding="utf-8")
    assert run(["new", str(project), "--template", "psykisk"]) == 0
    assert run(["import-org", str(project), str(org)]) == 0
    simulated = tool_exports.simulate(load_template("psykisk"))
    for name, writer in (("own.csv", tool_exports.own_format),
                         ("google.csv", tool_exports.google_forms)):
        answers = writer(simulated, tmp_path / name)
        loaded = _modules_after(
            "import contextlib, io\nfrom apv_desktop.cli import run\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    assert run(['import-responses', {str(project)!r}, {str(answers)!r},"
            " '--round', '2025']) == 0")
        assert "numpy" not in loaded, name
    assert run(["close-round", str(project)]) == 0
    assert run(["results", str(project), "-o", str(tmp_path / "r.json")]) == 0
    results = (tmp_path / "r.json").read_text(encoding="utf-8")
    assert '"n": 132' in results  # both files' sheets (66 each) are read back
