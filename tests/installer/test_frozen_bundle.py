"""The frozen one-folder bundle starts and works on a machine without Python.

Marked `installer`: see conftest.py for when these run. Every command gets an environment with
no Python in it (bare_environment), so a bundle that secretly leaned on the venv fails here."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from apv_desktop.i18n import translator
from tests.conftest import OFFSCREEN

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.installer


def run_frozen(app: Path, args: list[str], env: dict[str, str],
               **extra_env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(app), *args], env={**env, **extra_env}, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def test_version_is_the_one_in_pyproject(frozen_app: Path,
                                         bare_environment: dict[str, str]) -> None:
    result = run_frozen(frozen_app, ["--version"], bare_environment)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"apv-desktop {pyproject_version()}"


def test_demo_then_results_match_the_unfrozen_program(
        frozen_app: Path, bare_environment: dict[str, str], tmp_path: Path) -> None:
    project = tmp_path / "demo.apv"
    made = run_frozen(frozen_app, ["demo", str(project), "--respondents", "120", "--seed", "7"],
                      bare_environment)
    assert made.returncode == 0, made.stderr
    frozen = run_frozen(frozen_app, ["results", str(project)], bare_environment)
    assert frozen.returncode == 0, frozen.stderr
    unfrozen = subprocess.run([sys.executable, "-m", "apv_desktop", "results", str(project)],
                              capture_output=True, text=True, encoding="utf-8", check=True,
                              cwd=ROOT)
    assert json.loads(frozen.stdout) == json.loads(unfrozen.stdout)
    assert json.loads(frozen.stdout)["units"], "the demo organisation has units"


def test_shipped_templates_and_catalogs_are_in_the_bundle(
        frozen_app: Path, bare_environment: dict[str, str], tmp_path: Path) -> None:
    """resources/ at the top of the repository is found inside the bundle (sys._MEIPASS)."""
    listed = run_frozen(frozen_app, ["templates"], bare_environment)
    assert listed.returncode == 0, listed.stderr
    index = json.loads((ROOT / "resources" / "templates" / "index.json").read_text("utf-8"))
    # One line per template (id, title); its description follows on indented lines.
    assert [line.split()[0] for line in listed.stdout.splitlines()
            if line and not line.startswith(" ")] == [entry["id"] for entry in index]
    project = tmp_path / "demo.apv"
    assert run_frozen(frozen_app, ["demo", str(project), "--respondents", "60"],
                      bare_environment).returncode == 0
    report = tmp_path / "rapport.xlsx"
    made = run_frozen(frozen_app, ["report", str(project), "-o", str(report), "--lang", "sv"],
                      bare_environment)
    assert made.returncode == 0, made.stderr
    from openpyxl import load_workbook

    cover = translator("sv")("Forside")
    assert cover != "Forside"
    assert load_workbook(report).sheetnames[0] == cover  # the Swedish catalog was loaded


def test_bad_input_is_one_sentence_and_exit_2(frozen_app: Path,
                                              bare_environment: dict[str, str],
                                              tmp_path: Path) -> None:
    not_a_project = tmp_path / "notes.apv"
    not_a_project.write_text("hello", encoding="utf-8")
    result = run_frozen(frozen_app, ["results", str(not_a_project)], bare_environment)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "notes.apv" in result.stderr


def test_gui_opens_a_project_and_closes(frozen_app: Path, bare_environment: dict[str, str],
                                        tmp_path: Path) -> None:
    project = tmp_path / "demo.apv"
    assert run_frozen(frozen_app, ["demo", str(project), "--respondents", "60"],
                      bare_environment).returncode == 0
    result = run_frozen(frozen_app, [str(project)], bare_environment,
                        **OFFSCREEN, APV_DESKTOP_SMOKE_TEST="1")
    assert result.returncode == 0, result.stderr
    assert "main window shown" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_opens_no_network_socket(frozen_app: Path, bare_environment: dict[str, str],
                                 tmp_path: Path) -> None:
    """Every socket the program creates (demo, results, the window) is a local AF_UNIX one."""
    project = tmp_path / "demo.apv"
    trace = tmp_path / "trace.txt"
    commands = [["demo", str(project), "--respondents", "60"], ["results", str(project)],
                [str(project)]]
    for args in commands:
        traced = subprocess.run(
            ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace),
             str(frozen_app), *args],
            env={**bare_environment, **OFFSCREEN, "APV_DESKTOP_SMOKE_TEST": "1"},
            capture_output=True, text=True, timeout=120)
        assert traced.returncode == 0, traced.stderr
        calls = trace.read_text(encoding="utf-8")
        assert "AF_INET" not in calls, f"{args}: {calls}"
