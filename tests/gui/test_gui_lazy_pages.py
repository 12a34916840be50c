"""Issue 18: with the window on screen, opening a project reads it only for the page in view;
every other page reads it when first shown, and closing clears every page at once."""

from __future__ import annotations

from apv_desktop.core.model import OrgUnit
from apv_desktop.services.projects import opened
from apv_desktop.ui.collection.page import CollectionPage
from apv_desktop.ui.pages.organisation import OrganisationPage


def page_of(window, kind):
    return next(p for p in window.pages if isinstance(p, kind))


def test_a_page_out_of_view_reads_the_project_when_shown(qtbot, window, project_path):
    with opened(project_path) as project:
        project.replace_org([OrgUnit("ORG", "Forvaltningen"), OrgUnit("A", "Team A", "ORG", 8)])
    window.show()
    qtbot.waitExposed(window)
    organisation, collection = page_of(window, OrganisationPage), page_of(window, CollectionPage)
    window.show_page(window.pages.index(organisation))
    refreshed: list[str] = []
    collection.refresh = lambda: refreshed.append("collection")  # type: ignore[method-assign]

    assert window.open_project(project_path)
    assert window.current_page() is not collection  # it opens on the remembered page
    assert refreshed == []  # not in view: not read yet
    window.show_page(window.pages.index(collection))
    assert refreshed == ["collection"]
    window.show_page(window.pages.index(organisation))
    window.show_page(window.pages.index(collection))
    assert refreshed == ["collection"]  # once: nothing changed since

    window.show_page(window.pages.index(organisation))
    window.close_project()
    assert refreshed == ["collection", "collection"]  # a closed project is let go at once


def test_only_the_remembered_page_reads_a_project_as_it_opens(qtbot, window, project_path,
                                                              context):
    """The window turns to the page it opens on before the pages get the project: the page
    that happened to be in view before (here the organisation) does not read it in passing."""
    window.show()
    qtbot.waitExposed(window)
    organisation, collection = page_of(window, OrganisationPage), page_of(window, CollectionPage)
    window.show_page(window.pages.index(organisation))
    context.preferences.last_page = collection.page_id
    refreshed: list[str] = []
    organisation.refresh = lambda: refreshed.append("organisation")  # type: ignore[method-assign]
    collection.refresh = lambda: refreshed.append("collection")  # type: ignore[method-assign]

    assert window.open_project(project_path)
    assert window.current_page() is collection
    assert refreshed == ["collection"]
