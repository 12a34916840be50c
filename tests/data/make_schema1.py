"""Writes tests/data/schema1.apv: a small project file at schema version 1.

The committed file is what future migrations are tested against (an old user's file), so it is
made once and then kept; do not regenerate it after the schema has moved past version 1.
Run: python tests/data/make_schema1.py [OUT.apv]
"""

from __future__ import annotations

import math
import sys
from datetime import date
from pathlib import Path

import numpy as np

from apv_desktop.core.answers import ResponseSet
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
from apv_desktop.store import SCHEMA_VERSION, Project

NAN = math.nan


def questionnaire() -> Questionnaire:
    freq = ChoiceList(
        "freq",
        [
            Choice("1", {"da": "Aldrig", "en": "Never"}, 0.0),
            Choice("2", {"da": "Sjældent", "en": "Seldom"}, 25.0),
            Choice("3", {"da": "Somme tider", "en": "Sometimes"}, 50.0),
            Choice("4", {"da": "Ofte", "en": "Often"}, 75.0),
            Choice("5", {"da": "Altid", "en": "Always"}, 100.0),
            Choice("vi", {"da": "Ved ikke", "en": "Don't know"}, None),
        ],
    )
    channels = ChoiceList(
        "kanaler",
        [Choice("mail", {"da": "E-mail"}), Choice("mode", {"da": "Møde"}), Choice("tlf", {})],
    )
    return Questionnaire(
        title="Mini-APV",
        form_id="apv_mini",
        version="2025-1",
        languages=["da", "en"],
        default_language="da",
        title_labels={"da": "Mini-APV", "en": "Mini workplace assessment"},
        sections=[
            Section("", items=[Item("intro", ItemType.NOTE, {"da": "Velkommen"})]),
            Section(
                "krav",
                {"da": "Krav i arbejdet", "en": "Demands"},
                [
                    Item(
                        "q1",
                        ItemType.SELECT_ONE,
                        {"da": "Når du dine opgaver?"},
                        list_name="freq",
                        dimension="QD",
                        required=True,
                    ),
                    Item(
                        "q2",
                        ItemType.SELECT_ONE,
                        {"da": "Får du støtte?", "en": "Support?"},
                        {"da": "Fra kolleger"},
                        "freq",
                        "SS",
                        reverse=True,
                    ),
                    Item(
                        "q3",
                        ItemType.SELECT_MULTIPLE,
                        {"da": "Hvordan?"},
                        list_name="kanaler",
                        relevant="${q1} != '1'",
                    ),
                ],
            ),
            Section(
                "fakta",
                {"da": "Fakta"},
                [
                    Item("alder", ItemType.INTEGER, {"da": "Alder"}),
                    Item("timer", ItemType.DECIMAL, {"da": "Timer om ugen"}),
                    Item("kommentar", ItemType.TEXT, {"da": "Kommentar"}, {"da": "Frivilligt"}),
                ],
                relevant="${q1} != ''",
            ),
        ],
        choice_lists={"freq": freq, "kanaler": channels},
        dimensions=[
            Dimension(
                "QD", {"da": "Kvantitative krav"}, Direction.HIGHER_IS_WORSE, 55.0, 6, "Krav"
            ),
            Dimension("SS", {"da": "Social støtte", "en": "Social support"}),
        ],
    )


ORG = [
    OrgUnit("ORG", "Socialforvaltningen", None, 30),
    OrgUnit("A", "Team A", "ORG", 12),
    OrgUnit("B", "Team B", "ORG", 10),
    OrgUnit("B1", "Team B1", "B", None),
]

# unit, q1, q2, q3 (bit mask), alder, timer
ROWS = [
    ("A", 0.0, 4.0, 3.0, 34.0, 37.0),
    ("A", 1.0, 5.0, NAN, 51.0, 37.5),
    ("A", 4.0, NAN, 1.0, NAN, NAN),
    ("B", 2.0, 3.0, 4.0, 45.0, 30.0),
    ("B", 3.0, 2.0, 0.0, 29.0, 32.25),
    ("B1", NAN, NAN, NAN, NAN, NAN),
]
TEXTS = {"kommentar": [(0, "For mange møder"), (3, "Godt team")]}
RESPONSE_DAY = date(2025, 3, 14)


def build(path: Path) -> None:
    with Project.create(path, Rules(min_n=4, comment_min_n=8), name="Testkommune") as project:
        project.replace_org(ORG)
        version_id = project.save_questionnaire(questionnaire())
        project.ensure_round("2025", version_id)
        values = np.array([row[1:] + (NAN,) for row in ROWS], dtype=np.float64)
        names = [item.name for item in questionnaire().answerable_items()]
        answers = ResponseSet(names, [row[0] for row in ROWS], values, TEXTS)
        project.add_responses("2025", answers, "kiosk", RESPONSE_DAY)
        project.set_indicator("A", "2024", "sick_days_short_per_fte", 6.5)
        project.set_indicator("B", "2024", "turnover_pct", 18.0)
        project.set_assessment("A", "2025", "Sygefraværet hænger sammen med travlhed.")
        project.add_action(
            "2025",
            "For høje krav i Team A",
            unit="A",
            dimension="QD",
            cause="Vakancer",
            action="Genbesæt stillinger",
            responsible="Leder",
            deadline=date(2025, 9, 1),
            status="in_progress",
        )


if __name__ == "__main__":
    assert SCHEMA_VERSION == 1, "schema1.apv must stay a schema 1 file; do not regenerate it"
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("schema1.apv")
    target.unlink(missing_ok=True)
    build(target)
    print(f"wrote {target}")
