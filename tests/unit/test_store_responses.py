"""Answer sheets: packed bulk write and read, texts, days only, random ids, refusals."""

from __future__ import annotations

import math
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import (
    Choice,
    ChoiceList,
    Item,
    ItemType,
    OrgUnit,
    Questionnaire,
    Section,
)
from apv_desktop.errors import RefusedError
from apv_desktop.store import Project
from apv_desktop.store import responses as responses_store
from tests.fixed_dates import days_during

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages

NAN = math.nan
ITEMS = ["q1", "q2", "comment", "n"]


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    questionnaire = Questionnaire(
        "Q",
        sections=[
            Section("", items=[Item("hello", ItemType.NOTE)]),
            Section(
                "s",
                items=[
                    Item("q1", ItemType.SELECT_ONE, list_name="f"),
                    Item("q2", ItemType.SELECT_MULTIPLE, list_name="f"),
                    Item("comment", ItemType.TEXT),
                    Item("n", ItemType.DECIMAL),
                ],
            ),
        ],
        choice_lists={"f": ChoiceList("f", [Choice("a", {}, 0.0), Choice("b", {}, 100.0)])},
    )
    with Project.create(tmp_path / "p.apv") as opened:
        opened.replace_org([OrgUnit("A", "Team A"), OrgUnit("B", "Team B", "A")])
        opened.save_questionnaire(questionnaire)
        opened.ensure_round("2025")
        yield opened


def as_rows(answers: ResponseSet) -> list[tuple]:
    """Sheets as comparable tuples (NaN as None), in the order they came."""
    return [
        (unit, *(None if math.isnan(v) else v for v in row))
        for unit, row in zip(answers.unit_codes, answers.values.tolist(), strict=True)
    ]


def raw(project: Project, query: str) -> list[tuple]:
    connection = sqlite3.connect(project.path)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def test_values_texts_and_units_come_back(project: Project) -> None:
    values = np.array(
        [
            [0.0, 3.0, NAN, 12.25],
            [1.0, NAN, NAN, NAN],
            [NAN, NAN, NAN, -0.5],
        ]
    )
    texts = {"comment": [(0, "Travlt"), (2, "Godt samarbejde"), (1, "   ")]}
    answers = ResponseSet(list(ITEMS), ["A", "B", "B"], values, texts)
    uuids = project.add_responses("2025", answers, "import", date(2025, 4, 2))
    assert len(set(uuids)) == 3 and all(uuid.UUID(u).version == 4 for u in uuids)
    back = project.responses("2025")
    assert back.item_names == ITEMS
    assert back.values.dtype == np.float64 and back.values.flags.writeable
    expected = {
        ("A", 0.0, 3.0, None, 12.25): "Travlt",
        ("B", 1.0, None, None, None): None,
        ("B", None, None, None, -0.5): "Godt samarbejde",
    }
    rows = as_rows(back)
    assert sorted(rows, key=str) == sorted(expected, key=str)
    texts_back = dict(back.texts["comment"])
    for row_number, row in enumerate(rows):
        assert texts_back.get(row_number) == expected[row]
    meta = project.response_meta("2025")
    assert sorted(m.uuid for m in meta) == sorted(uuids)
    assert [m.unit for m in meta] == back.unit_codes
    assert {(m.date, m.source) for m in meta} == {(date(2025, 4, 2), "import")}
    assert project.response_count("2025") == 3
    assert project.response_counts_by_unit("2025") == {"A": 1, "B": 2}


def test_an_empty_round_reads_as_an_empty_set(project: Project) -> None:
    back = project.responses()
    assert back.item_names == ITEMS and back.values.shape == (0, 4) and back.texts == {}
    assert project.response_count() == 0


def test_ids_are_random_and_rows_are_not_kept_in_submission_order(project: Project) -> None:
    count = 60
    values = np.full((count, 4), NAN)
    values[:, 3] = np.arange(count)  # each sheet numbered in the order it was handed in
    answers = ResponseSet(list(ITEMS), ["A"] * count, values)
    project.add_responses("2025", answers, "kiosk")
    ids = [row_id for (row_id,) in raw(project, "SELECT id FROM response ORDER BY rowid")]
    assert ids != list(range(1, count + 1))
    assert max(ids) > 2**40  # not a counter
    stored_order = project.responses().values[:, 3].tolist()
    assert sorted(stored_order) == list(range(count))
    assert stored_order != list(range(count))


def test_only_the_day_is_stored_never_a_time(project: Project) -> None:
    answers = ResponseSet(list(ITEMS), ["A"], np.full((1, 4), NAN))
    project.add_responses("2025", answers, "kiosk", datetime(2025, 3, 14, 10, 5, 33))
    _, today = days_during(lambda: project.add_responses("2025", answers, "kiosk"))
    days = raw(project, "SELECT date FROM response")
    assert sorted(days)[0] == ("2025-03-14",)
    assert sorted(days)[1][0] in {day.isoformat() for day in today}
    assert all(isinstance(d, str) and len(d) == 10 for (d,) in days)


def test_merged_sheets_keep_their_uuid_and_day(project: Project) -> None:
    answers = ResponseSet(list(ITEMS), ["A", "B"], np.full((2, 4), NAN))
    ids = [str(uuid.uuid4()), str(uuid.uuid4())]
    days = [date(2024, 1, 2), date(2024, 1, 3)]
    assert project.add_responses("2025", answers, "merge", uuids=ids, dates=days) == ids
    meta = {m.uuid: (m.unit, m.date) for m in project.response_meta()}
    assert meta == {ids[0]: ("A", days[0]), ids[1]: ("B", days[1])}
    with pytest.raises(RefusedError, match="already in the project"):
        project.add_responses("2025", answers, "merge", uuids=ids, dates=days)
    assert project.response_count() == 2


@pytest.mark.parametrize("stored", [700, 2500])  # stored values read all, or looked up
def test_a_merged_uuid_already_stored_is_refused_among_many(project: Project, stored: int) -> None:
    def sheets(count: int) -> ResponseSet:
        return ResponseSet(list(ITEMS), ["A"] * count, np.full((count, 4), NAN))

    first = [str(uuid.uuid4()) for _ in range(stored)]
    project.add_responses("2025", sheets(stored), "merge", uuids=first)
    again = [str(uuid.uuid4()) for _ in range(599)] + [first[-1]]
    with pytest.raises(RefusedError, match=first[-1]):
        project.add_responses("2025", sheets(600), "merge", uuids=again)
    assert project.response_count() == stored
    project.add_responses("2025", sheets(599), "merge", uuids=again[:-1])
    assert project.response_count() == stored + 599


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda a: setattr(a, "item_names", ["q1", "q2", "n"]), "does not match|do not match"),
        (lambda a: setattr(a, "item_names", ["q2", "q1", "comment", "n"]), "another order"),
        (lambda a: setattr(a, "unit_codes", ["A", "ZZ"]), "ZZ"),
        (lambda a: setattr(a, "values", np.zeros((2, 3))), "shape"),
        (lambda a: a.values.__setitem__((0, 0), math.inf), "infinite"),
        (lambda a: setattr(a, "texts", {"nope": [(0, "x")]}), "nope"),
        (lambda a: setattr(a, "texts", {"comment": [(5, "x")]}), "row 5"),
    ],
)
def test_sheets_that_do_not_fit_are_refused_and_nothing_is_stored(
    project: Project, change, words: str
) -> None:
    answers = ResponseSet(list(ITEMS), ["A", "B"], np.zeros((2, 4)))
    change(answers)
    with pytest.raises(RefusedError, match=words):
        project.add_responses("2025", answers, "import")
    assert project.response_count() == 0


def test_unknown_round_and_source_are_refused(project: Project) -> None:
    answers = ResponseSet(list(ITEMS), ["A"], np.zeros((1, 4)))
    with pytest.raises(RefusedError, match="2030"):
        project.add_responses("2030", answers, "import")
    with pytest.raises(RefusedError, match="source"):
        project.add_responses("2025", answers, "email")
    assert project.response_count() == 0


def test_rounds_keep_their_sheets_apart(project: Project) -> None:
    project.ensure_round("2025-opfølgning")
    first = ResponseSet(list(ITEMS), ["A"], np.array([[0.0, NAN, NAN, 1.0]]))
    second = ResponseSet(list(ITEMS), ["B", "B"], np.array([[1.0, NAN, NAN, 2.0]] * 2))
    project.add_responses("2025", first, "paper")
    project.add_responses("2025-opfølgning", second, "paper")
    assert as_rows(project.responses("2025")) == [("A", 0.0, None, None, 1.0)]
    assert as_rows(project.responses()) == [("B", 1.0, None, None, 2.0)] * 2
    assert project.response_count() == 3
    assert [(r.name, r.response_count) for r in project.rounds()] == [
        ("2025", 1),
        ("2025-opfølgning", 2),
    ]


def test_the_first_and_last_day_of_a_round(project: Project) -> None:
    assert project.response_days("2025") is None  # no sheets yet
    answers = ResponseSet(list(ITEMS), ["A", "B", "A"], np.full((3, 4), NAN))
    days = [date(2024, 12, 30), date(2025, 1, 2), date(2024, 11, 5)]
    project.add_responses("2025", answers, "merge", uuids=[str(uuid.uuid4()) for _ in days],
                          dates=days)
    assert project.response_days("2025") == (date(2024, 11, 5), date(2025, 1, 2))
    assert project.response_days("2025") == (min(m.date for m in project.response_meta()),
                                             max(m.date for m in project.response_meta()))


def test_random_uuids_are_uuid4s_text_of_the_drawn_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = bytes(range(256)) * 2  # 32 UUIDs' worth of known bytes
    monkeypatch.setattr(responses_store.os, "urandom", lambda size: drawn[:size])
    made = responses_store._random_uuids(32)
    assert made == [str(uuid.UUID(bytes=drawn[16 * n : 16 * n + 16], version=4))
                    for n in range(32)]
    assert responses_store._random_uuids(0) == []
