"""Project settings: the organisation's name and the adjustable Rules, one JSON value per key.

Each Rules field is its own key ("rules.min_n"), so a later program that adds a field reads an
older file with that field's default, and an unknown stored key is simply ignored.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from sqlmodel import Session

from apv_desktop.core.model import Rules
from apv_desktop.errors import RefusedError
from apv_desktop.i18n import tr
from apv_desktop.store import plain
from apv_desktop.store.tables import ProjectSetting

NAME_KEY = plain.NAME_KEY
RULES_PREFIX = plain.RULES_PREFIX


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    return plain.get_setting(plain.driver(session), key, default)


def put_setting(session: Session, key: str, value: Any) -> None:
    row = session.get(ProjectSetting, key) or ProjectSetting(key=key, value="")
    row.value = json.dumps(value, ensure_ascii=False)
    session.add(row)


def read_rules(session: Session) -> Rules:
    return plain.read_rules(plain.driver(session))


def write_rules(session: Session, rules: Rules) -> None:
    problems = rules_problems(rules)
    if problems:
        raise RefusedError("Reglerne kan ikke gemmes: {value}.", value='; '.join(problems))
    for f in dataclasses.fields(Rules):
        put_setting(session, RULES_PREFIX + f.name, getattr(rules, f.name))


def rules_problems(rules: Rules) -> list[str]:
    problems = []
    for f in dataclasses.fields(Rules):
        value = getattr(rules, f.name)
        default = getattr(Rules(), f.name)
        numeric = isinstance(default, int | float) and not isinstance(default, bool)
        if numeric and (isinstance(value, bool) or not isinstance(value, int | float)):
            problems.append(tr("{name} skal være et tal, ikke {value!r}", name=f.name, value=value))
        elif isinstance(default, int) and not isinstance(value, int):
            problems.append(tr("{name} skal være et helt tal, ikke {value!r}",
                               name=f.name, value=value))
        elif isinstance(default, str) and not isinstance(value, str):
            problems.append(tr("{name} skal være tekst, ikke {value!r}", name=f.name, value=value))
    return problems or rules.validate()
