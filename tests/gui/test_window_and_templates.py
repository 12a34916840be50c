"""The main window opens maximised on a laptop screen; the new-project dialog says what each
template asks and how long it takes."""

from __future__ import annotations

from apv_desktop.i18n import set_language
from apv_desktop.interchange.templates import list_templates
from apv_desktop.settings import Preferences
from apv_desktop.ui.main_window import MainWindow
from apv_desktop.ui.new_project import NewProjectDialog
from apv_desktop.ui.window_size import opens_maximised, show_first


def test_the_window_opens_maximised_up_to_1440_wide(qtbot, context):
    assert opens_maximised(1366) and opens_maximised(1440) and not opens_maximised(1920)
    small = MainWindow(context)
    qtbot.addWidget(small)
    show_first(small, screen_width=1366)
    assert small.isMaximized()
    large = MainWindow(context)
    qtbot.addWidget(large)
    show_first(large, screen_width=1920)
    assert large.isVisible() and not large.isMaximized()
    small.close()
    large.close()


def test_template_choice_shows_description_questions_and_minutes(qtbot, context):
    dialog = NewProjectDialog(Preferences())
    qtbot.addWidget(dialog)
    infos = list_templates()
    for row, info in enumerate(infos):
        dialog.templates.setCurrentRow(row)
        text = dialog.about.text()
        assert info.description["da"] in text
        assert f"{info.questions} spørgsmål" in text
        assert f"ca. {info.minutes} minutter at besvare" in text


def test_template_choice_in_english(qtbot, context):
    context.apply_language("en")
    try:
        dialog = NewProjectDialog(Preferences())
        qtbot.addWidget(dialog)
        first = list_templates()[0]
        assert first.description["en"] in dialog.about.text()
        assert f"{first.questions} questions" in dialog.about.text()
    finally:
        set_language("da")
