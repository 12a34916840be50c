"""Survey rounds ("2025", "2025-opfølgning"): each asks one questionnaire version.

"Latest" means the round created last (the highest id), not the highest name.
"""

from __future__ import annotations

from sqlmodel import Session

from apv_desktop.store import plain
from apv_desktop.store.records import RoundInfo
from apv_desktop.store.tables import SurveyRoundRow


def find_round(session: Session, name: str | None) -> SurveyRoundRow:
    """The named round, or the latest one when name is None; RefusedError if there is none."""
    row = session.get(SurveyRoundRow, plain.find_round(plain.driver(session), name).id)
    assert row is not None  # just found in the same transaction
    return row


def round_info(session: Session, row: SurveyRoundRow) -> RoundInfo:
    return RoundInfo(
        row.id or 0,
        row.name,
        row.questionnaire_version_id,
        row.created,
        round_response_count(session, row.id),
    )


def round_infos(session: Session) -> list[RoundInfo]:
    return plain.round_infos(plain.driver(session))


def round_response_count(session: Session, round_id: int | None) -> int:
    return plain.response_count(plain.driver(session), round_id)
