"""The plain records the store hands out besides the core model: versions, rounds, indicators,
assessments and action-plan items. Frozen dataclasses, so callers cannot mistake them for live
rows (change them through Project's methods)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

INDICATOR_KINDS: tuple[str, ...] = (
    "sick_days_short_per_fte",
    "sick_days_long_per_fte",
    "turnover_pct",
    "vacancies",
    "overtime_hours",
    "caseload",
    "caseload_recommended",
)


ACTION_STATUSES: tuple[str, ...] = ("not_started", "in_progress", "done", "dropped")
RESPONSE_SOURCES: tuple[str, ...] = ("kiosk", "import", "paper", "merge", "demo")


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


@dataclass(frozen=True)
class ResponseMeta:
    """What is known about one answer sheet besides its answers (same order as responses())."""

    uuid: str
    unit: str
    date: date
    source: str


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
    status: str
    follow_up_date: date | None
    follow_up_notes: str
    effect: str
    created: date
