"""The action plan, its follow-up, the unit indicators and the department reports: the use cases
the CLI and the action-plan screen both call."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from apv_desktop.core.progress import Progress, no_progress
from apv_desktop.core.records import ActionItem, Indicator
from apv_desktop.errors import InputError, RefusedError
from apv_desktop.i18n import trn
from apv_desktop.services.projects import opened

if TYPE_CHECKING:  # the follow-up's arithmetic (numpy) comes in when a follow-up is computed,
    # not with the overdue notice every project shows as it opens
    from apv_desktop.core.followup import FollowUp
    from apv_desktop.interchange.actionplan_sheet import ActionPlanChanges
    from apv_desktop.store.project import Project

CLOSED_STATUSES = ("done", "dropped")


# --- action items --------------------------------------------------------------------------


def is_overdue(action: ActionItem, today: date | None = None) -> bool:
    """Past its deadline and neither done nor dropped."""
    today = today or date.today()
    return (action.deadline is not None and action.deadline < today
            and action.status not in CLOSED_STATUSES)


def overdue_actions(project: Project, today: date | None = None) -> list[ActionItem]:
    """Every round's open items past their deadline, the longest overdue first."""
    late = [a for a in project.actions() if is_overdue(a, today)]
    return sorted(late, key=lambda a: (a.deadline or date.max, a.id))


@dataclass(frozen=True)
class ActionFilter:
    """The overview's filters; None (or False) lets everything through."""

    unit: str | None = None
    status: str | None = None
    responsible: str | None = None  # a part of the name, any case
    overdue_only: bool = False
    round: str | None = None


def filtered_actions(actions: Iterable[ActionItem], wanted: ActionFilter,
                     today: date | None = None) -> list[ActionItem]:
    found = []
    needle = (wanted.responsible or "").strip().casefold()
    for action in actions:
        if wanted.unit is not None and action.unit != wanted.unit:
            continue
        if wanted.status is not None and action.status != wanted.status:
            continue
        if needle and needle not in action.responsible.casefold():
            continue
        if wanted.overdue_only and not is_overdue(action, today):
            continue
        if wanted.round is not None and action.round != wanted.round:
            continue
        found.append(action)
    return found


# --- follow-up -------------------------------------------------------------------------------


def follow_ups(project: Project, actions: list[ActionItem], later_round: str | None = None
               ) -> dict[int, FollowUp]:
    """Action id -> before/after scores. Each action is compared with `later_round` (by
    default the latest round); actions of that round or a later one get no follow-up."""
    from apv_desktop.core.followup import Target, follow_up
    from apv_desktop.services.compute import round_answers

    rounds = [r.name for r in project.rounds()]
    if not rounds:
        return {}
    later = later_round or rounds[-1]
    if later not in rounds:
        raise RefusedError("Projektet har ingen undersøgelsesrunde, der hedder {later}.",
                           later=later)
    units = project.org_units()
    rules = project.rules()
    after = round_answers(project, later)
    found: dict[int, FollowUp] = {}
    by_round: dict[str, list[ActionItem]] = {}
    for action in actions:
        if action.round in rounds and rounds.index(action.round) < rounds.index(later):
            by_round.setdefault(action.round, []).append(action)
    for round_name, items in by_round.items():
        before = round_answers(project, round_name)
        targets = [Target(a.unit, a.dimension, a.item_name) for a in items]
        for action, result in zip(items, follow_up(targets, before, after, units, rules),
                                  strict=True):
            found[action.id] = result
    return found


def follow_ups_for_file(path: Path, later_round: str | None = None) -> dict[int, FollowUp]:
    with opened(path) as project:
        return follow_ups(project, project.actions(), later_round)


# --- indicators ------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorImport:
    figures: int
    units: int
    periods: list[str]


def import_indicators(project_path: Path, file: Path, *, dry_run: bool = False,
                      progress: Progress = no_progress) -> IndicatorImport:
    """Read an indicator file (CSV/XLSX) and store every figure in it, or none."""
    from apv_desktop.interchange.indicatorfile import read_indicators

    with opened(Path(project_path)) as project:
        rows = read_indicators(Path(file), project.org_units(), progress)
        if not dry_run:
            project.set_indicators([Indicator(r.unit, r.period, r.kind, r.value) for r in rows])
    return IndicatorImport(len(rows), len({r.unit for r in rows}),
                           sorted({r.period for r in rows}))


def unit_indicators(project: Project, unit_code: str) -> dict[str, dict[str, float]]:
    """A unit's figures as period -> kind -> value, periods in order: what the results' team
    view shows beside the unit's pressure points."""
    table: dict[str, dict[str, float]] = {}
    for indicator in project.indicators(unit_code=unit_code):
        table.setdefault(indicator.period, {})[indicator.kind] = indicator.value
    return dict(sorted(table.items()))


# --- the action-plan sheet handed back by management -----------------------------------------


def read_action_plan_file(project: Project, file: Path, progress: Progress = no_progress
                          ) -> ActionPlanChanges:
    """What the filled-in Handlingsplan sheet of a report would change (nothing is stored)."""
    from apv_desktop.interchange.actionplan_sheet import read_action_plan_sheet

    dimensions: dict[str, list[str]] = {}
    for version in project.questionnaire_versions():
        questionnaire = project.questionnaire(version.id)
        for dimension in questionnaire.dimensions if questionnaire else []:
            names = dimensions.setdefault(dimension.code, [])
            names.extend(n for n in dimension.labels.values() if n not in names)
    return read_action_plan_sheet(Path(file), project.actions(), units=project.org_units(),
                                  dimensions=dimensions,
                                  rounds=[r.name for r in project.rounds()],
                                  progress=progress)


def read_action_plan_at(project_path: Path, file: Path, progress: Progress = no_progress
                        ) -> ActionPlanChanges:
    """read_action_plan_file for the project at `project_path` (for a worker thread, which
    cannot use the window's connection)."""
    with opened(Path(project_path)) as project:
        return read_action_plan_file(project, file, progress)


def refuse_sheet_problems(plan: ActionPlanChanges) -> None:
    """All or nothing: a sheet with any row that cannot be taken is refused, rows listed."""
    if not plan.problems:
        return
    count = len(plan.problems)
    listed = [str(p) for p in plan.problems]
    raise InputError(trn("{file}, ark {sheet}: {n} række kan ikke importeres, så intet blev gemt; "
                         "{first}", "{file}, ark {sheet}: {n} rækker kan ikke importeres, så intet "
                         "blev gemt; {first}", count, file=plan.file.name, sheet=plan.sheet,
                         first=listed[0]), listed)


def apply_action_plan_changes(project: Project, plan: ActionPlanChanges) -> None:
    """Store every update and new item of `plan`, or (on any refusal) none of them."""
    refuse_sheet_problems(plan)
    current = {a.id: a for a in project.actions()}
    for update in plan.updates:  # the items must still be as they were when the sheet was read
        item = current.get(update.item_id)
        if item is None or any(getattr(item, c.field) != c.old for c in update.changes):
            raise RefusedError("Punkt {item_id} i handlingsplanen blev ændret eller slettet, "
                               "efter {name} blev læst; læs filen igen.",
                               item_id=update.item_id, name=plan.file.name)
    additions = []
    for addition in plan.additions:
        fields = dict(addition.fields)
        problem = str(fields.pop("problem"))
        additions.append((addition.round, problem,
                          {"unit": addition.unit, "dimension": addition.dimension, **fields}))
    project.change_actions(
        [(u.item_id, {c.field: c.new for c in u.changes}) for u in plan.updates], additions
    )


def import_action_plan(project_path: Path, file: Path, *, dry_run: bool = False
                       ) -> ActionPlanChanges:
    """The CLI's import-actionplan: read the sheet, refuse it with its problems listed, else
    store its changes (unless `dry_run`). Returns the changes."""
    with opened(Path(project_path)) as project:
        plan = read_action_plan_file(project, Path(file))
        refuse_sheet_problems(plan)
        if not dry_run:
            apply_action_plan_changes(project, plan)
    return plan
