"""Shared wording of the results screen: numbers, lights and why a result is hidden.

A hidden result's words carry no digit at all, so nothing shown for it can be read as a number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from apv_desktop.core.model import Direction
from apv_desktop.i18n import current_language, format_decimal, tr

# The core modules behind the words of results are imported where used: they bring numpy, and
# the overview page (the page a project opens on) uses only the numbers here (issue 18).
if TYPE_CHECKING:
    from apv_desktop.core.results import DimensionInfo, Score


def number(value: float, digits: int = 1) -> str:
    return format_decimal(value, current_language(), digits)


def percent(value: float) -> str:
    return tr("{value} %", value=format_decimal(value * 100, current_language(), 0))


def light_name(light: str | None) -> str:
    return {"green": tr("grøn"), "yellow": tr("gul"), "red": tr("rød")}.get(light or "", "")


def hidden_word() -> str:
    return tr("skjult")


def hidden_reason(reason: str | None) -> str:
    """The same words as the report (core.disclosure), in the window's language."""
    from apv_desktop.core.disclosure import hidden_reason_text

    return hidden_reason_text(tr, reason)


def interval(score: Score) -> str:
    if score.ci_low is None or score.ci_high is None:
        return ""
    return f"{number(score.ci_low)}–{number(score.ci_high)}"


def signed(value: float) -> str:
    text = number(value)
    return text if text.startswith("-") or text in ("0,0", "0.0") else f"+{text}"


def direction(direction: Direction) -> str:
    """"Højere er bedre" / "Højere er dårligere", as a sentence start."""
    from apv_desktop.core.judgement import direction_text

    text = direction_text(tr, direction)
    return text[:1].upper() + text[1:]


def scored_line(name: str, mean: float, way: Direction) -> str:
    """A list line that says which way the score reads ("Udbrændthed 21,7 (lav er godt)")."""
    from apv_desktop.core.judgement import score_with_direction

    return score_with_direction(tr, name, number(mean), way)


def score_tooltip(dimension: DimensionInfo, unit_name: str, score: Score) -> str:
    """What hovering a score tells; for a hidden score only why it is hidden."""
    heading = f"{unit_name} · {dimension.name}"
    if score.suppressed or score.mean is None:
        return f"{heading}\n{hidden_reason(score.hidden_reason)}"
    lines = [heading,
             tr("Score {score} ({light}), n = {n}", score=number(score.mean),
                light=light_name(score.light), n=score.n),
             direction(dimension.direction)]
    if interval(score):
        lines.append(tr("95 %-interval {interval}", interval=interval(score)))
    if score.gap is not None:
        lines.append(tr("Forskel til sammenligningsgrundlaget: {gap} point", gap=signed(score.gap)))
    if score.pressure_point:
        lines.append(tr("Pressionspunkt"))
    elif score.strength:
        lines.append(tr("Styrke"))
    return "\n".join(lines)
