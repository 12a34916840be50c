"""The results page's words read right to a person in every language: its first tab is not
named like the navigation's overview page, and the reference thresholds are shown as points
worse than the reference (5), not as "minus" before a negative number (minus minus five)."""

from __future__ import annotations

import pytest

from apv_desktop.i18n import tr
from tests.gui.results_page import open_results

DEMO_ROUND = "2025"
LANGUAGES = ["da", "sv", "en"]


@pytest.fixture
def page(window, demo_path, qtbot):
    return open_results(window, demo_path, qtbot, DEMO_ROUND)


def test_no_results_tab_is_named_like_a_page_of_the_navigation(window, page):
    for language in LANGUAGES:
        window.context.switch_language(language)
        pages = {p.title() for p in window.pages}
        tabs = [page.tabs.tabText(i).replace("&", "") for i in range(page.tabs.count())]
        assert not pages & set(tabs), (language, pages & set(tabs))
        assert tabs[0] == tr("Svarprocent og profil")  # what the tab shows


def test_reference_thresholds_read_as_points_worse_than_the_reference(window, page):
    settings = page.settings
    for language in LANGUAGES:
        window.context.switch_language(language)
        for field, shown in ((settings.reference_yellow_at, "5"),
                             (settings.reference_red_at, "10")):
            label = settings.form.labelForField(field).text()
            assert "minus" not in label.lower(), label
            assert not field.text().startswith("-") and field.text().startswith(shown)
    assert page.bundle.rules.reference_yellow_at == -5.0  # the rule keeps its sign
