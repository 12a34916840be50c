"""A round's state as a release sees it: open (still collecting) or closed (published).

What each state may publish is decided in core.round_release (released); this is only the record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from apv_desktop.i18n import Translate

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class RoundState:
    """`counts_at_close`: unit code -> sheets when the round's results were last published
    (empty when they never were). `closings`: per sheet of the round (in the order of its
    ResponseSet), the closing that first published it, 1, 2, ... (0 while never); None when
    not known, as if every sheet were published together (core.round_release.republished)."""

    closed: bool
    counts_at_close: Mapping[str, int] = field(default_factory=dict)
    closings: np.ndarray | None = field(default=None, compare=False)

    @property
    def name(self) -> str:
        """As the results JSON says it: "open" or "closed"."""
        return "closed" if self.closed else "open"


CLOSED = RoundState(closed=True)


def interim_sentence(tr: Translate, round_state: str) -> str:
    """Why a release shows no scores, in the same words in the window and in the report."""
    if round_state == "open":
        return tr("FORELØBIG: runden er ikke lukket, så der vises kun antal svar og "
                  "svarprocenter, ingen scorer.")
    return tr("FORELØBIG: runden er genåbnet, og nogle enheder har fået for få nye svar, så "
              "der vises kun antal svar og svarprocenter, ingen scorer.")
