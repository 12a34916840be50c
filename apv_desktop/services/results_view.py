"""What the results screen shows, computed once per settings change, off the GUI thread.

`load_round` opens its own Project (an SQLite connection must stay on the thread that made it),
reads the round and the round before it once, and computes; `recompute` re-runs only the
computation on the already loaded answers, so trying another min_n on 20,000 answer sheets does
not read the file again. Everything the screen shows comes from core functions: the scores,
lights and suppression of `compute_results`, the distributions of `item_distributions`, the
comments of `unit_comments` and the trend of `compare_rounds`. Nothing here recomputes a score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from apv_desktop.core.answers import RoundAnswers
from apv_desktop.core.breakdown import Breakdown, compute_breakdown
from apv_desktop.core.comments import Comment, unit_comments
from apv_desktop.core.distribution import ItemDistribution, item_distributions
from apv_desktop.core.model import DEFAULT_LANGUAGE, OrgUnit, Questionnaire, Rules, pick_label
from apv_desktop.core.progress import Progress, no_progress, scaled
from apv_desktop.core.records import ActionItem
from apv_desktop.core.results import Results, Score, compute_results
from apv_desktop.core.trend import Trend, compare_rounds
from apv_desktop.errors import RefusedError
from apv_desktop.i18n import format_decimal, translator
from apv_desktop.services.compute import round_answers
from apv_desktop.services.projects import opened
from apv_desktop.store.project import Project


@dataclass
class RoundData:
    """Everything read from the project for the results screen (read once per round)."""

    path: Path
    organisation_name: str
    units: list[OrgUnit]
    current: RoundAnswers
    previous: RoundAnswers | None  # the round created just before, when there is one
    stored_rules: Rules


@dataclass
class ResultsBundle:
    """One computation of a round under one set of rules, in one language."""

    data: RoundData
    rules: Rules
    language: str
    results: Results
    distributions: dict[tuple[str, str], ItemDistribution]
    previous: Results | None
    trends: dict[tuple[str, str], Trend] = field(default_factory=dict)
    # Breakdowns by background question, computed when first asked for (a worker's job)
    breakdowns: dict[str, Breakdown] = field(default_factory=dict)

    @property
    def round_name(self) -> str:
        return self.data.current.name

    @property
    def questionnaire(self) -> Questionnaire:
        return self.data.current.questionnaire


def previous_round_name(round_names: list[str], current: str) -> str | None:
    """The round created just before `current` (round_names in creation order)."""
    if current not in round_names:
        return None
    position = round_names.index(current)
    return round_names[position - 1] if position > 0 else None


def breakdown_of(bundle: ResultsBundle, item: str) -> Breakdown:
    """The bundle's results by the groups of background question `item`: slow at 20,000
    answers, so the window asks for it in its worker; computed once per bundle."""
    found = bundle.breakdowns.get(item)
    if found is None:
        current = bundle.data.current
        found = compute_breakdown(current.questionnaire, current.units, current.responses,
                                  bundle.results, item, language=bundle.language)
    return found


def read_round_data(project: Project, round_name: str | None = None) -> RoundData:
    """The round (latest when None), the one before it, the org and the stored rules."""
    info = project.round(round_name)
    names = [r.name for r in project.rounds()]
    earlier = previous_round_name(names, info.name)
    current = round_answers(project, info.name)
    return RoundData(
        path=project.path,
        organisation_name=project.name,
        units=current.units,
        current=current,
        previous=round_answers(project, earlier) if earlier is not None else None,
        stored_rules=project.rules(),
    )


def previous_round_trends(
    project: Project,
    results: Results,
    current: RoundAnswers,
    language: str = DEFAULT_LANGUAGE,
) -> tuple[str | None, dict[tuple[str, str], Trend]]:
    """The round created just before `results.round` and the trend against it, computed under
    `results.rules` (its hidden scores stay hidden: a trend holds only shown scores)."""
    earlier = previous_round_name([r.name for r in project.rounds()], results.round)
    if earlier is None:
        return None, {}
    before = round_answers(project, earlier)
    units = project.org_units()
    previous = compute_results(
        before.questionnaire, before.units, before.responses, results.rules, earlier,
        organisation_name=project.name, language=language, state=before.state,
    )
    return earlier, compare_rounds(results, current, previous, before, units)


def load_round(
    path: Path,
    round_name: str | None = None,
    rules: Rules | None = None,
    language: str = DEFAULT_LANGUAGE,
    progress: Progress | None = None,
    breakdown_items: tuple[str, ...] = (),
) -> ResultsBundle:
    """Open the project at `path` on the calling thread, read the round and compute it under
    `rules` (the project's stored rules when None)."""
    report = progress or no_progress
    report(0.0, "")
    with opened(Path(path)) as project:
        data = read_round_data(project, round_name)
    return recompute(data, rules, language, scaled(report, 0.4, 1.0), breakdown_items)


def recompute(
    data: RoundData,
    rules: Rules | None = None,
    language: str = DEFAULT_LANGUAGE,
    progress: Progress | None = None,
    breakdown_items: tuple[str, ...] = (),
) -> ResultsBundle:
    """The computation alone, on answers already read: what a settings change runs (with
    the breakdowns on screen, which the new rules change as they change the tree)."""
    report = progress or no_progress
    rules = rules or data.stored_rules
    problems = rules.validate()
    if problems:
        raise RefusedError("Indstillingerne kan ikke bruges: {value}.", value='; '.join(problems))
    has_previous = data.previous is not None
    share = 0.45 if has_previous else 0.8
    results = _compute(data, data.current, rules, language, scaled(report, 0.0, share))
    report(share, "")
    current = data.current
    distributions = item_distributions(current.questionnaire, data.units, current.responses,
                                       results.disclosure)
    previous: Results | None = None
    trends: dict[tuple[str, str], Trend] = {}
    if data.previous is not None:
        report(0.9, "")
        previous = _compute(data, data.previous, rules, language, None)
        trends = compare_rounds(results, current, previous, data.previous, data.units)
    bundle = ResultsBundle(data, rules, language, results, distributions, previous, trends)
    for item in breakdown_items:
        bundle.breakdowns[item] = breakdown_of(bundle, item)
    report(1.0, "")
    return bundle


def _compute(
    data: RoundData, loaded: RoundAnswers, rules: Rules, language: str, progress: Progress | None
) -> Results:
    return compute_results(
        loaded.questionnaire,
        loaded.units,
        loaded.responses,
        rules,
        loaded.name,
        organisation_name=data.organisation_name,
        language=language,
        progress=progress,
        state=loaded.state,
    )


def comments_of(bundle: ResultsBundle, unit_code: str) -> list[Comment]:
    """The unit's free-text comments, or [] where the unit is under the comment threshold."""
    data = bundle.data
    return unit_comments(
        data.current.questionnaire, data.units, data.current.responses, bundle.results, unit_code
    )


def domain_names(questionnaire: Questionnaire, language: str) -> dict[str, str]:
    """Domain code -> name: a dimension's domain is the name of a section of the questionnaire,
    whose label names it; an unknown domain is shown by its code."""
    sections = {s.name: s for s in questionnaire.sections}
    names: dict[str, str] = {}
    for dimension in questionnaire.dimensions:
        code = dimension.domain
        if code and code not in names:
            section = sections.get(code)
            names[code] = pick_label(section.labels, language, code) if section else code
    return names


def unit_name(results: Results, code: str) -> str:
    if code == results.organisation.code:
        return results.organisation.name or results.organisation_name
    return next((u.name for u in results.units if u.code == code), code)


def action_problem(results: Results, score: Score, language: str = DEFAULT_LANGUAGE) -> str:
    """The problem text of an action-plan item made from a pressure point."""
    tr = translator(language)
    dimension = next(d for d in results.dimensions if d.code == score.dimension)
    if score.mean is None:
        return tr("{dimension} i {unit}", dimension=dimension.name,
                  unit=unit_name(results, score.unit))
    return tr("{dimension} i {unit}: score {score} ud fra {n} svar i runde {round}",
              dimension=dimension.name, unit=unit_name(results, score.unit),
              score=format_decimal(score.mean, language), n=score.n, round=results.round)


def add_action_for(
    project: Project, results: Results, score: Score, language: str = DEFAULT_LANGUAGE
) -> ActionItem:
    """Store an action-plan item for a shown score (a pressure point), pre-filled."""
    if score.suppressed:
        raise RefusedError("Et skjult resultat kan ikke blive et punkt i handlingsplanen.")
    return project.add_action(
        results.round, action_problem(results, score, language),
        unit=score.unit or None, dimension=score.dimension,
    )
