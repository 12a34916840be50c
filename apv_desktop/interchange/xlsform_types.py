"""The `type` column of an XLSForm survey row, sorted into what APV Desktop does with it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from apv_desktop.core.model import ItemType


class RowKind(Enum):
    ITEM = "item"
    BEGIN_GROUP = "begin_group"
    END_GROUP = "end_group"
    BEGIN_REPEAT = "begin_repeat"
    END_REPEAT = "end_repeat"
    PERSONAL_METADATA = "personal_metadata"  # identifies a device or a person: never collected
    TIME_METADATA = "time_metadata"  # when a sheet was filled in: never stored (anonymity)
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True)
class RowType:
    kind: RowKind
    item_type: ItemType | None = None
    list_name: str | None = None
    or_other: str | None = None  # `or_other` / `or specify other` as written; it is ignored


_SIMPLE_ITEM_TYPES: dict[str, ItemType] = {
    "text": ItemType.TEXT,
    "string": ItemType.TEXT,
    "integer": ItemType.INTEGER,
    "int": ItemType.INTEGER,
    "decimal": ItemType.DECIMAL,
    "note": ItemType.NOTE,
}

_STRUCTURE: dict[str, RowKind] = {
    "begin group": RowKind.BEGIN_GROUP,
    "end group": RowKind.END_GROUP,
    "begin repeat": RowKind.BEGIN_REPEAT,
    "end repeat": RowKind.END_REPEAT,
    # older forms: a loop is a repeat over a list, and is skipped the same way
    "begin loop": RowKind.BEGIN_REPEAT,
    "end loop": RowKind.END_REPEAT,
    "begin looped group": RowKind.BEGIN_REPEAT,
    "end looped group": RowKind.END_REPEAT,
}

# Compared with spaces and underscores removed: `phone number` == `phonenumber`.
_PERSONAL_METADATA = {
    "deviceid", "imei", "phonenumber", "username", "simserial", "subscriberid", "email",
}

# Exact times could link an answer sheet to whoever held the kiosk laptop at that moment.
_TIME_METADATA = {"start", "end", "today", "audit", "starttime", "endtime"}

_OTHER = r"(?P<other>\s+or[ _]other|\s+or\s+specify\s+other)?"
_SELECT_ONE = re.compile(
    r"^select[ _]one(?:[ _]from)?\s+(?P<list>\S+)" + _OTHER + r"$", re.IGNORECASE
)
_SELECT_MULTIPLE = re.compile(
    r"^(?:select[ _]multiple|select all that apply)(?:[ _]from)?\s+(?P<list>\S+)" + _OTHER + r"$",
    re.IGNORECASE,
)


def parse_type(raw: str) -> RowType:
    """What a `type` cell means; `raw` is the cell's text (case and spacing are free)."""
    text = " ".join(raw.split()).casefold()
    words = text.replace("_", " ")
    if words.startswith("begin loop over "):  # old forms: `begin loop over LIST`
        words = "begin loop"
    structural = _STRUCTURE.get(words)
    if structural is not None:
        return RowType(structural)
    if text in _SIMPLE_ITEM_TYPES:
        return RowType(RowKind.ITEM, _SIMPLE_ITEM_TYPES[text])
    if text.replace(" ", "").replace("_", "") in _PERSONAL_METADATA:
        return RowType(RowKind.PERSONAL_METADATA)
    if text.replace(" ", "").replace("_", "") in _TIME_METADATA:
        return RowType(RowKind.TIME_METADATA)
    if re.match(r"^select[ _]one[ _]from[ _]file\b", text):
        return RowType(RowKind.UNSUPPORTED)
    for pattern, item_type in (
        (_SELECT_ONE, ItemType.SELECT_ONE),
        (_SELECT_MULTIPLE, ItemType.SELECT_MULTIPLE),
    ):
        # matched on the raw text so that the list name keeps its case (ODK matches it exactly)
        match = pattern.match(" ".join(raw.split()))
        if match:
            other = match.group("other")
            return RowType(
                RowKind.ITEM, item_type, match.group("list"), other.strip() if other else None
            )
    return RowType(RowKind.UNSUPPORTED)


def type_text(item_type: ItemType, list_name: str | None) -> str:
    """The `type` cell the writer puts for an item."""
    if item_type in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE):
        return f"{item_type.value} {list_name}"
    return item_type.value
