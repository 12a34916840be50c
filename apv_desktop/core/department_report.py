"""The report per department to the main committee (OMU), drafted from the round's results in
the structure of seeds/004: Udfordringer, Gode erfaringer, Fremadrettede fokuspunkter and
Opmærksomhedspunkter i forbindelse med sygefravær. The AMiR then revises the text.

Everything comes from what may already be shown: pressure points and strengths are the results'
own (hidden scores are never among them), and a unit's indicators are only quoted when the unit
itself is shown in the results, so a small team's sick leave is not singled out. Every department
gets a block, also one whose own figures are hidden: its block says why and quotes no figure.
Every pressure point and strength is listed (a committee that wants fewer deletes lines; a silent
cap would hide problems), each saying which way its dimension points, so a low score on a
higher-is-worse dimension reads as the good news it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from apv_desktop.core.disclosure import hidden_reason_text
from apv_desktop.core.model import Direction
from apv_desktop.core.records import CLOSED_STATUSES, ActionItem, Indicator
from apv_desktop.core.results import DimensionInfo, Results, Score, UnitResult
from apv_desktop.core.trend import Trend, oriented_change
from apv_desktop.i18n import format_decimal

Translate = Callable[..., str]
TURNOVER_WORTH_NAMING = 15.0  # per cent a year


@dataclass
class DepartmentDraft:
    unit: str
    name: str
    challenges: list[str] = field(default_factory=list)
    good: list[str] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)
    sick_leave: list[str] = field(default_factory=list)
    hidden_reason: str | None = None  # why the department's own figures are hidden (Hidden value)

    def text(self, tr: Translate) -> str:
        """Headings, each followed by its points as '- ' lines: the editable text."""
        blocks = []
        for heading, lines in zip(headings(tr), (self.challenges, self.good, self.focus,
                                                 self.sick_leave), strict=True):
            blocks.append("\n".join([heading, *(f"- {line}" for line in lines)]))
        return "\n\n".join(blocks)


def headings(tr: Translate) -> list[str]:
    return [tr("Udfordringer"), tr("Gode erfaringer"), tr("Fremadrettede fokuspunkter"),
            tr("Opmærksomhedspunkter i forbindelse med sygefravær")]


def department_units(results: Results) -> list[UnitResult]:
    """The units that get a block: those whose sub-units are all teams (no deeper levels), and
    teams that sit directly under a higher level. The organisation itself never does."""
    top = results.organisation.code
    children: dict[str, list[str]] = {}
    for unit in results.units:
        if unit.parent is not None:
            children.setdefault(unit.parent, []).append(unit.code)

    def is_department(code: str) -> bool:
        kids = children.get(code, [])
        return bool(kids) and all(not children.get(kid) for kid in kids)

    found = []
    for unit in results.units:
        if unit.code == top:
            continue
        parent = unit.parent or top
        is_team = not children.get(unit.code)
        if is_department(unit.code) or (is_team and (parent == top or not is_department(parent))):
            found.append(unit)
    return found


def draft_reports(
    results: Results,
    indicators: Iterable[Indicator],
    actions: Iterable[ActionItem],
    assessments: dict[str, str],
    tr: Translate,
    language: str = "da",
    trends: dict[tuple[str, str], Trend] | None = None,
    previous_round: str | None = None,
) -> list[DepartmentDraft]:
    """One draft per department, in the organisation's order. With `trends` (of the round
    `previous_round`), a score's line says how it changed since then."""
    figures = list(indicators)
    open_actions = [a for a in actions if a.status not in CLOSED_STATUSES]
    names = display_names(results)
    dimension_names = {d.code: d.name for d in results.dimensions}
    shown = {u.code for u in results.units if not u.suppressed}
    wording = ScoreWording(results, tr, language, trends or {}, previous_round)
    drafts = []
    for department in department_units(results):
        members = _subtree(results, department.code)
        draft = DepartmentDraft(department.code, department.name,
                                hidden_reason=department.hidden_reason)
        if department.suppressed:
            _hidden_department(draft, members, names, open_actions,
                               {u: t for u, t in assessments.items() if u in shown}, tr)
            drafts.append(draft)
            continue
        for score in [s for s in results.pressure_points() if s.unit in members]:
            draft.challenges.append(wording.pressure_point(score))
        latest = _latest(f for f in figures if f.unit in members and f.unit in shown)
        for unit in [m for m in members if m in latest]:
            draft.challenges.extend(_indicator_challenges(names[unit], latest[unit], tr,
                                                          language))
        for score in [s for s in results.strengths() if s.unit in members]:
            draft.good.append(wording.strength(score))
        for action in [a for a in open_actions if a.unit in members]:
            draft.focus.append(_focus_line(action, names, tr))
        if not draft.focus:
            draft.focus.extend(_unplanned(results, members, names, dimension_names, tr))
        # Like the figures, the committee's assessment is quoted only for a shown unit (the
        # sick-leave sheet lists no hidden unit either).
        draft.sick_leave.extend(_sick_leave_lines([m for m in members if m in shown], names,
                                                  latest, assessments, tr, language))
        if not draft.challenges:
            draft.challenges.append(tr("Ingen pressionspunkter i undersøgelsen."))
        if not draft.good:
            draft.good.append(tr("Ingen dimensioner skiller sig positivt ud; skriv afdelingens "
                                 "egne gode erfaringer her."))
        if not draft.focus:
            draft.focus.append(tr("Ingen åbne handlinger i handlingsplanen."))
        drafts.append(draft)
    return drafts


def display_names(results: Results) -> dict[str, str]:
    """Unit code -> name, with the code added where two units share a name ("Team 1 (D1T1)"),
    so a sentence always says which unit it means."""
    count = Counter(u.name for u in results.units)
    names = {u.code: f"{u.name} ({u.code})" if count[u.name] > 1 else u.name
             for u in results.units}
    names.setdefault(results.organisation.code,
                     results.organisation.name or results.organisation_name)
    return names


class ScoreWording:
    """A shown score in words: the unit, the dimension, the score with which way is good, n, and
    the change since the previous round where the rounds compare (minus = worse, as "Forskel").
    Used for the department blocks and the report's summary alike."""

    def __init__(self, results: Results, tr: Translate, language: str,
                 trends: dict[tuple[str, str], Trend], previous_round: str | None) -> None:
        self.tr, self.language, self.trends = tr, language, trends
        self.previous_round = previous_round
        self.names = display_names(results)
        self.dimensions: dict[str, DimensionInfo] = {d.code: d for d in results.dimensions}

    def change(self, score: Score) -> float | None:
        """The oriented change since the previous round (minus = worse), or None."""
        trend = self.trends.get((score.unit, score.dimension))
        if score.suppressed or trend is None or not trend.comparable or trend.delta is None:
            return None
        return oriented_change(trend.delta, self.dimensions[score.dimension].direction)

    def pressure_point(self, score: Score) -> str:
        tr, dimension = self.tr, self.dimensions[score.dimension]
        fields = self._fields(score)
        if dimension.direction is Direction.HIGHER_IS_WORSE:
            line = tr("{unit}: {dimension} er et pressionspunkt: score {score}, hvor en høj "
                      "score er dårlig (n = {n}).", **fields)
        else:
            line = tr("{unit}: {dimension} er et pressionspunkt: score {score}, hvor en lav "
                      "score er dårlig (n = {n}).", **fields)
        return line + self._change_text(score)

    def strength(self, score: Score) -> str:
        tr, dimension = self.tr, self.dimensions[score.dimension]
        fields = self._fields(score)
        if dimension.direction is Direction.HIGHER_IS_WORSE:
            line = tr("{unit}: {dimension} ligger godt: score {score}, hvor en lav score er god "
                      "(n = {n}).", **fields)
        else:
            line = tr("{unit}: {dimension} ligger godt: score {score}, hvor en høj score er god "
                      "(n = {n}).", **fields)
        return line + self._change_text(score)

    def signed(self, change: float) -> str:
        text = format_decimal(change, self.language, 1)
        return text if text.startswith("-") or text == format_decimal(0, self.language, 1) \
            else "+" + text

    def _fields(self, score: Score) -> dict[str, object]:
        return {"unit": self.names.get(score.unit, score.unit),
                "dimension": self.dimensions[score.dimension].name,
                "score": _number(score.mean, self.language), "n": score.n}

    def _change_text(self, score: Score) -> str:
        tr, change = self.tr, self.change(score)
        if change is None or self.previous_round is None:
            return ""
        return " " + tr("Udvikling siden {round}: {change} point (minus er dårligere).",
                        round=self.previous_round, change=self.signed(change))


def _hidden_department(draft: DepartmentDraft, members: list[str], names: dict[str, str],
                       open_actions: list[ActionItem], assessments: dict[str, str],
                       tr: Translate) -> None:
    """A department whose own figures are hidden: the reason instead of figures, its open
    actions and the committee's assessment (the committee's own words), and no number at all,
    so nothing in the block can be set against the shown teams to recover the hidden figures."""
    reason = hidden_reason_text(tr, draft.hidden_reason)
    draft.challenges.append(tr("Afdelingens resultater er {reason}; skriv afdelingens egne "
                               "udfordringer her.", reason=reason))
    draft.good.append(tr("Skriv afdelingens egne gode erfaringer her."))
    draft.focus.extend(_focus_line(a, names, tr) for a in open_actions if a.unit in members)
    if not draft.focus:
        draft.focus.append(tr("Ingen åbne handlinger i handlingsplanen."))
    for unit in members:
        if assessments.get(unit):
            draft.sick_leave.append(tr("Udvalgets vurdering for {unit}: {assessment}",
                                       unit=names[unit],
                                       assessment=" ".join(assessments[unit].split())))
    if not draft.sick_leave:
        draft.sick_leave.append(tr("Udvalget har endnu ikke vurderet, om arbejdsmiljøet "
                                   "bidrager til sygefraværet."))


def _subtree(results: Results, code: str) -> list[str]:
    members = [code]
    for unit in results.units:  # parents come before children
        if unit.parent in members and unit.code not in members:
            members.append(unit.code)
    return members


def _latest(figures: Iterable[Indicator]) -> dict[str, dict[str, list[tuple[str, float]]]]:
    """unit -> kind -> [(period, value)] sorted by period (latest last)."""
    table: dict[str, dict[str, list[tuple[str, float]]]] = {}
    for f in figures:
        table.setdefault(f.unit, {}).setdefault(f.kind, []).append((f.period, f.value))
    for kinds in table.values():
        for series in kinds.values():
            series.sort()
    return table


def _indicator_challenges(name: str, kinds: dict[str, list[tuple[str, float]]], tr: Translate,
                          language: str) -> list[str]:
    lines = []
    caseload, recommended = kinds.get("caseload"), kinds.get("caseload_recommended")
    if caseload and recommended and caseload[-1][1] > recommended[-1][1]:
        lines.append(tr("{unit}: {caseload} sager pr. medarbejder mod anbefalet {recommended} "
                        "({period}).", unit=name, caseload=_number(caseload[-1][1], language),
                        recommended=_number(recommended[-1][1], language),
                        period=caseload[-1][0]))
    long_term = kinds.get("sick_days_long_per_fte", [])
    if len(long_term) >= 2 and long_term[-1][1] > long_term[-2][1]:
        lines.append(tr("{unit}: langtidssygefraværet er steget fra {before} til {after} dage "
                        "pr. årsværk ({period}).", unit=name,
                        before=_number(long_term[-2][1], language),
                        after=_number(long_term[-1][1], language), period=long_term[-1][0]))
    turnover = kinds.get("turnover_pct", [])
    if turnover and turnover[-1][1] >= TURNOVER_WORTH_NAMING:
        lines.append(tr("{unit}: personaleomsætningen er {value} % ({period}).", unit=name,
                        value=_number(turnover[-1][1], language), period=turnover[-1][0]))
    return lines


def _focus_line(action: ActionItem, names: dict[str, str], tr: Translate) -> str:
    what = action.action or action.problem
    unit = names.get(action.unit or "", "")
    deadline = action.deadline.strftime("%d-%m-%Y") if action.deadline else "-"
    return tr("{unit}: {action} (ansvarlig: {responsible}, frist {deadline})", unit=unit,
              action=what.rstrip("."), responsible=action.responsible or "-", deadline=deadline)


def _unplanned(results: Results, members: list[str], names: dict[str, str],
               dimension_names: dict[str, str], tr: Translate) -> list[str]:
    points: list[Score] = [s for s in results.pressure_points() if s.unit in members]
    return [tr("{unit}: lav en handling for {dimension}.", unit=names[s.unit],
               dimension=dimension_names[s.dimension]) for s in points]


def _sick_leave_lines(members: list[str], names: dict[str, str],
                      latest: dict[str, dict[str, list[tuple[str, float]]]],
                      assessments: dict[str, str], tr: Translate, language: str) -> list[str]:
    lines = []
    for unit in members:
        kinds = latest.get(unit, {})
        short, long_term = kinds.get("sick_days_short_per_fte"), kinds.get(
            "sick_days_long_per_fte")
        if short and long_term:
            lines.append(tr("{unit}: {short} dages korttids- og {long} dages langtidssygefravær "
                            "pr. årsværk ({period}).", unit=names[unit],
                            short=_number(short[-1][1], language),
                            long=_number(long_term[-1][1], language), period=short[-1][0]))
        if assessments.get(unit):
            lines.append(tr("Udvalgets vurdering for {unit}: {assessment}", unit=names[unit],
                            assessment=" ".join(assessments[unit].split())))
    if not any(assessments.get(unit) for unit in members):
        lines.append(tr("Udvalget har endnu ikke vurderet, om arbejdsmiljøet bidrager til "
                        "sygefraværet."))
    return lines


def _number(value: float | None, language: str) -> str:
    if value is None:
        return "-"
    return format_decimal(value, language, 0 if float(value).is_integer() else 1)


def hidden_units_named(results: Results, text: str) -> list[str]:
    """The hidden units a (revised) department text names, by name or code, in the tree's
    order: a text quoting an assessment of a hidden team says what the figures may not."""
    found = []
    for unit in results.units:
        if not unit.suppressed:
            continue
        words = [w for w in (unit.name, unit.code) if w and len(w) > 1]
        if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE) for w in words):
            found.append(unit.name or unit.code)
    return found
