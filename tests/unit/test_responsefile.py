"""read_responses: answers from Excel CSV, XLSX and survey-tool exports, and every refusal."""

from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from apv_desktop.core.model import (
    Choice,
    ChoiceList,
    Item,
    ItemType,
    OrgUnit,
    Questionnaire,
    Section,
)
from apv_desktop.errors import InputError
from apv_desktop.interchange.responsefile import (
    UNIT_MAPPING,
    ResponseImport,
    plan_columns,
    read_responses,
)

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages

NAN = math.nan


@pytest.fixture
def questionnaire() -> Questionnaire:
    frequency = ChoiceList(
        "frequency",
        [
            Choice("always", {"da": "Altid", "sv": "Alltid", "en": "Always"}, 100),
            Choice("often", {"da": "Ofte", "sv": "Ofta", "en": "Often"}, 75),
            Choice("sometimes", {"da": "Somme tider", "sv": "Ibland", "en": "Sometimes"}, 50),
            Choice("rarely", {"da": "Sjældent", "sv": "Sällan", "en": "Rarely"}, 25),
            Choice("never", {"da": "Aldrig", "sv": "Aldrig", "en": "Never"}, 0),
            Choice("dk", {"da": "Ved ikke", "sv": "Vet inte", "en": "Don't know"}, None),
        ],
    )
    tasks = ChoiceList(
        "tasks",
        [
            Choice("plan", {"da": "Planlægning", "en": "Planning"}),
            Choice("meet", {"da": "Møder", "en": "Meetings"}),
            Choice("drive", {"da": "Kørsel, transport", "en": "Driving"}),
        ],
    )
    intro = Item("intro", ItemType.NOTE, {"da": "Velkommen"})
    items = [
        Item("QD1", ItemType.SELECT_ONE, {"da": "Er dit arbejde ujævnt fordelt?",
             "en": "Is your work unevenly distributed?"}, list_name="frequency", dimension="QD"),
        Item("QD2", ItemType.SELECT_ONE, {"da": "Kommer du bagud med arbejdet?"},
             list_name="frequency", dimension="QD"),
        Item("TASKS", ItemType.SELECT_MULTIPLE, {"da": "Hvilke opgaver fylder mest?"},
             list_name="tasks"),
        Item("HOURS", ItemType.DECIMAL, {"da": "Timer overarbejde om ugen"}),
        Item("YEARS", ItemType.INTEGER, {"da": "År i afdelingen"}),
        Item("COMMENT", ItemType.TEXT, {"da": "Kommentar", "en": "Comment"}),
    ]  # fmt: skip
    return Questionnaire(
        title="APV 2025",
        languages=["da", "sv", "en"],
        sections=[Section("", items=[intro]), Section("g1", items=items)],
        choice_lists={"frequency": frequency, "tasks": tasks},
    )


@pytest.fixture
def units() -> list[OrgUnit]:
    return [
        OrgUnit("U1", "Forvaltning"),
        OrgUnit("U2", "Team Nord", "U1", 10),
        OrgUnit("U3", "Team Syd", "U1", 12),
        OrgUnit("U4", "Team Nord", "U3", 4),
        OrgUnit("U5", "Ældreplejen Øst", "U1", 9),
    ]


ITEM_NAMES = ["QD1", "QD2", "TASKS", "HOURS", "YEARS", "COMMENT"]


def write_csv(
    tmp_path: Path, text: str, name: str = "answers.csv", encoding: str = "utf-8"
) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(tmp_path: Path, rows: list[list[object]], name: str = "answers.xlsx") -> Path:
    path = tmp_path / name
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def refusal(
    path: Path, questionnaire: Questionnaire, units: list[OrgUnit], **kw: object
) -> InputError:
    with pytest.raises(InputError) as caught:
        read_responses(path, questionnaire, units, **kw)  # type: ignore[arg-type]
    return caught.value


def test_danish_excel_csv_with_labels(tmp_path: Path, questionnaire, units) -> None:
    text = (
        "Enhed;QD1;QD2;TASKS;HOURS;YEARS;COMMENT\r\n"
        "U2;Altid;Ved ikke;Planlægning;2,5;3;For mange møder\r\n"
        "U5;Sjældent;;;;;\r\n"
        "U3;Somme tider;Aldrig;plan meet;10;0;\r\n"
    )
    result = read_responses(write_csv(tmp_path, text, encoding="cp1252"), questionnaire, units)
    responses = result.responses
    assert responses.item_names == ITEM_NAMES
    assert responses.unit_codes == ["U2", "U5", "U3"]
    np.testing.assert_array_equal(
        responses.values,
        np.array(
            [
                [0, 5, 1, 2.5, 3, NAN],
                [3, NAN, NAN, NAN, NAN, NAN],
                [2, 4, 3, 10, 0, NAN],
            ]
        ),
    )
    assert responses.values.dtype == np.float64
    assert responses.texts == {"COMMENT": [(0, "For mange møder")]}
    assert result.unit_column == "Enhed"
    assert result.column_map == {name: name for name in ITEM_NAMES}
    assert result.dropped_columns == [] and result.ignored_columns == []
    assert result.skipped_rows == []
    assert result.warnings == []


def test_utf8_bom_csv(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "\ufeffenhed;QD1\nU5;Sjældent\n")
    result = read_responses(path, questionnaire, units)
    assert result.unit_column == "enhed"
    assert result.responses.values[0, 0] == 3
    assert any("QD2" in warning and "no column" in warning.lower() for warning in result.warnings)


def test_comma_csv_with_choice_names(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, 'unit,qd1,QD2,tasks\nU1,often,NEVER,"plan,drive"\n')
    result = read_responses(path, questionnaire, units)
    assert result.column_map == {"qd1": "QD1", "QD2": "QD2", "tasks": "TASKS"}
    np.testing.assert_array_equal(result.responses.values[0, :3], [1, 4, 5])


def test_xlsx_with_numbers(tmp_path: Path, questionnaire, units) -> None:
    path = write_xlsx(
        tmp_path,
        [["team", "QD1", "HOURS", "YEARS"], ["U2", "Ofte", 1.5, 4.0], ["U3", "always", 0, 2]],
    )
    values = read_responses(path, questionnaire, units).responses.values
    np.testing.assert_array_equal(values[:, [0, 3, 4]], [[1, 1.5, 4], [0, 0, 2]])


def test_swedish_and_english_labels_as_values(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "enhet;QD1;QD2\nU2;Ofta;Vet inte\nU3;Sometimes;don't KNOW\n")
    values = read_responses(path, questionnaire, units).responses.values
    np.testing.assert_array_equal(values[:, :2], [[1, 5], [2, 5]])


def test_unit_by_code_name_and_case(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(
        tmp_path, "afdeling;QD1\nU3;Ofte\nteam syd;Ofte\nældreplejen øst;Ofte\nu1;Ofte\n"
    )
    assert read_responses(path, questionnaire, units).responses.unit_codes == [
        "U3",
        "U3",
        "U5",
        "U1",
    ]


def test_ambiguous_unit_name(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "unit;QD1\nTeam Nord;Ofte\n")
    error = refusal(path, questionnaire, units)
    assert error.problems == [
        "row 2, column unit: 'Team Nord' is the name of 2 units (codes U2, U4); use the code"
    ]
    assert str(error).startswith("answers.csv: 1 problem, nothing imported; row 2, column unit")


def test_unknown_and_blank_unit(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "unit;QD1\nU9;Ofte\n;Aldrig\nU1;Ofte\n")
    assert refusal(path, questionnaire, units).problems == [
        "row 2, column unit: 'U9' is not the code or name of an org unit",
        "row 3, column unit: the unit is blank",
    ]


def test_ms_forms_export_drops_identifying_columns(tmp_path: Path, questionnaire, units) -> None:
    secrets = ["anna.hansen@firma.dk", "Anna Hansen", "2025-03-01 10:05:17", "4711", "1.2.3.4"]
    path = write_xlsx(
        tmp_path,
        [
            ["ID", "Start time", "Completion time", "Email", "Name", "IP address", "Afdeling",
             "Er dit arbejde ujævnt fordelt?", "Is your work unevenly distributed? ",
             "Hvilke opgaver fylder mest?", "Kommentar", "Favourite colour"],
            ["4711", "2025-03-01 10:01:00", secrets[2], secrets[0], secrets[1], secrets[4],
             "Team Syd", "Ofte", None, "Planlægning;Kørsel, transport;", "Travlt", "blå"],
        ],
        name="forms.xlsx",
    )  # fmt: skip
    with pytest.raises(InputError, match="both hold QD1"):
        read_responses(path, questionnaire, units)

    result = read_responses(
        path, questionnaire, units, mapping={"Is your work unevenly distributed? ": ""}
    )
    assert result.dropped_columns == [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "IP address",
    ]
    assert result.ignored_columns == ["Is your work unevenly distributed?", "Favourite colour"]
    assert result.column_map == {
        "Er dit arbejde ujævnt fordelt?": "QD1",
        "Hvilke opgaver fylder mest?": "TASKS",
        "Kommentar": "COMMENT",
    }
    np.testing.assert_array_equal(result.responses.values[0, :3], [1, NAN, 5])
    assert result.responses.texts == {"COMMENT": [(0, "Travlt")]}
    # Left out on purpose: a note, not a problem to fix; an unknown column is a warning.
    assert len(result.notes) == 1
    assert "ID, Start time, Completion time, Email, Name, IP address" in result.notes[0]
    assert "Favourite colour" in " ".join(result.warnings)
    assert "Email" not in " ".join(result.warnings)
    everything = repr(result) + repr(result.responses.values.tolist())
    for secret in secrets:
        assert secret not in everything
    assert "blå" not in everything


def test_identifying_header_variants(tmp_path: Path, questionnaire, units) -> None:
    headers = ["Respondent ID", "Starttidspunkt", "Sluttidspunkt", "Tidsstempel", "E-mail",
               "Mail", "Navn", "Namn", "Last modified time", "IP", "respondent", "CPR",
               "Din e-mail-adresse", "Email Address"]  # fmt: skip
    plan = plan_columns(["unit", *headers, "QD1"], questionnaire)
    assert plan.dropped_columns == headers
    assert plan.item_columns == {"QD1": "QD1"}


def test_mapping_overrides_names_and_labels(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "unit;Spm 1;QD2;Enhed\nU1;Ofte;Aldrig;x\n")
    result = read_responses(
        path, questionnaire, units, mapping={"Spm 1": "QD2", "QD2": "", "Enhed": ""}
    )
    assert result.column_map == {"Spm 1": "QD2"}
    assert result.ignored_columns == ["QD2", "Enhed"]
    np.testing.assert_array_equal(result.responses.values[0, :2], [NAN, 1])
    # Columns the user chose to ignore are not reported as unknown.
    assert not any("match no question" in warning for warning in result.warnings)


def test_mapping_can_name_the_unit_column(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "Hvor arbejder du?;QD1\nTeam Syd;Aldrig\n")
    result = read_responses(path, questionnaire, units, mapping={"Hvor arbejder du?": UNIT_MAPPING})
    assert result.unit_column == "Hvor arbejder du?"
    assert result.responses.unit_codes == ["U3"]


def test_mapping_to_unknown_item(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "unit;Spm 1\nU1;Ofte\n")
    error = refusal(path, questionnaire, units, mapping={"Spm 1": "QX9"})
    assert str(error) == (
        "The mapping for column 'Spm 1' names 'QX9', which is not a question of the questionnaire; "
        "choose one of its questions or leave the column out of the mapping."
    )


def test_row_without_answers_is_skipped(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "unit;QD1;COMMENT\nU1;;\nU2;;Godt\nU3;Aldrig;\n")
    result = read_responses(path, questionnaire, units)
    assert result.skipped_rows == [2]
    assert result.responses.unit_codes == ["U2", "U3"]
    assert result.responses.texts == {"COMMENT": [(0, "Godt")]}
    assert "Skipped rows with no answers: 2." in result.warnings


def test_select_multiple_separators(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(
        tmp_path,
        'unit;TASKS\nU1;plan drive\nU1;"Møder, Planlægning"\nU1;Kørsel, transport\nU1;Meetings;\n',
    )
    values = read_responses(path, questionnaire, units).responses.values[:, 2]
    np.testing.assert_array_equal(values, [5, 3, 4, 2])


QD1_CHOICES = "Always / Often / Sometimes / Rarely / Never / Don't know"


def test_bad_cells_are_all_collected(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(
        tmp_path,
        "unit;QD1;HOURS;YEARS;TASKS\n"
        "U1;Måske;1,5;2;plan\n"
        "U2;Ofte;mange;2,5;\n"
        "U3;Ofte;1;2;plan fly\n",
    )
    error = refusal(path, questionnaire, units)
    assert error.problems == [
        f"row 2, column QD1: 'Måske' is not a choice of QD1; the choices are {QD1_CHOICES}",
        "row 3, column HOURS: 'mange' is not a number",
        "row 3, column YEARS: '2,5' is not a whole number",
        "row 4, column TASKS: 'fly' is not a choice of TASKS; the choices are Planning / "
        "Meetings / Driving",
    ]
    assert str(error) == (
        "answers.csv: 4 problems, nothing imported; row 2, column QD1: 'Måske' is not a "
        f"choice of QD1; the choices are {QD1_CHOICES}"
    )


def test_problem_list_is_capped(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "unit;QD1\n" + "U1;Måske\n" * 60)
    error = refusal(path, questionnaire, units)
    assert len(error.problems) == 21
    assert error.problems[19] == (
        f"row 21, column QD1: 'Måske' is not a choice of QD1; the choices are {QD1_CHOICES}")
    assert error.problems[20] == "… and 40 more"
    assert str(error).startswith("answers.csv: 60 problems")


def test_long_question_header_is_shortened_in_problems(
    tmp_path: Path, questionnaire, units
) -> None:
    questionnaire.item("QD2").labels["da"] = (
        "Kommer du bagud med arbejdet, selv om du arbejder hurtigt?"
    )
    path = write_csv(
        tmp_path, "unit;Kommer du bagud med arbejdet, selv om du arbejder hurtigt?\nU1;Tit\n"
    )
    assert refusal(path, questionnaire, units).problems == [
        "row 2, column Kommer du bagud med arbejdet, selv om…: 'Tit' is not a choice of QD2; "
        f"the choices are {QD1_CHOICES}"
    ]


def test_no_unit_column(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "afd;QD1\nKontor 9;Ofte\n")  # values that name no unit
    message = str(refusal(path, questionnaire, units))
    assert message.startswith("answers.csv has no unit column")
    assert "map the column that holds the units" in message


def test_unit_column_found_by_its_values(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "afd;QD1\nU1;Ofte\nTeam Syd;Altid\n")
    assert read_responses(path, questionnaire, units).responses.unit_codes == ["U1", "U3"]


def test_unit_column_found_by_a_word_of_its_header(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "Hvilken afdeling arbejder du i?;QD1\nU1;Ofte\n")
    assert read_responses(path, questionnaire, units).unit_column.startswith("Hvilken")


def test_no_item_column(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "unit;foo;Velkommen\nU1;Ofte;x\n")
    error = refusal(path, questionnaire, units)
    assert str(error) == (
        "answers.csv has no column that matches a question of 'APV 2025' by name or label; "
        "map its columns to the questions."
    )


def test_header_only_file(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "unit;QD1\n")
    assert str(refusal(path, questionnaire, units)).startswith(
        "answers.csv has no rows with answers; check that it is the file with the answers"
    )


def test_duplicate_header(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "unit;QD1;qd1\nU1;Ofte;Ofte\n")
    assert "'QD1' (columns B, C)" in str(refusal(path, questionnaire, units))


def test_txt_file(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "unit;QD1\nU1;Ofte\n", name="answers.txt")
    assert str(refusal(path, questionnaire, units)).startswith("answers.txt is not a file type")


def test_random_bytes_xlsx(tmp_path: Path, questionnaire, units) -> None:
    path = tmp_path / "answers.xlsx"
    path.write_bytes(os.urandom(2048))
    error = refusal(path, questionnaire, units)
    assert str(error).startswith("answers.xlsx cannot be read as an Excel workbook")


def test_empty_file(tmp_path: Path, questionnaire, units) -> None:
    path = write_csv(tmp_path, "")
    assert str(refusal(path, questionnaire, units)) == "answers.csv is empty."


def test_ambiguous_label_header_is_ignored_with_warning(
    tmp_path: Path, questionnaire, units
) -> None:
    questionnaire.item("QD2").labels["sv"] = "Kommentar"  # now shared with COMMENT's label
    plan = plan_columns(["unit", "kommentar ", "QD1"], questionnaire)
    assert plan.item_columns == {"QD1": "QD1"}
    assert plan.ambiguous_columns == {"kommentar ": ["QD2", "COMMENT"]}
    assert plan.ignored_columns == ["kommentar "]
    assert plan.unknown_columns == []
    path = write_csv(tmp_path, "unit;kommentar;QD1\nU1;Godt;Ofte\n")
    result = read_responses(path, questionnaire, units)
    assert result.responses.texts == {}
    assert (
        "Ignored column 'kommentar': its text is the label of several questions (QD2, COMMENT); "
        "map it to one of them." in result.warnings
    )


def test_result_type(tmp_path: Path, questionnaire, units) -> None:
    result = read_responses(write_csv(tmp_path, "unit;QD1\nU1;Ofte\n"), questionnaire, units)
    assert isinstance(result, ResponseImport)
    assert result.responses.size == 1


def test_a_grid_column_is_named_by_its_statement_in_problems() -> None:
    from apv_desktop.interchange.tables import short_header

    grid = "Krav i arbejdet [Hvor ofte passer dine arbejdsopgaver til den tid, du har?]"
    assert short_header(grid) == "[Hvor ofte passer dine arbejdsopgaver…]"
    assert short_header("Krav i arbejdet (en lang overskrift uden klammer, der fortsætter)") \
        == "Krav i arbejdet (en lang overskrift…"
    assert short_header("Kort [udsagn]") == "Kort [udsagn]"
