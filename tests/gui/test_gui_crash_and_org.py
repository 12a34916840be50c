"""The crash-log offer at the next start, and editing the organisation table."""

from __future__ import annotations

from PySide6.QtCore import Qt

from apv_desktop.ui.crashlog import CrashLog, offer_previous_crashes

DEAD_PID = 4_000_000  # above Linux's pid_max: no process has it


def test_a_crash_log_left_by_a_dead_process_is_offered_once(tmp_path, message_log):
    folder = tmp_path / "crash"
    folder.mkdir()
    (folder / f"crash-{DEAD_PID}.log").write_text("Fatal Python error: Segmentation fault\n")
    (folder / "crash-4000001.log").write_text("")  # a clean run that did not tidy up
    log = CrashLog(folder)
    log.start()
    try:
        assert offer_previous_crashes(None, log)
        assert message_log.shown[0].title == "APV Desktop stoppede uventet"
        assert "Segmentation fault" in message_log.shown[0].details
        assert not offer_previous_crashes(None, log)  # cleared after it was shown
        assert len(message_log.shown) == 1
        assert [p.name for p in folder.iterdir()] == [log.path.name]
    finally:
        log.stop()
    assert not log.path.exists()


def _edit(page, row, column, text):
    return page.model.setData(page.model.index(row, column), text, Qt.ItemDataRole.EditRole)


def test_a_valid_edit_is_stored_at_once(window, demo_path):
    window.open_project(demo_path)
    page = window.pages[0]
    row = [u.code for u in page.model.units].index("FAM-HAN")
    assert _edit(page, row, 3, "7")
    assert _edit(page, row, 1, "Handicap og psykiatri")
    stored = {u.code: u for u in window.session.project.org_units()}
    assert stored["FAM-HAN"].headcount == 7
    assert stored["FAM-HAN"].name == "Handicap og psykiatri"
    assert page.problem.isHidden()


def test_invalid_edits_are_refused_with_the_reason(window, demo_path):
    window.open_project(demo_path)
    page = window.pages[0]
    before = window.session.project.org_units()
    row = [u.code for u in page.model.units].index("FAM-HAN")
    assert not _edit(page, row, 3, "-2")
    assert page.problem.text() == "Antal ansatte skal være et helt tal på 0 eller mere."
    assert not _edit(page, row, 0, "FAM-MYN")
    assert page.problem.text() == "Koden FAM-MYN bruges allerede af en anden enhed."
    assert not _edit(page, row, 2, "NOPE")
    assert page.problem.text() == "Der er ingen enhed med koden NOPE."
    assert not _edit(page, 0, 2, "FAM")  # the top under its own grandchild
    assert page.problem.text().startswith("En enhed kan ikke ligge under sig selv")
    assert window.session.project.org_units() == before


def test_a_unit_holding_responses_cannot_be_removed(window, demo_path):
    window.open_project(demo_path)
    page = window.pages[0]
    row = [u.code for u in page.model.units].index("FAM-HAN")
    assert not page.model.remove_unit(row)
    assert page.problem.text().startswith("Ændringen blev ikke gemt: Enheden FAM-HAN")
    assert "FAM-HAN" in [u.code for u in window.session.project.org_units()]


def test_added_units_are_stored_and_counted(window, project_path):
    window.open_project(project_path)
    page = window.pages[0]
    assert page.model.add_unit(None) == 0
    assert page.model.add_unit("NY1") == 1
    assert [(u.code, u.parent) for u in window.session.project.org_units()] == [
        ("NY1", None), ("NY2", "NY1")]
    assert not page.model.remove_unit(0)  # it has a sub-unit
    assert page.model.remove_unit(1)
    assert [u.code for u in window.session.project.org_units()] == ["NY1"]


def test_the_table_refuses_a_code_that_differs_only_in_case(window, demo_path):
    window.open_project(demo_path)
    page = window.pages[0]
    before = window.session.project.org_units()
    row = [u.code for u in page.model.units].index("FAM-HAN")
    assert not _edit(page, row, 0, "fam-myn")  # FAM-MYN exists: the store refuses this too
    assert page.problem.text() == "Koden fam-myn bruges allerede af en anden enhed."
    assert not _edit(page, row, 1, "  ")
    assert page.problem.text() == "Navnet må ikke være tomt."
    assert not _edit(page, row, 2, "FAM-HAN")
    assert page.problem.text().startswith("En enhed kan ikke ligge under sig selv")
    assert _edit(page, row, 3, "12,0")  # the same whole-number reading as the file import
    assert window.session.project.org_units() != before


def test_a_reorganisation_imported_again_drops_a_unit_with_its_sub_units(
        qtbot, window, project_path, file_choices, message_log, tmp_path):
    from PySide6.QtCore import Qt

    from apv_desktop.core.model import OrgUnit

    window.open_project(project_path)
    window.session.project.replace_org([
        OrgUnit("ORG", "Forvaltningen"), OrgUnit("PARK", "Park og vej", "ORG", 12),
        OrgUnit("PARK1", "Parkteam Nord", "PARK", 6), OrgUnit("SKOLE", "Skoler", "ORG", 40)])
    page = window.pages[0]
    page.refresh()
    new_list = tmp_path / "ny.csv"
    new_list.write_text("kode;navn;overordnet;antal\nORG;Forvaltningen;;\n"
                        "SKOLE;Skoler og dagtilbud;ORG;40\n", encoding="utf-8")
    file_choices.open_paths.append(new_list)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    # The file is read in the worker; the table shows the new list once it is stored.
    qtbot.waitUntil(lambda: [u.code for u in page.model.units] == ["ORG", "SKOLE"]
                    or bool(message_log.shown), timeout=20000)
    assert message_log.shown == []  # no "Uventet fejl"
    assert not page.problem.isVisibleTo(page)
    assert [(u.code, u.name) for u in window.session.project.org_units()] == [
        ("ORG", "Forvaltningen"), ("SKOLE", "Skoler og dagtilbud")]
    assert [u.code for u in page.model.units] == ["ORG", "SKOLE"]
