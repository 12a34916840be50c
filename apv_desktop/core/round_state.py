"""A round's state as a release sees it: open (still collecting) or closed (published).

What each state may publish is decided in core.disclosure (released); this is only the record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RoundState:
    """`counts_at_close`: unit code -> sheets when the round's results were last published
    (empty when they never were)."""

    closed: bool
    counts_at_close: Mapping[str, int] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """As the results JSON says it: "open" or "closed"."""
        return "closed" if self.closed else "open"


CLOSED = RoundState(closed=True)
