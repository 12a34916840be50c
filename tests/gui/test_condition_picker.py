"""The builder's condition picker: question, comparison and answers in words, written to the
item's `relevant`; read back from it; the raw expression only under "Avanceret"."""

from __future__ import annotations

from apv_desktop.core.model import Item, ItemType
from apv_desktop.services.projects import create_project, opened
from apv_desktop.ui.builder import BuilderPage


def open_item(window, path, name) -> BuilderPage:
    window.open_project(path)
    window.show_page(1)
    page = window.pages[1]
    page.jump_to(_location(name))
    return page


def _location(name):
    from apv_desktop.core.validation import Location, LocationKind

    return Location(LocationKind.ITEM, name)


def stored_item(window, name) -> Item:
    item = window.session.project.questionnaire().item(name)
    assert item is not None
    return item


def test_a_follow_up_condition_reads_as_words(window, tmp_path):
    path = tmp_path / "k.apv"
    create_project(path, ["kraenkende"], "Test")
    page = open_item(window, path, "sh_fra")
    picker = page.item_editor.condition
    assert not page.item_editor.advanced.isChecked()  # the words say it all
    assert not page.item_editor.relevant.isVisibleTo(page)
    (row,) = picker.rows
    assert row.question.currentText() == ("Har du inden for de seneste 12 måneder været udsat "
                                          "for seksuel chikane på din arbejdsplads?")
    assert row.comparison.currentText() == "er besvaret, men ikke"
    assert row.answers.text() == "Nej"
    assert "sh_1" not in row.question.currentText()  # no internal codes


def test_the_picker_writes_the_expression(window, project_path):
    page = open_item(window, project_path, "qd_2")
    picker = page.item_editor.condition
    assert picker.rows == [] and picker.always.isVisibleTo(picker)
    picker.add.click()
    row = picker.rows[0]
    row.question.setCurrentIndex(row.question.findData("qd_1"))
    row.question.activated.emit(row.question.currentIndex())
    row.choose({"altid", "ofte"})
    assert stored_item(window, "qd_2").relevant == "${qd_1} = 'altid' or ${qd_1} = 'ofte'"
    (row,) = picker.rows  # read again from what was stored
    assert row.answers.text() == "Altid eller Ofte"
    row.comparison.setCurrentIndex(row.comparison.findData("answered"))
    row.comparison.activated.emit(row.comparison.currentIndex())
    assert stored_item(window, "qd_2").relevant == "${qd_1} != ''"
    picker.rows[0].remove.click()
    assert stored_item(window, "qd_2").relevant is None


def test_an_expression_beyond_the_picker_opens_avanceret(window, project_path):
    with opened(project_path) as project:
        questionnaire = project.questionnaire()
        questionnaire.item("qd_2").relevant = (
            "${qd_1} = 'altid' and (${qd_3} = 'ofte' or ${wp_1} = 'ofte')")
        project.save_questionnaire(questionnaire)
    page = open_item(window, project_path, "qd_2")
    editor = page.item_editor
    assert editor.advanced.isChecked()
    assert editor.relevant.isVisibleTo(page)
    assert editor.condition.note.isVisibleTo(page)
    assert editor.relevant.text().startswith("${qd_1} = 'altid' and (")


def test_question_text_is_edited_in_several_lines(window, project_path):
    page = open_item(window, project_path, "qd_1")
    box = page.item_editor.labels.edits["da"]
    box.setText("Første linje\nanden linje")
    box.editingFinished.emit()
    assert stored_item(window, "qd_1").labels["da"] == "Første linje\nanden linje"
    assert stored_item(window, "qd_1").type == ItemType.SELECT_ONE


def test_a_section_condition_is_picked_the_same_way(window, project_path):
    from apv_desktop.core.validation import Location, LocationKind

    window.open_project(project_path)
    window.show_page(1)
    page = window.pages[1]
    page.jump_to(Location(LocationKind.SECTION, "", 1))
    editor = page.section_editor
    assert editor.condition.always.text() == "Afsnittet vises altid."
    assert not editor.relevant.isVisibleTo(page)
    editor.condition.add.click()
    row = editor.condition.rows[0]
    row.question.setCurrentIndex(row.question.findData("qd_1"))
    row.question.activated.emit(row.question.currentIndex())
    row.choose({"altid"})
    assert window.session.project.questionnaire().sections[1].relevant == "${qd_1} = 'altid'"
