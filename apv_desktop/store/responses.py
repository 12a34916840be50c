"""Bulk writing and reading of answer sheets: the hot path, in plain SQL over the driver.

Each response row holds its answers as one BLOB, the vector of core/answers.py aligned with the
version's answerable items, packed in the smallest cell type (store/packing.py: one byte per
answer for choices). Reading a round is one query, one join of the blobs and one np.frombuffer;
writing is one executemany.

Anonymity: the integer key is random, so neither the key nor the file's layout (rows are
inserted in key order, which keeps the B-tree writes sequential) tells the order in which
sheets were handed in; the date is a day.
"""

from __future__ import annotations

import os
import sqlite3
from array import array
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from itertools import repeat
from typing import TYPE_CHECKING

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.records import RESPONSE_SOURCES, ResponseMeta
from apv_desktop.errors import RefusedError
from apv_desktop.i18n import tr, trn
from apv_desktop.store.packing import pack, unpack

if TYPE_CHECKING:  # imported where a round is read: storing a file of choices needs none
    import numpy as np

_ID_BITS = 62  # positive and well inside SQLite's signed 64-bit integer
_LOOKUP_CHUNK = 500  # stays under SQLite's limit on bound parameters
_SCAN_FACTOR = 4  # a stored value is read about this many times faster than one is looked up
_BULK_ROWS = 1000  # from this many sheets on, a bulk write gets a larger page cache
_BULK_CACHE_KIB = 65536

_INSERT_RESPONSE = (
    "INSERT INTO response (id, uuid, round_id, unit_id, questionnaire_version_id, date, source,"
    " answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_TEXT = "INSERT INTO text_answer (response_id, item_name, text) VALUES (?, ?, ?)"


def add_responses(
    connection: sqlite3.Connection,
    *,
    round_name: str,
    round_id: int,
    version_id: int,
    item_names: list[str],
    unit_ids: dict[str, int],
    responses: ResponseSet,
    source: str,
    on: date | None = None,
    uuids: Sequence[str] | None = None,
    dates: Sequence[date] | None = None,
) -> list[str]:
    """Insert every sheet of `responses` into the round; returns their uuids in input order.

    The caller runs this inside one transaction. Raises RefusedError, before writing anything,
    when the sheets do not fit the round.
    """
    _check_items(round_name, item_names, responses)
    # A file of choices arrives as the one-byte cells it is stored in; other sets are packed.
    blobs = responses.code_rows() or pack(_checked_values(round_name, item_names, responses))
    count = responses.size
    if source not in RESPONSE_SOURCES:
        raise RefusedError(
            "Besvarelseskilden {source!r} er ukendt; brug en af {value}.",
            source=source, value=', '.join(RESPONSE_SOURCES)
        )
    unknown = sorted({code for code in responses.unit_codes if code not in unit_ids})
    if unknown:
        raise RefusedError(
            "Besvarelserne nævner enheder, som ikke er i projektet: {value}; tilføj dem til "
            "organisationen først.", value=', '.join(unknown[:5])
        )
    day_texts = _day_texts(count, on, dates)
    new_uuids = _checked_uuids(connection, count, uuids)
    texts = _checked_texts(responses, item_names)
    ids = _fresh_ids(connection, count)
    in_key_order = sorted(range(count), key=ids.__getitem__)  # the ids differ
    unit_of = map(unit_ids.__getitem__, map(responses.unit_codes.__getitem__, in_key_order))
    with _bulk_cache(connection, count):
        # The rows are zipped from per-column iterators, so no Python code runs per sheet.
        connection.executemany(
            _INSERT_RESPONSE,
            zip(
                map(ids.__getitem__, in_key_order),
                map(new_uuids.__getitem__, in_key_order),
                repeat(round_id),
                unit_of,
                repeat(version_id),
                map(day_texts.__getitem__, in_key_order),
                repeat(source),
                map(blobs.__getitem__, in_key_order),
            ),
        )
        connection.executemany(
            _INSERT_TEXT, sorted((ids[row], name, text) for row, name, text in texts)
        )
    return new_uuids


def read_responses(
    connection: sqlite3.Connection, round_id: int, item_names: list[str]
) -> ResponseSet:
    """Every sheet of a round, ordered by the (random) id, with its free texts."""
    return read_sheets(connection, round_id, item_names)[0]


def read_sheets(
    connection: sqlite3.Connection, round_id: int, item_names: list[str]
) -> tuple[ResponseSet, np.ndarray]:
    """read_responses, and per sheet the closing that first published it (0 while none did;
    round_state.py sets it), in one pass over the round's rows."""
    rows = connection.execute(
        "SELECT id, unit_id, answers, COALESCE(closing, 0) FROM response WHERE round_id = ?"
        " ORDER BY id",
        (round_id,),
    ).fetchall()
    import numpy as np

    width = len(item_names)
    if not rows:
        return (ResponseSet(list(item_names), [], np.empty((0, width), dtype=np.float64), {}),
                np.zeros(0, dtype=np.int64))
    ids, unit_ids, blobs, closings = zip(*rows, strict=True)
    code_of = dict(connection.execute("SELECT id, code FROM org_unit"))
    unit_codes = [code_of[unit_id] for unit_id in unit_ids]
    values, codes = unpack(blobs, width)
    row_of: dict[int, int] = {}  # made when the round has free texts
    texts: dict[str, list[tuple[int, str]]] = {}
    for response_id, item_name, text in connection.execute(
        "SELECT t.response_id, t.item_name, t.text FROM text_answer t"
        " JOIN response r ON r.id = t.response_id WHERE r.round_id = ?",
        (round_id,),
    ):
        if not row_of:
            row_of = {response_id: row for row, response_id in enumerate(ids)}
        texts.setdefault(item_name, []).append((row_of[response_id], text))
    for entries in texts.values():
        entries.sort()
    responses = ResponseSet(list(item_names), unit_codes, values, texts)
    if codes is not None:
        responses.keep_codes(codes)
    return responses, np.array(closings, dtype=np.int64)


def read_meta(connection: sqlite3.Connection, round_id: int) -> list[ResponseMeta]:
    """uuid, unit, date and source of each sheet, in the same order as read_responses."""
    rows = connection.execute(
        "SELECT r.uuid, u.code, r.date, r.source FROM response r"
        " JOIN org_unit u ON u.id = r.unit_id WHERE r.round_id = ? ORDER BY r.id",
        (round_id,),
    )
    return [ResponseMeta(u, code, date.fromisoformat(day), src) for u, code, day, src in rows]


def read_days(connection: sqlite3.Connection, round_id: int) -> tuple[date, date] | None:
    """The first and last day of the round's sheets (read_meta's dates), None without sheets."""
    first, last = connection.execute(
        "SELECT MIN(date), MAX(date) FROM response WHERE round_id = ?", (round_id,)
    ).fetchone()
    return None if first is None else (date.fromisoformat(first), date.fromisoformat(last))


def _check_items(round_name: str, item_names: list[str], responses: ResponseSet) -> None:
    if list(responses.item_names) != list(item_names):
        missing = [name for name in item_names if name not in responses.item_names]
        extra = [name for name in responses.item_names if name not in item_names]
        detail = (
            tr("mangler {value}", value=', '.join(missing[:5]))
            if missing
            else tr("ikke i det: {value}", value=', '.join(extra[:5]))
            if extra
            else tr("spørgsmålene står i en anden rækkefølge")
        )
        raise RefusedError(
            "Svarene passer ikke til spørgeskemaet i runden {round_name} ({detail}).",
            round_name=round_name, detail=detail
        )


def _checked_values(round_name: str, item_names: list[str], responses: ResponseSet
                    ) -> np.ndarray:
    import numpy as np

    values = np.asarray(responses.values, dtype=np.float64)  # either order: pack reads both
    if values.ndim != 2 or values.shape != (responses.size, len(item_names)):
        raise RefusedError(
            "Svarene har formen {shape}, men runden {round_name} skal have {size} rækker med "
            "{count_item_names} spørgsmål.",
            shape=values.shape, round_name=round_name, size=responses.size,
            count_item_names=len(item_names)
        )
    if np.isinf(values).any():
        raise RefusedError("Svarene indeholder et uendeligt tal, som ikke er et gyldigt svar.")
    return values


def _checked_texts(responses: ResponseSet, item_names: list[str]) -> list[tuple[int, str, str]]:
    known = set(item_names)
    checked: list[tuple[int, str, str]] = []
    for name, entries in responses.texts.items():
        if name not in known:
            raise RefusedError("Friteksterne nævner spørgsmålet {name}, som ikke stilles.",
                               name=name)
        seen: set[int] = set()
        for row, text in entries:
            if not 0 <= row < responses.size:
                raise RefusedError("En fritekst til {name} hører ikke til nogen besvarelse (række "
                                   "{row}).", name=name, row=row)
            if row in seen:
                raise RefusedError("Besvarelsen i række {row} har to fritekster til {name}; "
                                   "behold kun én.", row=row, name=name)
            seen.add(row)
            if text and text.strip():
                checked.append((row, name, text))
    return checked


def _day_texts(count: int, on: date | None, dates: Sequence[date] | None) -> list[str]:
    """ISO days; a datetime is cut to its day, since no time of day is ever stored."""
    if dates is not None and len(dates) != count:
        raise RefusedError(trn("{given} datoer blev angivet til {n} besvarelse.",
                               "{given} datoer blev angivet til {n} besvarelser.", count,
                               given=len(dates)))

    def day(moment: date) -> str:
        return (moment.date() if isinstance(moment, datetime) else moment).isoformat()

    if dates is None:
        return [day(on or date.today())] * count
    return list(map(day, dates))


def _checked_uuids(
    connection: sqlite3.Connection, count: int, uuids: Sequence[str] | None
) -> list[str]:
    if uuids is None:
        return _random_uuids(count)
    if len(uuids) != count:
        raise RefusedError(trn("{given} besvarelses-id'er blev angivet til {n} besvarelse.",
                               "{given} besvarelses-id'er blev angivet til {n} besvarelser.",
                               count, given=len(uuids)))
    import uuid  # here: most imports bring no ids of their own

    checked = []
    for text in uuids:
        try:
            checked.append(str(uuid.UUID(text)))
        except (ValueError, TypeError, AttributeError):
            raise RefusedError("Besvarelses-id'et {text!r} er ikke et gyldigt UUID.",
                               text=text) from None
    if len(set(checked)) != count:
        raise RefusedError("Det samme besvarelses-id er angivet to gange.")
    taken = _existing(connection, "uuid", checked)
    if taken:
        raise RefusedError("Besvarelsen {value} findes allerede i projektet.",
                           value=sorted(taken)[0])
    return checked


def _random_keys(count: int) -> set[int]:
    """Up to `count` random positive keys of _ID_BITS bits, from one call to the OS's source."""
    return {raw >> (64 - _ID_BITS) for raw in _random_words(count)}


def _random_words(count: int) -> array:
    """`count` random 64-bit numbers from one call to the OS's source."""
    return array("Q", os.urandom(8 * count))


def _random_uuids(count: int) -> list[str]:
    """`count` version 4 UUIDs (what uuid.uuid4 makes), from one call to the OS's source."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = raw[6::16].translate(_VERSION_4)
    raw[8::16] = raw[8::16].translate(_RFC_4122_VARIANT)
    # The canonical text of all of them at once: hex digits in 8-4-4-4-12 groups, dashed.
    digits = raw.hex().encode("ascii")
    text = bytearray(b"-" * (36 * count))
    for digit, place in enumerate(_UUID_DIGIT_PLACES):
        text[place::36] = digits[digit::32]
    joined = text.decode("ascii")
    return [joined[start : start + 36] for start in range(0, 36 * count, 36)]


_UUID_DIGIT_PLACES = [place for place in range(36) if place not in (8, 13, 18, 23)]
_VERSION_4 = bytes((byte & 0x0F) | 0x40 for byte in range(256))
_RFC_4122_VARIANT = bytes((byte & 0x3F) | 0x80 for byte in range(256))


def _fresh_ids(connection: sqlite3.Connection, count: int) -> list[int]:
    """`count` distinct random keys that no stored response uses."""
    ids: list[int] = []
    chosen: set[int] = set()
    while len(ids) < count:
        batch = _random_keys(count - len(ids)) - chosen
        batch -= _existing(connection, "id", list(batch))
        chosen |= batch
        ids.extend(batch)
    # Which sheet gets which key owes nothing to set order: a uniformly random permutation,
    # the order of fresh random 64-bit sort keys from the OS's source (ties have chance 2^-64
    # per pair and would only keep two keys in set order; sorted() is stable).
    sort_keys = _random_words(count)
    return [ids[place] for place in sorted(range(count), key=sort_keys.__getitem__)]


def _existing(connection: sqlite3.Connection, column: str, values: list) -> set:
    """Those of `values` that a stored response has in `column`."""
    if len(values) > _LOOKUP_CHUNK:
        (stored,) = connection.execute("SELECT COUNT(*) FROM response").fetchone()
        if stored <= _SCAN_FACTOR * len(values):
            # Reading every stored value costs less than looking each new one up.
            wanted = set(values)
            return {value for (value,) in connection.execute(f"SELECT {column} FROM response")
                    if value in wanted}
    found: set = set()
    for start in range(0, len(values), _LOOKUP_CHUNK):
        chunk = values[start : start + _LOOKUP_CHUNK]
        marks = ",".join("?" * len(chunk))
        query = f"SELECT {column} FROM response WHERE {column} IN ({marks})"
        found.update(value for (value,) in connection.execute(query, chunk))
    return found


@contextmanager
def _bulk_cache(connection: sqlite3.Connection, rows: int) -> Iterator[None]:
    """A larger page cache while many rows go in (the indexes' pages stay in memory)."""
    if rows < _BULK_ROWS:
        yield
        return
    (before,) = connection.execute("PRAGMA cache_size").fetchone()
    connection.execute(f"PRAGMA cache_size = -{_BULK_CACHE_KIB}")
    try:
        yield
    finally:
        connection.execute(f"PRAGMA cache_size = {int(before)}")


def counts_by_unit(connection: sqlite3.Connection, round_id: int) -> dict[str, int]:
    """Sheets per unit code in a round, every unit included (0 when it has none)."""
    rows = connection.execute(
        "SELECT u.code, COUNT(r.id) FROM org_unit u"
        " LEFT JOIN response r ON r.unit_id = u.id AND r.round_id = ?"
        " GROUP BY u.id ORDER BY u.position, u.id",
        (round_id,),
    )
    return {code: count for code, count in rows}
