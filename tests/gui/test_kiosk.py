"""A full kiosk session: three respondents, an idle sheet thrown away, a wrong PIN, leaving."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette

from apv_desktop.core.model import OrgUnit
from apv_desktop.services.collection import prepare_round
from apv_desktop.services.projects import create_project, opened
from apv_desktop.store.project import Project
from apv_desktop.ui.form import QuestionnaireView
from apv_desktop.ui.kiosk.pages import DEPTH_ROLE
from apv_desktop.ui.kiosk.pin import PinGuard
from apv_desktop.ui.kiosk.style import MIN_TOUCH_PX
from apv_desktop.ui.kiosk.window import KioskConfig, KioskWindow

UNITS = [OrgUnit("ORG", "Forvaltningen"), OrgUnit("A", "Team Alfa", "ORG", 8),
         OrgUnit("B", "Team Beta", "ORG", 6)]


@pytest.fixture
def project(tmp_path: Path):
    path = tmp_path / "kiosk.apv"
    create_project(path, ["kraenkende"], "Test")
    with opened(path) as setup:
        setup.replace_org(UNITS)
        prepare_round(setup, "2025")
    project = Project.open(path)
    yield project
    project.close()


def make_kiosk(qtbot, project: Project, **options) -> KioskWindow:
    questionnaire = prepare_round(project, "2025")
    config = KioskConfig("2025", questionnaire, project.org_units(), PinGuard("2468"), **options)
    kiosk = KioskWindow(project, config)
    qtbot.addWidget(kiosk)
    kiosk.show()
    return kiosk


def choose_unit_by_keyboard(qtbot, kiosk: KioskWindow, text: str) -> None:
    qtbot.keyClicks(kiosk.start_page.search, text)
    qtbot.keyClick(kiosk.start_page.search, Qt.Key.Key_Return)
    assert kiosk.start_page.start_button.isEnabled()
    qtbot.keyClick(kiosk.start_page.start_button, Qt.Key.Key_Space)


def test_three_respondents_idle_reset_wrong_pin_and_exit(qtbot, project):
    kiosk = make_kiosk(qtbot, project)
    start = kiosk.start_page
    assert kiosk.stack.currentWidget() is start
    assert not start.start_button.isEnabled()  # no unit chosen yet

    # Respondent 1: English, Team Alfa, says yes to bullying, so the follow-up appears.
    qtbot.mouseClick(start.language_buttons["en"], Qt.MouseButton.LeftButton)
    assert start.start_button.text() == "Start" and "anonymous" in start.intro.text()
    choose_unit_by_keyboard(qtbot, kiosk, "alfa")
    view = kiosk.view
    assert view is not None and view.language() == "en"
    assert view.next_button.text() == "Next"
    assert not view.questions["bu_fra"].isVisibleTo(view)
    qtbot.keyClick(view.questions["bu_1"], Qt.Key.Key_2)  # digit 2 = "Yes, weekly"
    assert view.questions["bu_fra"].isVisibleTo(view)
    qtbot.mouseClick(view.questions["bu_fra"].buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.page_index() == 1 and view.submit_button.isVisible()
    view.questions["kr_kommentar"].set_value("More breaks")
    with qtbot.waitSignal(kiosk.sheet_stored):
        qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)
    assert kiosk.stack.currentWidget() is kiosk.thanks_page
    assert kiosk.view is None  # the sheet's widgets are gone: nothing to go back to
    assert project.response_count("2025") == 1
    qtbot.mouseClick(kiosk.thanks_page.button, Qt.MouseButton.LeftButton)

    # A clean start page: default language, empty search, no unit.
    assert kiosk.stack.currentWidget() is start
    assert kiosk.language == "da" and start.search.text() == ""
    assert start.chosen_unit() is None and not start.start_button.isEnabled()

    # Respondent 2 walks away: warning, then the sheet is discarded.
    choose_unit_by_keyboard(qtbot, kiosk, "beta")
    qtbot.keyClick(kiosk.view.questions["bu_1"], Qt.Key.Key_5)
    kiosk.idle_timer.setInterval(10)
    kiosk.warning_timer.setInterval(10)
    kiosk.idle_timer.start()
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.warning_page, timeout=2000)
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is start, timeout=2000)
    assert kiosk.view is None and project.response_count("2025") == 1
    kiosk.idle_timer.setInterval(60_000)
    kiosk.warning_timer.setInterval(60_000)

    # Respondent 3: keyboard only, Danish.
    choose_unit_by_keyboard(qtbot, kiosk, "beta")
    view = kiosk.view
    qtbot.keyClick(view.questions["bu_1"], Qt.Key.Key_5)  # "Nej": no follow-up
    assert not view.questions["bu_fra"].isVisibleTo(view)
    qtbot.keyClick(view.next_button, Qt.Key.Key_Space)
    with qtbot.waitSignal(kiosk.sheet_stored):
        qtbot.keyClick(view.submit_button, Qt.Key.Key_Space)
    assert project.response_count("2025") == 2
    meta = project.response_meta("2025")
    assert sorted(m.unit for m in meta) == ["A", "B"]
    assert {m.source for m in meta} == {"kiosk"}
    assert project.responses("2025").texts == {
        "kr_kommentar": [(next(i for i, m in enumerate(meta) if m.unit == "A"), "More breaks")]}

    # Closing the window needs the PIN; a wrong one keeps the kiosk open.
    kiosk.close()
    assert kiosk.isVisible() and kiosk.stack.currentWidget() is kiosk.pin_page
    qtbot.keyClicks(kiosk.pin_page.field, "1111")
    qtbot.keyClick(kiosk.pin_page.field, Qt.Key.Key_Return)
    assert kiosk.isVisible() and "Forkert" in kiosk.pin_page.status.text()
    qtbot.mouseClick(kiosk.pin_page.cancel_button, Qt.MouseButton.LeftButton)
    assert kiosk.stack.currentWidget() is kiosk.thanks_page
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.stack.currentWidget() is kiosk.pin_page
    with qtbot.waitSignal(kiosk.finished):
        qtbot.keyClicks(kiosk.pin_page.field, "2468")
        qtbot.keyClick(kiosk.pin_page.field, Qt.Key.Key_Return)
    assert not kiosk.isVisible()
    assert project.check() == []


def test_wrong_pins_lock_for_longer_each_time():
    now = [100.0]
    guard = PinGuard("2468", clock=lambda: now[0])
    assert not guard.check("0000") and not guard.check("0001")
    assert guard.seconds_locked() == 0  # two typing mistakes are free
    assert not guard.check("0002")
    assert guard.seconds_locked() == 5
    assert not guard.check("2468")  # even the right PIN waits for the lock
    now[0] += 5
    assert not guard.check("0003")
    assert guard.seconds_locked() == 10
    now[0] += 10
    assert guard.check("2468")
    with pytest.raises(ValueError):
        PinGuard("12")


def test_required_questions_stop_next_as_in_the_preview(qtbot, project):
    questionnaire = prepare_round(project, "2025")
    questionnaire.item("bu_1").required = True
    view = QuestionnaireView(questionnaire, "da")
    qtbot.addWidget(view)
    view.show()
    assert not view.go_next()
    assert view.problem_label.isVisibleTo(view)
    assert view.questions["bu_1"].property("missing") is True
    assert view.questions["bu_1"].label.text().endswith(" *")
    view.questions["bu_1"].set_value("nej")
    assert view.go_next() and view.page_index() == 1
    preview = QuestionnaireView(questionnaire, "sv", preview=True)
    qtbot.addWidget(preview)
    preview.show()
    assert preview.preview_banner.isVisibleTo(preview)
    preview.questions["bu_1"].set_value("nej")
    preview.go_next()
    assert not preview.submit_button.isVisibleTo(preview) and not preview.submit()
    preview.set_language("en")
    assert preview.back_button.text() == "Tilbage"  # the program's language, not the form's
    assert preview.answers() == {"bu_1": "nej"}


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.2])
def test_headings_are_larger_than_the_questions_at_every_scale(qtbot, project, scale):
    kiosk = make_kiosk(qtbot, project, font_scale=scale)
    start = kiosk.start_page
    assert start.heading.font().pointSizeF() > start.intro.font().pointSizeF() * 1.4
    assert start.intro.font().pointSizeF() == pytest.approx(kiosk.font().pointSizeF())
    start.choose_unit("A")
    kiosk.start_sheet("A")
    view = kiosk.view
    question = view.questions["bu_1"].label.font()
    heading = view.section_label.font()
    assert question.pointSizeF() == pytest.approx(kiosk.font().pointSizeF())  # the kiosk's size
    assert heading.bold() and heading.pointSizeF() > question.pointSizeF() * 1.4
    # Radio boxes grow with the text beside them (never below 13 px, Fusion's own size).
    button = view.questions["bu_1"].buttons[0]
    assert button.style().pixelMetric(button.style().PixelMetric.PM_ExclusiveIndicatorWidth,
                                      None, button) >= max(13, button.fontMetrics().height() * 0.85)


def test_a_heading_follows_its_parents_font_after_it_was_built(qtbot):
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from apv_desktop.ui.form.heading import HeadingLabel

    heading = HeadingLabel(2.0)
    holder = QWidget()
    qtbot.addWidget(holder)
    font = holder.font()
    font.setPointSizeF(10.0)
    holder.setFont(font)
    QVBoxLayout(holder).addWidget(heading)
    assert heading.font().pointSizeF() == 20.0 and heading.font().bold()
    font.setPointSizeF(15.0)
    holder.setFont(font)
    assert heading.font().pointSizeF() == 30.0


def _three_sections():
    from apv_desktop.core.model import Choice, ChoiceList, Item, ItemType, Questionnaire, Section

    yes_no = ChoiceList("yn", [Choice("ja", {"da": "Ja"}), Choice("nej", {"da": "Nej"})])

    def question(name: str, required: bool = False) -> Item:
        return Item(name, ItemType.SELECT_ONE, {"da": name}, list_name="yn", required=required)

    return Questionnaire("T", sections=[
        Section("first", {"da": "Første"}, [question("q1", required=True)]),
        Section("hidden", {"da": "Skjult"}, [question("q2")], relevant="${q1} = 'ja'"),
        Section("last", {"da": "Sidste"}, [question("q3")]),
    ], choice_lists={"yn": yes_no})


def test_show_section_turns_straight_to_a_page_past_a_required_question(qtbot):
    view = QuestionnaireView(_three_sections(), "da", preview=True)
    qtbot.addWidget(view)
    assert not view.go_next()  # q1 is required and unanswered
    assert view.page_count() == 2  # 'hidden' is not shown until q1 = ja
    assert view.show_section(2)
    assert view.current_section().name == "last" and view.page_index() == 1
    assert view.section_label.text() == "Sidste"
    assert not view.show_section(1) and view.page_index() == 1  # not shown: stays put
    assert not view.show_section(7)
    assert view.show_section(0) and view.current_section().name == "first"
    view.set_answers({"q1": "ja"})
    assert view.show_section(1) and view.page_index() == 1 and view.section_label.text() == "Skjult"


def test_the_builder_preview_turns_to_the_edited_section(qtbot):
    from apv_desktop.ui.builder.preview import BuilderPreview

    preview = BuilderPreview()
    qtbot.addWidget(preview)
    preview.show_questionnaire(_three_sections())
    preview.show_section(2)
    assert preview.view.current_section().name == "last"
    preview.show_questionnaire(_three_sections())  # a later edit keeps the page shown
    assert preview.view.current_section().name == "last"
    preview.show_section(0)
    assert preview.view.current_section().name == "first"


# --- the start page driven the way a person does it (mouse, finger, keyboard) ----------------

NESTED = [OrgUnit("DIR", "Direktionen"), OrgUnit("ORG", "Forvaltningen", "DIR"),
          OrgUnit("A", "Team Alfa", "ORG", 8), OrgUnit("OTHER", "Andet kontor", "DIR"),
          OrgUnit("B", "Team Beta", "ORG", 6)]


def click_unit(qtbot, kiosk: KioskWindow, code: str, double: bool = False) -> None:
    listing = kiosk.start_page.unit_list
    entry = next(listing.item(r) for r in range(listing.count())
                 if listing.item(r).data(Qt.ItemDataRole.UserRole) == code)
    centre = listing.visualItemRect(entry).center()
    click = qtbot.mouseDClick if double else qtbot.mouseClick
    click(listing.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_one_click_on_a_unit_enables_start_and_a_click_on_start_starts(qtbot, project):
    kiosk = make_kiosk(qtbot, project)
    start = kiosk.start_page
    assert not start.start_button.isEnabled()
    click_unit(qtbot, kiosk, "B")
    assert start.chosen_unit() == "B"
    assert start.start_button.isEnabled()
    click_unit(qtbot, kiosk, "A")  # changing one's mind
    assert start.chosen_unit() == "A" and start.start_button.isEnabled()
    qtbot.mouseClick(start.start_button, Qt.MouseButton.LeftButton)
    assert kiosk.stack.currentWidget() is kiosk.form_page and kiosk.unit_code == "A"


def test_focus_starts_in_the_search_and_enter_starts(qtbot, project):
    kiosk = make_kiosk(qtbot, project)
    start = kiosk.start_page
    qtbot.waitUntil(lambda: start.search.hasFocus() or not kiosk.isActiveWindow(), timeout=1000)
    assert kiosk.focusWidget() is start.search
    qtbot.keyClicks(kiosk.focusWidget(), "beta")
    qtbot.keyClick(kiosk.focusWidget(), Qt.Key.Key_Return)  # the only match: chosen
    assert start.chosen_unit() == "B" and kiosk.focusWidget() is start.start_button
    qtbot.keyClick(kiosk.focusWidget(), Qt.Key.Key_Return)  # Enter on Start
    assert kiosk.stack.currentWidget() is kiosk.form_page and kiosk.unit_code == "B"


def test_a_clicked_unit_starts_with_enter_in_the_search_or_the_list(qtbot, project):
    kiosk = make_kiosk(qtbot, project)
    start = kiosk.start_page
    click_unit(qtbot, kiosk, "A")
    qtbot.keyClick(start.unit_list, Qt.Key.Key_Return)
    assert kiosk.unit_code == "A"
    kiosk.show_start()
    qtbot.keyClicks(start.search, "team")  # two matches
    click_unit(qtbot, kiosk, "B")
    qtbot.keyClick(start.search, Qt.Key.Key_Return)
    assert kiosk.unit_code == "B"


def test_the_unit_list_shows_the_tree(qtbot, tmp_path):
    path = tmp_path / "nested.apv"
    create_project(path, ["kraenkende"], "Test")
    with opened(path) as setup:
        setup.replace_org(NESTED)
        prepare_round(setup, "2025")
    project = Project.open(path)
    try:
        kiosk = make_kiosk(qtbot, project, font_scale=1.0)
        kiosk.resize(1366, 900)
        listing = kiosk.start_page.unit_list
        qtbot.waitUntil(lambda: listing.viewport().height() > 5 * 44)
        rows = [(listing.item(r).text(), listing.item(r).data(DEPTH_ROLE))
                for r in range(listing.count())]
        assert rows == [("Direktionen", 0), ("Forvaltningen", 1), ("Team Alfa", 2),
                        ("Team Beta", 2), ("Andet kontor", 1)]
        # Painted indented: the text of a team starts right of its department's, and that
        # right of the directorate's.
        image = listing.viewport().grab().toImage()
        base = image.pixel(1, 1)

        def text_starts(row: int) -> int:
            rect = listing.visualItemRect(listing.item(row))
            y = rect.center().y()
            return next(x for x in range(rect.left() + 2, rect.right())
                        if any(image.pixel(x, yy) != base for yy in range(y - 3, y + 4)))

        starts = [text_starts(row) for row in range(5)]  # a glyph's own margin: a pixel or two
        assert starts[0] + 10 < starts[1] and starts[1] + 10 < starts[2]
        assert abs(starts[2] - starts[3]) <= 3 and abs(starts[4] - starts[1]) <= 3
        kiosk._unlocked = True
        kiosk.close()
    finally:
        project.close()


def test_targets_are_large_enough_for_a_finger(qtbot, project):
    kiosk = make_kiosk(qtbot, project, font_scale=1.0)
    start = kiosk.start_page
    targets = [*start.language_buttons.values(), start.start_button, start.search]
    assert all(t.height() >= MIN_TOUCH_PX for t in targets), [t.height() for t in targets]
    listing = start.unit_list
    assert all(listing.visualItemRect(listing.item(r)).height() >= MIN_TOUCH_PX
               for r in range(listing.count()))


def _highlight_pixels(widget) -> int:
    image = widget.grab().toImage()
    ring = widget.palette().color(QPalette.ColorRole.Highlight).rgb()
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if image.pixel(x, y) == ring)


def test_the_focused_button_has_a_visible_ring(qtbot, project):
    kiosk = make_kiosk(qtbot, project)
    start = kiosk.start_page
    click_unit(qtbot, kiosk, "A")
    button = start.start_button
    start.search.setFocus()
    qtbot.waitUntil(lambda: not button.hasFocus())
    without = _highlight_pixels(button)
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    # A ring 3 px wide all the way round (at least the long sides).
    assert _highlight_pixels(button) - without >= 2 * 3 * (button.width() - 12)


def test_a_tap_anywhere_on_a_choices_row_answers(qtbot, project):
    """The choices stretch across the screen; a tap beside the text (where people tap on a
    touch screen) answered nothing before, found by driving the kiosk with the mouse."""
    kiosk = make_kiosk(qtbot, project, font_scale=1.0)
    kiosk.resize(1366, 768)
    choose_unit_by_keyboard(qtbot, kiosk, "Alfa")
    qtbot.wait(50)  # the page lays out at the window's width
    question = kiosk.view.questions["bu_1"]
    button = question.buttons[1]
    text_end = button.fontMetrics().horizontalAdvance(button.text()) + 80
    assert button.width() > text_end + 100  # the row is wider than its circle and text
    beside = QPoint(text_end + (button.width() - text_end) // 2, button.height() // 2)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=beside)
    assert button.isChecked()
    assert question.value() == question.choices.choices[1].name
