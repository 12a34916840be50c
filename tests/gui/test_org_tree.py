"""The organisation page as a tree: editing in place, moving by drag and drop (mouse) and by
"Flyt til …" (keyboard), sub-units, removals refused with the reason, headcounts own and total,
the empty state, and a file imported over the organisation shown as a reorganisation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog, QLineEdit

from apv_desktop.core.model import OrgUnit
from apv_desktop.ui.pages import org_dialogs
from apv_desktop.ui.pages.org_model import CODE, NAME, OWN, TOTAL
from apv_desktop.ui.worker import Worker


def _edit(page, code, column, text):
    return page.model.setData(page.model.index_of(code, column), text, Qt.ItemDataRole.EditRole)


def _stored(window) -> dict[str, OrgUnit]:
    return {u.code: u for u in window.session.project.org_units()}


def _cell(page, code, column) -> str:
    return page.model.data(page.model.index_of(code, column))


def test_the_tree_indents_sub_units_and_folds(window, demo_path):
    window.open_project(demo_path)
    page = window.pages[0]
    model = page.model
    top = model.index(0, NAME)
    assert model.code_at(top) == "DK" and model.rowCount() == 1
    fam = model.index_of("FAM")
    assert [model.code_at(model.index(r, 0, fam)) for r in range(model.rowCount(fam))] == [
        "FAM-MYN", "FAM-FOR", "FAM-HAN"]
    assert model.code_at(fam.parent()) == "BF"
    assert page.tree.isExpanded(fam)  # everything unfolded at first
    page.tree.collapse(fam)
    assert _edit(page, "FAM-HAN", NAME, "Handicap og psykiatri")
    assert not page.tree.isExpanded(model.index_of("FAM"))  # folding survives a change
    assert page.tree.isExpanded(model.index_of("BF"))


def test_headcount_is_the_units_own_staff_with_the_total_beside_it(window, demo_path):
    window.open_project(demo_path)
    page = window.pages[0]
    assert (_cell(page, "FAM", OWN), _cell(page, "FAM", TOTAL)) == ("3", str(3 + 24 + 16 + 5))
    assert (_cell(page, "FAM-HAN", OWN), _cell(page, "FAM-HAN", TOTAL)) == ("5", "5")
    assert "egne ansatte" in page.model.headerData(OWN, Qt.Orientation.Horizontal,
                                                   Qt.ItemDataRole.ToolTipRole) or \
        "direkte" in page.model.headerData(OWN, Qt.Orientation.Horizontal,
                                           Qt.ItemDataRole.ToolTipRole)
    assert _edit(page, "FAM-HAN", OWN, "7")
    assert _cell(page, "FAM", TOTAL) == str(3 + 24 + 16 + 7)
    assert _stored(window)["FAM-HAN"].headcount == 7
    assert not _edit(page, "FAM-HAN", TOTAL, "99")  # the total is counted, not typed


def test_invalid_edits_are_refused_with_the_reason(window, demo_path):
    window.open_project(demo_path)
    page = window.pages[0]
    before = window.session.project.org_units()
    assert not _edit(page, "FAM-HAN", OWN, "-2")
    assert page.problem.text() == "Antal ansatte skal være et helt tal på 0 eller mere."
    assert not _edit(page, "FAM-HAN", CODE, "fam-myn")
    assert page.problem.text() == "Koden fam-myn bruges allerede af en anden enhed."
    assert not _edit(page, "FAM-HAN", NAME, "  ")
    assert page.problem.text() == "Navnet må ikke være tomt."
    assert window.session.project.org_units() == before
    assert _edit(page, "FAM-HAN", OWN, "12,0")  # the same whole-number reading as the file


def _drag(qtbot, page, code, onto):
    """Drag `code` onto `onto` with the mouse, the way Qt's view receives the drop."""
    tree = page.tree
    source = page.model.index_of(code)
    target = page.model.index_of(onto)
    page.select(code)
    data = page.model.mimeData([source])
    point = tree.visualRect(target).center()
    event = QDropEvent(point.toPointF(), Qt.DropAction.MoveAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # on the item, not between two: the dragged unit becomes its sub-unit
    tree.dropEvent(event)
    return event


def test_a_unit_dragged_onto_another_becomes_its_sub_unit(qtbot, window, demo_path):
    window.open_project(demo_path)
    page = window.pages[0]
    window.resize(1366, 768)
    window.show()
    window.show_page(0)
    qtbot.waitExposed(window)
    _drag(qtbot, page, "FAM-HAN", "UNG")
    assert _stored(window)["FAM-HAN"].parent == "UNG"
    assert page.model.code_at(page.model.index_of("FAM-HAN").parent()) == "UNG"
    assert page.selected_code() == "FAM-HAN"
    # A unit cannot be dropped into its own sub-unit: nothing changes.
    assert not page.model.canDropMimeData(page.model.mimeData([page.model.index_of("BF")]),
                                          Qt.DropAction.MoveAction, -1, 0,
                                          page.model.index_of("FAM-MYN"))
    _drag(qtbot, page, "BF", "FAM-MYN")
    assert _stored(window)["BF"].parent == "DK"


def test_the_models_drop_moves_a_unit_to_the_top_when_dropped_on_no_unit(window, demo_path):
    window.open_project(demo_path)
    page = window.pages[0]
    data = page.model.mimeData([page.model.index_of("BYG")])
    from PySide6.QtCore import QModelIndex

    page.model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert _stored(window)["BYG"].parent is None
    assert page.model.index_of("BYG").parent().isValid() is False


def _all_items(tree):
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        yield item
        stack += [item.child(i) for i in range(item.childCount())]


def test_keyboard_move_to_add_sub_unit_rename_and_delete(qtbot, window, project_path,
                                                       monkeypatch):
    window.open_project(project_path)
    page = window.pages[0]
    window.show()
    window.show_page(0)
    assert page.stack.currentIndex() == 1  # the empty state
    qtbot.mouseClick(page.first_unit_button, Qt.MouseButton.LeftButton)
    editor = page.tree.findChild(QLineEdit)  # the new unit's name, ready to be typed over
    assert isinstance(editor, QLineEdit) and editor.text() == "Ny enhed"
    editor.selectAll()
    qtbot.keyClicks(editor, "Forvaltningen")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn
    qtbot.waitUntil(lambda: [(u.code, u.name) for u in window.session.project.org_units()] == [
        ("NY1", "Forvaltningen")])
    assert page.stack.currentIndex() == 0
    page.tree.setFocus()
    page.select("NY1")
    for _ in range(2):
        page.select("NY1")
        qtbot.keyClick(page.tree, Qt.Key.Key_Insert)  # a sub-unit, its name being edited
        assert page.tree.state() == page.tree.State.EditingState
        # the open editor: a closed one may linger, hidden, until its deferred deletion
        editor = next(e for e in page.tree.findChildren(QLineEdit) if e.isVisible())
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: page.tree.state() != page.tree.State.EditingState)
    assert [(u.code, u.parent) for u in window.session.project.org_units()] == [
        ("NY1", None), ("NY2", "NY1"), ("NY3", "NY1")]
    # Ctrl+M: "Flyt til …" puts NY3 under NY2, chosen in the dialog.
    chosen = []

    def choose(parent, model, code):
        dialog = org_dialogs.MoveDialog(model, code, parent)
        by_code = {i.data(0, org_dialogs.CODE_ROLE): i for i in _all_items(dialog.targets)}
        chosen.append(set(by_code))
        dialog.targets.setCurrentItem(by_code["NY2"])
        return True, dialog.target()

    monkeypatch.setattr(org_dialogs, "choose_parent", choose)
    page.tree.setFocus()
    page.select("NY3")
    qtbot.keyClick(page.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert chosen == [{"", "NY1", "NY2"}]  # not itself
    assert _stored(window)["NY3"].parent == "NY2"
    # Delete: a unit with sub-units is refused with the reason; a leaf goes.
    page.select("NY2")
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert page.problem.text() == "Ny enhed har underenheder; flyt eller slet dem først."
    page.select("NY3")
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert set(_stored(window)) == {"NY1", "NY2"}


def test_the_move_dialog_offers_neither_the_unit_nor_its_sub_units(window, demo_path, qtbot):
    window.open_project(demo_path)
    page = window.pages[0]
    dialog = org_dialogs.MoveDialog(page.model, "FAM", page)
    qtbot.addWidget(dialog)
    codes = {item.data(0, org_dialogs.CODE_ROLE) for item in _all_items(dialog.targets)}
    assert "FAM" not in codes and "FAM-MYN" not in codes
    assert {"", "DK", "BF", "UNG"} <= codes
    assert dialog.target() == "BF"  # starts at the current parent
    dialog.targets.setCurrentItem(dialog.targets.topLevelItem(0))
    assert dialog.target() is None


def test_a_unit_holding_responses_cannot_be_removed_and_says_so(window, demo_path):
    window.open_project(demo_path)
    page = window.pages[0]
    assert not page.model.remove_unit("FAM-HAN")
    assert page.problem.text() == ("Handicapteamet kan ikke slettes, fordi enheden har svar. "
                                   "Den kan omdøbes eller flyttes.")
    assert "FAM-HAN" in _stored(window)


def _import(qtbot, page, file_choices, path):
    file_choices.open_paths.append(path)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    worker = page.import_worker  # its callback has run once it is no longer running
    qtbot.waitUntil(lambda: worker not in Worker.running(), timeout=20000)


def test_a_reimport_is_previewed_then_applied(qtbot, window, project_path, file_choices,
                                              message_log, tmp_path, monkeypatch):
    window.open_project(project_path)
    window.session.project.replace_org([
        OrgUnit("ORG", "Forvaltningen"), OrgUnit("PARK", "Park og vej", "ORG", 12),
        OrgUnit("PARK1", "Parkteam Nord", "PARK", 6), OrgUnit("SKOLE", "Skoler", "ORG", 40)])
    page = window.pages[0]
    page.refresh()
    new_list = tmp_path / "ny.csv"
    new_list.write_text("kode;navn;overordnet;antal\nORG;Forvaltningen;;\n"
                        "SKOLE;Skoler og dagtilbud;ORG;40\nDAG;Dagtilbud;SKOLE;9\n",
                        encoding="utf-8")
    shown = []

    def answer(parent, changes, names, accept):
        dialog = org_dialogs.ReorganisationDialog(changes, names, parent)
        groups = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]
        shown.append({g.text(0): [g.child(c).text(0) for c in range(g.childCount())]
                      for g in groups})
        return accept

    monkeypatch.setattr(org_dialogs, "confirm_reorganisation",
                        lambda parent, changes, names: answer(parent, changes, names, False))
    _import(qtbot, page, file_choices, new_list)
    assert shown[-1] == {
        "Nye enheder (1)": ["Dagtilbud (DAG) under Skoler og dagtilbud"],
        "Omdøbte enheder (1)": ["Skoler hedder nu Skoler og dagtilbud"],
        "Enheder, der fjernes (2)": ["Park og vej (PARK)", "Parkteam Nord (PARK1)"]}
    assert set(_stored(window)) == {"ORG", "PARK", "PARK1", "SKOLE"}  # cancelled: unchanged
    monkeypatch.setattr(org_dialogs, "confirm_reorganisation",
                        lambda parent, changes, names: answer(parent, changes, names, True))
    _import(qtbot, page, file_choices, new_list)
    assert message_log.shown == []
    assert [u.code for u in window.session.project.org_units()] == ["ORG", "SKOLE", "DAG"]
    assert [u.code for u in page.model.units] == ["ORG", "SKOLE", "DAG"]


def test_a_reimport_dropping_a_unit_with_answers_is_refused_in_the_preview(
        qtbot, window, demo_path, file_choices, tmp_path, monkeypatch):
    window.open_project(demo_path)
    page = window.pages[0]
    only_top = tmp_path / "top.csv"
    only_top.write_text("kode;navn;overordnet;antal\nDK;Djursby Kommune;;\n", encoding="utf-8")
    seen = []

    def look(parent, changes, names):
        dialog = org_dialogs.ReorganisationDialog(changes, names, parent)
        seen.append((changes.refused, dialog.message.text(),
                     [b.text() for b in dialog.buttons.buttons()]))
        dialog.reject()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(org_dialogs, "confirm_reorganisation", look)
    before = window.session.project.org_units()
    _import(qtbot, page, file_choices, only_top)
    refused, message, buttons = seen[0]
    assert refused and "kan ikke fjernes" in message and "Intet er ændret" in message
    assert len(buttons) == 1  # only Close: no way to apply
    assert window.session.project.org_units() == before


def test_the_page_at_1366_in_english(qtbot, window, demo_path, tmp_path):
    window.context.apply_language("en")
    window.open_project(demo_path)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    page = window.pages[0]
    assert page.add_sub_button.text() == "Add &sub-unit"
    assert page.model.headerData(TOTAL, Qt.Orientation.Horizontal) == "Total staff"
