"""Putting a template together: the Questionnaire object the generator writes out."""

from __future__ import annotations

import copy

from apv_desktop.core.model import ChoiceList, Dimension, Questionnaire, Section
from tools.templates import scales

# Every shared list by name; a template carries only the lists its items use.
SHARED_LISTS: dict[str, ChoiceList] = {
    value.name: value for value in vars(scales).values() if isinstance(value, ChoiceList)
}


def assemble(
    template_id: str,
    title: dict[str, str],
    sections: list[Section],
    dimensions: list[Dimension],
    *,
    languages: tuple[str, ...] = ("da", "sv", "en"),
) -> Questionnaire:
    """A fresh Questionnaire (deep-copied, so callers may change it without touching the
    module-level data another template reuses). The first language is the default."""
    used = [item.list_name for s in sections for item in s.items if item.list_name]
    choice_lists = {name: SHARED_LISTS[name] for name in dict.fromkeys(used)}
    questionnaire = Questionnaire(
        title=title[languages[0]],
        form_id=f"apv_{template_id}",
        version="1",
        languages=list(languages),
        default_language=languages[0],
        sections=sections,
        choice_lists=choice_lists,
        dimensions=dimensions,
        title_labels=dict(title),
    )
    return copy.deepcopy(questionnaire)
