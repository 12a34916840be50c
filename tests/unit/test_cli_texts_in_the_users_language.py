"""The command line on a Danish or Swedish system (the locale, no --lang) prints its lines of
changes, counts and refusals in that language, English nowhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from apv_desktop.__main__ import SCREEN_VARIABLES
from apv_desktop.cli import run
from apv_desktop.core.model import OrgUnit
from apv_desktop.services.collection import prepare_round, submit_sheet
from apv_desktop.services.projects import create_project, opened
from tests.unit.reader_language import english_in

LOCALES = {"da": "da_DK.UTF-8", "sv": "sv_SE.UTF-8"}
UNITS = [OrgUnit("ORG", "Forvaltningen"), OrgUnit("A", "Team A", "ORG"),
         OrgUnit("B", "Team B", "ORG")]


@pytest.fixture
def system(language: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The system locale of `language`, as the command line reads it."""
    monkeypatch.setenv("LC_ALL", LOCALES[language])
    return language


@pytest.fixture(scope="module")
def answered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose team B holds an answer."""
    path = tmp_path_factory.mktemp("cli") / "base.apv"
    create_project(path, ["kraenkende"], "Test")
    with opened(path) as project:
        project.replace_org(UNITS)
        questionnaire = prepare_round(project, "2025")
        submit_sheet(project, "2025", questionnaire, "B", {"bu_1": "nej"})
    return path


def test_import_org_speaks_the_systems_language(answered: Path, tmp_path: Path, system: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    org = tmp_path / "ny.csv"
    org.write_text("kode;navn;overordnet\nORG;Forvaltning;\nA;Team A;\nC;Team C;ORG\n"
                   "B;Team B;ORG\n", encoding="utf-8")
    assert run(["import-org", str(answered), str(org), "--dry-run"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[:3] == {
        "da": ["ny: C (Team C) under ORG", "omdøbt: ORG fra 'Forvaltningen' til 'Forvaltning'",
               "flyttet: A (Team A) fra ORG til øverst"],
        "sv": ["ny: C (Team C) under ORG",
               "nytt namn: ORG från 'Forvaltningen' till 'Forvaltning'",
               "flyttad: A (Team A) från ORG till högst upp"]}[system]
    org.write_text("kode;navn;overordnet\nORG;Forvaltningen;\n", encoding="utf-8")
    assert run(["import-org", str(answered), str(org)]) == 2
    err = capsys.readouterr().err
    assert not english_in(err.replace("apv-desktop:", "")), err


def test_merge_counts_in_the_systems_language(answered: Path, tmp_path: Path, system: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "base.apv"
    shutil.copyfile(answered, base)
    assert run(["merge", str(base), str(answered)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.endswith({"da": ": 0 tilføjet, 1 fandtes allerede, 0 i konflikt",
                           "sv": ": 0 tillagda, 1 fanns redan, 0 i konflikt"}[system]), first


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux lacks a screen so")
def test_the_window_without_a_screen_says_so_in_the_systems_language(
        answered: Path, system: str) -> None:
    environment = {k: v for k, v in os.environ.items() if k not in SCREEN_VARIABLES}
    out = subprocess.run([sys.executable, "-m", "apv_desktop", str(answered)], env=environment,
                         capture_output=True, text=True)
    assert out.returncode == 2 and out.stderr.startswith(
        {"da": "apv-desktop: ingen skærm fundet", "sv": "apv-desktop: ingen skärm hittades"}[
            system]), out.stderr
