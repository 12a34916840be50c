"""The demo answers a follow-up question only where the form would have shown it: nobody who
said "Nej" to bullying says whom it came from (issue 16), and no answer anywhere contradicts a
`relevant` condition."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import ItemType, Questionnaire
from apv_desktop.core.relevance import is_relevant
from apv_desktop.services.demo import build_demo
from apv_desktop.services.projects import opened
from tests.fixed_dates import DEMO_TODAY


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.apv"
    build_demo(path, today=DEMO_TODAY)
    return path


def answer_sheet(questionnaire: Questionnaire, answers: ResponseSet, row: int) -> dict[str, str]:
    """One respondent's answers as `relevant` reads them (choice names, '' = none)."""
    sheet: dict[str, str] = {}
    for j, name in enumerate(answers.item_names):
        item = questionnaire.item(name)
        value = answers.values[row, j]
        choices = questionnaire.choices_for(item) if item is not None else None
        if item is None or choices is None or math.isnan(value):
            continue
        if item.type is ItemType.SELECT_MULTIPLE:
            sheet[name] = " ".join(c.name for k, c in enumerate(choices.choices)
                                   if int(value) >> k & 1)
        else:
            sheet[name] = choices.choices[int(value)].name
    return sheet


@pytest.mark.parametrize("round_name", ["2025", "2026-opfølgning"])
def test_no_answer_contradicts_its_condition(demo, round_name):
    with opened(demo) as project:
        answers = project.responses(round_name)
        questionnaire = project.questionnaire(project.round(round_name)
                                              .questionnaire_version_id)
    column = {name: j for j, name in enumerate(answers.item_names)}
    conditional = [(section, item) for section in questionnaire.sections
                   for item in section.items
                   if item.name in column and (section.relevant or item.relevant)]
    if round_name == "2025":
        assert {item.name for _, item in conditional} >= {"bu_fra", "sh_fra", "sl_1"}
    for row in range(answers.size):
        sheet = answer_sheet(questionnaire, answers, row)
        texts = {name for name, found in answers.texts.items() if any(r == row for r, _ in found)}
        for section, item in conditional:
            answered = not math.isnan(answers.values[row, column[item.name]]) or \
                item.name in texts
            if answered:
                assert is_relevant(section.relevant, sheet) and is_relevant(
                    item.relevant, sheet, item.name), (row, item.name, sheet)


def test_whom_bullying_came_from_is_asked_only_of_those_who_were_bullied(demo):
    with opened(demo) as project:
        answers = project.responses("2025")
        questionnaire = project.questionnaire(project.round("2025").questionnaire_version_id)
    choices = questionnaire.choices_for(questionnaire.item("bu_1"))
    assert choices is not None
    never = [c.name for c in choices.choices].index("nej")
    bullied = answers.values[:, answers.item_names.index("bu_1")]
    source = answers.values[:, answers.item_names.index("bu_fra")]
    said_no = bullied == never
    assert said_no.sum() > 100
    assert not np.any(said_no & ~np.isnan(source))
    yes = ~said_no & ~np.isnan(bullied)
    assert (yes & ~np.isnan(source)).sum() >= 0.9 * yes.sum()
