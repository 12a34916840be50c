"""The department report drafts for the demo (structure of the OMU report in seeds/004), the
AMiR's revised texts, and the Excel sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from apv_desktop.core.story import DepartmentBlock, StorySection
from apv_desktop.i18n import translator
from apv_desktop.reports.department import write_department_blocks
from apv_desktop.services.demo import build_demo
from apv_desktop.services.departments import (
    department_reports,
    save_department_text,
    section_headings,
)
from apv_desktop.store.project import Project
from tests.fixed_dates import DEMO_TODAY

HEADINGS = ["Udfordringer", "Gode erfaringer", "Fremadrettede fokuspunkter",
            "Opmærksomhedspunkter i forbindelse med sygefravær"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.apv"
    build_demo(path, today=DEMO_TODAY)
    return path


def blocks(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        if line in HEADINGS:
            current = line
            found[current] = []
        elif line.startswith("- "):
            found[current].append(line[2:])
    return found


def test_demo_departments_follow_the_omu_structure(demo: Path) -> None:
    with Project.open(demo) as project:
        reports = {r.unit: r for r in department_reports(project, "2025")}
    assert list(reports) == ["FAM", "UNG", "SKD", "BYG", "VEJ", "BS", "KUL", "ARB", "STAB"]
    family = blocks(reports["FAM"].draft)
    assert list(family) == HEADINGS
    challenges = family["Udfordringer"]
    assert challenges[0].startswith(
        "Myndighed, børn og unge: Kvantitative krav er et pressionspunkt: score ")
    assert challenges[0].endswith("hvor en høj score er dårlig (n = 20).")
    assert "Myndighed, børn og unge: 38 sager pr. medarbejder mod anbefalet 25 (2025)." in (
        challenges)
    assert ("Myndighed, børn og unge: langtidssygefraværet er steget fra 14 til 21,5 dage pr. "
            "årsværk (2025).") in challenges
    assert family["Fremadrettede fokuspunkter"] == [
        "Myndighed, børn og unge: Midlertidig ekstra sagsbehandler og prioriteringsmøde hver "
        "14. dag (ansvarlig: Afdelingsleder, frist "
        + reports["FAM"].draft.split("frist ")[1].split(")")[0] + ")"]
    sick = family["Opmærksomhedspunkter i forbindelse med sygefravær"]
    assert sick[0] == ("Myndighed, børn og unge: 9,4 dages korttids- og 21,5 dages "
                       "langtidssygefravær pr. årsværk (2025).")
    assert sick[1].startswith("Udvalgets vurdering for Myndighed, børn og unge: Det lange")
    road = blocks(reports["VEJ"].draft)
    assert road["Udfordringer"][0].startswith("Driftsgården: Anerkendelse er et pressionspunkt")
    assert "hvor en lav score er dårlig" in road["Udfordringer"][0]
    # the action for Driftsgården is done, so the focus points come from unplanned pressure points
    assert "Driftsgården: lav en handling for Retfærdighed." in road["Fremadrettede fokuspunkter"]
    library = blocks(reports["KUL"].draft)
    assert library["Udfordringer"] == ["Ingen pressionspunkter i undersøgelsen."]
    assert library["Opmærksomhedspunkter i forbindelse med sygefravær"] == [
        "Udvalget har endnu ikke vurderet, om arbejdsmiljøet bidrager til sygefraværet."]


def test_hidden_teams_are_never_named(demo: Path) -> None:
    with Project.open(demo) as project:
        texts = "\n".join(r.draft for r in department_reports(project, "2025"))
    for hidden in ("Handicapteamet", "Natur og vand", "HR og løn"):
        assert hidden not in texts


def test_drafts_in_english(demo: Path) -> None:
    with Project.open(demo) as project:
        (family, *_) = department_reports(project, "2025", "en")
    assert family.draft.splitlines()[0] == "Challenges"
    assert section_headings("en") == ["Challenges", "Strengths", "Focus points ahead",
                                      "Points of attention regarding sick leave"]
    assert "38 cases per caseworker against a recommended 25 (2025)." in family.draft


def test_the_revised_text_is_kept_and_an_unchanged_one_is_not(demo: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.apv"
    path.write_bytes(demo.read_bytes())
    with Project.open(path) as project:
        family = department_reports(project, "2025")[0]
        revised = family.draft.replace("Udfordringer\n", "Udfordringer\n- Mange nyansatte\n")
        save_department_text(project, "FAM", "2025", revised, family.draft)
        again = department_reports(project, "2025")[0]
        assert again.edited and again.text == revised and again.draft == family.draft
        save_department_text(project, "FAM", "2025", family.draft + "\n", family.draft)
        assert not department_reports(project, "2025")[0].edited
        assert project.department_texts("2025") == {}


def test_the_department_sheet_lays_out_headings_and_bullets() -> None:
    book = Workbook()
    blocks = [
        DepartmentBlock("BYG", "=Byg og miljø", False, "", [
            StorySection("Udfordringer", ["Stort arbejdspres"]),
            StorySection("Gode erfaringer", ["=gode relationer"])], True),
        DepartmentBlock("LIL", "Lille afdeling", True, "skjult, for få svar", [
            StorySection("Udfordringer", ["Skriv her."])], False),
    ]
    sheet = book.active
    write_department_blocks(sheet, "Afdelingsrapporter", blocks, translator("da"))
    values = [sheet.cell(row=r, column=1).value for r in range(1, sheet.max_row + 1)]
    assert [v for v in values if v] == [
        "Afdelingsrapporter", "=Byg og miljø", "Udfordringer", "• Stort arbejdspres",
        "Gode erfaringer", "• =gode relationer", "Lille afdeling",
        "Afdelingens tal er skjult, for få svar; teksten nævner derfor ingen tal.",
        "Udfordringer", "• Skriv her."]
    heading_row = values.index("Udfordringer") + 1
    assert sheet.cell(row=heading_row, column=1).font.bold
    for text in ("• =gode relationer", "=Byg og miljø"):
        assert sheet.cell(row=values.index(text) + 1, column=1).data_type == "s"
