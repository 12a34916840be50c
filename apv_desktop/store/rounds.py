"""Survey rounds ("2025", "2025-opfølgning"): each asks one questionnaire version.

"Latest" means the round created last (the highest id), not the highest name.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from apv_desktop.core.records import RoundInfo
from apv_desktop.errors import RefusedError
from apv_desktop.store.questionnaires import latest_version_id
from apv_desktop.store.tables import QuestionnaireVersionRow, ResponseRow, SurveyRoundRow


def find_round(session: Session, name: str | None) -> SurveyRoundRow:
    """The named round, or the latest one when name is None; RefusedError if there is none."""
    statement = select(SurveyRoundRow)
    if name is None:
        row = session.exec(statement.order_by(col(SurveyRoundRow.id).desc()).limit(1)).first()
        if row is None:
            raise RefusedError("The project has no survey round yet.")
        return row
    row = session.exec(statement.where(SurveyRoundRow.name == name)).first()
    if row is None:
        raise RefusedError(f"The project has no survey round named {name}.")
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
    # keyed like the rows' ids, which are typed optional (only unsaved rows have none)
    counts: dict[int | None, int] = dict(
        session.exec(
            select(ResponseRow.round_id, func.count()).group_by(col(ResponseRow.round_id))
        ).all()
    )
    rows = session.exec(select(SurveyRoundRow).order_by(col(SurveyRoundRow.id)))
    return [
        RoundInfo(r.id or 0, r.name, r.questionnaire_version_id, r.created, counts.get(r.id, 0))
        for r in rows
    ]


def round_response_count(session: Session, round_id: int | None) -> int:
    statement = select(func.count()).select_from(ResponseRow)
    if round_id is not None:
        statement = statement.where(ResponseRow.round_id == round_id)
    return int(session.exec(statement).one())


def ensure_round(
    session: Session, name: str, version_id: int | None, today: date
) -> SurveyRoundRow:
    """The round `name`, created when new (with the given or latest questionnaire version).

    An existing round is returned as it is unless another version is asked for: then it is
    moved when it has no responses, and refused when it has (its answers fit its version).
    """
    name = name.strip() if isinstance(name, str) else ""
    if not name:
        raise RefusedError("A survey round needs a name, such as 2025.")
    row = session.exec(select(SurveyRoundRow).where(SurveyRoundRow.name == name)).first()
    if row is not None and version_id in (None, row.questionnaire_version_id):
        return row
    if version_id is None:
        version_id = latest_version_id(session)
        if version_id is None:
            raise RefusedError(
                f"The round {name} cannot be created before the project has a questionnaire."
            )
    elif session.get(QuestionnaireVersionRow, version_id) is None:
        raise RefusedError(f"The project has no questionnaire version {version_id}.")
    if row is None:
        row = SurveyRoundRow(name=name, questionnaire_version_id=version_id, created=today)
    elif round_response_count(session, row.id):
        raise RefusedError(
            f"The round {name} already has responses to questionnaire version "
            f"{row.questionnaire_version_id}, so it cannot switch to version {version_id}."
        )
    else:
        row.questionnaire_version_id = version_id
    session.add(row)
    session.flush()
    return row
