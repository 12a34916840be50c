"""The one xlsx reader: sheets that lie about their size, zip bombs, entity declarations, huge
cells, too many rows or columns, formulas without a saved value: read quickly or refused with a
sentence naming the limit, quoting no more than a short excerpt."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from apv_desktop.errors import InputError
from apv_desktop.interchange import limits
from apv_desktop.interchange.orgfile import read_org
from apv_desktop.interchange.tables import read_table
from apv_desktop.interchange.xlsform import read_xlsform
from apv_desktop.interchange.xlsx_reader import open_xlsx
from tests.unit.xlsform_support import AGREE_CHOICES, make_form
from tests.unit.xlsx_hostile import claim_rows, with_cell_text, with_entities, zip_bomb

SURVEY = [["type", "name", "label"], ["select_one agree", "q1", "Trives du?"],
          ["text", "q2", "Kommentar"]]


def org_workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["code", "name", "parent"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_form_whose_sheets_claim_a_million_rows_reads_only_the_rows_it_has(tmp_path):
    form = make_form(tmp_path, SURVEY, AGREE_CHOICES)
    lying = claim_rows(form, tmp_path / "lying.xlsx")
    lying = claim_rows(lying, tmp_path / "lying2.xlsx", member="xl/worksheets/sheet2.xml")
    reports: list[float] = []
    with open_xlsx(lying) as workbook:
        rows = list(workbook.rows("survey", lambda fraction, message: reports.append(fraction)))
    assert [number for number, _ in rows] == [1, 2, 3]
    # A reader that walks the claimed million rows reports progress every few hundred of them.
    assert len(reports) <= 3
    result = read_xlsform(lying)
    assert [item.name for item in result.questionnaire.items()] == ["q1", "q2"]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    # The limit lowered so the bomb is quick to build; the fuzz test uses the real one.
    monkeypatch.setattr(limits, "MAX_UNCOMPRESSED_BYTES", 32 * 2**20)
    bomb = zip_bomb(tmp_path / "bomb.xlsx", 33 * 2**20)
    assert bomb.stat().st_size < 2**20
    with pytest.raises(InputError, match=r"bomb\.xlsx afvises: den fylder \d+ MB udpakket"):
        read_table(bomb)


def test_a_part_that_unpacks_far_too_well_is_refused(tmp_path):
    bomb = zip_bomb(tmp_path / "ratio.xlsx", 64 * 2**20)
    with pytest.raises(InputError, match=r"pakker sig \d+ gange ud \(højst 200\)"):
        read_xlsform(bomb)


def test_entity_declarations_are_refused(tmp_path):
    form = make_form(tmp_path, SURVEY, AGREE_CHOICES)
    laughs = with_entities(form, tmp_path / "laughs.xlsx")
    with pytest.raises(InputError, match="DOCTYPE"):
        read_xlsform(laughs)


def test_a_huge_cell_is_refused_quoting_only_its_start(tmp_path):
    org = org_workbook(tmp_path / "org.xlsx", [["U1", "Enhed", None]])
    huge = with_cell_text(org, tmp_path / "huge.xlsx", 5 * 2**20)
    with pytest.raises(InputError) as caught:
        read_org(huge)
    assert "32767" in str(caught.value) and len(str(caught.value)) < 400


def test_a_cell_over_excels_limit_names_the_cell_and_quotes_an_excerpt(tmp_path):
    path = tmp_path / "org.csv"
    path.write_text(f"code;name\nU1;{'x' * (limits.MAX_CELL_CHARS + 1)}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_org(path)
    message = str(caught.value)
    assert "B2" in message and "x" * 60 + "…" in message and "x" * 61 not in message


def test_too_many_columns_are_refused_at_the_first_row(tmp_path):
    path = tmp_path / "wide.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["code", "name"] + [f"c{i}" for i in range(limits.MAX_COLUMNS)])
    book.save(path)
    with pytest.raises(InputError, match=f"mere end {limits.MAX_COLUMNS} kolonner"):
        read_table(path)


def test_too_many_rows_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 10)
    org = org_workbook(tmp_path / "org.xlsx", [[f"U{i}", "Enhed", None] for i in range(20)])
    with pytest.raises(InputError, match="mere end 10 rækker"):
        read_org(org)


def test_formula_cells_are_read_by_their_saved_value_or_refused(tmp_path):
    org = org_workbook(tmp_path / "org.xlsx", [["U1", "Top", None],
                                                ["U2", '=A2&" hold"', "U1"]])
    # openpyxl saves formulas without a value: Excel would have saved "Top hold" beside it.
    with pytest.raises(InputError, match=r"celle B3 er en formel uden gemt værdi"):
        read_org(org)

    def cache_value(data: bytes) -> bytes:
        return data.replace(b'<c r="B3"><f>A2&amp;" hold"</f><v />',
                            b'<c r="B3" t="str"><f>A2&amp;" hold"</f><v>Top hold</v>')

    from tests.unit.xlsx_hostile import rewrite_member

    cached = rewrite_member(org, tmp_path / "cached.xlsx", "xl/worksheets/sheet1.xml", cache_value)
    assert [unit.name for unit in read_org(cached)] == ["Top", "Top hold"]


def test_a_damaged_sheet_is_a_user_error(tmp_path):
    org = org_workbook(tmp_path / "org.xlsx", [["U1", "Top", None]])
    from tests.unit.xlsx_hostile import rewrite_member

    broken = rewrite_member(org, tmp_path / "broken.xlsx", "xl/worksheets/sheet1.xml",
                            lambda data: data[: len(data) // 2])
    with pytest.raises(InputError, match="broken.xlsx kan ikke læses"):
        read_org(broken)


# ---------------------------------------------------------------------------- CSV encodings

ORG_CSV = "kode;navn;overordnet\nDK;Kommune;\nBÆK;Børnehaven Bæk;DK\nSØ;Søværnet Ærø;DK\n"


@pytest.mark.parametrize("encoding", ["mac_roman", "cp850", "utf-7"])
def test_a_csv_in_another_encoding_is_refused_with_a_request_to_save_as_utf8(tmp_path, encoding):
    path = tmp_path / "org.csv"
    path.write_bytes(ORG_CSV.encode(encoding))
    with pytest.raises(InputError, match=r"org\.csv er ikke gemt som UTF-8.*linje [34].*CSV UTF-8"):
        read_org(path)


def test_utf8_read_as_windows_1252_and_saved_again_is_refused(tmp_path):
    path = tmp_path / "org.csv"
    path.write_text(ORG_CSV.encode("utf-8").decode("cp1252"), encoding="utf-8")
    with pytest.raises(InputError, match=r"linje 3 bliver til '.*Ã"):
        read_org(path)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_the_encodings_excel_writes_are_read(tmp_path, encoding):
    path = tmp_path / "org.csv"
    text = ORG_CSV + "EN;Don’t “quote” – Åsa's «team» 50 €;DK\n"
    path.write_bytes(text.encode(encoding))
    assert [unit.name for unit in read_org(path)][1:] == [
        "Børnehaven Bæk", "Søværnet Ærø", "Don’t “quote” – Åsa's «team» 50 €"]


def test_synonym_headers_for_one_field_are_refused(tmp_path):
    path = tmp_path / "org.csv"
    path.write_text("code;kode;name\nU1;U2;Enhed\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"to kolonner for code: 'code' \(A\) og 'kode' \(B\)"):
        read_org(path)


def test_refusals_quote_short_excerpts_and_list_a_bounded_number_of_problems(tmp_path):
    path = tmp_path / "org.csv"
    long_value = "9" * 30_000 + "x"
    path.write_text("code;name;headcount\n" + "".join(f"U{i};Enhed;{long_value}\n"
                                                    for i in range(100)), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_org(path)
    assert len(str(caught.value)) <= 1000
    problems = caught.value.problems
    assert len(problems) == 21 and problems[-1] == "… og 80 flere"
    assert all(len(problem) <= 300 for problem in problems)
