"""The tables of a project file, as SQLModel classes: the current schema, used by the ORM paths.

The schema a file is created with comes from the frozen, numbered migrations in `migrations.py`;
a test checks that the migrated file and these classes describe the same tables and columns.
Answers are not one row per answer: each response holds one packed vector (`answers`), so
a round of 20,000 x 100 answers reads in one pass (see `responses.py`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, CheckConstraint, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel


def _json_dict() -> Any:
    return Field(default_factory=dict, sa_type=JSON, nullable=False)


class ProjectSetting(SQLModel, table=True):
    """One adjustable setting (a Rules field or the organisation's name); value is JSON text."""

    __tablename__ = "project_setting"

    key: str = Field(primary_key=True)
    value: str


class OrgUnitRow(SQLModel, table=True):
    __tablename__ = "org_unit"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True)
    name: str
    parent_id: int | None = Field(default=None, foreign_key="org_unit.id")
    headcount: int | None = None
    position: int = 0  # the order the user gave, kept among siblings


class QuestionnaireVersionRow(SQLModel, table=True):
    __tablename__ = "questionnaire_version"

    id: int | None = Field(default=None, primary_key=True)
    form_id: str = ""
    title: str
    version: str = ""
    languages: list[str] = Field(default_factory=list, sa_type=JSON, nullable=False)
    default_language: str
    title_labels: dict[str, str] = _json_dict()
    created: date


class SectionRow(SQLModel, table=True):
    __tablename__ = "section"

    id: int | None = Field(default=None, primary_key=True)
    questionnaire_version_id: int = Field(
        foreign_key="questionnaire_version.id", ondelete="CASCADE", index=True
    )
    position: int
    name: str
    labels: dict[str, str] = _json_dict()
    relevant: str | None = None


class ItemRow(SQLModel, table=True):
    __tablename__ = "item"
    __table_args__ = (UniqueConstraint("questionnaire_version_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    questionnaire_version_id: int = Field(
        foreign_key="questionnaire_version.id", ondelete="CASCADE"
    )
    section_id: int = Field(foreign_key="section.id", ondelete="CASCADE", index=True)
    position: int
    name: str
    type: str
    labels: dict[str, str] = _json_dict()
    hints: dict[str, str] = _json_dict()
    list_name: str | None = None
    dimension: str | None = None
    reverse: bool = False
    required: bool = False
    relevant: str | None = None
    background: bool = False  # describes the respondent (schema 4)


class ChoiceListRow(SQLModel, table=True):
    __tablename__ = "choice_list"
    __table_args__ = (UniqueConstraint("questionnaire_version_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    questionnaire_version_id: int = Field(
        foreign_key="questionnaire_version.id", ondelete="CASCADE"
    )
    position: int
    name: str


class ChoiceRow(SQLModel, table=True):
    __tablename__ = "choice"

    id: int | None = Field(default=None, primary_key=True)
    choice_list_id: int = Field(foreign_key="choice_list.id", ondelete="CASCADE", index=True)
    position: int
    name: str
    labels: dict[str, str] = _json_dict()
    score: float | None = None


class DimensionRow(SQLModel, table=True):
    __tablename__ = "dimension"
    __table_args__ = (UniqueConstraint("questionnaire_version_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    questionnaire_version_id: int = Field(
        foreign_key="questionnaire_version.id", ondelete="CASCADE"
    )
    position: int
    code: str
    labels: dict[str, str] = _json_dict()
    direction: str
    reference: float | None = None
    min_n: int | None = None
    domain: str | None = None


class SurveyRoundRow(SQLModel, table=True):
    __tablename__ = "survey_round"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    questionnaire_version_id: int = Field(foreign_key="questionnaire_version.id")
    created: date
    closed_on: date | None = None  # None while the round is open (schema 4)
    reopened_on: date | None = None


class RoundUnitRow(SQLModel, table=True):
    """A unit of a round's org tree as it was when the round closed (schema 4)."""

    __tablename__ = "round_unit"
    __table_args__ = {"sqlite_with_rowid": False}

    round_id: int = Field(foreign_key="survey_round.id", ondelete="CASCADE", primary_key=True)
    code: str = Field(primary_key=True)
    parent_code: str | None = None
    name: str
    position: int
    headcount: int | None = None
    responses_at_close: int


class ResponseRow(SQLModel, table=True):
    """One answer sheet. `id` is random (not a counter) so row order reveals nothing; `date` is a
    day, never a time; `answers` is the vector of core/answers.py, packed by store/packing.py."""

    __tablename__ = "response"

    id: int = Field(primary_key=True)
    uuid: str = Field(unique=True)
    round_id: int = Field(foreign_key="survey_round.id", index=True)
    unit_id: int = Field(foreign_key="org_unit.id", index=True)
    questionnaire_version_id: int = Field(foreign_key="questionnaire_version.id")
    date: date
    source: str
    answers: bytes = Field(sa_type=LargeBinary, nullable=False)


class TextAnswerRow(SQLModel, table=True):
    """Free text of one response. WITHOUT ROWID and keyed by the random response id, so no
    counter reveals the order in which comments were written."""

    __tablename__ = "text_answer"
    __table_args__ = {"sqlite_with_rowid": False}

    response_id: int = Field(foreign_key="response.id", ondelete="CASCADE", primary_key=True)
    item_name: str = Field(primary_key=True)
    text: str


class IndicatorRow(SQLModel, table=True):
    __tablename__ = "indicator"
    __table_args__ = (UniqueConstraint("unit_id", "period", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="org_unit.id")
    period: str
    kind: str
    value: float


class SickLeaveAssessmentRow(SQLModel, table=True):
    __tablename__ = "sick_leave_assessment"
    __table_args__ = (UniqueConstraint("unit_id", "round_id"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="org_unit.id")
    round_id: int = Field(foreign_key="survey_round.id")
    text: str


class ActionItemRow(SQLModel, table=True):
    __tablename__ = "action_item"
    __table_args__ = (
        CheckConstraint(
            "status IN ('not_started', 'in_progress', 'done', 'dropped')",
            name="action_item_status",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="survey_round.id", index=True)
    unit_id: int | None = Field(default=None, foreign_key="org_unit.id")
    dimension_code: str | None = None
    item_name: str | None = None
    problem: str
    cause: str = ""
    action: str = ""
    responsible: str = ""
    deadline: date | None = None
    status: str = "not_started"
    follow_up_date: date | None = None
    follow_up_notes: str = ""
    effect: str = ""
    created: date


class DepartmentReportRow(SQLModel, table=True):
    """A department's report text for a round, as the AMiR revised it (schema 2)."""

    __tablename__ = "department_report"
    __table_args__ = (UniqueConstraint("unit_id", "round_id"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="org_unit.id")
    round_id: int = Field(foreign_key="survey_round.id")
    text: str
