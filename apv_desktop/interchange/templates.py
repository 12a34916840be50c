"""The questionnaire templates shipped with the program (resources/templates/).

`index.json` lists them in the order they are offered; each is an XLSForm read the same way as a
user's form. Templates are written so that they can be combined: an item name appears in one
template only (the pulse deliberately reuses the full APV's names, so those two do not combine),
and a choice list or dimension that two templates share is the same in both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from apv_desktop.core.model import Questionnaire, pick_label
from apv_desktop.errors import InputError
from apv_desktop.resource_paths import resource_path

TEMPLATE_DIRECTORY = "templates"
INDEX_FILE = "index.json"


@dataclass(frozen=True)
class TemplateInfo:
    """One entry of index.json: `title` and `description` are per language, as in the file."""

    id: str
    path: Path
    title: dict[str, str] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    questions: int | None = None  # how many questions it asks
    minutes: int | None = None  # about how long answering them takes

    @property
    def file(self) -> str:
        return self.path.name

    def title_in(self, language: str) -> str:
        return pick_label(self.title, language, self.id)

    def description_in(self, language: str) -> str:
        return pick_label(self.description, language)


def list_templates() -> list[TemplateInfo]:
    """The shipped templates, in the order of the index."""
    index = json.loads(resource_path(TEMPLATE_DIRECTORY, INDEX_FILE).read_text(encoding="utf-8"))
    return [
        TemplateInfo(
            id=entry["id"],
            path=resource_path(TEMPLATE_DIRECTORY, entry["file"]),
            title=dict(entry.get("title", {})),
            description=dict(entry.get("description", {})),
            questions=entry.get("questions"),
            minutes=entry.get("minutes"),
        )
        for entry in index
    ]


def template_info(template_id: str) -> TemplateInfo:
    """The index entry of one template; InputError naming the known ids when there is none."""
    templates = list_templates()
    for info in templates:
        if info.id == template_id:
            return info
    known = ", ".join(info.id for info in templates)
    raise InputError("Der er ingen skabelon »{template_id}«; skabelonerne er: {known}.",
                     template_id=template_id, known=known)


def load_template(template_id: str) -> Questionnaire:
    """The template's questionnaire, read from its XLSForm."""
    # imported here so that listing templates (e.g. at GUI start) does not load openpyxl
    from apv_desktop.interchange.xlsform import read_xlsform

    return read_xlsform(template_info(template_id).path).questionnaire


def combine_templates(ids: list[str]) -> Questionnaire:
    """One questionnaire holding the given templates in order: sections concatenated, choice
    lists and dimensions merged, titles joined. InputError when two templates hold the same
    item name, or define a shared list or dimension differently."""
    if not ids:
        raise InputError("Ingen skabelon blev angivet; angiv mindst én.")
    repeated = sorted({template_id for template_id in ids if ids.count(template_id) > 1})
    if repeated:
        raise InputError("Skabelonen »{repeated}« er nævnt mere end én gang; nævn den kun én gang.",
                         repeated=repeated[0])
    parts = [(template_id, load_template(template_id)) for template_id in ids]
    if len(parts) == 1:
        return parts[0][1]
    combined = _empty_combination(parts)
    item_owner: dict[str, str] = {}
    section_owner: dict[str, str] = {}
    list_owner: dict[str, str] = {}
    dimension_owner: dict[str, str] = {}
    for template_id, questionnaire in parts:
        for section in questionnaire.sections:
            for item in section.items:
                _claim(item_owner, item.name, template_id, "the question")
            if section.name:
                _claim(section_owner, section.name, template_id, "the section")
            combined.sections.append(section)
        for name, choice_list in questionnaire.choice_lists.items():
            if name in combined.choice_lists:
                if combined.choice_lists[name] != choice_list:
                    raise InputError(
                        "Skabelonerne »{list_owner}« og »{template_id}« har begge svarskalaen "
                        "»{name}«, men med forskellige svar, så de kan ikke kombineres.",
                        list_owner=list_owner[name], template_id=template_id, name=name
                    )
                continue
            list_owner[name] = template_id
            combined.choice_lists[name] = choice_list
        for dimension in questionnaire.dimensions:
            existing = combined.dimension(dimension.code)
            if existing is None:
                dimension_owner[dimension.code] = template_id
                combined.dimensions.append(dimension)
            elif existing != dimension:
                raise InputError(
                    "Skabelonerne »{dimension_owner}« og »{template_id}« definerer begge "
                    "dimensionen »{code}«, men forskelligt, så de kan ikke kombineres.",
                    dimension_owner=dimension_owner[dimension.code], template_id=template_id,
                    code=dimension.code
                )
    return combined


def _claim(owners: dict[str, str], name: str, template_id: str, what: str) -> None:
    owner = owners.setdefault(name, template_id)
    if owner != template_id:
        raise InputError(
            "Skabelonerne »{owner}« og »{template_id}« har begge {what} »{name}«, så de kan ikke "
            "kombineres.", owner=owner, template_id=template_id, what=what, name=name
        )


def _empty_combination(parts: list[tuple[str, Questionnaire]]) -> Questionnaire:
    """Title, languages and identity of the combination; sections etc. are filled in after."""
    first = parts[0][1]
    languages: list[str] = []
    for _, questionnaire in parts:
        languages += [code for code in questionnaire.languages if code not in languages]
    title_labels = {
        code: " + ".join(pick_label(q.title_labels, code, q.title) for _, q in parts)
        for code in languages
    }
    versions = list(dict.fromkeys(q.version for _, q in parts if q.version))
    return Questionnaire(
        title=title_labels.get(first.default_language)
        or " + ".join(q.title for _, q in parts),
        form_id="apv_" + "_".join(template_id for template_id, _ in parts),
        version="+".join(versions),
        languages=languages,
        default_language=first.default_language,
        title_labels=title_labels,
    )
