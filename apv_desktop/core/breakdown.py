"""Results by background group: for the organisation and each unit with enough answers, each
dimension's score per group of a background question (job group, seniority, working time).

The scores are computed exactly as the tree's (core.results: integer sums, intervals, lights,
pressure points against the organisation's score); which cells are shown is decided by
core.disclosure_linked against the tree's pattern, so that the breakdown and the tree together
give no small group away. Respondents without an answer to the background question count in the
tree but in no group; they are never a group of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from apv_desktop.core.anonymity import Hidden
from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.disclosure import Disclosure, Family
from apv_desktop.core.disclosure_linked import suppress_linked
from apv_desktop.core.judgement import Judge
from apv_desktop.core.model import DEFAULT_LANGUAGE, Item, ItemType, OrgUnit, Questionnaire
from apv_desktop.core.orgtree import OrgIndex, roll_up
from apv_desktop.core.results import Results, Score, judged_score
from apv_desktop.core.scoring import (
    DimensionScores,
    GroupStats,
    respondent_dimension_scores,
)
from apv_desktop.errors import InputError


class NotABackgroundQuestion(InputError):
    """Results were asked by a question whose answers do not form groups."""


@dataclass(frozen=True)
class GroupScore:
    """One cell of the breakdown: a unit's score on a dimension among one group's respondents."""

    group: str  # the choice name
    score: Score  # unit, dimension, n, mean, interval, light, pressure point, hidden reason


@dataclass
class Breakdown:
    item: str
    groups: list[str]  # choice names, in the question's order
    labels: list[str]  # the groups' labels in the release's language
    units: list[str]  # the units that have a breakdown, organisation first (tree order)
    scores: list[GroupScore]
    _index: dict[tuple[str, str, str], GroupScore] = field(default_factory=dict, repr=False)

    def cell(self, unit: str, group: str, dimension: str) -> GroupScore:
        # Indexed at the first look-up: the command line only writes the cells out.
        if not self._index:
            self._index = {(c.score.unit, c.group, c.score.dimension): c for c in self.scores}
        return self._index[(unit, group, dimension)]


def background_items(questionnaire: Questionnaire) -> list[Item]:
    """The questions marked as background that results can be broken down by, in order."""
    return [item for item in questionnaire.items()
            if item.background and item.type is ItemType.SELECT_ONE
            and not questionnaire.is_scored(item)]


def background_item(questionnaire: Questionnaire, name: str) -> Item:
    """The question to break results down by, or a sentence saying why it cannot be."""
    item = questionnaire.item(name)
    if item is None:
        raise NotABackgroundQuestion("Spørgeskemaet har intet spørgsmål med navnet {name}; "
                                     "angiv navnet på et baggrundsspørgsmål.", name=name)
    if item.type is not ItemType.SELECT_ONE or questionnaire.is_scored(item):
        raise NotABackgroundQuestion(
            "Spørgsmålet {name} er ikke et baggrundsspørgsmål (ét valg uden point, fx en "
            "stillingsgruppe); resultater kan kun opdeles efter sådan et.", name=name)
    return item


def compute_breakdown(
    questionnaire: Questionnaire,
    units: list[OrgUnit],
    responses: ResponseSet,
    results: Results,
    item_name: str,
    *,
    language: str = DEFAULT_LANGUAGE,
) -> Breakdown:
    item = background_item(questionnaire, item_name)
    choices = questionnaire.choices_for(item)
    assert choices is not None
    groups = len(choices.choices)
    org = OrgIndex(units)
    size = len(org.tree)
    unit_of = org.group_of(responses.unit_codes)
    if item.name in responses.item_names:
        raw = responses.values[:, responses.item_names.index(item.name)]
    else:
        raw = np.full(responses.size, np.nan)
    known = ~np.isnan(raw) & (raw >= 0) & (raw < groups)
    group_of = np.full(responses.size, groups, dtype=np.int64)  # `groups` = no answer
    group_of[known] = raw[known].astype(np.int64)
    scores = results.respondent_scores or respondent_dimension_scores(questionnaire, responses)
    stats = _stats_by_group(scores, unit_of, group_of, groups, org.tree.parent)
    low, high = stats.interval_bounds()
    shown_mean = stats.rounded_means()

    respondents = roll_up(org.tree.parent, np.bincount(unit_of, minlength=size))
    qualifies = respondents >= results.rules.breakdown_floor()
    disclosure = results.disclosure
    hidden_of: dict[str, list[list[Hidden | None]]] = {}
    cell = unit_of * (groups + 1) + group_of  # each respondent's unit x group ("no answer" last)
    everyone = _own_counts(cell, size, groups)  # the same for every family
    for family, codes in _families_by_pattern(disclosure, scores):
        found = _suppressed(everyone, cell, scores, family, codes, org, groups)
        hidden_of.update(dict.fromkeys(codes, found))
    shown_units = [u for u in range(size) if qualifies[u]
                   and disclosure.unit_hidden(org.code_at(u)) is None]
    cells: list[GroupScore] = []
    # Plain lists, column by dimension: tens of thousands of cells are read one at a time.
    n_of, mean_of, low_of, high_of = (x.T.tolist() for x in (stats.n, shown_mean, low, high))
    names = [choice.name for choice in choices.choices]
    for d, code in enumerate(scores.codes):
        info = next(i for i in results.dimensions if i.code == code)
        judge = Judge(results.rules, info.direction, info.reference,
                      results.score(org.code_at(0), code).mean)
        n, mean, lows, highs, hidden = n_of[d], mean_of[d], low_of[d], high_of[d], hidden_of[code]
        for u in shown_units:
            unit = org.code_at(u)
            for g, name in enumerate(names):
                row = u * groups + g
                cells.append(GroupScore(name, judged_score(
                    unit, code, int(n[row]), mean[row], (lows[row], highs[row]), hidden[u][g],
                    judge, is_org=False)))
    return Breakdown(item.name, [c.name for c in choices.choices],
                     [c.label(language) or c.name for c in choices.choices],
                     [org.code_at(u) for u in shown_units], cells)


def _stats_by_group(
    scores: DimensionScores, unit_of: np.ndarray, group_of: np.ndarray, groups: int,
    parent: list[int],
) -> GroupStats:
    """Sums per (unit with its sub-units, group): row unit * groups + group."""
    assert scores.units is not None and scores.scale is not None
    size = len(parent)
    # The respondents without an answer are in no group: summed in one extra row, dropped
    # after (every other row adds the same scores in the same order as without them, and
    # every respondent is counted, the quicker way to sum).
    cell = np.where(group_of < groups, unit_of * groups + group_of, size * groups)
    own = GroupStats.by_group(scores, cell, size * groups + 1)
    dims = len(scores.codes)

    def rolled(values: np.ndarray) -> np.ndarray:
        return roll_up(parent, values.reshape(size, groups, dims)).reshape(size * groups, dims)

    grouped = slice(0, size * groups)
    return GroupStats(rolled(own.n[grouped]), rolled(own.total[grouped]),
                      rolled(own.total_sq[grouped]), own.scale)


def _families_by_pattern(
    disclosure: Disclosure, scores: DimensionScores
) -> list[tuple[Family, list[str]]]:
    """The dimensions whose breakdowns get one pattern, computed once: those whose tree
    patterns agree at every level AND whose respondents with a valid score are the same people.

    Each dimension's pattern must be the one it would get alone. Grouping by the tree's pattern
    only (the tree's patterns of two dimensions may agree under one setting and not under
    another, e.g. a stricter dimension) let one dimension's small counts hide another's cells
    under one setting and not under the next, so two releases were no longer nested and their
    difference gave a single person away. With the same valid respondents the counts are the
    same, so the shared computation is exactly each one's own."""
    found: dict[tuple[object, ...], tuple[Family, list[str]]] = {}
    for d, code in enumerate(scores.codes):
        family = disclosure.dimension_family(code)
        valid = np.packbits(~np.isnan(scores.matrix[:, d])).tobytes()
        key = (family.threshold, tuple(sorted(family.hidden_at.items())), valid)
        found.setdefault(key, (family, []))[1].append(code)
    return list(found.values())


def _own_counts(cell: np.ndarray, size: int, groups: int) -> np.ndarray:
    """Respondents per unit (without its sub-units) and group, "no answer" the last column,
    from each respondent's `cell` (unit * (groups + 1) + group)."""
    return np.bincount(cell, minlength=size * (groups + 1)).reshape(size, groups + 1)


def _suppressed(
    everyone: np.ndarray,
    cell: np.ndarray,
    scores: DimensionScores,
    family: Family,
    codes: list[str],
    org: OrgIndex,
    groups: int,
) -> list[list[Hidden | None]]:
    """One pattern for the breakdowns of dimensions with the same tree pattern and the same
    valid respondents (_families_by_pattern). `everyone`: _own_counts of all respondents."""
    # Who is in a cell at all counts as well: a shown n says how many of its people are valid.
    # The dimensions of `codes` have the same valid respondents (_families_by_pattern): one
    # count serves them all.
    valid = ~np.isnan(scores.matrix[:, scores.codes.index(codes[0])])
    counts = [everyone, _own_counts(cell[valid], len(org.tree), groups)]
    unique = {c.tobytes(): c for c in counts}  # a dimension nobody left blank counts as all
    return suppress_linked(org.tree, family.hidden_at, list(unique.values()), family.threshold)
