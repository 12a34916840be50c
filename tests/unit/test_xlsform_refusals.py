"""Forms that cannot be used are refused with an InputError naming file, sheet, row and column;
the real corpus files either import or are refused, never another exception."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from apv_desktop.errors import InputError
from apv_desktop.interchange.xlsform import read_xlsform, write_xlsform
from tests.unit.xlsform_support import (
    AGREE_CHOICES,
    CORPUS,
    make_form,
    make_workbook,
    read_form,
    without_repeats,
)

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages


def refusal(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_xlsform(path)
    return str(caught.value)


@pytest.mark.parametrize("name", ["form.csv", "form.xls", "form.ods", "form.txt", "form"])
def test_wrong_file_types_are_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("type,name\ntext,q\n", encoding="utf-8")
    message = refusal(path)
    assert name in message and "save it as .xlsx" in message


def test_random_bytes_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    path.write_bytes(bytes(range(256)) * 20)
    message = refusal(path)
    assert "form.xlsx" in message and "save it again as .xlsx" in message


def test_a_csv_renamed_to_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    path.write_text("type;name\ntext;q\n", encoding="utf-8")
    assert "save it again as .xlsx" in refusal(path)


def test_truncated_workbook(tmp_path: Path) -> None:
    whole = make_form(tmp_path, [["type", "name"], ["text", "q"]], name="whole.xlsx")
    data = whole.read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    assert "cut.xlsx" in refusal(cut)


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    assert "damaged, truncated" in refusal(path)


def test_damaged_sheet_xml(tmp_path: Path) -> None:
    whole = make_form(tmp_path, [["type", "name"], ["text", "q"]], name="whole.xlsx")
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(damaged, "w") as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename.startswith("xl/worksheets/sheet"):
                data = data[: len(data) // 2]
            target.writestr(entry, data)
    assert "damaged.xlsx cannot be read" in refusal(damaged)


def test_missing_file(tmp_path: Path) -> None:
    assert "nowhere.xlsx does not exist" in refusal(tmp_path / "nowhere.xlsx")


def test_no_survey_sheet(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "f.xlsx", {"Ark1": [["type", "name"], ["text", "q"]]})
    assert refusal(path) == (
        "f.xlsx has no 'survey' sheet, so it is not an XLSForm (its sheets: 'Ark1').")


@pytest.mark.parametrize(("header", "missing"), [(["name", "label"], "type"),
                                                 (["type", "label"], "name")])
def test_survey_without_type_or_name_column(tmp_path: Path, header: list[str], missing: str,
                                            ) -> None:
    path = make_form(tmp_path, [header, ["text", "q"]])
    assert refusal(path) == (
        f"form.xlsx, sheet 'survey': the header row has no '{missing}' column, so it is not an "
        "XLSForm.")


def test_missing_choice_list(tmp_path: Path) -> None:
    path = make_form(tmp_path, [["type", "name"], ["text", "a"], ["select_one nope", "q"]],
                     choices=AGREE_CHOICES)
    assert refusal(path) == (
        "form.xlsx, sheet 'survey', row 3, column 'type': the choice list 'nope' is not on the "
        "choices sheet.")


def test_missing_choices_sheet(tmp_path: Path) -> None:
    path = make_form(tmp_path, [["type", "name"], ["select_one agree", "q"]])
    assert "choices sheet (there is none)" in refusal(path)


def test_duplicate_item_names_name_both_rows(tmp_path: Path) -> None:
    path = make_form(tmp_path, [["type", "name"], ["text", "q"], ["text", "x"], ["integer", "q"]])
    assert refusal(path) == (
        "form.xlsx, sheet 'survey', row 4, column 'name': rows 2 and 4 both use the name 'q'; "
        "item names must be unique.")


@pytest.mark.parametrize("name", ["my question", "1st", "a/b", "spørgsmål?"])
def test_invalid_xml_names_are_refused(tmp_path: Path, name: str) -> None:
    path = make_form(tmp_path, [["type", "name"], ["text", name]])
    assert f"'{name}' is not a valid name" in refusal(path)


def test_valid_names_include_danish_letters(tmp_path: Path) -> None:
    result = read_form(tmp_path, [["type", "name"], ["text", "trivsel_på_jobbet-2.a"]])
    assert result.questionnaire.item("trivsel_på_jobbet-2.a") is not None


def test_item_without_a_name(tmp_path: Path) -> None:
    path = make_form(tmp_path, [["type", "name", "label"], ["text", None, "Q"], ["text", "q", "Q"]])
    assert "row 2, column 'name': the 'text' row has no name." in refusal(path)


def test_no_answerable_item_left(tmp_path: Path) -> None:
    path = make_form(tmp_path, [["type", "name", "label"], ["note", "hello", "Hi"],
                                ["geopoint", "where", "W"]])
    assert "there is no question APV Desktop can use" in refusal(path)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["begin group", "g"], ["text", "q"]],
         "row 2, column 'type': 'begin group' 'g' has no matching 'end group'."),
        ([["text", "q"], ["end group", None]],
         "row 3, column 'type': 'end group' has no matching 'begin' row above it."),
        ([["begin group", "g"], ["text", "q"], ["end repeat", None]],
         "row 4, column 'type': 'end repeat' does not match the 'begin group' on row 2."),
        ([["begin repeat", "r"], ["text", "q"]],
         "row 2, column 'type': 'begin repeat' 'r' has no matching 'end repeat'."),
    ],
)
def test_unmatched_begin_and_end(tmp_path: Path, rows: list[list[object]], expected: str) -> None:
    path = make_form(tmp_path, [["type", "name"], *rows, ["text", "other"]])
    assert expected in refusal(path)


@pytest.mark.parametrize(("score", "shown"), [(120, "120"), (-1, "-1"), ("abc", "abc"),
                                              ("", None), (True, "true")])
def test_invalid_scores(tmp_path: Path, score: object, shown: str | None) -> None:
    choices = [["list_name", "name", "score"], ["l", "a", 0], ["l", "b", score]]
    path = make_form(tmp_path, [["type", "name"], ["select_one l", "q"]], choices=choices)
    if shown is None:  # blank is allowed: not scored
        assert read_xlsform(path).questionnaire.choice_lists["l"].choices[1].score is None
        return
    assert refusal(path) == (
        f"form.xlsx, sheet 'choices', row 3, column 'score': '{shown}' is not a score from 0 to "
        "100 (leave it blank for a choice that is not scored).")


def test_every_bad_cell_is_listed(tmp_path: Path) -> None:
    choices = [["list_name", "name", "score"], ["l", "a", 101], ["l", "b", "x"], ["l", "a", 5]]
    path = make_form(tmp_path, [["type", "name", "reverse"], ["select_one l", "q", "maybe"]],
                     choices=choices)
    with pytest.raises(InputError) as caught:
        read_xlsform(path)
    assert len(caught.value.problems) == 4
    assert str(caught.value).endswith("(and 3 more problems)")
    assert "column 'reverse': 'maybe' is not yes or no." in caught.value.problems[0]
    assert "rows 2 and 4 both hold the choice 'a' in list 'l'" in caught.value.problems[3]


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("direction", "up", "column 'direction': 'up' is not a direction"),
        ("reference", 101, "column 'reference': '101' is not a reference value from 0 to 100"),
        ("reference", "high", "column 'reference': 'high' is not a reference value"),
        ("min_n", 2, "column 'min_n': '2' is not a whole number of at least 3"),
        ("min_n", 4.5, "column 'min_n': '4.5' is not a whole number of at least 3"),
    ],
)
def test_invalid_dimension_cells(tmp_path: Path, column: str, value: object, expected: str,
                                 ) -> None:
    row = {"code": "QD", "direction": "higher_is_worse", "reference": None, "min_n": None}
    row[column] = value
    dimensions = [list(row), list(row.values())]
    path = make_form(tmp_path, [["type", "name"], ["text", "q"]], dimensions=dimensions)
    assert f"form.xlsx, sheet 'dimensions', row 2, {expected}" in refusal(path)


CORPUS_FILES = sorted(CORPUS.glob("*.xlsx"))


@pytest.mark.skipif(not CORPUS_FILES, reason="the shared XLSForm corpus is not on this machine")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_files_import_or_are_refused_and_round_trip(path: Path, tmp_path: Path) -> None:
    try:
        result = read_xlsform(path)
    except InputError as error:
        assert path.name in str(error)
        return
    assert all("row" in w or w.startswith("sheet") for w in result.warnings)
    copy = tmp_path / "copy.xlsx"
    write_xlsform(result.questionnaire, copy)
    again = read_xlsform(copy)
    assert again.questionnaire == result.questionnaire
    assert again.warnings == []


@pytest.mark.skipif(not (CORPUS / "UCL_Biomass_Plot_Form.xlsx").exists(), reason="no corpus")
def test_corpus_biomass_form_details(tmp_path) -> None:
    original = CORPUS / "UCL_Biomass_Plot_Form.xlsx"
    with pytest.raises(InputError, match=r"it has repeat 'trees' \(rows 32-53\) and 3 more"):
        read_xlsform(original)  # issue 17: a form with repeats is refused, for the repeats
    result = read_xlsform(without_repeats(original, tmp_path / "biomass.xlsx"))
    q = result.questionnaire
    assert (q.default_language, q.languages) == ("sw", ["sw", "en"])
    assert [s.name for s in q.sections] == ["intro", "info", "location", ""]
    assert [c.score for c in q.choice_lists["decay_class"].choices] == [0, 25, 50, 75, 100]
    assert not q.choice_lists["plant_phase"].is_scored
    assert q.item("tag") is None  # inside the repeat 'trees'
    assert any("'deviceid' is skipped" in w for w in result.warnings)


@pytest.mark.skipif(not (CORPUS / "group.xlsx").exists(), reason="no corpus")
def test_corpus_group_form_details() -> None:
    result = read_xlsform(CORPUS / "group.xlsx")
    q = result.questionnaire
    assert [(s.name, [i.name for i in s.items]) for s in q.sections] == [
        ("", ["family_name"]), ("father", ["age"])]
    assert q.sections[1].labels == {"en": "Father"}
    assert result.warnings == [
        "sheet 'survey', row 4: 'phone number' is skipped: APV Desktop never collects anything "
        "that identifies a device or a person."]
