"""The questionnaire builder: edits stored at once, undo/redo, refusals, freezing, moving and
copying, the problem list, XLSForm import with warnings, preview and print."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from apv_desktop.core.validation import Location, LocationKind
from apv_desktop.ui.builder import BuilderPage
from apv_desktop.ui.builder.tree import Move

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def open_builder(window, path) -> BuilderPage:
    window.open_project(path)
    window.show_page(1)
    page = window.pages[1]
    assert isinstance(page, BuilderPage)
    return page


def stored(window):
    return window.session.project.questionnaire()


def commit(line, text):
    line.setText(text)
    line.editingFinished.emit()


def test_an_edit_is_stored_at_once_and_undo_redo_store_again(window, project_path):
    page = open_builder(window, project_path)
    page.jump_to(Location(LocationKind.ITEM, "qd_1"))
    assert page.editors.currentWidget() is page.item_editor
    commit(page.item_editor.labels.edits["en"], "How often are you swamped?")
    assert stored(window).item("qd_1").labels["en"] == "How often are you swamped?"
    page.item_editor.reverse.click()
    assert stored(window).item("qd_1").reverse is True
    assert page.undo_stack.count() == 2
    page.undo_action.trigger()
    assert stored(window).item("qd_1").reverse is False
    page.undo_action.trigger()
    assert stored(window).item("qd_1").labels["en"].startswith("How often do you have more")
    assert page.item_editor.labels.edits["en"].text().startswith("How often do you have more")
    page.redo_action.trigger()
    assert stored(window).item("qd_1").labels["en"] == "How often are you swamped?"
    assert len(window.session.project.questionnaire_versions()) == 1  # replaced in place


def test_renaming_to_a_taken_name_is_refused_and_nothing_stored(window, project_path):
    page = open_builder(window, project_path)
    page.jump_to(Location(LocationKind.ITEM, "qd_1"))
    before = stored(window)
    commit(page.item_editor.name, "qd_2")
    assert page.refusal.text() == "Navnet qd_2 er allerede i brug."
    assert stored(window) == before
    assert page.undo_stack.count() == 0
    assert page.item_editor.name.text() == "qd_1"


def test_a_rename_follows_into_conditions(window, project_path):
    page = open_builder(window, project_path)
    page.jump_to(Location(LocationKind.ITEM, "qd_2"))
    commit(page.item_editor.relevant, "${qd_1} = 'altid'")
    page.jump_to(Location(LocationKind.ITEM, "qd_1"))
    commit(page.item_editor.name, "travlhed")
    assert stored(window).item("qd_2").relevant == "${travlhed} = 'altid'"
    assert page.tree.selected_location() == Location(LocationKind.ITEM, "travlhed")


def test_a_frozen_questionnaire_asks_before_its_first_edit(window, demo_path, message_log):
    page = open_builder(window, demo_path)
    versions = window.session.project.questionnaire_versions()
    assert versions[-1].response_count > 0 and page.is_frozen()
    assert "låst" in page.frozen_banner.text()
    original = stored(window)
    name = original.sections[0].items[0].name
    page.jump_to(Location(LocationKind.ITEM, name))
    message_log.answers = [NO]
    page.item_editor.required.click()
    assert message_log.shown[-1].title == "Spørgeskemaet er låst"
    assert window.session.project.questionnaire_versions() == versions
    assert not page.item_editor.required.isChecked()
    message_log.answers = [YES]
    page.item_editor.required.click()
    after = window.session.project.questionnaire_versions()
    assert len(after) == len(versions) + 1 and after[-1].response_count == 0
    assert window.session.project.questionnaire(versions[-1].id) == original
    assert stored(window).item(name).required is True
    shown = len(message_log.shown)
    page.item_editor.reverse.click()  # the new version is not frozen: no question
    assert len(message_log.shown) == shown
    assert not page.is_frozen()


def test_moving_and_copying_items_between_sections(window, project_path):
    page = open_builder(window, project_path)
    first_names = [i.name for i in stored(window).sections[0].items]
    page._move(Move(LocationKind.ITEM, first_names[0], 1, 0))
    assert stored(window).sections[1].items[0].name == first_names[0]
    assert [i.name for i in stored(window).sections[0].items] == first_names[1:]
    page.jump_to(Location(LocationKind.ITEM, first_names[1]))
    page.actions_.copy.trigger()
    page.jump_to(Location(LocationKind.SECTION, "", 2))
    page.actions_.paste.trigger()
    third = stored(window).sections[2].items
    assert third[-1].name == f"{first_names[1]}_kopi"
    assert third[-1].labels == stored(window).item(first_names[1]).labels
    page.undo_stack.undo()
    page.undo_stack.undo()
    assert [i.name for i in stored(window).sections[0].items] == first_names


def test_a_problem_is_listed_and_a_click_jumps_to_it(window, project_path):
    page = open_builder(window, project_path)
    assert page.problems.problems == []
    page.jump_to(Location(LocationKind.ITEM, "in_1"))
    page.item_editor.dimension.setCurrentIndex(0)  # (ingen)
    page.item_editor.dimension.activated.emit(0)
    texts = [page.problems.item(r).text() for r in range(page.problems.count())]
    assert texts[0] == ("Spørgsmålet 2.1 »I hvor høj grad kan du selv planlægge…« har svar med "
                        "point, men ingen dimension, så det tæller ingen steder.")
    page.jump_to(Location(LocationKind.QUESTIONNAIRE))
    page.problems.itemClicked.emit(page.problems.item(0))
    assert page.tree.selected_location() == Location(LocationKind.ITEM, "in_1")
    assert page.editors.currentWidget() is page.item_editor


def test_choice_list_and_dimension_editors(window, project_path):
    page = open_builder(window, project_path)
    page.jump_to(Location(LocationKind.CHOICE_LIST, "frekvens"))
    editor = page.list_editor
    editor.table.item(0, 1).setText("90")
    assert stored(window).choice_lists["frekvens"].choices[0].score == 90.0
    editor.table.item(0, 1).setText("190")
    assert "0 til 100" in editor.problem.text()
    assert stored(window).choice_lists["frekvens"].choices[0].score == 90.0
    page.jump_to(Location(LocationKind.DIMENSION, "QD"))
    commit(page.dimension_editor.reference, "55,5")
    page.dimension_editor.min_n.setValue(8)
    page.dimension_editor.min_n.editingFinished.emit()
    dimension = stored(window).dimension("QD")
    assert (dimension.reference, dimension.min_n) == (55.5, 8)


def test_import_shows_the_warnings_and_can_be_undone(qtbot, window, project_path, tmp_path,
                                                      file_choices):
    from openpyxl import Workbook

    form = tmp_path / "form.xlsx"
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label"])
    survey.append(["select_one yn", "ok", "Er alt godt?"])
    survey.append(["geopoint", "where", "Hvor er du?"])
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label"])
    choices.append(["yn", "ja", "Ja"])
    choices.append(["yn", "nej", "Nej"])
    book.save(form)
    page = open_builder(window, project_path)
    before = stored(window)
    file_choices.open_paths.append(form)
    page.actions_.import_form.trigger()  # read in the worker, stored when it is done
    qtbot.waitUntil(lambda: [i.name for i in stored(window).items()] == ["ok"], timeout=10000)
    warnings = [page.import_warnings.item(r).text() for r in range(page.import_warnings.count())]
    assert len(warnings) == 1 and "geopoint" in warnings[0]
    assert page.bottom.currentWidget() is page.import_warnings
    page.undo_action.trigger()
    assert stored(window) == before


def test_export_and_pdf(window, project_path, tmp_path, file_choices):
    from apv_desktop.interchange.xlsform import read_xlsform

    page = open_builder(window, project_path)
    file_choices.save_paths += [tmp_path / "out.xlsx", tmp_path / "skema.pdf"]
    page.actions_.export_form.trigger()
    assert read_xlsform(tmp_path / "out.xlsx").questionnaire == stored(window)
    page.actions_.pdf.trigger()
    assert (tmp_path / "skema.pdf").read_bytes().startswith(b"%PDF")


def test_the_preview_renders_each_item_type_in_each_language(qtbot):
    from apv_desktop.core.model import Choice, ChoiceList, Item, ItemType, Questionnaire, Section
    from apv_desktop.ui.builder.preview import BuilderPreview
    from apv_desktop.ui.form.questions import (
        NumberQuestion,
        QuestionWidget,
        SelectMultipleQuestion,
        SelectOneQuestion,
        TextQuestion,
    )

    yes_no = ChoiceList("yn", [Choice("ja", {"da": "Ja", "sv": "Ja", "en": "Yes"}, 100.0),
                               Choice("nej", {"da": "Nej", "sv": "Nej", "en": "No"}, 0.0)])
    items = [Item(f"i_{t.value}", t, {"da": f"Dansk {t.value}", "en": f"English {t.value}"},
                  list_name="yn" if t.value.startswith("select") else None) for t in ItemType]
    items.append(Item("lost", ItemType.SELECT_ONE, {"da": "Uden skala"}, list_name="gone",
                      relevant="${i_text ="))  # half-typed: still shown, no crash
    questionnaire = Questionnaire("T", languages=["da", "en"], sections=[Section("s", {}, items)],
                                  choice_lists={"yn": yes_no})
    preview = BuilderPreview()
    qtbot.addWidget(preview)
    preview.show_questionnaire(questionnaire)
    widgets = preview.view.questions
    assert isinstance(widgets["i_select_one"], SelectOneQuestion)
    assert isinstance(widgets["i_select_multiple"], SelectMultipleQuestion)
    assert isinstance(widgets["i_text"], TextQuestion)
    assert isinstance(widgets["i_integer"], NumberQuestion)
    assert isinstance(widgets["i_decimal"], NumberQuestion)
    assert type(widgets["i_note"]) is QuestionWidget
    assert widgets["lost"].isVisibleTo(preview.view)
    assert widgets["i_text"].label.text() == "Dansk text"
    preview.language.setCurrentIndex(preview.language.findData("en"))
    preview.language.activated.emit(1)
    assert widgets["i_text"].label.text() == "English text"
    assert [b.text() for b in widgets["i_select_one"].buttons] == ["1. Yes", "2. No"]


def test_the_printed_form_has_a_unit_line_and_every_choice():
    from apv_desktop.interchange.templates import load_template
    from apv_desktop.ui.print_form import questionnaire_html

    questionnaire = load_template("kraenkende")
    text = questionnaire_html(questionnaire, "en")
    assert "Unit/team:" in text
    assert "1. Have you" in text or "<b>1. " in text
    assert text.count("☐") == sum(len(questionnaire.choices_for(i).choices)
                                  for i in questionnaire.items() if i.list_name)
    assert "Unit/team:" not in questionnaire_html(questionnaire, "en", unit_line=False)


def test_the_new_project_dialog_combines_the_ticked_templates(qtbot):
    from PySide6.QtCore import Qt

    from apv_desktop.settings import Preferences
    from apv_desktop.ui.new_project import NewProjectDialog

    dialog = NewProjectDialog(Preferences())
    qtbot.addWidget(dialog)
    for row in range(dialog.templates.count()):
        entry = dialog.templates.item(row)
        wanted = entry.data(Qt.ItemDataRole.UserRole) in ("psykisk", "kraenkende", "sygefravaer")
        entry.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    assert dialog.choice().template_ids == ["psykisk", "kraenkende", "sygefravaer"]


def test_a_background_question_is_marked_in_the_item_editor(window, tmp_path):
    from apv_desktop.services.projects import create_project

    path = tmp_path / "bg.apv"
    create_project(path, ["psykisk", "baggrund"], "Testkommune")
    page = open_builder(window, path)
    page.jump_to(Location(LocationKind.ITEM, "bg_stilling"))
    box = page.item_editor.background
    assert box.isEnabled() and box.isChecked()
    box.click()
    assert stored(window).item("bg_stilling").background is False
    page.undo_action.trigger()
    assert stored(window).item("bg_stilling").background is True
    page.jump_to(Location(LocationKind.ITEM, "qd_1"))
    assert not box.isEnabled() and not box.isChecked()  # a scored question forms no groups


def test_the_kiosk_and_the_paper_form_promise_groups_of_the_threshold(qtbot):
    from apv_desktop.interchange.templates import load_template
    from apv_desktop.ui.form.questions import question_widget
    from apv_desktop.ui.print_form import questionnaire_html

    questionnaire = load_template("baggrund")
    promise = "only used to show results for groups with at least as many answers"
    assert questionnaire_html(questionnaire, "en").count(promise) == 3
    job = questionnaire.item("bg_stilling")
    widget = question_widget(job, questionnaire.choices_for(job), "en")
    qtbot.addWidget(widget)
    assert promise in widget.hint.text() and not widget.hint.isHidden()
    for item in questionnaire.items():
        item.background = False
    assert promise not in questionnaire_html(questionnaire, "en", unit_line=False)


def test_a_new_question_joins_the_dimension_it_follows_so_only_its_text_is_missing(
        window, project_path):
    page = open_builder(window, project_path)
    page.jump_to(Location(LocationKind.ITEM, "qd_1"))
    page.actions_.add_item.trigger()  # after the selected question, as the walkthrough did
    new = page.selected_location().name
    assert stored(window).item(new).dimension == stored(window).item("qd_1").dimension == "QD"
    assert [p.code for p in page.problems.problems if p.location.name == new] == [
        "item_no_label"]
    page.jump_to(Location(LocationKind.SECTION, "", 1))
    page.actions_.add_item.trigger()  # at the end of a section: after its last question
    assert stored(window).item(page.selected_location().name).dimension == "MW"
