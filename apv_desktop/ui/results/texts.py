"""Shared wording of the results screen: numbers, lights and why a result is hidden.

A hidden result's words carry no digit at all, so nothing shown for it can be read as a number.
"""

from __future__ import annotations

from apv_desktop.core.disclosure import hidden_reason_text
from apv_desktop.core.results import Score
from apv_desktop.i18n import current_language, format_decimal, tr


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
    return hidden_reason_text(tr, reason)


def interval(score: Score) -> str:
    if score.ci_low is None or score.ci_high is None:
        return ""
    return f"{number(score.ci_low)}–{number(score.ci_high)}"


def signed(value: float) -> str:
    text = number(value)
    return text if text.startswith("-") or text in ("0,0", "0.0") else f"+{text}"


def score_tooltip(dimension_name: str, unit_name: str, score: Score) -> str:
    """What hovering a score tells; for a hidden score only why it is hidden."""
    if score.suppressed or score.mean is None:
        return f"{unit_name} · {dimension_name}\n{hidden_reason(score.hidden_reason)}"
    lines = [f"{unit_name} · {dimension_name}",
             tr("Score {score} ({light}), n = {n}", score=number(score.mean),
                light=light_name(score.light), n=score.n)]
    if interval(score):
        lines.append(tr("95 %-interval {interval}", interval=interval(score)))
    if score.gap is not None:
        lines.append(tr("Forskel til sammenligningsgrundlaget: {gap} point", gap=signed(score.gap)))
    if score.pressure_point:
        lines.append(tr("Pressionspunkt"))
    elif score.strength:
        lines.append(tr("Styrke"))
    return "\n".join(lines)
