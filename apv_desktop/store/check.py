"""Health check of a project file: SQLite's own checks plus APV's (schema, answer vectors).

`check_file` only reads (read-only connection), so it can be pointed at any file, including
one that refuses to open, and reports instead of raising.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from apv_desktop.core.model import ItemType
from apv_desktop.errors import ApvError
from apv_desktop.i18n import tr, trn
from apv_desktop.store.engine import (
    APPLICATION_ID,
    check_ours,
    read_header,
    readonly_connection,
)
from apv_desktop.store.migrations import schema_problems

_MAX_REPORTED = 20


def check_connection(connection: sqlite3.Connection, schema_version: int) -> list[str]:
    """Every problem found in the open database; empty when it is healthy."""
    problems: list[str] = []
    try:
        (application_id,) = connection.execute("PRAGMA application_id").fetchone()
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if application_id != APPLICATION_ID:
            problems.append(tr("filen er ikke markeret som et APV-projekt (application_id)"))
        if version != schema_version:
            problems.append(tr("skemaversionen er {version}, forventet {schema_version}",
                               version=version, schema_version=schema_version))
        verdicts = [row[0] for row in connection.execute("PRAGMA integrity_check(20)")]
        if verdicts != ["ok"]:
            problems.extend(tr("integritet: {verdict}", verdict=verdict) for verdict in verdicts)
        for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check"):
            problems.append(tr("tabellen {table} række {rowid} peger på en manglende række i "
                               "{parent}", table=table, rowid=rowid, parent=parent))
            if len(problems) >= _MAX_REPORTED:
                break
        schema = schema_problems(connection, version) if verdicts == ["ok"] else []
        problems.extend(tr("skema: {problem}", problem=problem) for problem in schema)
        if version == schema_version and verdicts == ["ok"] and not schema:
            problems.extend(_answer_problems(connection))
            problems.extend(_frozen_tree_problems(connection))
            problems.extend(_closing_problems(connection))
    except sqlite3.DatabaseError as error:
        problems.append(tr("SQLite kan ikke læse filen: {error}", error=error))
    return problems[:_MAX_REPORTED]


def _answer_problems(connection: sqlite3.Connection) -> list[str]:
    # here, not at the top: the store package imports this module, and opening a project
    # needs no numpy (the window starts faster without it, issue 18)
    from apv_desktop.store.packing import fits

    problems = []
    widths = dict(
        connection.execute(
            "SELECT v.id, COUNT(i.id) FROM questionnaire_version v"
            " LEFT JOIN item i ON i.questionnaire_version_id = v.id AND i.type != ?"
            " GROUP BY v.id",
            (str(ItemType.NOTE),),
        )
    )
    sizes = connection.execute(
        "SELECT questionnaire_version_id, length(answers), COUNT(*) FROM response"
        " GROUP BY questionnaire_version_id, length(answers)"
    )
    for version_id, size, count in sizes:
        width = widths.get(version_id, 0)
        if not fits(size, width):
            problems.append(
                tr("{count} besvarelser til spørgeskemaversion {version_id} fylder {size} byte "
                   "svar, hvilket ikke er 1, 2 eller 8 byte for hvert af dens {width} spørgsmål",
                   count=count, version_id=version_id, size=size, width=width)
            )
    (mismatched,) = connection.execute(
        "SELECT COUNT(*) FROM response r JOIN survey_round s ON s.id = r.round_id"
        " WHERE r.questionnaire_version_id != s.questionnaire_version_id"
    ).fetchone()
    if mismatched:
        problems.append(tr("{mismatched} besvarelser svarer på et andet spørgeskema end deres "
                           "runde", mismatched=mismatched))
    return problems


def _frozen_tree_problems(connection: sqlite3.Connection) -> list[str]:
    """Sheets of a round whose frozen org tree (schema 4) lacks their unit: the round could not
    be computed on its tree."""
    return [
        trn("{n} besvarelse i runden {round} hører til enheden {unit}, som ikke er i det "
            "organisationstræ, der blev fastfrosset, da runden blev lukket",
            "{n} besvarelser i runden {round} hører til enheden {unit}, som ikke er i det "
            "organisationstræ, der blev fastfrosset, da runden blev lukket",
            count, round=name, unit=code)
        for name, code, count in connection.execute(
            "SELECT s.name, u.code, COUNT(*) FROM response r"
            " JOIN survey_round s ON s.id = r.round_id JOIN org_unit u ON u.id = r.unit_id"
            " WHERE EXISTS (SELECT 1 FROM round_unit f WHERE f.round_id = s.id)"
            " AND NOT EXISTS (SELECT 1 FROM round_unit f WHERE f.round_id = s.id"
            "  AND f.code = u.code)"
            " GROUP BY s.name, u.code ORDER BY s.name, u.code")
    ]


def _closing_problems(connection: sqlite3.Connection) -> list[str]:
    """Sheets marked as published (schema 5) in a round that was never closed: the round's
    earlier releases could not be computed again as they were."""
    return [
        trn("{n} besvarelse i runden {round} er markeret som offentliggjort, men runden er "
            "aldrig blevet lukket",
            "{n} besvarelser i runden {round} er markeret som offentliggjort, men runden er "
            "aldrig blevet lukket", count, round=name)
        for name, count in connection.execute(
            "SELECT s.name, COUNT(*) FROM response r JOIN survey_round s ON s.id = r.round_id"
            " WHERE r.closing IS NOT NULL"
            " AND NOT EXISTS (SELECT 1 FROM round_unit f WHERE f.round_id = s.id)"
            " GROUP BY s.name ORDER BY s.name")
    ]


def check_file(path: Path, schema_version: int) -> list[str]:
    """Check a file without changing it; problems as sentences, empty when healthy."""
    try:
        if not path.is_file():
            return [tr("{path} findes ikke eller er ikke en fil", path=path)]
        header = read_header(path, read_only=True)
        check_ours(path, header)
        connection = readonly_connection(path)
    except ApvError as error:
        return [str(error)]
    try:
        return check_connection(connection, schema_version)
    finally:
        connection.close()
