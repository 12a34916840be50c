"""Free-text answers of a unit, only where the release's disclosure shows that question there.

Each free-text question is a family of core.disclosure (the comment threshold, or stricter where
the question inherits one), with complementary suppression, so a parent's comments minus its
shown sub-units' comments never single out a small group. Within a question the comments are
sorted alphabetically: the order carries nothing about who answered when, and nothing lines one
person's comments up across questions (a shuffle seeded by printed names could be undone).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import ItemType, OrgUnit, Questionnaire
from apv_desktop.core.orgtree import OrgIndex
from apv_desktop.core.results import Results


@dataclass(frozen=True)
class Comment:
    item: str
    text: str


def unit_comments(
    questionnaire: Questionnaire,
    units: list[OrgUnit],
    responses: ResponseSet,
    results: Results,
    unit_code: str,
) -> list[Comment]:
    """The comments of `unit_code` and its sub-units, or [] when they may not be shown."""
    unit = results.organisation if unit_code == results.organisation.code else None
    unit = unit or next((u for u in results.units if u.code == unit_code), None)
    if unit is None or not unit.comments_shown:
        return []
    if not any(item.type is ItemType.TEXT and responses.texts.get(item.name)
               for item in questionnaire.items()):
        return []  # the report asks per unit sheet: no pass over the respondents then
    org = OrgIndex(units)
    inside = _members(org, unit_code, responses)
    comments: list[Comment] = []
    for item in questionnaire.items():
        if item.type is not ItemType.TEXT:
            continue
        if results.disclosure.item_hidden(unit_code, item.name) is not None:
            continue
        texts = [text.strip() for row, text in responses.texts.get(item.name, [])
                 if inside[row] and text.strip()]
        comments += [Comment(item.name, text) for text in sorted(texts, key=_sort_key)]
    return comments


def _sort_key(text: str) -> tuple[str, str]:
    return text.casefold(), text


def _members(org: OrgIndex, unit_code: str, responses: ResponseSet) -> np.ndarray:
    """Per respondent: whether they belong to the unit or one of its sub-units."""
    target = 0 if unit_code == org.code_at(0) else org.position[unit_code]
    inside = np.zeros(len(org.tree), dtype=bool)
    inside[target] = True
    for child in range(1, len(org.tree)):
        inside[child] |= inside[org.tree.parent[child]]
    return inside[org.group_of(responses.unit_codes)] if responses.size else np.zeros(0, bool)


@dataclass(frozen=True)
class CommentGroup:
    """One question's comments (in the order unit_comments gives: alphabetical)."""

    item: str
    comments: tuple[Comment, ...]
    total: int  # before a search narrowed them


def group_comments(comments: list[Comment], query: str = "") -> list[CommentGroup]:
    """The comments per question, questions in the order they came; with `query`, only the
    comments holding every word of it (case-insensitive), and questions left with none drop
    out. The order inside a question is kept, so a search reveals nothing new about it."""
    words = query.casefold().split()
    groups: dict[str, list[Comment]] = {}
    totals: dict[str, int] = {}
    for comment in comments:
        totals[comment.item] = totals.get(comment.item, 0) + 1
        text = comment.text.casefold()
        if all(word in text for word in words):
            groups.setdefault(comment.item, []).append(comment)
    return [CommentGroup(item, tuple(found), totals[item]) for item, found in groups.items()]
