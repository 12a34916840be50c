"""The hot paths of a project in plain SQL over sqlite3: no ORM when opening and reading.

Importing SQLAlchemy, SQLModel and pydantic costs about half a second, more than reading and
scoring a round of 20,000 sheets, so what `results`, the window and the import read (rounds,
questionnaire, org tree, settings), and the round an import creates, are done here with the
driver alone. The ORM modules keep the other writes and the rarer reads, and use these
functions for these reads too (one rule each).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections import defaultdict
from datetime import date
from typing import Any

from apv_desktop.core.model import (
    Choice,
    ChoiceList,
    Dimension,
    Direction,
    Item,
    ItemType,
    OrgUnit,
    Questionnaire,
    Rules,
    Section,
)
from apv_desktop.core.records import ActionItem, Indicator, RoundInfo, VersionInfo
from apv_desktop.errors import RefusedError

NAME_KEY = "organisation_name"
RULES_PREFIX = "rules."


def driver(session: Any) -> sqlite3.Connection:
    """The sqlite3 connection under an ORM session's transaction, its pending rows flushed, so
    the ORM paths read through the functions here too."""
    session.flush()
    return session.connection().connection.driver_connection


# --- settings --------------------------------------------------------------------------------


def get_setting(connection: sqlite3.Connection, key: str, default: Any = None) -> Any:
    row = connection.execute("SELECT value FROM project_setting WHERE key = ?", (key,)).fetchone()
    return default if row is None else json.loads(row[0])


def read_rules(connection: sqlite3.Connection) -> Rules:
    """Each Rules field is its own key ("rules.min_n"); unknown keys are ignored, missing ones
    take the field's default (a file from an older program)."""
    stored = {
        key.removeprefix(RULES_PREFIX): json.loads(value)
        for key, value in connection.execute("SELECT key, value FROM project_setting")
        if key.startswith(RULES_PREFIX)
    }
    known = {f.name for f in dataclasses.fields(Rules)}
    return Rules(**{key: value for key, value in stored.items() if key in known})


# --- rounds ----------------------------------------------------------------------------------

_ROUND = (
    "SELECT id, name, questionnaire_version_id, created, closed_on, reopened_on FROM survey_round"
)


def find_round(connection: sqlite3.Connection, name: str | None) -> RoundInfo:
    """The named round, or the latest one (created last) when name is None; RefusedError if
    there is none."""
    if name is None:
        row = connection.execute(f"{_ROUND} ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            raise RefusedError("The project has no survey round yet.")
    else:
        row = connection.execute(f"{_ROUND} WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise RefusedError(f"The project has no survey round named {name}.")
    return _round_info(row, response_count(connection, row[0]))


def ensure_round(
    connection: sqlite3.Connection, name: str, version_id: int | None, today: date
) -> RoundInfo:
    """The round called `name`, created for `version_id` (the latest version when None).

    An existing round is returned as it is unless another version is asked for: then it is
    moved when it has no responses, and refused when it has (its answers fit its version).
    """
    name = name.strip() if isinstance(name, str) else ""
    if not name:
        raise RefusedError("A survey round needs a name, such as 2025.")
    existing = connection.execute(f"{_ROUND} WHERE name = ?", (name,)).fetchone()
    if existing is not None and version_id in (None, existing[2]):
        return find_round(connection, name)
    if version_id is None:
        version_id = latest_version_id(connection)
        if version_id is None:
            raise RefusedError(
                f"The round {name} cannot be created before the project has a questionnaire."
            )
    elif connection.execute(
        "SELECT 1 FROM questionnaire_version WHERE id = ?", (version_id,)
    ).fetchone() is None:
        raise RefusedError(f"The project has no questionnaire version {version_id}.")
    if existing is None:
        connection.execute(
            "INSERT INTO survey_round (name, questionnaire_version_id, created) VALUES (?, ?, ?)",
            (name, version_id, today.isoformat()),
        )
    elif find_round(connection, name).response_count:
        raise RefusedError(
            f"The round {name} already has responses to questionnaire version "
            f"{existing[2]}, so it cannot switch to version {version_id}."
        )
    else:
        connection.execute(
            "UPDATE survey_round SET questionnaire_version_id = ? WHERE id = ?",
            (version_id, existing[0]),
        )
    return find_round(connection, name)


def round_infos(connection: sqlite3.Connection) -> list[RoundInfo]:
    counts = dict(connection.execute("SELECT round_id, COUNT(*) FROM response GROUP BY round_id"))
    rows = connection.execute(f"{_ROUND} ORDER BY id").fetchall()
    return [_round_info(row, counts.get(row[0], 0)) for row in rows]


def response_count(connection: sqlite3.Connection, round_id: int | None) -> int:
    """Sheets in the round; in all rounds when None."""
    where, parameters = ("", ()) if round_id is None else (" WHERE round_id = ?", (round_id,))
    (count,) = connection.execute(f"SELECT COUNT(*) FROM response{where}", parameters).fetchone()
    return int(count)


def _round_info(row: tuple, count: int) -> RoundInfo:
    round_id, name, version_id, created, closed_on, reopened_on = row
    return RoundInfo(round_id, name, version_id, date.fromisoformat(created), int(count),
                     _day(closed_on), _day(reopened_on))


# --- organisation ----------------------------------------------------------------------------


def org_units(connection: sqlite3.Connection) -> list[OrgUnit]:
    """Every unit, each parent before its children; siblings in the order they were given."""
    rows = connection.execute(
        "SELECT id, code, name, parent_id, headcount FROM org_unit ORDER BY position, id"
    ).fetchall()
    by_id = {row[0]: row for row in rows}
    children: dict[int | None, list[tuple]] = {}
    for row in rows:
        parent = row[3] if row[3] in by_id else None
        children.setdefault(parent, []).append(row)
    ordered: list[OrgUnit] = []
    stack = list(reversed(children.get(None, [])))
    while stack:  # depth first, so a unit's whole subtree follows it
        unit_id, code, name, parent_id, headcount = stack.pop()
        parent = by_id.get(parent_id)
        ordered.append(OrgUnit(code, name, parent[1] if parent else None, headcount))
        stack.extend(reversed(children.get(unit_id, [])))
    return ordered


def unit_id(connection: sqlite3.Connection, code: str) -> int:
    row = connection.execute("SELECT id FROM org_unit WHERE code = ?", (code,)).fetchone()
    if row is None:
        raise RefusedError(f"There is no org unit with the code {code} in the project.")
    return int(row[0])


def unit_ids(connection: sqlite3.Connection) -> dict[str, int]:
    return dict(connection.execute("SELECT code, id FROM org_unit"))


# --- questionnaires --------------------------------------------------------------------------


def latest_version_id(connection: sqlite3.Connection) -> int | None:
    row = connection.execute("SELECT MAX(id) FROM questionnaire_version").fetchone()
    return None if row is None or row[0] is None else int(row[0])


def version_infos(connection: sqlite3.Connection) -> list[VersionInfo]:
    counts = dict(connection.execute(
        "SELECT questionnaire_version_id, COUNT(*) FROM response"
        " GROUP BY questionnaire_version_id"
    ).fetchall())
    return [
        VersionInfo(version_id, title, version, date.fromisoformat(created),
                    int(counts.get(version_id, 0)))
        for version_id, title, version, created in connection.execute(
            "SELECT id, title, version, created FROM questionnaire_version ORDER BY id"
        )
    ]  # fmt: skip


def answerable_item_names(connection: sqlite3.Connection, version_id: int) -> list[str]:
    """The names of a version's answerable items, in answer-vector order."""
    return [
        name
        for (name,) in connection.execute(
            "SELECT i.name FROM item i JOIN section s ON s.id = i.section_id"
            " WHERE i.questionnaire_version_id = ? AND i.type != ?"
            " ORDER BY s.position, i.position",
            (version_id, str(ItemType.NOTE)),
        )
    ]


def load_questionnaire(connection: sqlite3.Connection, version_id: int) -> Questionnaire | None:
    row = connection.execute(
        "SELECT title, form_id, version, languages, default_language, title_labels"
        " FROM questionnaire_version WHERE id = ?",
        (version_id,),
    ).fetchone()
    if row is None:
        return None
    title, form_id, version, languages, default_language, title_labels = row
    items_by_section: defaultdict[int, list[Item]] = defaultdict(list)
    for (section_id, name, kind, labels, hints, list_name, dimension, reverse, required,
         relevant, background) in connection.execute(
        "SELECT section_id, name, type, labels, hints, list_name, dimension, reverse, required,"
        " relevant, background FROM item WHERE questionnaire_version_id = ?"
        " ORDER BY section_id, position",
        (version_id,),
    ):  # fmt: skip
        items_by_section[section_id].append(Item(
            name=name, type=ItemType(kind), labels=json.loads(labels), hints=json.loads(hints),
            list_name=list_name, dimension=dimension, reverse=bool(reverse),
            required=bool(required), relevant=relevant, background=bool(background),
        ))  # fmt: skip
    sections = [
        Section(name=name, labels=json.loads(labels),
                items=items_by_section.get(section_id, []), relevant=relevant)
        for section_id, name, labels, relevant in connection.execute(
            "SELECT id, name, labels, relevant FROM section WHERE questionnaire_version_id = ?"
            " ORDER BY position",
            (version_id,),
        )
    ]  # fmt: skip
    return Questionnaire(
        title=title,
        form_id=form_id,
        version=version,
        languages=list(json.loads(languages)),
        default_language=default_language,
        sections=sections,
        choice_lists=_choice_lists(connection, version_id),
        dimensions=_dimensions(connection, version_id),
        title_labels=json.loads(title_labels),
    )


def _choice_lists(connection: sqlite3.Connection, version_id: int) -> dict[str, ChoiceList]:
    lists = connection.execute(
        "SELECT id, name FROM choice_list WHERE questionnaire_version_id = ? ORDER BY position",
        (version_id,),
    ).fetchall()
    choices: defaultdict[int, list[Choice]] = defaultdict(list)
    for list_id, name, labels, score in connection.execute(
        "SELECT c.choice_list_id, c.name, c.labels, c.score FROM choice c"
        " JOIN choice_list l ON l.id = c.choice_list_id WHERE l.questionnaire_version_id = ?"
        " ORDER BY c.choice_list_id, c.position",
        (version_id,),
    ):
        choices[list_id].append(Choice(name, json.loads(labels), score))
    return {name: ChoiceList(name, choices.get(list_id, [])) for list_id, name in lists}


def _dimensions(connection: sqlite3.Connection, version_id: int) -> list[Dimension]:
    return [
        Dimension(code=code, labels=json.loads(labels), direction=Direction(direction),
                  reference=reference, min_n=min_n, domain=domain)
        for code, labels, direction, reference, min_n, domain in connection.execute(
            "SELECT code, labels, direction, reference, min_n, domain FROM dimension"
            " WHERE questionnaire_version_id = ? ORDER BY position",
            (version_id,),
        )
    ]  # fmt: skip


# --- action plans ----------------------------------------------------------------------------


def actions(
    connection: sqlite3.Connection, round_name: str | None, action_id: int | None = None
) -> list[ActionItem]:
    """The items of a round (of every round when None; the one item with `action_id`), oldest
    first."""
    conditions, parameters = [], []
    if round_name is not None:
        conditions.append("a.round_id = ?")
        parameters.append(find_round(connection, round_name).id)
    if action_id is not None:
        conditions.append("a.id = ?")
        parameters.append(action_id)
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    rows = connection.execute(
        "SELECT a.id, s.name, u.code, a.dimension_code, a.item_name, a.problem, a.cause,"
        " a.action, a.responsible, a.deadline, a.status, a.follow_up_date, a.follow_up_notes,"
        " a.effect, a.created FROM action_item a JOIN survey_round s ON s.id = a.round_id"
        f" LEFT JOIN org_unit u ON u.id = a.unit_id{where} ORDER BY a.id",
        parameters,
    )
    return [
        ActionItem(
            id=row_id, round=round_, unit=unit, dimension=dimension, item_name=item_name,
            problem=problem, cause=cause, action=action, responsible=responsible,
            deadline=_day(deadline), status=status, follow_up_date=_day(follow_up),
            follow_up_notes=notes, effect=effect, created=date.fromisoformat(created),
        )
        for (row_id, round_, unit, dimension, item_name, problem, cause, action, responsible,
             deadline, status, follow_up, notes, effect, created) in rows
    ]  # fmt: skip


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def indicators(
    connection: sqlite3.Connection, unit_code: str | None, period: str | None, kind: str | None
) -> list[Indicator]:
    conditions, parameters = [], []
    for column, value in (("u.code", unit_code), ("i.period", period), ("i.kind", kind)):
        if value is not None:
            conditions.append(f"{column} = ?")
            parameters.append(value)
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    rows = connection.execute(
        "SELECT u.code, i.period, i.kind, i.value FROM indicator i"
        f" JOIN org_unit u ON u.id = i.unit_id{where} ORDER BY u.position, i.period, i.kind",
        parameters,
    )
    return [Indicator(code, period_, kind_, value) for code, period_, kind_, value in rows]


def unit_text(
    connection: sqlite3.Connection, table: str, unit_code: str, round_name: str
) -> str | None:
    """The text of one unit and round in `table` (see unit_texts); None when there is none."""
    assert table in ("sick_leave_assessment", "department_report")
    the_unit = unit_id(connection, unit_code)
    row = connection.execute(
        f"SELECT text FROM {table} WHERE unit_id = ? AND round_id = ?",
        (the_unit, find_round(connection, round_name).id),
    ).fetchone()
    return None if row is None else str(row[0])


def unit_texts(connection: sqlite3.Connection, table: str, round_name: str) -> dict[str, str]:
    """Unit code -> text of a round in `table` (sick_leave_assessment or department_report)."""
    assert table in ("sick_leave_assessment", "department_report")
    round_id = find_round(connection, round_name).id
    return dict(connection.execute(
        f"SELECT u.code, t.text FROM {table} t JOIN org_unit u ON u.id = t.unit_id"
        " WHERE t.round_id = ? ORDER BY u.position",
        (round_id,),
    ).fetchall())
