"""What one release may show: the single place that decides whether a figure is published.

Figures about the same respondents and the same answers form a *family*: a dimension with its
scored items, an unscored question with the questions that follow up on it, a free-text question.
Questions joined by a `relevant` condition (their own or their section's, at any depth) belong
to the same family, so a follow-up of a follow-up is protected with the question it follows.
A question inherits the strictest threshold on any `relevant` path above it, and its own
dimension's (a question tagged as offensive behaviour carries a strict dimension).

A family has one pattern for its scores and, nested in it, one for its answer counts:
- the scores (mean, n, interval) are suppressed on the dimension's n after the half rule and on
  the group's respondents (so no cell of a few people is shown, not even as "none of them");
- the answer counts (item distributions) are suppressed, starting from the scores' pattern and
  at the strictest threshold of any member (a sick-leave cause list naming offensive behaviour
  keeps 10 even though the sick-leave score it follows up uses 5), on
  every count they carry: each item's answers ("ved ikke" included), its scored answers, and,
  per number of the dimension's items a respondent scored, those respondents (the score weighs a
  person's answers by 1/that number, the items' sums by 1, so score and sums together separate
  these groups). Starting from the scores' pattern, counts
  are never shown where a score about the same answers is hidden, and the counts' cells are
  unions of the scores' cells, so no score can be subtracted from counts suppressed differently.
Each pattern is computed once, with complementary suppression over all its counts at once
(core.anonymity.suppress): every cell a reader can form by subtraction is empty or reaches the
threshold in each count.

Units (their own sheet, their response count and rate) use the respondents and the project's
threshold. Free text uses the respondents of the group (the people a comment could come from) at
the comment threshold, or stricter if the question inherits a strict threshold.

A round published again after it was reopened is disclosed once per release, each with the
one before as its floor (`disclose`'s `floor` and `new`; the order and the round's state are
core.round_release's): it hides at least what each earlier release of it hid, and its counts are
also suppressed on the new sheets alone.

Every output (results JSON/CSV, the results window, every report sheet, charts, trends, follow-up,
department texts, comments) reads its visibility from a Disclosure; none decides on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from apv_desktop.core.anonymity import Hidden, Tree, suppress
from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.disclosure_counts import RolledCounts, items_scored, scored_answers
from apv_desktop.core.model import Item, ItemType, Questionnaire, Rules
from apv_desktop.core.orgtree import OrgIndex
from apv_desktop.core.relevance import RelevanceError, referenced_names
from apv_desktop.core.scoring import DimensionScores, item_score_lookup
from apv_desktop.i18n import Translate

SELECT_TYPES = (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE)


@dataclass(frozen=True)
class Family:
    """Figures that share one suppression pattern."""

    items: tuple[str, ...]  # the questions whose answers the family's figures count
    dimensions: tuple[str, ...]  # the dimensions scored from them
    threshold: int  # the scores' threshold: the strictest of the family's dimensions
    detail_threshold: int  # the answer counts': the strictest of any member (>= threshold)
    hidden: tuple[Hidden | None, ...]  # the scores, per group of the org tree (OrgIndex order)
    detail_hidden: tuple[Hidden | None, ...]  # the items' answer counts: hides at least `hidden`
    free_text: bool = False
    # The scores' patterns at every threshold up to the family's (see _monotone): results by
    # background group (core.disclosure_linked) are suppressed against them.
    hidden_at: dict[int, tuple[Hidden | None, ...]] = field(default_factory=dict)


@dataclass
class Disclosure:
    """Per group of the round's org tree: which figures are shown, and why others are not."""

    codes: list[str]  # group index -> unit code (OrgIndex.code_at)
    units: list[Hidden | None]  # the unit itself: its sheet, its place in the heatmap
    families: list[Family]
    _position: dict[str, int] = field(default_factory=dict, repr=False)
    _by_item: dict[str, Family] = field(default_factory=dict, repr=False)
    _by_dimension: dict[str, Family] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._position = {code: i for i, code in enumerate(self.codes)}
        for family in self.families:
            for name in family.items:
                self._by_item[name] = family
            for code in family.dimensions:
                self._by_dimension[code] = family

    def unit_hidden(self, unit: str) -> Hidden | None:
        return self.units[self._position[unit]]

    def score_hidden(self, unit: str, dimension: str) -> Hidden | None:
        return self._by_dimension[dimension].hidden[self._position[unit]]

    def item_hidden(self, unit: str, item: str) -> Hidden | None:
        """Why the item's answers (distribution or comments) are hidden in `unit`, or None."""
        family = self._by_item.get(item)
        if family is None:
            return Hidden.TOO_FEW  # a question nobody can be shown figures about
        return family.detail_hidden[self._position[unit]]

    def item_threshold(self, item: str) -> int | None:
        family = self._by_item.get(item)
        return family.detail_threshold if family is not None else None

    def dimension_threshold(self, dimension: str) -> int:
        return self._by_dimension[dimension].threshold

    def earlier_pattern(self, keys: list[str] | None, pattern: str
                        ) -> tuple[Hidden | None, ...] | None:
        """The units' pattern (keys None), or the pattern of the family holding the first of
        `keys` ('item:x', 'dim:D'): a later release of the round hides at least this."""
        if keys is None:
            return tuple(self.units)
        kind, _, name = keys[0].partition(":")
        family = (self._by_item if kind == "item" else self._by_dimension).get(name)
        return getattr(family, pattern) if family is not None else None

    def dimension_family(self, dimension: str) -> Family:
        return self._by_dimension[dimension]

    def hidden_units_named(self, codes: list[str]) -> list[str]:
        """Those of `codes` that are hidden units, in the given order."""
        return [c for c in codes if c in self._position and self.unit_hidden(c) is not None]


def related_names(questionnaire: Questionnaire, item: Item) -> list[str]:
    """The questions the item's own and its section's `relevant` read."""
    section = next((s for s in questionnaire.sections if item in s.items), None)
    names: list[str] = []
    for expression in (item.relevant, section.relevant if section else None):
        if not expression:
            continue
        try:
            names += referenced_names(expression)
        except RelevanceError:
            continue  # validation reports it; the strictness then comes from the dimension only
    return names


def item_threshold(questionnaire: Questionnaire, item: Item, rules: Rules) -> int:
    """The strictest threshold along every `relevant` path above the item: its own dimension,
    the dimensions of the questions it (or its section) depends on, and theirs in turn."""
    threshold = rules.min_n
    seen: set[str] = set()
    stack = [item]
    while stack:
        current = stack.pop()
        if current.name in seen:
            continue
        seen.add(current.name)
        dimension = questionnaire.dimension(current.dimension) if current.dimension else None
        if dimension is not None and dimension.min_n:
            threshold = max(threshold, dimension.min_n)
        for name in related_names(questionnaire, current):
            other = questionnaire.item(name)
            if other is not None:
                stack.append(other)
    return threshold


class _Groups:
    """Union-find over family members ('item:x', 'dim:D')."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def disclose(
    questionnaire: Questionnaire,
    org: OrgIndex,
    responses: ResponseSet,
    rules: Rules,
    scores: DimensionScores,
    *,
    new: np.ndarray | None = None,
    floor: Disclosure | None = None,
) -> Disclosure:
    """The suppression pattern of every family of one release. For a round published before
    (see republished): `new`, the sheets no earlier release counted, whose counts must be safe
    on their own too; `floor`, the earlier release, whose hidden cells stay hidden."""
    size = len(org.tree)
    rolled = RolledCounts(org, responses, new)
    respondents = rolled.of([np.ones(responses.size, dtype=bool)])
    column = {name: j for j, name in enumerate(responses.item_names)}
    lookups = item_score_lookup(questionnaire)
    scored_masks: dict[str, np.ndarray] = {}

    def scored(name: str) -> np.ndarray:
        """Who gave the item a scored answer (once per item: the dimension's counts and the
        item's own both need it)."""
        found = scored_masks.get(name)
        if found is None:
            found = scored_masks[name] = scored_answers(responses, column[name], lookups[name])
        return found
    published = [
        i for i in questionnaire.items()
        if (i.type in SELECT_TYPES and i.name in column) or i.type is ItemType.TEXT
    ]
    groups = _Groups()
    for item in published:
        groups.find(f"item:{item.name}")
        if item.type is ItemType.TEXT:
            continue  # each free-text question is a family of its own
        if item.dimension and item.dimension in scores.codes:
            groups.join(f"item:{item.name}", f"dim:{item.dimension}")
        for name in related_names(questionnaire, item):
            other = questionnaire.item(name)
            if other is not None and other.name in column and other.type in SELECT_TYPES:
                groups.join(f"item:{item.name}", f"item:{name}")
    for code in scores.codes:
        groups.find(f"dim:{code}")

    members: dict[str, list[str]] = {}
    for key in groups.parent:
        members.setdefault(groups.find(key), []).append(key)

    families: list[Family] = []
    for keys in members.values():
        items = [questionnaire.item(k[5:]) for k in keys if k.startswith("item:")]
        dims = [k[4:] for k in keys if k.startswith("dim:")]
        present = [i for i in items if i is not None]
        free_text = any(i.type is ItemType.TEXT for i in present)
        threshold = max([rules.min_n, *(_dimension_min_n(questionnaire, d, rules) for d in dims)])
        strictest = max([threshold, *(item_threshold(questionnaire, i, rules) for i in present)])
        by_level: dict[int, list[Hidden | None]] = {}
        if free_text:
            threshold = strictest = max(strictest, rules.comment_min_n)
            hidden = detail = _monotone(org.tree, respondents, threshold,
                                        _floored(floor, keys, "detail_hidden"))
        else:
            # The scores: each dimension's n after the half rule, and the group's respondents
            # (a cell of 2 people with no valid score would otherwise say just that of them).
            counts = [respondents, rolled.of(
                [~np.isnan(scores.matrix[:, scores.codes.index(d)]) for d in dims])]
            # The answer counts besides: the people per number of a dimension's items they
            # scored (disclosure_counts.items_scored), every item's answers and scored answers.
            # Starting from the scores' pattern, they are never shown where a score about the
            # same answers is hidden.
            details = list(counts)
            for d in dims:
                details.append(rolled.by_class(*items_scored(questionnaire, d, responses, column,
                                                             lookups, scored)))
            answers: list[np.ndarray] = []
            for i in present:
                answers.append(~np.isnan(responses.values[:, column[i.name]]))
                if i.name in lookups:
                    answers.append(scored(i.name))
            details.append(rolled.of(answers))
            by_level = _by_level(org.tree, np.column_stack(counts), threshold,
                                 _floored(floor, keys, "hidden")) if dims else {}
            hidden = by_level.get(threshold, [None] * size)
            detail = _monotone(org.tree, np.column_stack(details), strictest,
                               _floored(floor, keys, "detail_hidden",
                                        partial(_score_level, by_level, threshold)))
        families.append(Family(tuple(i.name for i in present), tuple(dims), threshold,
                               strictest, tuple(hidden), tuple(detail), free_text,
                               {k: tuple(v) for k, v in by_level.items()}))
    codes = [org.code_at(i) for i in range(size)]
    units = _monotone(org.tree, respondents, rules.min_n, _floored(floor, None, "units"))
    return Disclosure(codes, units, families)


def _floored(
    floor: Disclosure | None,
    keys: list[str] | None,
    pattern: str,
    more: Callable[[int], list[Hidden | None] | None] | None = None,
) -> Callable[[int], list[Hidden | None] | None] | None:
    """What a pattern must hide at least at each level: `more`, and everything the earlier
    release (`floor`) hid of the same figures (`keys`: the family's members, None for the
    units; `pattern`: which of its patterns)."""
    if floor is None:
        return more
    earlier = floor.earlier_pattern(keys, pattern)

    def at_least(level: int) -> list[Hidden | None] | None:
        extra = more(level) if more is not None else None
        if extra is None or earlier is None:
            return extra if earlier is None else list(earlier)
        return [a or b for a, b in zip(earlier, extra, strict=True)]

    return at_least


def _score_level(
    by_level: dict[int, list[Hidden | None]], threshold: int, level: int
) -> list[Hidden | None] | None:
    """The scores' pattern a family's answer counts must hide at least, at `level`."""
    return by_level.get(min(level, threshold))


def _monotone(
    tree: Tree,
    counts: np.ndarray,
    threshold: int,
    at_least: Callable[[int], list[Hidden | None] | None] | None = None,
) -> list[Hidden | None]:
    """The pattern at `threshold` that hides everything the patterns at every lower threshold
    (from the absolute minimum) hide: complementary suppression picks siblings by the cells it
    sees, so without this a release at min_n 4 could show a team a release at 3 hid, and the two
    together would give the difference. `at_least(level)` may name more to hide at a level."""
    return _by_level(tree, counts, threshold, at_least)[threshold]


def _by_level(
    tree: Tree,
    counts: np.ndarray,
    threshold: int,
    at_least: Callable[[int], list[Hidden | None] | None] | None = None,
) -> dict[int, list[Hidden | None]]:
    """The monotone patterns at every level up to `threshold` (see _monotone)."""
    found: dict[int, list[Hidden | None]] = {}
    hidden: list[Hidden | None] | None = None
    for level in range(min(Rules.ABSOLUTE_MIN_N, threshold), threshold + 1):
        extra = at_least(level) if at_least is not None else None
        if extra is not None:
            hidden = extra if hidden is None else [a or b for a, b in zip(hidden, extra,
                                                                          strict=True)]
        hidden = suppress(tree, counts, level, already=hidden)
        found[level] = hidden
    return found


def _dimension_min_n(questionnaire: Questionnaire, code: str, rules: Rules) -> int:
    dimension = questionnaire.dimension(code)
    return max(rules.min_n, (dimension.min_n or 0) if dimension is not None else 0)


def hidden_reason_text(tr: Translate, reason: str | None) -> str:
    """Why a figure is hidden, in the same words in the window and in the report."""
    if reason == Hidden.COMPLEMENTARY.value:
        return tr("skjult for at beskytte en mindre gruppe")
    if reason == Hidden.WITHHELD.value:
        return tr("tilbageholdt, runden er ikke afsluttet")
    return tr("skjult, for få svar")
