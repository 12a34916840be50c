"""Plausible synthetic answers, for the demo project and the benchmarks.

Each respondent has a level per dimension (oriented so that higher is better): the organisation's
baseline, plus the team's effect, plus personal variation. Each item's answer is the scored
choice nearest to that level plus item noise; unscored choices ("ved ikke") appear now and then.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.model import Direction, ItemType, Questionnaire


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
    return ResponseSet([i.name for i in items], unit_codes, values, texts)


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
