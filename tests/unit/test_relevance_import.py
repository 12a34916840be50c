"""One policy for `relevant`: compiled when a form is imported or saved; one that cannot be
evaluated refuses the form with its row (it used to be a warning, then the kiosk failed)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from apv_desktop.cli import run
from apv_desktop.core.model import Item, ItemType, Questionnaire, Section
from apv_desktop.core.relevance import RelevanceError, check_relevance
from apv_desktop.errors import InputError, RefusedError
from apv_desktop.interchange.xlsform import read_xlsform
from apv_desktop.store.project import Project
from tests.unit.xlsform_support import CORPUS, make_form, without_repeats

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages

SURVEY_HEADER = ["type", "name", "label", "relevant"]


def test_a_form_with_an_unreadable_condition_is_refused_naming_the_row(tmp_path: Path) -> None:
    path = make_form(tmp_path, [SURVEY_HEADER,
                                ["text", "a", "A", None],
                                ["text", "b", "B", "${a} = 'x' and jr:choice-name(${a})"],
                                ["begin group", "g", "G", "count(${a}) > 1"],
                                ["text", "c", "C", None],
                                ["end group", None, None, None]])
    with pytest.raises(InputError) as caught:
        read_xlsform(path)
    assert str(caught.value).startswith(
        "form.xlsx, sheet 'survey', row 3, column 'relevant': the condition "
        "'${a} = 'x' and jr:choice-name(${a})' cannot be evaluated: text we do not understand "
        "at position 18: ':choice-na'.")
    assert any("row 4, column 'relevant'" in p and "'count'" in p for p in caught.value.problems)


def test_import_form_exits_2_with_one_sentence_and_stores_nothing(tmp_path: Path,
                                                                   capsys) -> None:
    project = tmp_path / "p.apv"
    assert run(["new", str(project), "--template", "psykisk"]) == 0
    before = project.read_bytes()
    form = make_form(tmp_path, [SURVEY_HEADER, ["integer", "n", "N", None],
                                ["text", "t", "T", "${n} >> 3"]])
    capsys.readouterr()
    assert run(["import-form", str(project), str(form)]) == 2
    error = capsys.readouterr().err
    assert error.splitlines()[0] == (
        "apv-desktop: form.xlsx, sheet 'survey', row 3, column 'relevant': the condition "
        "'${n} >> 3' cannot be evaluated: expected a question, a text, a number or a function "
        "at position 7, found '>'.")
    assert project.read_bytes() == before


def test_forms_using_the_wider_subset_import(tmp_path: Path) -> None:
    conditions = [
        "count-selected(${m}) >= 2",
        "selected(${m}, 'a') or string-length(${t}) > 3",
        "if(${n} > 10, 'big', 'small') = 'big'",
        "${n} * 2 - 1 div 2 >= 3 and ${n} mod 2 = 0 and -${n} < 0",
        "${t} != \"\" and . = ''",
        "${t} = \u2018other\u2019",  # Excel's curly quotes
    ]
    survey = [SURVEY_HEADER, ["select_multiple abc", "m", "M", None], ["text", "t", "T", None],
              ["integer", "n", "N", None]]
    survey += [["text", f"q{i}", "Q", c] for i, c in enumerate(conditions)]
    choices = [["list_name", "name", "label"], ["abc", "a", "A"], ["abc", "b", "B"]]
    q = read_xlsform(make_form(tmp_path, survey, choices=choices)).questionnaire
    assert [q.item(f"q{i}").relevant for i in range(len(conditions))] == conditions  # type: ignore[union-attr]


def _stored_with(relevant: str) -> Questionnaire:
    return Questionnaire("T", sections=[Section("s", {"da": "S"}, [
        Item("a", ItemType.TEXT, {"da": "A"}),
        Item("b", ItemType.TEXT, {"da": "B"}, relevant=relevant)])])


def test_the_store_refuses_a_questionnaire_with_an_unreadable_condition(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.apv")
    try:
        with pytest.raises(RefusedError, match=r"The condition '\$\{a\} = ' of 1.2 “B” cannot"):
            project.save_questionnaire(_stored_with("${a} = "))
        assert project.questionnaire_versions() == []
        project.save_questionnaire(_stored_with("string-length(${a}) > 2"))
        assert len(project.questionnaire_versions()) == 1
    finally:
        project.close()


def _corpus_conditions() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(CORPUS.glob("*.xlsx")):
        book = openpyxl.load_workbook(path, read_only=True)
        for sheet in book.worksheets:
            if sheet.title.strip().casefold() != "survey":
                continue
            sheet.reset_dimensions()
            rows = list(sheet.iter_rows(values_only=True))
            header = [str(h or "").strip().casefold() for h in rows[0]]
            for column in (i for i, h in enumerate(header) if h in ("relevant", "relevance")):
                found += [(path.name, number, str(row[column]))
                          for number, row in enumerate(rows[1:], 2)
                          if column < len(row) and row[column]]
        book.close()
    return found


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared XLSForm corpus is not on this machine")
def test_every_condition_in_the_real_forms_compiles(tmp_path: Path) -> None:
    conditions = _corpus_conditions()
    assert len(conditions) >= 10  # UCL_Biomass_Plot_Form alone has a dozen
    refused = []
    for name, row, expression in conditions:
        try:
            check_relevance(expression)
        except RelevanceError as error:
            refused.append((name, row, error.reason))
    assert refused == []
    original = CORPUS / "UCL_Biomass_Plot_Form.xlsx"
    with pytest.raises(InputError, match="it has repeat 'trees'"):
        read_xlsform(original)  # repeats are refused (issue 17); without them it reads
    biomass = read_xlsform(without_repeats(original, tmp_path / "biomass.xlsx")).questionnaire
    assert biomass.item("leader_name_other").relevant == "${leader_name} = \u2018other\u2019"  # type: ignore[union-attr]
