"""The collection page: paper entry, importing a file with a mapping fix, merging laptops."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from apv_desktop.core.model import OrgUnit
from apv_desktop.interchange.tables import read_table
from apv_desktop.services.collection import prepare_round, submit_sheet
from apv_desktop.services.projects import create_project, opened
from apv_desktop.ui.collection.import_dialog import ImportDialog
from apv_desktop.ui.collection.page import CollectionPage

UNITS = [OrgUnit("ORG", "Forvaltningen"), OrgUnit("A", "Team Alfa", "ORG", 8)]


def collection_page(window, project_path: Path) -> CollectionPage:
    with opened(project_path) as project:
        project.replace_org(UNITS)
        prepare_round(project, "2025")
    assert window.open_project(project_path)
    return next(p for p in window.pages if isinstance(p, CollectionPage))


def test_paper_entry_with_a_correction(qtbot, window, project_path):
    page = collection_page(window, project_path)
    dialog = page.paper_dialog("2025")
    qtbot.addWidget(dialog)
    questionnaire = dialog.questionnaire
    first, second = [i.name for i in questionnaire.answerable_items()[:2]]
    dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("A"))
    qtbot.keyClicks(dialog.fields[first], "9")
    assert not dialog.save_sheet() and "9" in dialog.problem.text()
    dialog.fields[first].clear()
    qtbot.keyClicks(dialog.fields[first], "2")
    qtbot.keyClick(dialog.fields[first], Qt.Key.Key_Return)  # Enter moves on
    qtbot.keyClicks(dialog.fields[second], "1")
    assert dialog.save_sheet()
    assert dialog.count_label.text() == "Ark indtastet: 1"
    dialog.correct_last()  # oops: the second answer was 3
    assert dialog.fields[second].text() == "1"
    dialog.fields[second].setText("3")
    assert dialog.save_sheet()
    dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("A"))
    dialog.fields[first].setText("5")
    assert dialog.save_sheet()
    assert dialog.count_label.text() == "Ark indtastet: 2"
    dialog.finish()
    project = window.session.project
    assert project.response_count("2025") == 2
    values = project.responses("2025").values
    choices = [questionnaire.choices_for(questionnaire.item(n)) for n in (first, second)]
    rows = sorted(values[:, :2].tolist(), key=lambda r: r[0])
    assert rows[0][:2] == [1.0, 2.0]  # digits 2 and 3 are positions 1 and 2
    assert rows[1][0] == 4.0 and rows[1][1] != rows[1][1]  # NaN: not answered
    assert len(choices[0].choices) >= 5
    assert {m.source for m in project.response_meta("2025")} == {"paper"}


def test_import_with_a_mapping_fix_all_or_nothing(qtbot, window, project_path, tmp_path,
                                                   message_log):
    page = collection_page(window, project_path)
    questionnaire = window.session.project.questionnaire()
    item = questionnaire.answerable_items()[0]
    good = questionnaire.choices_for(item).choices[0].name
    path = tmp_path / "forms.csv"
    path.write_text(f"ID;E-mail;Afdeling;Spørgsmål 1\n1;a@x.dk;A;{good}\n2;b@x.dk;A;forkert\n",
                    encoding="utf-8")
    dialog = ImportDialog(window.session, path, page)
    qtbot.addWidget(dialog)
    assert dialog.load(read_table(path))
    assert "E-mail" in dialog.notes.text() and "E-mail" not in dialog.mapping()
    assert dialog.combos["Afdeling"].currentData() == "@unit"
    assert dialog.combos["Spørgsmål 1"].currentData() == ""  # unknown header
    assert not dialog.check()  # no question column yet
    combo = dialog.combos["Spørgsmål 1"]
    combo.setCurrentIndex(combo.findData(item.name))
    assert not dialog.check()  # row 3 holds a bad value: listed, nothing stored
    assert dialog.problems.count() == 1 and "række 3" in dialog.problems.item(0).text()
    assert not dialog.import_button.isEnabled()
    assert window.session.project.response_count("2025") == 0
    path.write_text(f"ID;E-mail;Afdeling;Spørgsmål 1\n1;a@x.dk;A;{good}\n2;b@x.dk;A;{good}\n",
                    encoding="utf-8")
    assert dialog.check()
    # One question of many: the headline says so and the import waits for a confirmation.
    assert dialog.summary.text().startswith("Filen dækker kun 1 af spørgeskemaets")
    assert not dialog.import_button.isEnabled() and dialog.partial_ok.isVisibleTo(dialog)
    dialog.run_import()
    assert window.session.project.response_count("2025") == 0
    dialog.partial_ok.setChecked(True)
    assert dialog.import_button.isEnabled()
    saved = tmp_path / "forms.mapping.json"
    dialog.save_mapping(saved)
    again = ImportDialog(window.session, path, page)
    qtbot.addWidget(again)
    assert again.load(read_table(path)) and again.combos["Spørgsmål 1"].currentData() == ""
    again.load_mapping(saved)
    assert again.combos["Spørgsmål 1"].currentData() == item.name
    dialog.run_import()
    qtbot.waitUntil(lambda: window.session.project.response_count("2025") == 2, timeout=5000)
    qtbot.waitUntil(lambda: "2 svar er indlæst." in message_log.texts, timeout=5000)


def test_merge_from_the_page_twice_and_refused(qtbot, window, project_path, message_log):
    page = collection_page(window, project_path)
    window.close_project()
    laptop = project_path.with_name("laptop.apv")
    shutil.copyfile(project_path, laptop)
    with opened(laptop) as project:
        questionnaire = prepare_round(project, "2025")
        item = questionnaire.answerable_items()[0]
        submit_sheet(project, "2025", questionnaire, "A",
                     {item.name: questionnaire.choices_for(item).choices[0].name})
    assert window.open_project(project_path)
    page.merge([laptop])
    qtbot.waitUntil(lambda: page.last_merge is not None, timeout=5000)
    assert page.last_merge.added == 1
    page.last_merge = None
    page.merge([laptop])
    qtbot.waitUntil(lambda: page.last_merge is not None, timeout=5000)
    assert (page.last_merge.added, page.last_merge.skipped) == (0, 1)
    assert "0 tilføjet, 1 fandtes allerede" in message_log.texts[-1]
    page.merge([project_path])
    qtbot.waitUntil(lambda: message_log.shown[-1].title == "Fletningen blev afvist",
                    timeout=5000)
    assert window.session.project.response_count("2025") == 1


def test_the_paper_screen_saves_the_blank_questionnaire_as_pdf(qtbot, window, project_path,
                                                                 tmp_path, file_choices):
    page = collection_page(window, project_path)
    dialog = page.paper_dialog("2025")
    qtbot.addWidget(dialog)
    assert dialog.print_button.text() == "Udskriv spørgeskema …"
    target = tmp_path / "papir.pdf"
    file_choices.save_paths.extend([target, None])
    assert dialog.save_pdf() == target
    assert target.read_bytes().startswith(b"%PDF") and target.stat().st_size > 1000
    assert dialog.save_pdf() is None  # the user cancelled the file dialog: nothing written
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["papir.pdf"]


def test_the_values_of_choice_columns_are_previewed_with_their_choices(qtbot, window,
                                                                       tmp_path):
    project_path = tmp_path / "kraenkende.apv"
    create_project(project_path, ["kraenkende"], "Test")
    page = collection_page(window, project_path)
    path = tmp_path / "forms.csv"
    path.write_text("Afdeling;bu_1;bu_fra;Andet\n"
                    "A;nej;kolleger;x\n"
                    "A;JA, DAGLIGT;\"Ledere; Andre\";y\n"
                    "A;nej;borgere,andre;z\n"
                    "A;måske;venner;w\n"
                    "A;;;v\n", encoding="utf-8")
    dialog = ImportDialog(window.session, path, page)
    qtbot.addWidget(dialog)
    assert dialog.load(read_table(path))

    def shown() -> list[tuple[str, str, str]]:
        return [tuple(dialog.values.item(row, col).text() for col in range(3))
                for row in range(dialog.values.rowCount())]

    # Unknown values first, then by frequency; names and labels in any case are choices; the
    # blank cells and the unmapped column 'Andet' are not listed.
    assert shown() == [
        ("bu_1", "måske", "ukendt"),
        ("bu_1", "nej", "Nej"),
        ("bu_1", "JA, DAGLIGT", "Ja, dagligt"),
        ("bu_fra", "venner", "ukendt"),
        ("bu_fra", "kolleger", "Kolleger"),
        ("bu_fra", "Ledere; Andre", "Ledere + Andre"),
        ("bu_fra", "borgere,andre", "Borgere, klienter eller patienter + Andre"),
    ]
    combo = dialog.combos["bu_fra"]
    combo.setCurrentIndex(combo.findData(""))  # ignored now: its values are no longer shown
    assert [row[0] for row in shown()] == ["bu_1", "bu_1", "bu_1"]
    combo = dialog.combos["Andet"]
    combo.setCurrentIndex(combo.findData("sh_1"))  # a mistaken mapping: every value unknown
    assert [row for row in shown() if row[0] == "Andet"] == [
        ("Andet", value, "ukendt") for value in ("x", "y", "z", "w", "v")]


def test_the_dialog_maps_every_tool_export_without_help(qtbot, window, project_path, tmp_path):
    """Each shape of tests/unit/tool_exports.py: all questions and the unit found, identifying
    columns marked, and the check passes with nothing partial to confirm."""
    from apv_desktop.interchange.templates import load_template
    from tests.unit import tool_exports

    with opened(project_path) as project:
        project.replace_org(tool_exports.UNITS)
        prepare_round(project, "2025")
    assert window.open_project(project_path)
    page = next(p for p in window.pages if isinstance(p, CollectionPage))
    simulated = tool_exports.simulate(load_template("psykisk"), respondents=12)
    names = {item.name for item in simulated.items}
    for tool, (file_name, write) in tool_exports.TOOLS.items():
        path = write(simulated, tmp_path / file_name)
        dialog = ImportDialog(window.session, path, page)
        qtbot.addWidget(dialog)
        assert dialog.load(read_table(path)), tool
        chosen = [combo.currentData() for combo in dialog.combos.values()]
        assert names <= set(chosen), (tool, names - set(chosen))
        assert chosen.count("@unit") == 1, tool
        assert dialog.check() and dialog.import_button.isEnabled(), (tool, dialog.summary.text())
        assert not dialog.partial_ok.isVisibleTo(dialog), tool
    assert window.session.project.response_count("2025") == 0


def test_limesurvey_option_columns_stay_options_in_the_dialog(qtbot, window, tmp_path):
    path = tmp_path / "k.apv"
    create_project(path, ["kraenkende"], "Testkommune")
    with opened(path) as project:
        project.replace_org(UNITS)
        prepare_round(project, "2025")
    assert window.open_project(path)
    page = next(p for p in window.pages if isinstance(p, CollectionPage))
    answers = tmp_path / "lime.csv"
    answers.write_text("id,enhed,bu1,bufra[kolleger],bufra[borgere]\n1,A,A4,Y,Y\n2,A,A5,,\n",
                       encoding="utf-8")
    dialog = ImportDialog(window.session, answers, page)
    qtbot.addWidget(dialog)
    assert dialog.load(read_table(answers))
    assert dialog.combos["bufra[borgere]"].currentData() == "@option"
    assert "bufra[borgere]" not in dialog.mapping()
    assert dialog.check(), dialog.summary.text()  # partial (one scored question of four)
    dialog.partial_ok.setChecked(True)
    dialog.run_import()
    qtbot.waitUntil(lambda: window.session.project.response_count("2025") == 2, timeout=5000)


def _shown_in_the_list(dialog, widget) -> bool:
    viewport = dialog.sheet_area.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    bottom = top_left.y() + widget.height()
    return top_left.y() >= 0 and bottom <= viewport.height()


def test_paper_entry_by_keyboard_follows_the_cursor_down_the_whole_sheet(qtbot, window,
                                                                          project_path):
    page = collection_page(window, project_path)
    dialog = page.paper_dialog("2025")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    # The first key goes to the sheet, not to a button (Enter there would open the printer).
    assert dialog.focusWidget() is dialog.unit_box
    dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("A"))
    qtbot.keyClick(dialog.unit_box, Qt.Key.Key_Return)
    fields = list(dialog.fields.values())
    assert len(fields) > 25  # longer than one screen
    for field in fields:
        assert dialog.focusWidget() is field
        assert _shown_in_the_list(dialog, field), fields.index(field)
        qtbot.keyClicks(field, "1")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.count_label.text() == "Ark indtastet: 1"
    # The next sheet of the same unit starts at the first answer, scrolled back up.
    assert dialog.focusWidget() is fields[0] and _shown_in_the_list(dialog, fields[0])


def test_a_wrong_digit_is_named_by_the_question_number_the_typist_sees(qtbot, window,
                                                                       project_path):
    page = collection_page(window, project_path)
    dialog = page.paper_dialog("2025")
    qtbot.addWidget(dialog)
    dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("A"))
    items = dialog.questionnaire.answerable_items()
    third = next(i for i in items[2:] if dialog.questionnaire.choices_for(i) is not None)
    number = items.index(third) + 1
    qtbot.keyClicks(dialog.fields[third.name], "9")
    assert not dialog.save_sheet()
    text = dialog.problem.text()
    assert f"spørgsmål {number} " in text and third.label("da") in text
    assert third.name not in text
    assert dialog.focusWidget() is dialog.fields[third.name]


def test_one_save_names_every_problem_of_the_sheet(qtbot, window, project_path):
    """A sheet with a wrong digit and no unit took two saves to learn both (found by typing
    sheets): one save names them all, and the cursor goes to the first."""
    page = collection_page(window, project_path)
    dialog = page.paper_dialog("2025")
    qtbot.addWidget(dialog)
    dialog.unit_box.setCurrentIndex(-1)
    items = [i for i in dialog.questionnaire.answerable_items()
             if dialog.questionnaire.choices_for(i) is not None]
    qtbot.keyClicks(dialog.fields[items[0].name], "9")
    qtbot.keyClicks(dialog.fields[items[1].name], "8")
    assert not dialog.save_sheet()
    lines = dialog.problem.text().split("\n")
    assert lines[0] == "Vælg enheden fra skemaet."
    assert [line.split("'")[1] for line in lines[1:]] == ["9", "8"]
    assert dialog.focusWidget() is dialog.unit_box
