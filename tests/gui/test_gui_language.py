"""Language: first start follows the system, Preferences switches every text, Qt's too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from apv_desktop.i18n import current_language, tr, translator
from apv_desktop.settings import load_preferences
from apv_desktop.ui.context import AppContext
from apv_desktop.ui.preferences_dialog import PreferencesDialog


def test_first_start_follows_the_system_locale_and_remembers_it(qapp, tmp_path):
    context = AppContext(tmp_path)
    try:
        assert context.start_language("sv_SE") == "sv"
        assert load_preferences(context.preferences_path).language == "sv"
        assert AppContext(tmp_path).start_language("en_US") == "sv"  # chosen once, kept
        assert AppContext(tmp_path / "de").start_language("de_DE") == "da"
    finally:
        context.apply_language("en")


def test_switching_language_in_preferences_changes_every_window(qtbot, window, demo_path):
    window.open_project(demo_path)
    dialog = PreferencesDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(window.context.language_changed):
        dialog.accept()
    assert current_language() == "en"
    assert window.menus.file_menu.title() == "&File"
    assert window.menus.save_copy.text() == "&Save a copy as …"
    assert [window.navigation.item(i).text() for i in range(6)] == [
        "Organisation", "Questionnaire", "Collection", "Results", "Action plan", "Report"]
    assert window.count_label.text().endswith("responses in the project")
    assert window.pages[0].model.headerData(2, Qt.Orientation.Horizontal) == "Staff in the unit"
    assert load_preferences(window.context.preferences_path).language == "en"


def test_qt_own_dialog_texts_follow_the_language(context):
    context.apply_language("da")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuller"
    context.apply_language("sv")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"
    context.apply_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_a_report_can_use_another_language_than_the_screen(context):
    context.apply_language("da")
    english = translator("en")
    assert english("Projektet har endnu ingen runder.") == "The project has no rounds yet."
    assert tr("Projektet har endnu ingen runder.") == "Projektet har endnu ingen runder."
