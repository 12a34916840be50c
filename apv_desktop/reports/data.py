"""Everything one report shows, gathered once: the round's results (with their suppression) and
what the project holds besides (indicators, actions, assessments), plus the look-ups every sheet
needs (display names, parents, domains). The sheets only lay this out; they compute nothing that
could disagree with `results`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.comments import Comment, unit_comments
from apv_desktop.core.distribution import ItemDistribution, item_threshold
from apv_desktop.core.model import Item, ItemType, OrgUnit, Questionnaire
from apv_desktop.core.records import ActionItem, Indicator
from apv_desktop.core.results import DimensionInfo, Results, Score, UnitResult
from apv_desktop.core.trend import Trend
from apv_desktop.i18n import Translate

SICK_LEAVE_DIMENSION = "SL"


@dataclass
class ReportData:
    results: Results
    questionnaire: Questionnaire
    org_units: list[OrgUnit]
    responses: ResponseSet
    distributions: dict[tuple[str, str], ItemDistribution]
    indicators: list[Indicator]
    actions: list[ActionItem]
    assessments: dict[str, str]
    language: str
    tr: Translate
    report_date: date
    round_created: date | None = None
    collected: tuple[date, date] | None = None  # first and last day answers came in
    department_texts: dict[str, str] = field(default_factory=dict)  # revised by the AMiR
    previous_round: str | None = None  # the round created just before, when there is one
    trends: dict[tuple[str, str], Trend] = field(default_factory=dict)  # (unit, dimension)
    _comments: dict[str, list[Comment]] = field(default_factory=dict, repr=False)

    # --- the organisation -------------------------------------------------------------------

    @property
    def organisation(self) -> UnitResult:
        return self.results.organisation

    @property
    def organisation_name(self) -> str:
        tr = self.tr
        return self.organisation.name or self.results.organisation_name or tr("Organisation")

    @cached_property
    def units(self) -> list[UnitResult]:
        """Every unit below the organisation, parents first (the tree's order)."""
        top = self.organisation.code
        return [u for u in self.results.units if u.code != top]

    @cached_property
    def reportable_units(self) -> list[UnitResult]:
        """Departments and teams that may be shown: the ones that get a sheet of their own."""
        return [u for u in self.units if not u.suppressed]

    @cached_property
    def _by_code(self) -> dict[str, UnitResult]:
        found = {u.code: u for u in self.results.units}
        found[self.organisation.code] = self.organisation
        return found

    def unit(self, code: str) -> UnitResult:
        return self._by_code[code]

    @cached_property
    def _name_counts(self) -> Counter[str]:
        return Counter(u.name for u in self.results.units)

    def display_name(self, code: str) -> str:
        """The unit's name, with its code when another unit has the same name."""
        if code == self.organisation.code:
            return self.organisation_name
        unit = self.unit(code)
        return f"{unit.name} ({unit.code})" if self._name_counts[unit.name] > 1 else unit.name

    def parent_code(self, unit: UnitResult) -> str:
        """The unit's parent; the organisation for a top unit under a virtual organisation."""
        return unit.parent if unit.parent is not None else self.organisation.code

    # --- dimensions ---------------------------------------------------------------------------

    @property
    def dimensions(self) -> list[DimensionInfo]:
        return self.results.dimensions

    def is_offensive(self, dimension: DimensionInfo) -> bool:
        """Offensive behaviour: the dimensions with a stricter threshold than the project's."""
        return dimension.min_n > self.results.rules.min_n

    @cached_property
    def offensive_dimensions(self) -> list[DimensionInfo]:
        return [d for d in self.dimensions if self.is_offensive(d)]

    @cached_property
    def sick_leave_dimension(self) -> DimensionInfo | None:
        return next((d for d in self.dimensions if d.code == SICK_LEAVE_DIMENSION), None)

    def domain_name(self, domain: str | None) -> str:
        """A domain code names a section of the questionnaire; its label is the domain's name."""
        if not domain:
            return ""
        section = next((s for s in self.questionnaire.sections if s.name == domain), None)
        return section.label(self.language) if section is not None else domain

    def score(self, unit: str, dimension: str) -> Score:
        return self.results.score(unit, dimension)

    # --- items --------------------------------------------------------------------------------

    def item_strictness(self, item: Item) -> int:
        """The threshold of the item's disclosure family (core.disclosure decides)."""
        found = self.results.disclosure.item_threshold(item.name)
        return found if found is not None else item_threshold(
            self.questionnaire, item, self.results.rules)

    def is_offensive_item(self, item: Item) -> bool:
        return self.item_strictness(item) > self.results.rules.min_n

    @cached_property
    def distribution_items(self) -> list[Item]:
        """Select items that have distributions, in questionnaire order."""
        names = {item for _, item in self.distributions}
        return [
            i for i in self.questionnaire.items()
            if i.name in names and i.type in (ItemType.SELECT_ONE, ItemType.SELECT_MULTIPLE)
        ]

    def section_items(self, section_name: str | None) -> list[Item]:
        section = next((s for s in self.questionnaire.sections if s.name == section_name), None)
        wanted = {i.name for i in section.items} if section is not None else set()
        return [i for i in self.distribution_items if i.name in wanted]

    def comments(self, code: str) -> list[Comment]:
        """Free-text answers of a unit, only where the comment threshold allows them."""
        if code not in self._comments:
            self._comments[code] = unit_comments(
                self.questionnaire, self.org_units, self.responses, self.results, code
            )
        return self._comments[code]

    # --- pressure points ----------------------------------------------------------------------

    @cached_property
    def pressure_points(self) -> list[Score]:
        return self.results.pressure_points()

    @cached_property
    def strengths(self) -> list[Score]:
        return self.results.strengths()

    def trend(self, unit: str, dimension: str) -> tuple[float, float] | None:
        """(previous score, change) where the rounds compare and both scores are shown."""
        found = self.trends.get((unit, dimension))
        if found is None or not found.comparable or found.previous is None \
                or found.delta is None:
            return None
        return found.previous, found.delta

    def not_comparable(self, unit: str, dimension: str) -> bool:
        """Whether the previous round measured this unit or dimension differently (another
        composition of the unit, other questions): the report says so instead of a blank."""
        found = self.trends.get((unit, dimension))
        return found is not None and not found.comparable

    def unit_pressure_points(self, code: str) -> list[Score]:
        return [s for s in self.pressure_points if s.unit == code]
