"""The questionnaire and organisation as plain data: what every other layer passes around.

No Qt and no SQL here. The store turns tables into these objects, interchange turns files into
them, and the compute functions in this package read them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

LANGUAGES: tuple[str, ...] = ("da", "sv", "en")
DEFAULT_LANGUAGE = "da"


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher_is_better"
    HIGHER_IS_WORSE = "higher_is_worse"


class ItemType(StrEnum):
    SELECT_ONE = "select_one"
    SELECT_MULTIPLE = "select_multiple"
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    NOTE = "note"


def pick_label(labels: dict[str, str], language: str, fallback: str = "") -> str:
    """The label in `language`, else Danish, else any language, else `fallback`."""
    for lang in (language, DEFAULT_LANGUAGE, *labels):
        if labels.get(lang):
            return labels[lang]
    return fallback


@dataclass
class Choice:
    name: str
    labels: dict[str, str] = field(default_factory=dict)
    score: float | None = None  # 0..100; None = not scored ("ved ikke")

    def label(self, language: str) -> str:
        return pick_label(self.labels, language, self.name)


@dataclass
class ChoiceList:
    name: str
    choices: list[Choice] = field(default_factory=list)

    def index_of(self, name: str) -> int | None:
        for i, choice in enumerate(self.choices):
            if choice.name == name:
                return i
        return None

    @property
    def is_scored(self) -> bool:
        return any(c.score is not None for c in self.choices)


@dataclass
class Item:
    name: str
    type: ItemType
    labels: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)
    list_name: str | None = None
    dimension: str | None = None
    reverse: bool = False
    required: bool = False
    relevant: str | None = None
    background: bool = False  # describes the respondent (age group, job): see breakdowns

    def label(self, language: str) -> str:
        return pick_label(self.labels, language, self.name)

    @property
    def answerable(self) -> bool:
        return self.type is not ItemType.NOTE


@dataclass
class Section:
    """A page of the questionnaire (an XLSForm group). Items outside any group live in a
    section with an empty name."""

    name: str
    labels: dict[str, str] = field(default_factory=dict)
    items: list[Item] = field(default_factory=list)
    relevant: str | None = None

    def label(self, language: str) -> str:
        return pick_label(self.labels, language, self.name)


@dataclass
class Dimension:
    code: str
    labels: dict[str, str] = field(default_factory=dict)
    direction: Direction = Direction.HIGHER_IS_BETTER
    reference: float | None = None  # 0..100 on the dimension's own scale
    min_n: int | None = None  # a stricter anonymity threshold for this dimension
    domain: str | None = None  # grouping for the heatmap's columns

    def label(self, language: str) -> str:
        return pick_label(self.labels, language, self.code)


@dataclass
class Questionnaire:
    title: str
    form_id: str = ""
    version: str = ""
    languages: list[str] = field(default_factory=lambda: [DEFAULT_LANGUAGE])
    default_language: str = DEFAULT_LANGUAGE
    sections: list[Section] = field(default_factory=list)
    choice_lists: dict[str, ChoiceList] = field(default_factory=dict)
    dimensions: list[Dimension] = field(default_factory=list)
    title_labels: dict[str, str] = field(default_factory=dict)

    def items(self) -> Iterator[Item]:
        for section in self.sections:
            yield from section.items

    def answerable_items(self) -> list[Item]:
        """Items that hold an answer, in the fixed order used for stored answer vectors."""
        return [item for item in self.items() if item.answerable]

    def item(self, name: str) -> Item | None:
        return next((i for i in self.items() if i.name == name), None)

    def dimension(self, code: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.code == code), None)

    def choices_for(self, item: Item) -> ChoiceList | None:
        return self.choice_lists.get(item.list_name) if item.list_name else None

    def is_scored(self, item: Item) -> bool:
        """A select_one item with a dimension and a list that carries scores."""
        if item.type is not ItemType.SELECT_ONE or not item.dimension:
            return False
        choices = self.choices_for(item)
        return choices is not None and choices.is_scored


@dataclass
class OrgUnit:
    code: str
    name: str
    parent: str | None = None  # parent's code; None for a top unit
    headcount: int | None = None


@dataclass
class Rules:
    """The adjustable rules of a project (design.md, 'Rules with defaults')."""

    min_n: int = 5
    comment_min_n: int = 10
    green_at: float = 66.7
    yellow_at: float = 50.0
    reference_red_at: float = -10.0
    reference_yellow_at: float = -5.0
    pressure_gap: float = 10.0
    comparison: str = "organisation"  # or "reference"
    # Results by background group only in units with this many answers (twice the default
    # min_n; never fewer than min_n, see breakdown_floor).
    breakdown_min_n: int = 10

    ABSOLUTE_MIN_N = 3

    def breakdown_floor(self) -> int:
        """The fewest answers a unit needs for results by background group."""
        return max(self.breakdown_min_n, self.min_n)

    def validate(self) -> list[str]:
        from apv_desktop.i18n import tr  # lazily: i18n reads this module's LANGUAGES

        problems = []
        if self.min_n < self.ABSOLUTE_MIN_N:
            problems.append(tr("min_n skal være mindst {ABSOLUTE_MIN_N}, ikke {min_n}",
                               ABSOLUTE_MIN_N=self.ABSOLUTE_MIN_N, min_n=self.min_n))
        if self.comment_min_n < self.min_n:
            problems.append(tr("comment_min_n skal være mindst min_n"))
        if not self.yellow_at < self.green_at:
            problems.append(tr("yellow_at skal være under green_at"))
        if not self.reference_red_at < self.reference_yellow_at <= 0:
            problems.append(tr("reference_red_at skal være under reference_yellow_at, begge højst "
                               "0"))
        if self.comparison not in ("organisation", "reference"):
            problems.append(tr("comparison skal være organisation eller reference, ikke "
                               "{comparison}", comparison=self.comparison))
        return problems
