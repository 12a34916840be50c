"""read_org: org units from CSV/XLSX in English, Danish and Swedish, and every refusal."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from apv_desktop.core.model import OrgUnit
from apv_desktop.errors import InputError
from apv_desktop.interchange.orgfile import read_org

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages


def write_csv(tmp_path: Path, text: str, name: str = "org.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def problems_of(path: Path) -> tuple[str, list[str]]:
    with pytest.raises(InputError) as caught:
        read_org(path)
    return str(caught.value), caught.value.problems


def test_english_headers_parents_before_children(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        "code,name,parent,headcount\n"
        "T2,Team Nord,D1,12\n"
        "D1,Social,TOP,\n"
        "TOP,Forvaltning,,150\n"
        "T3,Team Nord,D1,8\n",
    )
    assert read_org(path) == [
        OrgUnit("TOP", "Forvaltning", None, 150),
        OrgUnit("D1", "Social", "TOP", None),
        OrgUnit("T2", "Team Nord", "D1", 12),
        OrgUnit("T3", "Team Nord", "D1", 8),
    ]


def test_danish_headers_semicolon_windows_1252(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        "Kode;Navn;Overordnet;Antal\r\nA;Børn og Unge;;40\r\nA1;Sundhedsplejen Øst;A;7\r\n",
        encoding="cp1252",
    )
    assert read_org(path) == [
        OrgUnit("A", "Børn og Unge", None, 40),
        OrgUnit("A1", "Sundhedsplejen Øst", "A", 7),
    ]


def test_swedish_headers(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path, "kod,namn,överordnad,antal\nS,Socialtjänsten,,\nS1,Äldreomsorg,S,3\n"
    )
    assert read_org(path) == [
        OrgUnit("S", "Socialtjänsten", None, None),
        OrgUnit("S1", "Äldreomsorg", "S", 3),
    ]


def test_xlsx_with_numeric_cells(tmp_path: Path) -> None:
    path = tmp_path / "org.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Enheder"
    for row in (["kode", "navn", "overordnet", "antal"], [1, "Top", None, 20.0], [11, "Sub", 1, 5]):
        sheet.append(row)
    workbook.save(path)
    assert read_org(path) == [OrgUnit("1", "Top", None, 20), OrgUnit("11", "Sub", "1", 5)]


def test_parent_and_headcount_columns_are_optional(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "code,name\nU1,One\nU2,Two\n")
    assert read_org(path) == [OrgUnit("U1", "One"), OrgUnit("U2", "Two")]


def test_parent_matched_without_case_is_stored_as_written_code(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "code,name,parent\nTop,T,\nU1,One,top\n")
    assert read_org(path)[1].parent == "Top"


def test_unknown_parent(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "code,name,parent\nU1,One,\nU2,Two,U1\nU3,Three,X9\n")
    message, problems = problems_of(path)
    expected = "row 4, column parent: the parent 'X9' of unit U3 is not the code of a unit."
    assert message == f"org.csv: 1 problem; {expected}"
    assert problems == [expected]


def test_duplicate_code_names_both_rows(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "kode;navn;overordnet\nU1;One;\nU2;Two;U1\nu1;Again;\n")
    message, problems = problems_of(path)
    assert problems == ["row 4, column kode: the code 'u1' is already used by row 2; codes are "
                        "compared without regard to case."]
    assert message.startswith("org.csv: 1 problem; row 4")


def test_cycle(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "code,name,parent\nTOP,Top,\nA,A,C\nB,B,A\nC,C,B\nD,D,D\n")
    _, problems = problems_of(path)
    assert problems == [
        "row 3, column parent: the parent 'C' of unit A makes a cycle of parents "
        "(A -> C -> B -> A).",
        "row 6, column parent: the unit D cannot be its own parent.",
    ]


@pytest.mark.parametrize("value", ["-3", "abc", "2.5", "12,5", "1.200"])
def test_bad_headcount(tmp_path: Path, value: str) -> None:
    path = write_csv(tmp_path, f'code;name;headcount\nU1;One;"{value}"\n')
    _, problems = problems_of(path)
    assert problems == [f"row 2, column headcount: '{value}' is not a whole number of 0 or more"]


@pytest.mark.parametrize(("value", "expected"), [("0", 0), ("12", 12), ("12.0", 12), ("12,0", 12)])
def test_good_headcount(tmp_path: Path, value: str, expected: int) -> None:
    path = write_csv(tmp_path, f'code;name;headcount\nU1;One;"{value}"\n')
    assert read_org(path)[0].headcount == expected


def test_all_problems_are_collected_and_summarised(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        "code,name,parent,headcount\nU1,One,,x\n,Nameless,U1,\nU3,,U1,\nU4,Four,Nope,\n",
    )
    message, problems = problems_of(path)
    assert problems == [
        "row 2, column headcount: 'x' is not a whole number of 0 or more",
        "row 3, column code: the unit 'Nameless' has no code.",
        "row 4, column name: the unit U3 has no name.",
        "row 5, column parent: the parent 'Nope' of unit U4 is not the code of a unit.",
    ]
    assert message == (
        "org.csv: 4 problems; row 2, column headcount: 'x' is not a whole number of 0 or more"
    )


def test_missing_name_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "code,title,parent\nU1,One,\n")
    message, problems = problems_of(path)
    assert message.startswith("org.csv has no 'name' (or 'navn') column")
    assert "code, title, parent" in message
    assert problems == ["missing column name"]


def test_header_only(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "code,name,parent\n")
    message, _ = problems_of(path)
    assert message == "org.csv has a header row but no org units."


def test_wrong_file_type(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "code,name\nU1,One\n", name="org.txt")
    message, _ = problems_of(path)
    assert message.startswith("org.txt is not a file type")
