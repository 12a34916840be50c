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
from apv_desktop.errors import RefusedError
from apv_desktop.store.records import RoundInfo

NAME_KEY = "organisation_name"
RULES_PREFIX = "rules."


def driver(session: Any) -> sqlite3.Connection:
    """The sqlite3 connection under an ORM session's transaction, its pending rows flushed, so
    the ORM paths read through the functions here too."""
    session.flush()
    return session.connection().connection.driver_connection  # type: ignore[no-any-return]


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

_ROUND = "SELECT id, name, questionnaire_version_id, created FROM survey_round"


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
    round_id, name, version_id, created = row
    return RoundInfo(round_id, name, version_id, date.fromisoformat(created), int(count))


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


def unit_ids(connection: sqlite3.Connection) -> dict[str, int]:
    return dict(connection.execute("SELECT code, id FROM org_unit"))


# --- questionnaires --------------------------------------------------------------------------


def latest_version_id(connection: sqlite3.Connection) -> int | None:
    row = connection.execute("SELECT MAX(id) FROM questionnaire_version").fetchone()
    return None if row is None or row[0] is None else int(row[0])


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
         relevant) in connection.execute(
        "SELECT section_id, name, type, labels, hints, list_name, dimension, reverse, required,"
        " relevant FROM item WHERE questionnaire_version_id = ? ORDER BY section_id, position",
        (version_id,),
    ):  # fmt: skip
        items_by_section[section_id].append(Item(
            name=name, type=ItemType(kind), labels=json.loads(labels), hints=json.loads(hints),
            list_name=list_name, dimension=dimension, reverse=bool(reverse),
            required=bool(required), relevant=relevant,
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
