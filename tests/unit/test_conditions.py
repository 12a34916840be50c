"""The condition picker's rows read from and written to `relevant` expressions: every condition
of the shipped templates reads into rows and writes back unchanged."""

from __future__ import annotations

import pytest

from apv_desktop.core.conditions import (
    Clause,
    Comparison,
    Condition,
    Join,
    read_condition,
    write_condition,
)
from apv_desktop.core.model import ItemType
from apv_desktop.interchange.templates import list_templates, load_template


def shipped_conditions() -> list[tuple[str, str, frozenset[str]]]:
    found = []
    for info in list_templates():
        questionnaire = load_template(info.id)
        multiple = frozenset(i.name for i in questionnaire.items()
                             if i.type is ItemType.SELECT_MULTIPLE)
        for section in questionnaire.sections:
            for place, relevant in [(section.name, section.relevant),
                                    *((i.name, i.relevant) for i in section.items)]:
                if relevant:
                    found.append((f"{info.id}:{place}", relevant, multiple))
    return found


SHIPPED = shipped_conditions()


def test_the_templates_have_conditions_to_read() -> None:
    assert len(SHIPPED) >= 10


@pytest.mark.parametrize(("place", "expression", "multiple"), SHIPPED,
                         ids=[place for place, _, _ in SHIPPED])
def test_every_shipped_condition_reads_into_rows_and_writes_back(place, expression, multiple):
    condition = read_condition(expression, multiple)
    assert condition is not None, place
    assert write_condition(condition) == expression


def test_the_rows_of_the_templates_kinds() -> None:
    assert read_condition("${bu_1} != '' and ${bu_1} != 'nej'") == Condition(
        (Clause("bu_1", Comparison.IS_NOT, ("nej",)),))
    assert read_condition("${a} = 'ja' or ${a} = 'delvis' or ${b} = 'ja'") == Condition(
        (Clause("a", Comparison.IS, ("ja", "delvis")), Clause("b", Comparison.IS, ("ja",))),
        Join.ANY)
    assert read_condition("") == Condition(())
    assert write_condition(Condition(())) is None


@pytest.mark.parametrize("condition", [
    Condition((Clause("a", Comparison.IS, ("ja", "delvis")), Clause("b", Comparison.ANSWERED)),
              Join.ALL),
    Condition((Clause("a", Comparison.IS_NOT, ("nej",)), Clause("b", Comparison.IS, ("x",))),
              Join.ANY),
    Condition((Clause("m", Comparison.IS, ("x", "y"), multiple=True),
               Clause("b", Comparison.NOT_ANSWERED)), Join.ALL),
    Condition((Clause("m", Comparison.IS_NOT, ("x",), multiple=True),)),
    Condition((Clause("a", Comparison.IS, ("it's",)),)),
])
def test_what_the_picker_writes_it_reads_back(condition: Condition) -> None:
    from apv_desktop.core.relevance import check_relevance

    expression = write_condition(condition)
    assert expression is not None
    check_relevance(expression)  # the evaluator takes it
    multiple = frozenset(c.item for c in condition.clauses if c.multiple)
    assert read_condition(expression, multiple) == condition


@pytest.mark.parametrize("expression", [
    "${a} > 3", "${a} = 'x' and (${b} = 'y' or ${c} = 'z')", "count-selected(${m}) > 1",
    "${a} = 'x' and", "${a} != 'x'",
])
def test_what_the_rows_cannot_say_is_left_to_the_raw_expression(expression: str) -> None:
    assert read_condition(expression) is None
