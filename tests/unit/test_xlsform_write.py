"""Writing XLSForms: the layout people see, and export-then-import giving an equal questionnaire."""

from __future__ import annotations

import string
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apv_desktop.core.model import (
    Choice,
    ChoiceList,
    Dimension,
    Direction,
    Item,
    ItemType,
    Questionnaire,
    Section,
)
from apv_desktop.errors import InputError
from apv_desktop.interchange.xlsform import read_xlsform, write_xlsform


def full_questionnaire() -> Questionnaire:
    often = ChoiceList("often", [
        Choice("always", {"da": "Altid", "sv": "Alltid", "en": "Always"}, 100.0),
        Choice("often", {"da": "Ofte", "en": "Often"}, 75.0),
        Choice("never", {"da": "Aldrig"}, 0.0),
        Choice("dk", {"da": "Ved ikke", "fi": "En tiedä"}, None),
    ])
    thirds = ChoiceList("thirds", [Choice("1", {"da": "Lav"}, 0.0),
                                   Choice("2", {"da": "Mellem"}, 100 / 3),
                                   Choice("3", {"da": "Høj"}, 100.0)])
    unit = ChoiceList("unit", [Choice("1", {"da": "Hjemmeplejen"}), Choice("2", {"da": "Køkken"})])
    return Questionnaire(
        title="APV 2025",
        form_id="apv2025",
        version="2025-01",
        languages=["da", "sv", "en", "fi"],
        default_language="da",
        title_labels={"en": "Workplace assessment", "sv": "Kartläggning"},
        sections=[
            Section("", items=[Item("intro", ItemType.NOTE, {"da": "=Velkommen", "en": "Welcome"}),
                               Item("unit", ItemType.SELECT_ONE, {"da": "Afdeling"},
                                    list_name="unit", required=True, background=True)]),
            Section("demands", {"da": "Krav", "en": "Demands"}, relevant="${unit} != ''", items=[
                Item("wp1", ItemType.SELECT_ONE, {"da": "Arbejder du hurtigt?"},
                     {"da": "Tænk på de sidste 4 uger"}, "often", "WP", reverse=True),
                Item("wp2", ItemType.SELECT_ONE, {"da": "Bliver du\nforsinket?"}, list_name="often",
                     dimension="WP", relevant="${wp1} = 'always'"),
                Item("load", ItemType.SELECT_ONE, {"da": "Belastning"}, list_name="thirds",
                     dimension="QD"),
                Item("tasks", ItemType.SELECT_MULTIPLE, {"en": "Tasks"}, list_name="unit"),
            ]),
            Section("", items=[Item("age", ItemType.INTEGER), Item("hours", ItemType.DECIMAL),
                               Item("comment", ItemType.TEXT, {"da": "Kommentar"})]),
        ],
        choice_lists={"often": often, "thirds": thirds, "unit": unit},
        dimensions=[
            Dimension("WP", {"da": "Arbejdstempo", "en": "Work pace"}, Direction.HIGHER_IS_WORSE,
                      reference=59.5, domain="demands"),
            Dimension("QD", {}, Direction.HIGHER_IS_WORSE, min_n=10),
            Dimension("IN", {"sv": "Inflytande"}, Direction.HIGHER_IS_BETTER, reference=0.0),
        ],
    )


def test_export_then_import_gives_an_equal_questionnaire(tmp_path: Path) -> None:
    original = full_questionnaire()
    path = tmp_path / "apv.xlsx"
    write_xlsform(original, path)
    result = read_xlsform(path)
    assert result.warnings == []
    # 100/3 is stored to 10 decimals; everything else comes back exactly
    original.choice_lists["thirds"].choices[1].score = round(100 / 3, 10)
    assert result.questionnaire == original


def test_export_is_stable_after_one_round_trip(tmp_path: Path) -> None:
    write_xlsform(full_questionnaire(), tmp_path / "one.xlsx")
    once = read_xlsform(tmp_path / "one.xlsx").questionnaire
    write_xlsform(once, tmp_path / "two.xlsx")
    assert read_xlsform(tmp_path / "two.xlsx").questionnaire == once


def sheet_values(path: Path, title: str) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path)
    return [tuple(row) for row in book[title].iter_rows(values_only=True)]


def test_layout_people_see(tmp_path: Path) -> None:
    path = tmp_path / "apv.xlsx"
    write_xlsform(full_questionnaire(), path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["survey", "choices", "settings", "dimensions"]
    survey = book["survey"]
    header = [cell.value for cell in survey[1]]
    assert header == [
        "type", "name", "label::Dansk (da)", "label::Svenska (sv)", "label::English (en)",
        "label::fi (fi)", "hint::Dansk (da)", "hint::Svenska (sv)", "hint::English (en)",
        "hint::fi (fi)", "required", "relevant", "dimension", "reverse", "background"]
    background = [row[-1] for row in survey.iter_rows(min_row=2, values_only=True)]
    assert background == [None, "yes", *[None] * 9]  # only the unit question
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1] if cell.value)
    assert survey.column_dimensions["C"].width >= len("label::Dansk (da)")
    types = [row[0] for row in survey.iter_rows(min_row=2, values_only=True)]
    assert types == ["note", "select_one unit", "begin group", "select_one often",
                     "select_one often", "select_one thirds", "select_multiple unit", "end group",
                     "integer", "decimal", "text"]
    assert survey["C2"].value == "=Velkommen" and survey["C2"].data_type == "s"
    assert sheet_values(path, "choices")[0] == (
        "list_name", "name", "label::Dansk (da)", "label::Svenska (sv)", "label::English (en)",
        "label::fi (fi)", "score")
    assert sheet_values(path, "settings") == [
        ("form_title", "apv_title::Svenska (sv)", "apv_title::English (en)", "form_id",
         "version", "default_language"),
        ("APV 2025", "Kartläggning", "Workplace assessment", "apv2025", "2025-01", "Dansk (da)")]
    assert sheet_values(path, "dimensions")[1] == (
        "WP", "Arbejdstempo", None, "Work pace", None, "higher_is_worse", 59.5, None, "demands")


def test_no_hint_columns_without_hints(tmp_path: Path) -> None:
    q = Questionnaire("T", sections=[Section("", items=[Item("q", ItemType.TEXT, {"da": "Q"})])])
    write_xlsform(q, tmp_path / "t.xlsx")
    assert sheet_values(tmp_path / "t.xlsx", "survey")[0] == (
        "type", "name", "label::Dansk (da)", "required", "relevant", "dimension", "reverse")
    assert read_xlsform(tmp_path / "t.xlsx").questionnaire == q


def test_a_failed_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from apv_desktop.interchange import xlsform_write

    def broken_save(workbook: object, filename: object) -> None:
        Path(str(filename)).write_bytes(b"half a workbook")
        raise RuntimeError("disk went away")

    monkeypatch.setattr(xlsform_write, "save_workbook", broken_save)
    with pytest.raises(RuntimeError):
        write_xlsform(full_questionnaire(), tmp_path / "apv.xlsx")
    assert list(tmp_path.iterdir()) == []


# ---- property: any questionnaire the model can hold survives export and import ----------------

_NAME_START = string.ascii_letters + "_æøåÆØÅ"
names = st.builds(lambda a, b: a + b, st.sampled_from(_NAME_START),
                  st.text(_NAME_START + string.digits + ".-", max_size=8))
# Any text but control characters (XML cannot hold most, and turns "\r\n" into "\n"); the ends
# are stripped because the reader strips cells.
texts = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn")) | st.just("\n"),
    min_size=1, max_size=20,
).map(str.strip).filter(bool)
codes = st.sampled_from(["da", "sv", "en", "fi", "nb"])
# Conditions must compile (a form with one that cannot is refused), so draw them from the subset.
relevants = st.builds(
    lambda name, op, value, more: f"${{{name}}} {op} '{value}'{more}",
    names, st.sampled_from(["=", "!=", "<", ">="]),
    st.text(string.ascii_letters + string.digits + " æøå", max_size=6),
    st.sampled_from(["", " and count-selected(${x}) > 1", " or string-length(.) div 2 = 1"]),
)
scores = st.one_of(st.none(), st.floats(0, 100).map(lambda x: round(x, 10)))


@st.composite
def questionnaires(draw: st.DrawFn) -> Questionnaire:
    languages = draw(st.lists(codes, min_size=1, max_size=3, unique=True))

    def labels() -> dict[str, str]:
        chosen = draw(st.lists(st.sampled_from(languages), unique=True))
        return {code: draw(texts) for code in chosen}

    list_names = draw(st.lists(names, min_size=1, max_size=3, unique=True))
    choice_lists = {}
    for list_name in list_names:
        choice_names = draw(st.lists(names | st.integers(1, 9).map(str), min_size=2, max_size=5,
                                     unique=True))
        choice_lists[list_name] = ChoiceList(
            list_name, [Choice(n, labels(), draw(scores)) for n in choice_names])
    dimensions = [
        Dimension(code, labels(), draw(st.sampled_from(list(Direction))), draw(scores),
                  draw(st.none() | st.integers(3, 50)), draw(st.none() | texts))
        for code in draw(st.lists(st.sampled_from(["QD", "WP", "SH", "IN"]), unique=True))
    ]
    item_names = iter(draw(st.lists(names, min_size=13, max_size=13, unique=True)))
    sections: list[Section] = []
    for index in range(draw(st.integers(1, 4))):
        items = []
        for _ in range(draw(st.integers(1, 3))):
            item_type = draw(st.sampled_from(list(ItemType)))
            is_select = item_type in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE)
            items.append(Item(
                next(item_names), item_type, labels(), labels(),
                draw(st.sampled_from(list_names)) if is_select else None,
                draw(st.sampled_from([d.code for d in dimensions])) if dimensions
                and draw(st.booleans()) else None,
                draw(st.booleans()), draw(st.booleans()), draw(st.none() | relevants)))
        grouped = index % 2 == 1 or draw(st.booleans())  # two loose sections never touch
        if grouped:
            sections.append(Section(f"g{index}", labels(), items, draw(st.none() | relevants)))
        else:
            sections.append(Section("", {}, items, None))
    # the reader refuses a form without an answerable item; make sure there is one
    sections[0].items.append(Item(next(item_names), ItemType.TEXT))
    return Questionnaire(
        title=draw(texts), form_id=draw(st.just("") | texts), version=draw(st.just("") | texts),
        languages=languages, default_language=languages[0], sections=sections,
        choice_lists=choice_lists, dimensions=dimensions, title_labels=labels(),
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(questionnaire=questionnaires())
def test_property_export_then_import_is_equal(tmp_path: Path, questionnaire: Questionnaire,
                                              ) -> None:
    path = tmp_path / "generated.xlsx"
    write_xlsform(questionnaire, path)
    result = read_xlsform(path)
    assert result.questionnaire == questionnaire


def test_no_background_column_without_background_questions(tmp_path: Path) -> None:
    q = full_questionnaire()
    for item in q.items():
        item.background = False
    q.choice_lists["thirds"].choices[1].score = round(100 / 3, 10)  # as stored
    write_xlsform(q, tmp_path / "plain.xlsx")
    assert "background" not in sheet_values(tmp_path / "plain.xlsx", "survey")[0]
    assert read_xlsform(tmp_path / "plain.xlsx").questionnaire == q


@pytest.mark.usefixtures("english")  # quotes the English sentence
def test_a_background_cell_other_than_yes_or_no_is_refused_naming_the_cell(
        tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    write_xlsform(full_questionnaire(), path)
    book = openpyxl.load_workbook(path)
    survey = book["survey"]
    column = [cell.value for cell in survey[1]].index("background") + 1
    survey.cell(row=3, column=column, value="maybe")
    book.save(path)
    with pytest.raises(InputError, match="'maybe' is not yes or no"):
        read_xlsform(path)
