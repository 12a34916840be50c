"""The plain records the store hands out besides the core model: versions, rounds, response
metadata, indicators and action-plan items, with the vocabularies their fields take.

They live in core (no Qt, no SQL) because reports, interchange, services and the UI all read them;
the store converts its rows into them. Frozen dataclasses, so callers cannot mistake them for live
rows (change them through Project's methods)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ACTION_STATUSES: tuple[str, ...] = ("not_started", "in_progress", "done", "dropped")
# An action in one of these needs no more attention (left out of open actions and focus points).
CLOSED_STATUSES: tuple[str, ...] = ("done", "dropped")
RESPONSE_SOURCES: tuple[str, ...] = ("kiosk", "import", "paper", "merge", "demo")

INDICATOR_KINDS: tuple[str, ...] = (
    "sick_days_short_per_fte",
    "sick_days_long_per_fte",
    "turnover_pct",
    "vacancies",
    "overtime_hours",
    "caseload",
    "caseload_recommended",
)


@dataclass(frozen=True)
class VersionInfo:
    id: int
    title: str
    version: str
    created: date
    response_count: int


@dataclass(frozen=True)
class RoundInfo:
    id: int
    name: str
    questionnaire_version_id: int
    created: date
    response_count: int
    closed_on: date | None = None  # None while the round is open
    reopened_on: date | None = None  # the day a closed round was last opened again

    @property
    def closed(self) -> bool:
        return self.closed_on is not None


@dataclass(frozen=True)
class ResponseMeta:
    """What is known about one answer sheet besides its answers (same order as responses())."""

    uuid: str
    unit: str
    date: date
    source: str  # one of RESPONSE_SOURCES


@dataclass(frozen=True)
class Indicator:
    unit: str
    period: str
    kind: str
    value: float


@dataclass(frozen=True)
class ActionItem:
    id: int
    round: str
    unit: str | None
    dimension: str | None
    item_name: str | None
    problem: str
    cause: str
    action: str
    responsible: str
    deadline: date | None
    status: str  # one of ACTION_STATUSES
    follow_up_date: date | None
    follow_up_notes: str
    effect: str
    created: date
