"""read_table: CSV as Danish Excel writes it, XLSX, and every way a file can be refused."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import openpyxl
import pytest

from apv_desktop.errors import InputError
from apv_desktop.interchange.tables import column_letter, read_table

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def test_danish_excel_csv_semicolon_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_bytes("enhed;navn;bemærkning\r\nU1;Søren;Æblegrød på fredag\r\n".encode("cp1252"))
    table = read_table(path)
    assert table.headers == ["enhed", "navn", "bemærkning"]
    assert table.rows == [["U1", "Søren", "Æblegrød på fredag"]]
    assert table.row_numbers == [2]
    assert table.source == "svar.csv"


def test_utf8_with_bom_does_not_leak_into_first_header(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_bytes("\ufeffenhed;spørgsmål\nU1;Måske\n".encode())
    table = read_table(path)
    assert table.headers == ["enhed", "spørgsmål"]
    assert table.rows == [["U1", "Måske"]]


def test_plain_utf8_and_comma_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text("unit,q1,q2\nU1,å,3\nU2,ø,4\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["unit", "q1", "q2"]
    assert table.rows == [["U1", "å", "3"], ["U2", "ø", "4"]]


def test_tab_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text("unit\tq1\nU1\tOfte, men ikke altid\n", encoding="utf-8")
    assert read_table(path).rows == [["U1", "Ofte, men ikke altid"]]


def test_semicolon_wins_when_question_texts_hold_commas(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text("enhed;Hvis ja, hvor ofte?;Q2\nU1;Ofte;Aldrig\n", encoding="utf-8")
    assert read_table(path).headers == ["enhed", "Hvis ja, hvor ofte?", "Q2"]


def test_quoted_delimiters_in_header_do_not_decide(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text('unit,"Hvor ofte; hvor meget",q2\nU1,Ofte,2\n', encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["unit", "Hvor ofte; hvor meget", "q2"]


def test_excel_sep_line_names_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text("sep=,\nunit;x,q1\nU1;y,2\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["unit;x", "q1"]
    assert table.row_numbers == [2]


def test_quoted_newlines_blank_rows_and_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    text = 'unit;comment;q1\nU1;"line one\nline two; still";3\n;;\n\nU2;"say ""hi""";4\n'
    path.write_text(text, encoding="utf-8")
    table = read_table(path)
    assert table.rows == [["U1", "line one\nline two; still", "3"], ["U2", 'say "hi"', "4"]]
    # Records, not physical lines: the multi-line record is row 2, two blank rows follow.
    assert table.row_numbers == [2, 5]


def test_trailing_empty_columns_and_short_rows(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text("unit;q1;q2;;\nU1;1;;;\nU2\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["unit", "q1", "q2"]
    assert table.rows == [["U1", "1", ""], ["U2", "", ""]]


def test_cells_and_headers_are_stripped(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text(" unit ; q1 \n U1 ; Ofte \n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["unit", "q1"]
    assert table.rows == [["U1", "Ofte"]]


def test_xlsx_cells_become_text(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "org.xlsx",
        {
            "Ark1": [
                ["code", "headcount", "share", "when", "flag"],
                ["U1", 12.0, 0.25, dt.datetime(2025, 3, 1), True],
                [None, None, None, None, None],
                ["U2", 7, None, dt.datetime(2025, 3, 1, 10, 5), None],
            ]
        },
    )
    table = read_table(path)
    assert table.source == "org.xlsx, sheet Ark1"
    assert table.headers == ["code", "headcount", "share", "when", "flag"]
    assert table.rows == [
        ["U1", "12", "0.25", "2025-03-01", "TRUE"],
        ["U2", "7", "", "2025-03-01 10:05:00", ""],
    ]
    assert table.row_numbers == [2, 4]


def test_xlsx_named_sheet_case_insensitive_and_first_sheet_by_default(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "book.xlsx",
        {"Forside": [["title"], ["APV 2025"]], "Svar": [["unit", "q1"], ["U1", 3]]},
    )
    assert read_table(path).headers == ["title"]
    table = read_table(path, sheet="svar")
    assert table.source == "book.xlsx, sheet Svar"
    assert table.rows == [["U1", "3"]]


def test_xlsx_missing_sheet_names_the_sheets(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", {"Ark1": [["unit"], ["U1"]]})
    with pytest.raises(InputError, match=r"book\.xlsx has no sheet named 'Svar'.*Ark1"):
        read_table(path, sheet="Svar")


def test_xlsx_header_not_on_first_row(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", {"Ark1": [[], [], ["unit", "q1"], ["U1", "x"]]})
    table = read_table(path)
    assert table.headers == ["unit", "q1"]
    assert table.row_numbers == [4]


@pytest.mark.parametrize("name", ["answers.txt", "answers.xls", "answers.json", "answers"])
def test_unknown_extension_says_what_is_accepted(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("unit;q1\nU1;1\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_table(path)
    message = str(caught.value)
    assert message.startswith(name)
    assert ".csv" in message and ".xlsx" in message


def test_random_bytes_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "answers.xlsx"
    path.write_bytes(os.urandom(3000))
    with pytest.raises(InputError, match=r"^answers\.xlsx cannot be read as an Excel"):
        read_table(path)


def test_truncated_xlsx(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", {"Ark1": [["unit", "q1"], ["U1", 1]]})
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(InputError, match=r"^cut\.xlsx"):
        read_table(path)


def test_workbook_saved_as_csv(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", {"Ark1": [["unit"], ["U1"]]})
    path = tmp_path / "answers.csv"
    path.write_bytes(good.read_bytes())
    with pytest.raises(InputError, match=r"answers\.csv is an Excel workbook"):
        read_table(path)


@pytest.mark.parametrize("content", [b"", b"\r\n\r\n", b"\xef\xbb\xbf"])
def test_empty_csv(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "answers.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"^answers\.csv is empty"):
        read_table(path)


def test_empty_xlsx_file(tmp_path: Path) -> None:
    path = tmp_path / "answers.xlsx"
    path.write_bytes(b"")
    with pytest.raises(InputError, match=r"^answers\.xlsx is empty"):
        read_table(path)


def test_only_delimiters_means_no_header_row(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text(";;;\n;;\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"answers\.csv has no header row"):
        read_table(path)


def test_empty_sheet_means_no_header_row(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "answers.xlsx", {"Ark1": []})
    with pytest.raises(InputError, match=r"answers\.xlsx, sheet Ark1 has no header row"):
        read_table(path)


def test_duplicate_headers_are_named(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text("unit;Q1;q2;q1 \nU1;1;2;3\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_table(path)
    assert str(caught.value) == (
        "answers.csv has the same column header more than once: 'Q1' (columns B, D)."
    )


def test_value_under_a_blank_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text("unit;;q2\nU1;;1\nU2;x;2\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"column B has values \(first in row 3\) but no header"):
        read_table(path)


def test_binary_data_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_bytes(b"unit;q1\x00\x00\x01\x02")
    with pytest.raises(InputError, match=r"^answers\.csv is not a CSV text file"):
        read_table(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nowhere\.csv was not found"):
        read_table(tmp_path / "nowhere.csv")


def test_many_rows_and_columns(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    buffer = io.StringIO()
    buffer.write(";".join(["enhed", *(f"Q{i}" for i in range(100))]) + "\r\n")
    for row in range(2000):
        buffer.write(";".join([f"U{row % 7}", *(str((row + i) % 5) for i in range(100))]) + "\r\n")
    path.write_text(buffer.getvalue(), encoding="cp1252")
    table = read_table(path)
    assert len(table.headers) == 101
    assert len(table.rows) == 2000
    assert table.rows[1999][:3] == ["U4", "4", "0"]
    assert table.row_numbers[-1] == 2001


def test_column_letter() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


def test_utf16_with_bom_as_excel_unicode_text_writes_it(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_bytes("unit\tspørgsmål\r\nU1\tÅbenhed\r\n".encode("utf-16"))
    table = read_table(path)
    assert table.headers == ["unit", "spørgsmål"]
    assert table.rows == [["U1", "Åbenhed"]]
