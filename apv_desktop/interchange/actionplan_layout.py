"""The Handlingsplan sheet's columns and fingerprints, shared by the report that writes the sheet
and the reader that takes it back from management.

Each row carries hidden columns: the item's id, its round, unit and dimension codes, an identity
fingerprint and a content fingerprint. Both fingerprints are plain (unkeyed) SHA-256: they are
there to catch a row whose identity was changed by accident or on purpose (a retyped unit, a
pasted-over problem, a row copied onto another), not to stop a forger; a keyed HMAC would need a
secret in the project file and would make a sheet unverifiable from a copy of the project
without protecting anything more, as the manager holding the sheet is a trusted party anyway.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date, datetime

HEADER_ROW = 4
# Visible columns: the committee fills in from PROBLEM on.
NUMBER, UNIT, DIMENSION, SCORE = 1, 2, 3, 4
PROBLEM, CAUSE, ACTION, RESPONSIBLE, DEADLINE, STATUS = 5, 6, 7, 8, 9, 10
FOLLOW_UP_DATE, FOLLOW_UP, EFFECT = 11, 12, 13
LAST_VISIBLE = EFFECT
# Hidden columns, named by fixed keys (not translated: the reader finds the sheet by them).
ITEM_ID, ROUND, UNIT_CODE, DIMENSION_CODE, FINGERPRINT, CONTENT = 14, 15, 16, 17, 18, 19
LAST_COLUMN = CONTENT
HIDDEN_KEYS = {
    ITEM_ID: "apv:id", ROUND: "apv:round", UNIT_CODE: "apv:unit",
    DIMENSION_CODE: "apv:dimension", FINGERPRINT: "apv:fingerprint", CONTENT: "apv:content",
}

TEXT_FIELDS = {"problem": PROBLEM, "cause": CAUSE, "action": ACTION,
               "responsible": RESPONSIBLE, "follow_up_notes": FOLLOW_UP, "effect": EFFECT}
DATE_FIELDS = {"deadline": DEADLINE, "follow_up_date": FOLLOW_UP_DATE}
# The fields a row may change, in the sheet's order.
EDITABLE_FIELDS = ("problem", "cause", "action", "responsible", "deadline", "status",
                   "follow_up_date", "follow_up_notes", "effect")
DIGEST_CHARS = 16
_SEPARATOR = "\x1f"  # cannot occur in a cell (openpyxl drops control characters)


def normal_text(value: object) -> str:
    """A text cell as compared and stored: no surrounding blanks, Unix line ends."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _digest(parts: list[str]) -> str:
    joined = _SEPARATOR.join(parts).encode("utf-8")
    return hashlib.sha256(joined).hexdigest()[:DIGEST_CHARS]


def identity_fingerprint(item_id: str, round_name: str, unit_code: str, dimension_code: str,
                         unit_text: object, dimension_text: object, problem: object) -> str:
    """Over what says which item (and which pressure point) a row is about, as the sheet shows
    it; `problem` is None for a pressure point without an item (its problem is free to edit)."""
    parts = [item_id, round_name, unit_code, dimension_code, normal_text(unit_text),
             normal_text(dimension_text)]
    if problem is not None:
        parts.append(normal_text(problem))
    return _digest(parts)


def content_fingerprint(fields: Mapping[str, object]) -> str:
    """Over the editable fields (texts, dates, status code): equal when nobody changed the row."""
    parts = []
    for name in EDITABLE_FIELDS:
        value = fields.get(name)
        if isinstance(value, datetime):
            value = value.date()
        parts.append(value.isoformat() if isinstance(value, date) else normal_text(value))
    return _digest(parts)
