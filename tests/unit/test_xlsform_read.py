"""Reading XLSForm questionnaires: languages, types, groups, scores and the APV extensions."""

from __future__ import annotations

from pathlib import Path

import pytest

from apv_desktop.core.model import Direction, ItemType
from apv_desktop.errors import InputError
from apv_desktop.interchange.xlsform import read_xlsform
from tests.unit.xlsform_support import (
    AGREE_CHOICES,
    make_workbook,
    read_form,
    warnings_about,
)

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages


def test_labels_and_hints_by_language(tmp_path: Path) -> None:
    survey = [
        ["type", "name", "label::Dansk (da)", "label:English", "label::Svenska (sv)",
         "hint::Danish", "label::Swahili"],
        ["text", "q1", "Hvad?", "What?", "Vad?", "Skriv", "Nini?"],
    ]
    q = read_form(tmp_path, survey).questionnaire
    item = next(q.items())
    assert item.labels == {"da": "Hvad?", "en": "What?", "sv": "Vad?", "swahili": "Nini?"}
    assert item.hints == {"da": "Skriv"}
    assert q.default_language == "da"
    assert q.languages == ["da", "en", "sv", "swahili"]


def test_code_in_parentheses_wins_over_the_name(tmp_path: Path) -> None:
    survey = [["type", "name", "label::Dansk (sv)"], ["text", "q1", "Vad?"]]
    q = read_form(tmp_path, survey).questionnaire
    assert q.item("q1").labels == {"sv": "Vad?"}  # type: ignore[union-attr]


def test_plain_label_is_danish_without_settings(tmp_path: Path) -> None:
    q = read_form(tmp_path, [["type", "name", "label"], ["text", "q1", "Hej"]]).questionnaire
    assert q.item("q1").labels == {"da": "Hej"}  # type: ignore[union-attr]
    assert (q.default_language, q.languages) == ("da", ["da"])


def test_plain_label_follows_settings_default_language(tmp_path: Path) -> None:
    survey = [["type", "name", "label", "label::Dansk (da)", "hint"],
              ["text", "q1", "Hello", "Hej", "Write"]]
    settings = [["default_language"], ["English (en)"]]
    q = read_form(tmp_path, survey, settings=settings).questionnaire
    assert q.item("q1").labels == {"en": "Hello", "da": "Hej"}  # type: ignore[union-attr]
    assert q.item("q1").hints == {"en": "Write"}  # type: ignore[union-attr]
    assert (q.default_language, q.languages) == ("en", ["en", "da"])


def test_a_form_only_in_english_defaults_to_english(tmp_path: Path) -> None:
    q = read_form(tmp_path, [["type", "name", "label:english"], ["text", "q", "Q"]]).questionnaire
    assert (q.default_language, q.languages) == ("en", ["en"])


def test_sheet_and_column_names_are_case_and_space_tolerant(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "f.xlsx", {
        " Survey ": [[" TYPE ", "Name ", "Label :: Dansk (da)", "REQUIRED", "Relevant"],
                     ["Select_One agree", "q1", "Trives du?", "Yes", "${x} = 1"]],
        "CHOICES": [["List Name", "NAME", "label"], ["agree", "1", "a"], ["agree", "2", "b"]],
    })
    q = read_xlsform(path).questionnaire
    item = q.item("q1")
    assert item is not None
    assert (item.type, item.list_name, item.required, item.relevant) == (
        ItemType.SELECT_ONE, "agree", True, "${x} = 1")
    assert item.labels == {"da": "Trives du?"}
    assert [c.score for c in q.choice_lists["agree"].choices] == [0.0, 100.0]


@pytest.mark.parametrize(
    ("type_text", "item_type", "list_name"),
    [
        ("select_one agree", ItemType.SELECT_ONE, "agree"),
        ("select one from agree", ItemType.SELECT_ONE, "agree"),
        ("select_multiple agree", ItemType.SELECT_MULTIPLE, "agree"),
        ("select all that apply from agree", ItemType.SELECT_MULTIPLE, "agree"),
        ("text", ItemType.TEXT, None),
        ("integer", ItemType.INTEGER, None),
        ("int", ItemType.INTEGER, None),
        ("decimal", ItemType.DECIMAL, None),
    ],
)
def test_item_types(tmp_path: Path, type_text: str, item_type: ItemType, list_name: str | None,
                    ) -> None:
    survey = [["type", "name", "label"], [type_text, "q1", "Q"]]
    q = read_form(tmp_path, survey, choices=AGREE_CHOICES).questionnaire
    item = q.item("q1")
    assert item is not None
    assert (item.type, item.list_name) == (item_type, list_name)


def test_or_other_is_ignored_with_a_warning(tmp_path: Path) -> None:
    survey = [["type", "name", "label"], ["select_one agree or_other", "q1", "Q"]]
    result = read_form(tmp_path, survey, choices=AGREE_CHOICES)
    assert result.questionnaire.item("q1").list_name == "agree"  # type: ignore[union-attr]
    assert warnings_about(result, "row 2: 'or_other' is ignored")


def test_required_values(tmp_path: Path) -> None:
    survey = [["type", "name", "required"],
              ["text", "a", "yes"], ["text", "b", "TRUE()"], ["text", "c", "true()"],
              ["text", "d", 1], ["text", "e", True], ["text", "f", "no"], ["text", "g", None],
              ["text", "h", "${a} = 'x'"]]
    result = read_form(tmp_path, survey)
    flags = {item.name: item.required for item in result.questionnaire.items()}
    assert flags == dict(a=True, b=True, c=True, d=True, e=True, f=False, g=False, h=False)
    assert warnings_about(result, "row 9: required '${a} = 'x'' is a condition")


def test_unusable_types_are_skipped_with_warnings_naming_rows(tmp_path: Path) -> None:
    survey = [["type", "name", "label"],
              ["text", "q1", "Q"],
              [None, None, None],
              ["geopoint", "where", "Where?"],
              ["deviceid", "deviceid", None],
              ["phone number", "phone", None],
              ["integr", "typo", "Age"],
              ["integer", "q2", "Age"]]
    result = read_form(tmp_path, survey)
    assert [i.name for i in result.questionnaire.items()] == ["q1", "q2"]
    assert len(result.warnings) == 4  # the blank row 3 is skipped silently
    assert warnings_about(result, "row 4: type 'geopoint' is not supported")
    assert warnings_about(result, "row 5: 'deviceid' is skipped: APV Desktop never collects")
    assert warnings_about(result, "row 6: 'phone number' is skipped: APV Desktop never collects")
    assert warnings_about(result, "row 7: type 'integr' is not supported")


def test_a_repeat_among_other_questions_refuses_the_form_for_the_repeat(tmp_path: Path
                                                                       ) -> None:
    """Issue 17: it used to import with a warning, dropping the repeat's questions."""
    survey = [["type", "name", "label"],
              ["text", "before", "B"],
              ["begin repeat", "kids", "Kids"],
              ["text", "kid_name", "Name"],
              ["begin group", "inner", "Inner"],
              ["integer", "kid_age", "Age"],
              ["end group", None, None],
              ["begin_repeat", "toys", "Toys"],
              ["text", "toy", "Toy"],
              ["end_repeat", None, None],
              ["end repeat", None, None],
              ["text", "after", "A"]]
    with pytest.raises(InputError) as refused:
        read_form(tmp_path, survey)
    message = str(refused.value)
    assert "it has repeat 'kids' (rows 3-11);" in message
    assert "cannot use repeats or loops" in message and "once per respondent" in message


def test_groups_become_sections_and_loose_items_keep_their_order(tmp_path: Path) -> None:
    survey = [["type", "name", "label::Dansk (da)", "relevant"],
              ["text", "a", "A", None],
              ["note", "b", "B", None],
              ["begin group", "work", "Arbejdet", "${a} != ''"],
              ["select_one agree", "c", "C", None],
              ["end group", None, None, None],
              ["begin_group", "empty", "Tom", None],
              ["end_group", None, None, None],
              ["integer", "d", "D", None]]
    q = read_form(tmp_path, survey, choices=AGREE_CHOICES).questionnaire
    shape = [(s.name, s.labels, s.relevant, [i.name for i in s.items]) for s in q.sections]
    assert shape == [
        ("", {}, None, ["a", "b"]),
        ("work", {"da": "Arbejdet"}, "${a} != ''", ["c"]),
        ("empty", {"da": "Tom"}, None, []),
        ("", {}, None, ["d"]),
    ]


def test_nested_groups_flatten_into_the_outermost_section(tmp_path: Path) -> None:
    survey = [["type", "name", "label", "relevant"],
              ["begin group", "outer", "Outer", None],
              ["text", "a", "A", None],
              ["begin group", "inner", "Inner", "${a} = 'x'"],
              ["text", "b", "B", "${c} > 1"],
              ["begin group", "deeper", "Deeper", None],
              ["text", "c", "C", None],
              ["end group", None, None, None],
              ["end group", None, None, None],
              ["text", "d", "D", None],
              ["end group", None, None, None]]
    result = read_form(tmp_path, survey)
    q = result.questionnaire
    assert [(s.name, [i.name for i in s.items]) for s in q.sections] == [
        ("outer", ["a", "b", "c", "d"])]
    assert q.item("b").relevant == "(${a} = 'x') and (${c} > 1)"  # type: ignore[union-attr]
    assert q.item("c").relevant == "${a} = 'x'"  # type: ignore[union-attr]
    assert q.item("d").relevant is None  # type: ignore[union-attr]
    assert len(warnings_about(result, "nested groups are flattened")) == 1


def test_group_emptied_by_skipped_rows_is_left_out(tmp_path: Path) -> None:
    survey = [["type", "name", "label"],
              ["begin group", "gps", "GPS"], ["geopoint", "where", "W"], ["end group", None, None],
              ["text", "q", "Q"]]
    result = read_form(tmp_path, survey)
    assert [s.name for s in result.questionnaire.sections] == [""]
    assert warnings_about(result, "row 2: group 'gps' has no usable rows left")


def test_linear_scores_for_lists_named_one_to_k(tmp_path: Path) -> None:
    survey = [["type", "name"], ["select_one five", "a"], ["select_one three", "b"],
              ["select_one zero_based", "c"], ["select_one gap", "d"], ["select_one words", "e"]]
    choices = [["list_name", "name"],
               ["five", 5], ["five", 4], ["five", 3], ["five", 2], ["five", 1],
               ["three", "1"], ["three", "2"], ["three", "3"],
               ["zero_based", 0], ["zero_based", 1], ["zero_based", 2],
               ["gap", 1], ["gap", 2], ["gap", 4],
               ["words", "ja"], ["words", "nej"]]
    lists = read_form(tmp_path, survey, choices=choices).questionnaire.choice_lists
    assert [(c.name, c.score) for c in lists["five"].choices] == [
        ("5", 100.0), ("4", 75.0), ("3", 50.0), ("2", 25.0), ("1", 0.0)]
    assert [c.score for c in lists["three"].choices] == [0.0, 50.0, 100.0]
    for categorical in ("zero_based", "gap", "words"):
        assert not lists[categorical].is_scored


def test_score_column_gives_scores_and_blank_is_not_scored(tmp_path: Path) -> None:
    survey = [["type", "name", "dimension", "reverse"], ["select_one often", "q1", "WP", "yes"],
              ["select_one plain", "q2", None, "no"], ["select_one often", "q3", "WP", None]]
    choices = [["list_name", "name", "label::Dansk (da)", "score"],
               ["often", "always", "Altid", 100], ["often", "often", "Ofte", "75"],
               ["often", "sometimes", "Somme tider", "50,5"], ["often", "dk", "Ved ikke", None],
               ["plain", "1", "En", None], ["plain", "2", "To", None]]
    q = read_form(tmp_path, survey, choices=choices).questionnaire
    assert [(c.name, c.score) for c in q.choice_lists["often"].choices] == [
        ("always", 100.0), ("often", 75.0), ("sometimes", 50.5), ("dk", None)]
    assert not q.choice_lists["plain"].is_scored  # a score column turns linear scoring off
    assert [(i.reverse, i.dimension) for i in q.items()] == [
        (True, "WP"), (False, None), (False, "WP")]
    assert q.choice_lists["often"].choices[3].labels == {"da": "Ved ikke"}


def test_dimensions_sheet_and_unknown_dimension_codes(tmp_path: Path) -> None:
    survey = [["type", "name", "dimension"], ["select_one agree", "q1", "QD"],
              ["select_one agree", "q2", "XX"], ["select_one agree", "q3", "SH"]]
    dimensions = [["Code", "label::Dansk (da)", "label::English (en)", "direction", "reference",
                   "min_n", "domain"],
                  ["QD", "Krav", "Demands", "higher_is_worse", 55.5, None, "demands"],
                  ["SH", "Chikane", None, "Higher is worse", None, 10, None],
                  ["IN", "Indflydelse", "Influence", None, "60", "", None]]
    result = read_form(tmp_path, survey, choices=AGREE_CHOICES, dimensions=dimensions)
    dims = {d.code: d for d in result.questionnaire.dimensions}
    assert [d.code for d in result.questionnaire.dimensions] == ["QD", "SH", "IN", "XX"]
    assert dims["QD"].labels == {"da": "Krav", "en": "Demands"}
    assert (dims["QD"].direction, dims["QD"].reference, dims["QD"].min_n, dims["QD"].domain) == (
        Direction.HIGHER_IS_WORSE, 55.5, None, "demands")
    assert (dims["SH"].direction, dims["SH"].min_n) == (Direction.HIGHER_IS_WORSE, 10)
    assert (dims["IN"].direction, dims["IN"].reference) == (Direction.HIGHER_IS_BETTER, 60.0)
    assert dims["XX"].labels == {} and dims["XX"].direction is Direction.HIGHER_IS_BETTER
    assert warnings_about(result, "sheet 'survey', row 3: dimension 'XX' is not on a dimensions")
    assert warnings_about(result, "sheet 'dimensions', row 4: dimension 'IN' has no direction")


def test_domain_from_a_language_column_when_there_is_no_plain_one(tmp_path: Path) -> None:
    dimensions = [["code", "direction", "domain::English (en)", "domain::Dansk (da)"],
                  ["QD", "higher_is_worse", "Demands", "Krav"]]
    q = read_form(tmp_path, [["type", "name"], ["text", "q"]], dimensions=dimensions).questionnaire
    assert q.dimensions[0].domain == "Krav"


def test_settings_sheet(tmp_path: Path) -> None:
    settings = [["form_title", "form_title::English (en)", "form_id", "version",
                 "default_language"],
                ["APV 2025", "Workplace assessment 2025", "apv2025", 3, "Dansk (da)"]]
    survey = [["type", "name", "label::English (en)"], ["text", "q", "Q"]]
    q = read_form(tmp_path, survey, settings=settings).questionnaire
    assert (q.title, q.title_labels, q.form_id, q.version) == (
        "APV 2025", {"en": "Workplace assessment 2025"}, "apv2025", "3")
    assert (q.default_language, q.languages) == ("da", ["da", "en"])


def test_title_defaults_to_file_name(tmp_path: Path) -> None:
    q = read_form(tmp_path, [["type", "name"], ["text", "q"]]).questionnaire
    assert (q.title, q.form_id, q.version) == ("form", "", "")


def test_misspelt_sheet_name_gets_a_warning(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "f.xlsx", {
        "survey": [["type", "name"], ["text", "q"]], "stettings": [["form_title"], ["X"]]})
    result = read_xlsform(path)
    assert result.warnings == ["sheet 'stettings' is not read; did you mean 'settings'?"]
    assert result.questionnaire.title == "f"


def test_select_multiple_with_too_many_choices_is_refused(tmp_path: Path) -> None:
    choices = [["list_name", "name"], *[["many", f"c{i}"] for i in range(54)]]
    survey = [["type", "name"], ["select_multiple many", "q"]]
    with pytest.raises(InputError, match="'many' has 54 choices; at most 53"):
        read_form(tmp_path, survey, choices=choices)


def test_times_are_never_stored(tmp_path: Path) -> None:
    survey = [["type", "name"], ["start", "start"], ["end", "end"], ["today", "day"],
              ["text", "q"]]
    result = read_form(tmp_path, survey)
    assert [i.name for i in result.questionnaire.items()] == ["q"]
    assert len(warnings_about(result, "never stores when an answer sheet was filled in")) == 3
    assert warnings_about(result, "row 2: 'start' is skipped")


def test_list_names_are_case_sensitive_with_a_hint(tmp_path: Path) -> None:
    survey = [["type", "name"], ["select_one Agree", "q"]]
    with pytest.raises(InputError, match="did you mean 'agree'"):
        read_form(tmp_path, survey, choices=AGREE_CHOICES)


def test_xlsm_and_upper_case_suffix_are_read(tmp_path: Path) -> None:
    for name in ("form.xlsm", "FORM.XLSX"):
        path = make_workbook(tmp_path / name, {"survey": [["type", "name"], ["text", "q"]]})
        assert read_xlsform(path).questionnaire.item("q") is not None
