"""What a release of a round may show beyond the disclosure of its answers (core.disclosure):
its state, and the releases of it before.

An open round publishes only its units' response counts and rates, and so does a reopened round
until every unit that changed has enough new sheets (`released`). A round published again hides
at least what each earlier release of it hid, and its counts are also suppressed on the new
sheets alone (`republished`): the figures two releases both show then differ only by the new
sheets, in cells safe for them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from apv_desktop.core.anonymity import Hidden
from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.disclosure import Disclosure, disclose
from apv_desktop.core.model import Questionnaire, Rules
from apv_desktop.core.orgtree import OrgIndex, roll_up
from apv_desktop.core.round_state import RoundState
from apv_desktop.core.scoring import DimensionScores

# --- the round's state: what a release of an open or reopened round may show ------------------


def released(disclosure: Disclosure, state: RoundState, unit_codes: Sequence[str],
             rules: Rules) -> Disclosure:
    """The disclosure a round in `state` may publish: everything but the units' response counts
    and rates withheld while the round is open, and after it was reopened until every unit that
    changed has enough new sheets (new_sheets_withheld)."""
    if state.closed and not new_sheets_withheld(state.counts_at_close, Counter(unit_codes),
                                                strictest_threshold(disclosure, rules)):
        return disclosure
    everywhere = tuple(Hidden.WITHHELD for _ in disclosure.codes)
    families = [replace(f, hidden=everywhere, detail_hidden=everywhere,
                        hidden_at=dict.fromkeys(f.hidden_at, everywhere))
                for f in disclosure.families]
    return Disclosure(list(disclosure.codes), list(disclosure.units), families)


def new_sheets_withheld(
    counts_at_close: Mapping[str, int], counts_now: Mapping[str, int], threshold: int
) -> bool:
    """Whether a round's results must be withheld because some unit's sheets changed by 1 to
    threshold-1 since they were last published: the two releases' difference would be those
    few people's answers (and their comments). Never when the results were never published."""
    if not counts_at_close:
        return False
    changes = (abs(counts_now.get(code, 0) - counts_at_close.get(code, 0))
               for code in set(counts_at_close) | set(counts_now))
    return any(0 < change < threshold for change in changes)


def strictest_threshold(disclosure: Disclosure, rules: Rules) -> int:
    """The highest threshold any figure of the release is published at."""
    return max([rules.min_n, rules.comment_min_n,
                *(f.detail_threshold for f in disclosure.families)])


# --- a round published again: every release hides at least what the earlier ones hid ---------


def republished(
    questionnaire: Questionnaire,
    org: OrgIndex,
    responses: ResponseSet,
    rules: Rules,
    scores: DimensionScores,
    closings: np.ndarray | None,
) -> Disclosure:
    """The suppression pattern of a round whose results may have been published before.

    `closings`: per sheet, the closing that first published it (1, 2, ...; 0 while never);
    None when not known (every sheet counted as published together).
    Each release is computed again from the sheets it counted, in order, each hiding at least
    what the one before hid (its floor) and safe on its new sheets alone, and the release asked
    for is the last of them. Together this makes the figures both releases show differ only by
    the new sheets, in cells safe for them, and a cell one release hid never shown by the other
    (complementary suppression would otherwise pick other siblings once the counts change, and
    one release subtracted from the other would give a hidden group)."""
    if closings is None:
        return disclose(questionnaire, org, responses, rules, scores)
    assert closings.shape == (responses.size,), "one closing per sheet"
    release: Disclosure | None = None
    published = np.zeros(closings.shape, dtype=bool)  # the sheets `release` counted
    for closing in [*range(1, int(closings.max(initial=0)) + 1), 0]:
        everything = np.ones(closings.shape, dtype=bool)
        counted = ((closings > 0) & (closings <= closing)) if closing else everything
        added = closings[counted] == closing
        if closing and not added.any():
            continue  # a closing that published no sheet
        if not closing and not added.any() and release is not None:
            break  # every sheet was published: the last release is the one asked for
        sheets, their_scores = _rows(responses, scores, counted)
        release = disclose(questionnaire, org, sheets, rules, their_scores,
                           new=added if release is not None else None,
                           floor=_floor(release, org, responses.unit_codes, published))
        published = counted
    assert release is not None
    return release


def _floor(release: Disclosure | None, org: OrgIndex, unit_codes: Sequence[str],
           counted: np.ndarray) -> Disclosure | None:
    """What a later release must hide at least: everything `release` hid, except the groups
    that had no sheet then (their emptiness is public by the units' response counts, so hiding
    them protected nobody, and a unit that had none may be shown once it has enough)."""
    if release is None:
        return None
    group = org.group_of([code for code, keep in zip(unit_codes, counted, strict=True) if keep])
    empty = roll_up(org.tree.parent, np.bincount(group, minlength=len(org.tree))) == 0

    def kept(pattern: Sequence[Hidden | None]) -> tuple[Hidden | None, ...]:
        return tuple(None if nobody else why for why, nobody in zip(pattern, empty, strict=True))

    families = [replace(f, hidden=kept(f.hidden), detail_hidden=kept(f.detail_hidden))
                for f in release.families]
    return Disclosure(list(release.codes), list(kept(release.units)), families)


def _rows(responses: ResponseSet, scores: DimensionScores, mask: np.ndarray
          ) -> tuple[ResponseSet, DimensionScores]:
    """The sheets where `mask` holds, and their scores (free texts are not needed to disclose)."""
    if mask.all():
        return responses, scores
    codes = [code for code, keep in zip(responses.unit_codes, mask, strict=True) if keep]
    units = None if scores.units is None else scores.units[mask]
    sheets = ResponseSet(list(responses.item_names), codes, responses.values[mask], {})
    sheets.keep_codes(np.asfortranarray(responses.choice_codes()[mask]))  # those rows' codes
    return sheets, replace(scores, matrix=scores.matrix[mask], units=units)
