"""JSON as the program writes it for people to read: `json.dumps(value, ensure_ascii=False,
indent=1)`, character for character, about four times faster.

With an indent, the json module leaves its C encoder for one written in Python, and the
results of a round (thousands of small score records) took ~25 ms of every `results --format
json`, whatever the number of respondents (issue 18). Here the containers are walked in Python,
but each container that holds only plain values (the score records) is written by the C encoder
in one call: its item separator carries the line break and the indent. A string in JSON never
holds a raw line break, so indenting a piece written at depth 0 by one level more is replacing
each "\n" with "\n" plus the indent; whatever this module does not recognise is written that way
by json.dumps itself, so the two cannot drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

_PLAIN = frozenset((str, int, float, bool, type(None)))
_TEXT = frozenset((str,))
_encode_key = json.encoder.encode_basestring


def indented(value: object) -> str:
    """`value` as json.dumps(value, ensure_ascii=False, indent=1) writes it."""
    parts: list[str] = []
    _write(value, 0, parts)
    return "".join(parts)


def one_line(value: object) -> str:
    """`value` as json.dumps(value, ensure_ascii=False) writes it, on one line; a record of
    plain values (a breakdown cell) through an encoder made once, not once per record."""
    if type(value) is dict and _TEXT.issuperset(map(type, value)) \
            and _PLAIN.issuperset(map(type, value.values())):
        return _encoder(", ")(value)
    return json.dumps(value, ensure_ascii=False)


def one_line_each(records: list[object], separator: str) -> str:
    """`separator.join(map(one_line, records))`, the records written by one call of the C
    encoder (a breakdown writes tens of thousands of cells, and a call per cell cost a third
    more). Dicts of plain values are joined in that text by "}, {" alone: a string holding
    "}, {" too (more pieces than records tell) or a record that is no dict is written record
    by record."""
    if len(records) < 2 or any(type(record) is not dict for record in records):
        return separator.join(map(one_line, records))
    pieces = json.dumps(records, ensure_ascii=False)[1:-1].split("}, {")
    if len(pieces) != len(records):
        return separator.join(map(one_line, records))
    return ("}" + separator + "{").join(pieces)


def _flat_encoder(depth: int) -> Callable[[object], str]:
    """Writes a container of plain values whose items stand at `depth`, brackets included
    (without their own line breaks, which _write adds)."""
    return _encoder(",\n" + " " * depth)


@cache
def _encoder(separator: str) -> Callable[[object], str]:
    """The C encoder with this item separator, made once: made per record, as
    JSONEncoder.encode does, it cost as much as the writing."""
    make = json.encoder.c_make_encoder  # type: ignore[attr-defined]
    if make is None:  # a Python without the json module's C part
        return json.JSONEncoder(ensure_ascii=False, separators=(separator, ": ")).encode
    write = make(None, json.JSONEncoder().default, _encode_key, None, ": ", separator,
                 False, False, True)  # no markers: a container of plain values has no cycle
    return lambda value: "".join(write(value, 0))


def _write(value: object, depth: int, parts: list[str]) -> None:
    inner = "\n" + " " * (depth + 1)
    outer = "\n" + " " * depth
    if type(value) is dict and value and _TEXT.issuperset(map(type, value)):
        if _PLAIN.issuperset(map(type, value.values())):
            parts.append("{" + inner + _flat_encoder(depth + 1)(value)[1:-1] + outer + "}")
            return
        parts.append("{")
        for index, (key, item) in enumerate(value.items()):
            parts.append((inner if index == 0 else "," + inner) + _encode_key(key) + ": ")
            _write(item, depth + 1, parts)
        parts.append(outer + "}")
    elif type(value) in (list, tuple) and value:
        items: Any = value
        if _PLAIN.issuperset(map(type, items)):
            parts.append("[" + inner + _flat_encoder(depth + 1)(items)[1:-1] + outer + "]")
            return
        parts.append("[")
        for index, item in enumerate(items):
            parts.append(inner if index == 0 else "," + inner)
            _write(item, depth + 1, parts)
        parts.append(outer + "]")
    else:  # a plain value, an empty container, or anything json.dumps alone knows how to write
        parts.append(json.dumps(value, ensure_ascii=False, indent=1).replace("\n", outer))
