"""The builder's edits as pure functions: each takes a questionnaire and returns a changed copy.

The original is never touched, so an undo stack can keep both states. An edit that would make the
questionnaire ambiguous (a name used twice, a name XLSForm cannot hold, a list still in use) is
refused with EditRefused, whose `code` and `fields` let the GUI say why in the user's language.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from typing import Any

from apv_desktop.core.expression import rename_reference
from apv_desktop.core.model import (
    Choice,
    ChoiceList,
    Dimension,
    Item,
    ItemType,
    Questionnaire,
    Section,
)
from apv_desktop.errors import RefusedError
from apv_desktop.i18n import N_

NAME_PATTERN = re.compile(r"^[A-Za-z_][\w.\-]*$")  # an XLSForm (XML) name, as ${…} reads it
ITEM_FIELDS = {f.name for f in dataclasses.fields(Item)}
SECTION_FIELDS = {f.name for f in dataclasses.fields(Section)}
QUESTIONNAIRE_FIELDS = {"title", "title_labels", "languages", "version", "form_id"}


class EditRefused(RefusedError):
    """An edit that is not carried out; `reason` is one of REFUSALS' keys (name_empty,
    name_invalid, name_taken, list_in_use), the sentence its Danish text with `fields`."""

    def __init__(self, reason: str, **fields: str) -> None:
        super().__init__(REFUSALS[reason], **fields)
        self.reason = reason


REFUSALS = {
    "name_empty": N_("Navnet må ikke være tomt."),
    "name_invalid": N_("»{name}« kan ikke bruges som navn: brug bogstaver, tal og _, og begynd "
                       "med et bogstav."),
    "name_taken": N_("Navnet {name} er allerede i brug."),
    "list_in_use": N_("Svarskalaen {name} bruges af spørgsmålet {item}."),
}


def unique_name(taken: set[str], base: str) -> str:
    """`base`, or `base_2`, `base_3` … the first one not taken."""
    if base not in taken:
        return base
    number = 2
    while f"{base}_{number}" in taken:
        number += 1
    return f"{base}_{number}"


def check_new_name(name: str, taken: set[str]) -> None:
    if not name:
        raise EditRefused("name_empty")
    if not NAME_PATTERN.match(name):
        raise EditRefused("name_invalid", name=name)
    if name in taken:
        raise EditRefused("name_taken", name=name)


# --- the questionnaire as a whole ----------------------------------------------------------

def update_questionnaire(questionnaire: Questionnaire, **changes: Any) -> Questionnaire:
    """Title labels, languages, version or form id."""
    unknown = set(changes) - QUESTIONNAIRE_FIELDS
    if unknown:
        raise TypeError(f"not a questionnaire field: {sorted(unknown)}")
    changed = copy.deepcopy(questionnaire)
    for key, value in changes.items():
        setattr(changed, key, copy.deepcopy(value))
    if "title_labels" in changes:
        changed.title = (changed.title_labels.get(changed.default_language)
                         or next((t for t in changed.title_labels.values() if t), changed.title))
    return changed


# --- sections ------------------------------------------------------------------------------

def add_section(questionnaire: Questionnaire, position: int | None = None) -> tuple[
        Questionnaire, int]:
    """A new empty section (at the end by default); returns the copy and its position."""
    changed = copy.deepcopy(questionnaire)
    taken = {s.name for s in changed.sections}
    section = Section(unique_name(taken, "afsnit"))
    index = len(changed.sections) if position is None else position
    changed.sections.insert(index, section)
    return changed, index


def update_section(questionnaire: Questionnaire, index: int, **changes: Any) -> Questionnaire:
    unknown = set(changes) - (SECTION_FIELDS - {"items"})
    if unknown:
        raise TypeError(f"not a section field: {sorted(unknown)}")
    if "name" in changes and changes["name"] != questionnaire.sections[index].name:
        taken = {s.name for i, s in enumerate(questionnaire.sections) if i != index}
        check_new_name(changes["name"], taken)
    changed = copy.deepcopy(questionnaire)
    for key, value in changes.items():
        setattr(changed.sections[index], key, copy.deepcopy(value))
    return changed


def delete_section(questionnaire: Questionnaire, index: int) -> Questionnaire:
    """The section and its items go (an undo brings them back)."""
    changed = copy.deepcopy(questionnaire)
    del changed.sections[index]
    return changed


def move_section(questionnaire: Questionnaire, index: int, to: int) -> Questionnaire:
    """`to` counts the sections as they are before the move (as a drop indicator does)."""
    changed = copy.deepcopy(questionnaire)
    section = changed.sections.pop(index)
    changed.sections.insert(to - 1 if index < to else to, section)
    return changed


# --- items ---------------------------------------------------------------------------------

def locate_item(questionnaire: Questionnaire, name: str) -> tuple[int, int]:
    """(section position, position in the section) of the item; KeyError when there is none."""
    for section_index, section in enumerate(questionnaire.sections):
        for item_index, item in enumerate(section.items):
            if item.name == name:
                return section_index, item_index
    raise KeyError(name)


def add_item(questionnaire: Questionnaire, section_index: int, position: int | None = None,
             item_type: ItemType = ItemType.SELECT_ONE) -> tuple[Questionnaire, str]:
    """A new item (a scored list's question by default, using the first list, in the dimension
    of the scored question it follows, else the one its section's scored questions share);
    returns the copy and the new item's name."""
    changed = copy.deepcopy(questionnaire)
    name = unique_name({i.name for i in changed.items()}, "spm")
    list_name = next(iter(changed.choice_lists), None) if item_type in (
        ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE) else None
    items = changed.sections[section_index].items
    dimension = _likely_dimension(changed, items, position) if (
        item_type is ItemType.SELECT_ONE) else None
    item = Item(name, item_type, list_name=list_name, dimension=dimension)
    items.insert(len(items) if position is None else position, item)
    return changed, name


def _likely_dimension(questionnaire: Questionnaire, items: list[Item],
                      position: int | None) -> str | None:
    """The dimension a question added among `items` at `position` most likely measures (else
    it would count nowhere until the user picks one): that of the scored question right
    before it, else the one every scored question of the section shares, else None."""
    scored = [item for item in items if item.type is ItemType.SELECT_ONE
              and (choices := questionnaire.choices_for(item)) is not None and choices.is_scored]
    before = items[-1 if position is None else position - 1] if items and position != 0 else None
    if before in scored and before.dimension:
        return before.dimension
    dimensions = {item.dimension for item in scored}
    return dimensions.pop() if len(dimensions) == 1 else None


def update_item(questionnaire: Questionnaire, name: str, /, **changes: Any) -> Questionnaire:
    """Change fields of one item. A new name is also written into every condition that named
    the old one, so `relevant` keeps pointing at the same question."""
    unknown = set(changes) - ITEM_FIELDS
    if unknown:
        raise TypeError(f"not an item field: {sorted(unknown)}")
    new_name = changes.get("name", name)
    if new_name != name:
        check_new_name(new_name, {i.name for i in questionnaire.items()} - {name})
    changed = copy.deepcopy(questionnaire)
    section_index, item_index = locate_item(changed, name)
    item = changed.sections[section_index].items[item_index]
    for key, value in changes.items():
        setattr(item, key, copy.deepcopy(value))
    if item.type not in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE):
        item.list_name = None
    if new_name != name:
        _rename_references(changed, name, new_name)
    return changed


def _rename_references(questionnaire: Questionnaire, old: str, new: str) -> None:
    holders: list[Item | Section] = [*questionnaire.sections, *questionnaire.items()]
    for holder in holders:
        if holder.relevant:
            holder.relevant = rename_reference(holder.relevant, old, new)


def delete_item(questionnaire: Questionnaire, name: str) -> Questionnaire:
    changed = copy.deepcopy(questionnaire)
    section_index, item_index = locate_item(changed, name)
    del changed.sections[section_index].items[item_index]
    return changed


def move_item(questionnaire: Questionnaire, name: str, section_index: int,
              position: int) -> Questionnaire:
    """Move an item to `position` of a section; the position counts that section's items as
    they are before the move (as a drop indicator does)."""
    changed = copy.deepcopy(questionnaire)
    from_section, from_index = locate_item(changed, name)
    item = changed.sections[from_section].items.pop(from_index)
    if from_section == section_index and from_index < position:
        position -= 1
    changed.sections[section_index].items.insert(position, item)
    return changed


def copy_item(questionnaire: Questionnaire, name: str, section_index: int,
              position: int | None = None) -> tuple[Questionnaire, str]:
    """A copy of the item (under a new name) in the given section, at its end by default."""
    from_section, from_index = locate_item(questionnaire, name)
    item = questionnaire.sections[from_section].items[from_index]
    return paste_item(questionnaire, item, section_index, position)


def paste_item(questionnaire: Questionnaire, item: Item, section_index: int,
               position: int | None = None) -> tuple[Questionnaire, str]:
    """A copy of `item` (from this or another questionnaire) in the given section, at its end
    by default; it keeps its name when that is free, else gets `<name>_kopi`."""
    changed = copy.deepcopy(questionnaire)
    pasted = copy.deepcopy(item)
    taken = {i.name for i in changed.items()}
    if pasted.name in taken:
        pasted.name = unique_name(taken, f"{item.name}_kopi")
    items = changed.sections[section_index].items
    items.insert(len(items) if position is None else position, pasted)
    return changed, pasted.name


# --- choice lists --------------------------------------------------------------------------

def add_choice_list(questionnaire: Questionnaire) -> tuple[Questionnaire, str]:
    """A new list with two unscored choices to fill in; returns the copy and the list's name."""
    changed = copy.deepcopy(questionnaire)
    name = unique_name(set(changed.choice_lists), "svarskala")
    changed.choice_lists[name] = ChoiceList(name, [Choice("ja", {"da": "Ja"}),
                                                   Choice("nej", {"da": "Nej"})])
    return changed, name


def replace_choice_list(questionnaire: Questionnaire, name: str,
                        new: ChoiceList) -> Questionnaire:
    """Replace a list's choices (and name: the items that used it follow the new name)."""
    if new.name != name:
        check_new_name(new.name, set(questionnaire.choice_lists) - {name})
    changed = copy.deepcopy(questionnaire)
    changed.choice_lists = {
        (new.name if key == name else key): (copy.deepcopy(new) if key == name else value)
        for key, value in changed.choice_lists.items()
    }
    for item in changed.items():
        if item.list_name == name:
            item.list_name = new.name
    return changed


def delete_choice_list(questionnaire: Questionnaire, name: str) -> Questionnaire:
    users = [item.name for item in questionnaire.items() if item.list_name == name]
    if users:
        raise EditRefused("list_in_use", name=name, item=users[0])
    changed = copy.deepcopy(questionnaire)
    del changed.choice_lists[name]
    return changed


# --- dimensions ----------------------------------------------------------------------------

def add_dimension(questionnaire: Questionnaire) -> tuple[Questionnaire, str]:
    changed = copy.deepcopy(questionnaire)
    code = unique_name({d.code for d in changed.dimensions}, "DIM")
    changed.dimensions.append(Dimension(code))
    return changed, code


def replace_dimension(questionnaire: Questionnaire, code: str, new: Dimension) -> Questionnaire:
    """Replace a dimension (and its code: the items in it follow the new code)."""
    if new.code != code:
        check_new_name(new.code, {d.code for d in questionnaire.dimensions} - {code})
    changed = copy.deepcopy(questionnaire)
    changed.dimensions = [copy.deepcopy(new) if d.code == code else d for d in changed.dimensions]
    for item in changed.items():
        if item.dimension == code:
            item.dimension = new.code
    return changed


def delete_dimension(questionnaire: Questionnaire, code: str) -> Questionnaire:
    """The dimension goes and its items no longer name it (an undo brings both back)."""
    changed = copy.deepcopy(questionnaire)
    changed.dimensions = [d for d in changed.dimensions if d.code != code]
    for item in changed.items():
        if item.dimension == code:
            item.dimension = None
    return changed
