"""One set of org tree rules (core/org_rules.py) for the store, the file import and the table."""

from __future__ import annotations

from pathlib import Path

import pytest

from apv_desktop.core.model import OrgUnit
from apv_desktop.core.org_rules import (
    MAX_CODE_LENGTH,
    MAX_NAME_LENGTH,
    OrgField,
    org_problems,
    whole_number,
)
from apv_desktop.errors import InputError, RefusedError
from apv_desktop.interchange.orgfile import read_org
from apv_desktop.store.project import Project

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages


def codes(units: list[OrgUnit]) -> list[tuple[str, int, str]]:
    return [(p.code, p.index, p.unit) for p in org_problems(units)]


def test_a_sound_tree_has_no_problems() -> None:
    assert org_problems([OrgUnit("TOP", "Top", None, 10), OrgUnit("A", "A", "TOP", 0),
                         OrgUnit("B", "B", "A")]) == []


@pytest.mark.parametrize(
    ("units", "expected"),
    [
        ([OrgUnit("U1", "One"), OrgUnit("u1", "Other")], [("code_duplicate", 1, "u1")]),
        ([OrgUnit("U1", "One"), OrgUnit("U1", "Again")], [("code_duplicate", 1, "U1")]),
        ([OrgUnit(" ", "Blank")], [("code_empty", 0, " ")]),
        ([OrgUnit("A", "  ")], [("name_empty", 0, "A")]),
        ([OrgUnit("A", "A", "X")], [("parent_unknown", 0, "A")]),
        ([OrgUnit("A", "A", "A")], [("parent_self", 0, "A")]),
        ([OrgUnit("T", "T"), OrgUnit("A", "A", "B"), OrgUnit("B", "B", "A")],
         [("parent_cycle", 1, "A")]),
        ([OrgUnit("A", "A", None, -1)], [("headcount_invalid", 0, "A")]),
        ([OrgUnit("A", "A", None, True)], [("headcount_invalid", 0, "A")]),  # type: ignore[arg-type]
        ([OrgUnit("A", "A", None, 2.5)], [("headcount_invalid", 0, "A")]),  # type: ignore[arg-type]
        ([OrgUnit("A" * (MAX_CODE_LENGTH + 1), "A")],
         [("code_too_long", 0, "A" * (MAX_CODE_LENGTH + 1))]),
        ([OrgUnit("A", "n" * (MAX_NAME_LENGTH + 1))], [("name_too_long", 0, "A")]),
    ],
)
def test_each_rule(units: list[OrgUnit], expected: list[tuple[str, int, str]]) -> None:
    assert codes(units) == expected


def test_problems_carry_the_field_and_an_english_sentence() -> None:
    [problem] = org_problems([OrgUnit("U1", "One"), OrgUnit("u1", "Other")])
    assert problem.field is OrgField.CODE
    assert problem.other == 0
    assert problem.text == ("The code 'u1' is already used by U1; codes are compared without "
                            "regard to case.")
    [cycle] = org_problems([OrgUnit("B", "B", "C"), OrgUnit("A", "A", "B"), OrgUnit("C", "C", "A")])
    assert cycle.text == "The parent 'C' of unit B makes a cycle of parents (B -> C -> A -> B)."


@pytest.mark.parametrize(("text", "expected"), [
    ("0", 0), ("12", 12), (" 12 ", 12), ("12.0", 12), ("12,0", 12), ("-3", None), ("2.5", None),
    ("abc", None), ("1.2.3", None), ("²", None), ("", None)])
def test_whole_number(text: str, expected: int | None) -> None:
    assert whole_number(text) == expected


# --- the case that used to disagree, through each entry point ---------------------------------

U1_AND_LOWER = [OrgUnit("U1", "One"), OrgUnit("u1", "Other")]


def test_the_store_refuses_codes_that_differ_only_in_case(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.apv")
    try:
        with pytest.raises(RefusedError, match="The code 'u1' is already used by U1"):
            project.replace_org(U1_AND_LOWER)
        assert project.org_units() == []
    finally:
        project.close()


def test_the_file_import_refuses_codes_that_differ_only_in_case(tmp_path: Path) -> None:
    path = tmp_path / "org.csv"
    path.write_text("code,name\nU1,One\nu1,Other\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_org(path)
    assert caught.value.problems == ["row 3, column code: the code 'u1' is already used by row "
                                     "2; codes are compared without regard to case."]
