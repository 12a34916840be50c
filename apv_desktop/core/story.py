"""The report's story in words and numbers, for every output that tells it (the workbook's first
sheet and department sheet, the board pack PDF, the Word document): no Qt, no openpyxl.

`build_story` returns plain dataclasses of strings and numbers:
- `Summary`: organisation, round, response rate, the five worst pressure points and the five
  best strengths as sentences with n and direction, the change since the previous round, and
  what the colours, symbols and directions mean;
- one `DepartmentBlock` per department (core.department_report decides which units are
  departments and drafts their text), with the four headings of the OMU report (seeds/004) and
  every bullet, also for departments whose figures are hidden (their block says why and quotes
  no figure). The AMiR's revised text, where there is one, replaces the draft.

Everything comes from the results and what they already show: a hidden score is never among the
pressure points, strengths or changes. Changes are oriented like "Forskel": minus is worse.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from apv_desktop.core.anonymity import Hidden
from apv_desktop.core.department_report import ScoreWording, draft_reports, headings
from apv_desktop.core.disclosure import hidden_reason_text
from apv_desktop.core.judgement import GREEN, RED, YELLOW
from apv_desktop.core.model import Direction
from apv_desktop.core.records import ActionItem, Indicator
from apv_desktop.core.results import Results, Score
from apv_desktop.core.trend import NOISE, Trend, oriented_change
from apv_desktop.i18n import Translate, format_decimal

TOP = 5  # pressure points and strengths the summary names
WEAK_RESPONSE_RATE = 0.6  # under this, the response rate is weak (domain.md)

# Grey-safe markers: a shape per light, readable where the fill is lost on a grey printer.
LIGHT_SYMBOLS = {GREEN: "●", YELLOW: "◆", RED: "▼"}
PRESSURE_SYMBOL = "!"  # after the light's shape: "▼!" is a pressure point
HIGHER_IS_WORSE_SYMBOL = "↓"  # beside a dimension's name: lower is better
HIGHER_IS_BETTER_SYMBOL = "↑"


def marker(light: str | None, pressure_point: bool = False) -> str:
    """The grey-safe symbol of a light ('' for none), with the pressure point's mark."""
    symbol = LIGHT_SYMBOLS.get(light or "", "")
    return symbol + PRESSURE_SYMBOL if symbol and pressure_point else symbol


def direction_symbol(direction: Direction) -> str:
    return (HIGHER_IS_WORSE_SYMBOL if direction is Direction.HIGHER_IS_WORSE
            else HIGHER_IS_BETTER_SYMBOL)


def direction_words(tr: Translate, direction: Direction) -> str:
    """Which way is good, in the same words on every sheet and page."""
    if direction is Direction.HIGHER_IS_WORSE:
        return tr("Høj score er dårlig")
    return tr("Høj score er god")


@dataclass(frozen=True)
class ScoreFact:
    """One shown score in words (a pressure point or a strength)."""

    unit: str  # unit code
    unit_name: str
    dimension: str  # dimension code
    dimension_name: str
    direction: str  # Direction value: higher_is_better or higher_is_worse
    score: float
    n: int
    light: str  # green / yellow / red
    symbol: str  # grey-safe marker (see `marker`)
    change: float | None  # since the previous round, oriented: minus = worse; None = no trend
    sentence: str


@dataclass(frozen=True)
class ChangeFact:
    """The organisation's change on one dimension since the previous round."""

    dimension: str
    dimension_name: str
    previous: float
    current: float
    change: float  # oriented: minus = worse
    sentence: str


@dataclass(frozen=True)
class LegendEntry:
    key: str  # green, yellow, red, pressure, hidden, higher_is_better, higher_is_worse
    symbol: str
    name: str
    meaning: str


@dataclass(frozen=True)
class Summary:
    organisation: str
    round: str
    previous_round: str | None
    responses: int
    headcount: int | None
    response_rate: float | None  # 0..1
    response_sentence: str
    pressure_points: list[ScoreFact]  # the TOP worst
    pressure_point_total: int
    strengths: list[ScoreFact]  # the TOP best
    strength_total: int
    changes: list[ChangeFact]  # the organisation's changes of at least NOISE points, worst first
    change_sentence: str  # the change since the previous round in one sentence
    legend: list[LegendEntry]


@dataclass(frozen=True)
class StorySection:
    heading: str
    bullets: list[str]


@dataclass(frozen=True)
class DepartmentBlock:
    unit: str
    name: str
    hidden: bool  # the department's own figures are hidden: its text quotes none
    hidden_reason: str  # in words ('' when shown)
    sections: list[StorySection]  # the four headings of the OMU report, in order
    edited: bool  # the AMiR's revised text, not the program's draft


@dataclass(frozen=True)
class Story:
    summary: Summary
    departments: list[DepartmentBlock]


def build_story(
    results: Results,
    tr: Translate,
    language: str,
    *,
    indicators: Iterable[Indicator] = (),
    actions: Iterable[ActionItem] = (),
    assessments: dict[str, str] | None = None,
    edited: dict[str, str] | None = None,
    trends: dict[tuple[str, str], Trend] | None = None,
    previous_round: str | None = None,
) -> Story:
    """The story of one round. `edited`: unit code -> the AMiR's revised department text;
    `trends`: (unit, dimension) -> trend against `previous_round`."""
    trends = trends or {}
    wording = ScoreWording(results, tr, language, trends, previous_round)
    drafts = draft_reports(results, indicators, actions, assessments or {}, tr, language,
                           trends, previous_round)
    revised = edited or {}
    titles = headings(tr)
    departments = [
        DepartmentBlock(
            unit=d.unit, name=d.name, hidden=d.hidden_reason is not None,
            hidden_reason=hidden_reason_text(tr, d.hidden_reason) if d.hidden_reason else "",
            sections=(sections_of(revised[d.unit], titles) if revised.get(d.unit)
                      else [StorySection(h, list(b)) for h, b in zip(
                          titles, (d.challenges, d.good, d.focus, d.sick_leave), strict=True)]),
            edited=bool(revised.get(d.unit)),
        )
        for d in drafts
    ]
    return Story(_summary(results, tr, language, wording, trends, previous_round), departments)


def sections_of(text: str, titles: list[str]) -> list[StorySection]:
    """A department text (headings, each followed by '- ' lines) as sections. A line before the
    first heading, or a line without '- ', is kept as a bullet of the section it stands in."""
    wanted = {t.strip().casefold(): t for t in titles}
    found: list[StorySection] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.casefold() in wanted:
            found.append(StorySection(wanted[stripped.casefold()], []))
            continue
        if not found:
            found.append(StorySection("", []))
        found[-1].bullets.append(stripped[2:].strip() if stripped.startswith("- ") else stripped)
    return found


def _summary(results: Results, tr: Translate, language: str, wording: ScoreWording,
             trends: dict[tuple[str, str], Trend], previous_round: str | None) -> Summary:
    org = results.organisation
    name = org.name or results.organisation_name
    points, strengths = results.pressure_points(), results.strengths()
    return Summary(
        organisation=name,
        round=results.round,
        previous_round=previous_round,
        responses=org.responses,
        headcount=org.headcount,
        response_rate=org.response_rate,
        response_sentence=_response_sentence(results, tr, language),
        pressure_points=[_fact(s, wording, wording.pressure_point(s)) for s in points[:TOP]],
        pressure_point_total=len(points),
        strengths=[_fact(s, wording, wording.strength(s)) for s in strengths[:TOP]],
        strength_total=len(strengths),
        changes=(changes := _changes(results, tr, language, trends, previous_round, wording)),
        change_sentence=_change_sentence(results, tr, previous_round, changes, trends),
        legend=legend(tr, results.rules.pressure_gap),
    )


def _fact(score: Score, wording: ScoreWording, sentence: str) -> ScoreFact:
    dimension = wording.dimensions[score.dimension]
    assert score.mean is not None and score.n is not None and score.light is not None
    return ScoreFact(score.unit, wording.names.get(score.unit, score.unit), score.dimension,
                     dimension.name, dimension.direction.value, score.mean, score.n,
                     score.light, marker(score.light, score.pressure_point),
                     wording.change(score), sentence)


def _response_sentence(results: Results, tr: Translate, language: str) -> str:
    org = results.organisation
    if org.response_rate is None or org.headcount is None:
        return tr("{responses} medarbejdere har svaret.", responses=org.responses)
    sentence = tr("{responses} af {headcount} medarbejdere har svaret ({rate} %).",
                  responses=org.responses, headcount=org.headcount,
                  rate=format_decimal(100 * org.response_rate, language, 0))
    if org.response_rate < WEAK_RESPONSE_RATE:
        sentence += " " + tr("Svarprocenten er under 60 %, så resultaterne skal læses med "
                             "forsigtighed.")
    return sentence


def _changes(results: Results, tr: Translate, language: str,
             trends: dict[tuple[str, str], Trend], previous_round: str | None,
             wording: ScoreWording) -> list[ChangeFact]:
    if previous_round is None:
        return []
    top = results.organisation.code
    found = []
    for dimension in results.dimensions:
        trend = trends.get((top, dimension.code))
        score = results.score(top, dimension.code)
        if trend is None or not trend.comparable or trend.delta is None \
                or trend.previous is None or score.mean is None or score.suppressed:
            continue
        change = oriented_change(trend.delta, dimension.direction)
        if abs(change) < NOISE:
            continue
        words = (tr("{dimension} er blevet bedre: fra {previous} til {current} ({change} point, "
                    "{direction}).", dimension=dimension.name,
                    previous=format_decimal(trend.previous, language),
                    current=format_decimal(score.mean, language),
                    change=wording.signed(change),
                    direction=direction_words(tr, dimension.direction).lower())
                 if change > 0 else
                 tr("{dimension} er blevet dårligere: fra {previous} til {current} ({change} "
                    "point, {direction}).", dimension=dimension.name,
                    previous=format_decimal(trend.previous, language),
                    current=format_decimal(score.mean, language),
                    change=wording.signed(change),
                    direction=direction_words(tr, dimension.direction).lower()))
        found.append(ChangeFact(dimension.code, dimension.name, trend.previous, score.mean,
                                change, words))
    return sorted(found, key=lambda c: (c.change, c.dimension))


def _change_sentence(results: Results, tr: Translate, previous_round: str | None,
                     changes: list[ChangeFact],
                     trends: dict[tuple[str, str], Trend]) -> str:
    if previous_round is None:
        return tr("Der er ingen tidligere runde at sammenligne med.")
    top = results.organisation.code
    comparable = any(t.comparable and t.delta is not None
                     for (unit, _), t in trends.items() if unit == top)
    if not comparable:
        return tr("Runde {round} stillede andre spørgsmål, så scorerne kan ikke sammenlignes "
                  "med den.", round=previous_round)
    if not changes:
        return tr("Siden runde {round} har ingen dimension for hele organisationen flyttet sig "
                  "{noise} point eller mere.", round=previous_round, noise=f"{NOISE:g}")
    worse = sum(1 for c in changes if c.change < 0)
    return tr("Siden runde {round} er {worse} dimensioner blevet dårligere og {better} bedre "
              "med {noise} point eller mere for hele organisationen (minus er dårligere).",
              round=previous_round, worse=worse, better=len(changes) - worse,
              noise=f"{NOISE:g}")


def legend(tr: Translate, pressure_gap: float = 10.0) -> list[LegendEntry]:
    """What the colours, symbols and arrows mean, in one list for every output."""
    return [
        LegendEntry(GREEN, LIGHT_SYMBOLS[GREEN], tr("Grøn"),
                    tr("Godt arbejdsmiljø på dette område")),
        LegendEntry(YELLOW, LIGHT_SYMBOLS[YELLOW], tr("Gul"), tr("Vær opmærksom")),
        LegendEntry(RED, LIGHT_SYMBOLS[RED], tr("Rød"), tr("Et problem, der skal tages op")),
        LegendEntry("pressure", LIGHT_SYMBOLS[RED] + PRESSURE_SYMBOL, tr("Pressionspunkt"),
                    tr("Rød eller mindst {gap} point dårligere end sammenligningsgrundlaget; med "
                       "fed skrift", gap=f"{pressure_gap:g}")),
        LegendEntry("hidden", "", tr("skjult"),
                    tr("{few} eller {protect}",
                       few=hidden_reason_text(tr, Hidden.TOO_FEW.value),
                       protect=hidden_reason_text(tr, Hidden.COMPLEMENTARY.value))),
        LegendEntry(Direction.HIGHER_IS_BETTER.value, HIGHER_IS_BETTER_SYMBOL,
                    direction_words(tr, Direction.HIGHER_IS_BETTER),
                    tr("Ressourcer som indflydelse, støtte og anerkendelse")),
        LegendEntry(Direction.HIGHER_IS_WORSE.value, HIGHER_IS_WORSE_SYMBOL,
                    direction_words(tr, Direction.HIGHER_IS_WORSE),
                    tr("Krav og belastninger som arbejdsmængde, stress og krænkende "
                       "handlinger")),
    ]
