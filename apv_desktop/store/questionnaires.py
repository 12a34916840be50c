"""Questionnaire versions: saving a core Questionnaire into rows and reading it back exactly.

A version that has responses is frozen (its answer vectors are aligned with its items), so
saving over it makes a new version; a version without responses is replaced in place.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from apv_desktop.core.model import (
    Item,
    Questionnaire,
)
from apv_desktop.core.validation import blocking, validate
from apv_desktop.errors import RefusedError
from apv_desktop.store import plain
from apv_desktop.store.tables import (
    ChoiceListRow,
    ChoiceRow,
    DimensionRow,
    ItemRow,
    QuestionnaireVersionRow,
    ResponseRow,
    SectionRow,
)


def latest_version_id(session: Session) -> int | None:
    return plain.latest_version_id(plain.driver(session))


def version_response_count(session: Session, version_id: int) -> int:
    statement = select(func.count()).where(ResponseRow.questionnaire_version_id == version_id)
    return int(session.exec(statement).one())


def save_questionnaire(session: Session, questionnaire: Questionnaire, today: date) -> int:
    """Store `questionnaire` and return its version id (see the module note on freezing)."""
    problems = questionnaire_problems(questionnaire)
    if problems:
        raise RefusedError(f"The questionnaire cannot be saved: {' '.join(problems[:5])}")
    latest_id = latest_version_id(session)
    if latest_id is not None:
        if version_response_count(session, latest_id) == 0:
            row = session.get_one(QuestionnaireVersionRow, latest_id)
            _delete_contents(session, latest_id)
            _fill_version_row(row, questionnaire)
            session.add(row)
            _insert_contents(session, latest_id, questionnaire)
            return latest_id
        if load_questionnaire(session, latest_id) == questionnaire:
            return latest_id  # unchanged: no need for a new frozen copy
    row = QuestionnaireVersionRow(title="", default_language="", created=today)
    _fill_version_row(row, questionnaire)
    session.add(row)
    session.flush()
    assert row.id is not None
    _insert_contents(session, row.id, questionnaire)
    return row.id


def questionnaire_problems(questionnaire: Questionnaire) -> list[str]:
    """What would make the stored questionnaire ambiguous or unusable (the validator's errors,
    the builder's rule too); empty when it can be saved."""
    return [problem.text for problem in blocking(validate(questionnaire))]


def _fill_version_row(row: QuestionnaireVersionRow, questionnaire: Questionnaire) -> None:
    row.form_id = questionnaire.form_id
    row.title = questionnaire.title
    row.version = questionnaire.version
    row.languages = list(questionnaire.languages)
    row.default_language = questionnaire.default_language
    row.title_labels = dict(questionnaire.title_labels)


def _delete_contents(session: Session, version_id: int) -> None:
    # Deleting sections and lists cascades to their items and choices (foreign_keys=ON).
    for table in (SectionRow, ChoiceListRow, DimensionRow):
        session.exec(delete(table).where(col(table.questionnaire_version_id) == version_id))


def _insert_contents(session: Session, version_id: int, questionnaire: Questionnaire) -> None:
    section_rows = [
        SectionRow(
            questionnaire_version_id=version_id,
            position=position,
            name=section.name,
            labels=dict(section.labels),
            relevant=section.relevant,
        )
        for position, section in enumerate(questionnaire.sections)
    ]
    list_rows = [
        ChoiceListRow(questionnaire_version_id=version_id, position=position, name=name)
        for position, name in enumerate(questionnaire.choice_lists)
    ]
    session.add_all([*section_rows, *list_rows])
    session.add_all(
        DimensionRow(
            questionnaire_version_id=version_id,
            position=position,
            code=dimension.code,
            labels=dict(dimension.labels),
            direction=str(dimension.direction),
            reference=dimension.reference,
            min_n=dimension.min_n,
            domain=dimension.domain,
        )
        for position, dimension in enumerate(questionnaire.dimensions)
    )
    session.flush()  # gives the section and list rows their ids
    for section_row, section in zip(section_rows, questionnaire.sections, strict=True):
        assert section_row.id is not None
        session.add_all(
            _item_row(version_id, section_row.id, position, item)
            for position, item in enumerate(section.items)
        )
    for list_row, choice_list in zip(list_rows, questionnaire.choice_lists.values(), strict=True):
        assert list_row.id is not None
        session.add_all(
            ChoiceRow(
                choice_list_id=list_row.id,
                position=position,
                name=choice.name,
                labels=dict(choice.labels),
                score=choice.score,
            )
            for position, choice in enumerate(choice_list.choices)
        )
    session.flush()


def _item_row(version_id: int, section_id: int, position: int, item: Item) -> ItemRow:
    return ItemRow(
        questionnaire_version_id=version_id,
        section_id=section_id,
        position=position,
        name=item.name,
        type=str(item.type),
        labels=dict(item.labels),
        hints=dict(item.hints),
        list_name=item.list_name,
        dimension=item.dimension,
        reverse=item.reverse,
        required=item.required,
        relevant=item.relevant,
        background=item.background,
    )


def load_questionnaire(session: Session, version_id: int) -> Questionnaire | None:
    return plain.load_questionnaire(plain.driver(session), version_id)


def answerable_item_names(session: Session, version_id: int) -> list[str]:
    """The names of a version's answerable items, in answer-vector order."""
    return plain.answerable_item_names(plain.driver(session), version_id)
