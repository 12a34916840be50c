"""Survey rounds ("2025", "2025-opfølgning"): each asks one questionnaire version.

"Latest" means the round created last (the highest id), not the highest name.
"""

from __future__ import annotations

from sqlmodel import Session

from apv_desktop.store import plain
from apv_desktop.store.tables import SurveyRoundRow


def find_round(session: Session, name: str | None) -> SurveyRoundRow:
    """The named round, or the latest one when name is None; RefusedError if there is none."""
    row = session.get(SurveyRoundRow, plain.find_round(plain.driver(session), name).id)
    assert row is not None  # just found in the same transaction
    return row
