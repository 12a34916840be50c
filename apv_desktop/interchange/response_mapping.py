"""A column mapping kept as a small JSON file, so a fix made once is reused for the next export.

    {"format": "apv-desktop-response-mapping", "version": 1,
     "columns": {"Hvor arbejder du?": "@unit", "Spm 7": "qd_1", "Kommentar til HR": ""}}

Keys are column headers as the file writes them (matched ignoring case and spacing); a value is
an item name, "@unit" for the unit column, or "" to ignore the column.
"""

from __future__ import annotations

import json
from pathlib import Path

from apv_desktop.errors import InputError
from apv_desktop.interchange.atomic import atomic_output

FORMAT = "apv-desktop-response-mapping"
VERSION = 1


def save_mapping(mapping: dict[str, str], path: Path) -> None:
    document = {"format": FORMAT, "version": VERSION, "columns": dict(mapping)}
    with atomic_output(Path(path)) as temporary:
        temporary.write_text(
            json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


def load_mapping(path: Path) -> dict[str, str]:
    """The mapping in `path`; InputError with what to do for a file that is not one."""
    path = Path(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError("Kolonnefilen {name} blev ikke fundet i {path}.",
                         name=path.name, path=path) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise InputError(
            "{name} er ikke en kolonnefil gemt af APV Desktop; gem kolonnerne igen fra "
            "importvinduet.", name=path.name
        ) from None
    columns = document.get("columns") if isinstance(document, dict) else None
    if (
        not isinstance(columns, dict)
        or document.get("format", FORMAT) != FORMAT
        or not all(isinstance(k, str) and isinstance(v, str | None) for k, v in columns.items())
    ):
        raise InputError(
            "{name} er ikke en kolonnefil gemt af APV Desktop (den skal have et »columns«-objekt "
            "med overskrift: spørgsmålsnavn); gem kolonnerne igen fra importvinduet.",
            name=path.name
        )
    return {header: target or "" for header, target in columns.items()}
