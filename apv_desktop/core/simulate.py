"""Plausible synthetic answers, for the demo project and the benchmarks.

Each respondent has a level per dimension (oriented so that higher is better): the organisation's
baseline, plus the team's effect, plus personal variation. Each item's answer is the scored
choice nearest to that level plus item noise; unscored choices ("ved ikke") appear now and then.
A question (or section) with a `relevant` condition is answered only by those for whom the
condition holds, as the form would have shown it: nobody who said "Nej" to bullying says whom
it came from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import Direction, ItemType, Questionnaire
from apv_desktop.core.relevance import compile_relevance, referenced_names, to_boolean


@dataclass
class Profile:
    """How one unit's answers lean: oriented points added per dimension code."""

    effects: dict[str, float] = field(default_factory=dict)
    team_spread: float = 4.0


@dataclass
class Simulation:
    baseline: float = 68.0
    baselines: dict[str, float] = field(default_factory=dict)  # per dimension code, oriented
    person_sd: float = 14.0
    item_sd: float = 12.0
    dont_know_rate: float = 0.03
    skip_rate: float = 0.01
    text_rate: float = 0.15
    texts: list[str] = field(default_factory=list)


def simulate_responses(
    questionnaire: Questionnaire,
    respondents_per_unit: dict[str, int],
    profiles: dict[str, Profile],
    rng: np.random.Generator,
    simulation: Simulation | None = None,
) -> ResponseSet:
    sim = simulation or Simulation()
    items = questionnaire.answerable_items()
    unit_codes = [code for code, count in respondents_per_unit.items() for _ in range(count)]
    size = len(unit_codes)
    values = np.full((size, len(items)), math.nan)
    dims = {d.code: d for d in questionnaire.dimensions}
    # Only dimensions that score something get a level (one that only tags a question with a
    # stricter threshold draws nothing, so adding such a tag changes no simulated answer).
    scoring = {i.dimension for i in items if questionnaire.is_scored(i)}
    level = _levels([c for c in dims if c in scoring], unit_codes, respondents_per_unit,
                    profiles, rng, sim)
    texts: dict[str, list[tuple[int, str]]] = {}
    for j, item in enumerate(items):
        choices = questionnaire.choices_for(item)
        if item.type is ItemType.TEXT:
            if sim.texts:
                rows = np.flatnonzero(rng.random(size) < sim.text_rate)
                texts[item.name] = [(int(r), str(rng.choice(sim.texts))) for r in rows]
            continue
        if choices is None:
            if item.type in (ItemType.INTEGER, ItemType.DECIMAL):
                values[:, j] = rng.integers(0, 10, size)
            continue
        if item.type is ItemType.SELECT_MULTIPLE:
            picks = rng.random((size, len(choices.choices))) < 0.25
            values[:, j] = picks @ (1 << np.arange(len(choices.choices)))
            continue
        scored = [(k, c.score) for k, c in enumerate(choices.choices) if c.score is not None]
        if not scored or not item.dimension or item.dimension not in dims:
            values[:, j] = rng.integers(0, len(choices.choices), size)
            continue
        oriented = level[item.dimension] + rng.normal(0.0, sim.item_sd, size)
        dimension = dims[item.dimension]
        raw = oriented if dimension.direction is Direction.HIGHER_IS_BETTER else 100.0 - oriented
        if item.reverse:
            raw = 100.0 - raw
        positions = np.array([k for k, _ in scored])
        scores = np.array([s for _, s in scored], dtype=float)
        values[:, j] = positions[np.abs(raw[:, None] - scores[None, :]).argmin(axis=1)]
        unscored = [k for k, c in enumerate(choices.choices) if c.score is None]
        if unscored:
            dont_know = rng.random(size) < sim.dont_know_rate
            values[dont_know, j] = unscored[0]
    values[rng.random(values.shape) < sim.skip_rate] = math.nan
    _apply_relevance(questionnaire, [i.name for i in items], values, texts)
    return ResponseSet([i.name for i in items], unit_codes, values, texts)


def _apply_relevance(questionnaire: Questionnaire, names: list[str], values: np.ndarray,
                     texts: dict[str, list[tuple[int, str]]]) -> None:
    """Blank every answer to a question its respondent would not have been shown, in form
    order (a follow-up of a blanked follow-up is blanked too). Conditions are evaluated once
    per distinct combination of the answers they read."""
    column = {name: j for j, name in enumerate(names)}
    for section in questionnaire.sections:
        for item in section.items:
            if item.name not in column:
                continue
            conditions = [c for c in (section.relevant, item.relevant) if c and c.strip()]
            if not conditions:
                continue
            shown = _shown(questionnaire, conditions, item.name, column, values, texts)
            values[~shown, column[item.name]] = math.nan
            if item.name in texts:
                texts[item.name] = [(r, t) for r, t in texts[item.name] if shown[r]]


def _shown(questionnaire: Questionnaire, conditions: list[str], current: str,
           column: dict[str, int], values: np.ndarray,
           texts: dict[str, list[tuple[int, str]]]) -> np.ndarray:
    """Per respondent: whether every condition holds on their answers."""
    read = sorted({n for c in conditions for n in referenced_names(c) if n in column})
    evaluators = [compile_relevance(c) for c in conditions]
    text_of = {name: dict(texts.get(name, [])) for name in read}
    shown = np.ones(values.shape[0], dtype=bool)
    known: dict[tuple[str, ...], bool] = {}
    for row in range(values.shape[0]):
        key = tuple(_answer_text(questionnaire, name, values[row, column[name]],
                                 text_of[name].get(row, "")) for name in read)
        if key not in known:
            answers = dict(zip(read, key, strict=True))
            known[key] = all(to_boolean(e(answers, current)) for e in evaluators)
        shown[row] = known[key]
    return shown


def _answer_text(questionnaire: Questionnaire, name: str, value: float, text: str) -> str:
    """An answer as `relevant` reads it: choice names (space-separated for several), a number's
    text, or the free text; '' when not answered."""
    item = questionnaire.item(name)
    if item is None or item.type is ItemType.TEXT:
        return text
    if math.isnan(value):
        return ""
    choices = questionnaire.choices_for(item)
    if item.type is ItemType.SELECT_MULTIPLE and choices is not None:
        bits = int(value)
        return " ".join(c.name for k, c in enumerate(choices.choices) if bits >> k & 1)
    if choices is not None:
        position = int(value)
        return choices.choices[position].name if 0 <= position < len(choices.choices) else ""
    return f"{value:g}"


def _levels(
    codes: list[str],
    unit_codes: list[str],
    counts: dict[str, int],
    profiles: dict[str, Profile],
    rng: np.random.Generator,
    sim: Simulation,
) -> dict[str, np.ndarray]:
    size = len(unit_codes)
    levels: dict[str, np.ndarray] = {}
    for code in codes:
        unit_shift = {
            unit: profiles.get(unit, Profile()).effects.get(code, 0.0)
            + rng.normal(0.0, profiles.get(unit, Profile()).team_spread)
            for unit in counts
        }
        shift = np.fromiter((unit_shift[u] for u in unit_codes), float, size)
        base = sim.baselines.get(code, sim.baseline)
        levels[code] = np.clip(base + shift + rng.normal(0.0, sim.person_sd, size), 0, 100)
    return levels
