"""The results screen's charts, each drawn on a given matplotlib Figure from plain rows.

The rows hold what the core computed (and already suppressed); a hidden row is drawn as the
word "skjult", never as a bar or a point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import offset_copy

from apv_desktop.i18n import current_language, format_decimal, tr
from apv_desktop.ui.charts.style import (
    finish,
    ink,
    light_colour,
    number_formatter,
    paper,
    percent_formatter,
)
from apv_desktop.ui.results import palette


@dataclass(frozen=True)
class RateRow:
    label: str
    rate: float | None
    depth: int = 0


@dataclass(frozen=True)
class ScoreRow:
    """One dimension of a profile or a team: the score with its light and what it compares to."""

    label: str
    mean: float | None  # None: hidden
    light: str | None = None
    low: float | None = None
    high: float | None = None
    reference: float | None = None
    previous: float | None = None
    parent: float | None = None
    organisation: float | None = None
    higher_is_better: bool = True  # resources; False for demands (higher is worse)


@dataclass(frozen=True)
class TrendRow:
    """One comparable dimension shown in both rounds: the two scores, and whether higher is
    better (so a change can be called better or worse)."""

    label: str
    previous: float
    current: float
    higher_is_better: bool = True

    @property
    def change(self) -> float:
        return self.current - self.previous


@dataclass(frozen=True)
class DivergingRow:
    label: str
    shares: tuple[float, ...] | None  # per answer category, worst first; None: hidden


CATEGORY_COLOURS = ("#B35806", "#F1A340", "#D9D9D9", "#91BFDB", "#2166AC")  # colour-blind safe


BELOW_TICK_LABELS = 16.0  # points: the tick labels' padding and 9-point text, with a gap


def category_names() -> tuple[str, ...]:
    return (tr("Meget negativt"), tr("Negativt"), tr("Neutralt"), tr("Positivt"),
            tr("Meget positivt"))


def _number(value: float, digits: int = 1) -> str:
    return format_decimal(value, current_language(), digits)


def _hidden_text(axes: Axes, y: float, x: float = 1.0) -> None:
    axes.text(x, y, tr("skjult"), va="center", ha="left", color=palette.HIDDEN_STRONG,
              style="italic")


def response_rates(figure: Figure, rows: list[RateRow], quality_line: float = 0.6) -> None:
    axes = figure.add_subplot()
    labels = ["   " * row.depth + row.label for row in rows]
    positions = list(range(len(rows)))
    shown = [(y, row.rate) for y, row in zip(positions, rows, strict=True)
             if row.rate is not None]
    if shown:  # one call for every bar: a call per bar costs a second at 150 units
        weak = [rate < quality_line for _, rate in shown]
        axes.barh([y for y, _ in shown], [rate for _, rate in shown],
                  color=[palette.STRONG["red"] if w else palette.NEUTRAL for w in weak],
                  hatch=["//" if w else None for w in weak], edgecolor=paper(), height=0.7)
    for y, row in zip(positions, rows, strict=True):
        if row.rate is None:
            axes.text(0.01, y, tr("intet antal ansatte"), va="center", color=palette.MUTED,
                      style="italic")
            continue
        axes.text(row.rate + 0.01, y, f"{_number(row.rate * 100, 0)} %", va="center",
                  fontsize=7)
    handles: list[Artist] = [axes.axvline(quality_line, color=ink(), linestyle="--",
                                          linewidth=1, label=tr("60 %-grænsen"))]
    if any(row.rate is not None and row.rate < quality_line for row in rows):
        handles.append(Patch(facecolor=palette.STRONG["red"], edgecolor=paper(), hatch="//",
                             label=tr("Svag svarprocent (under 60 %)")))
    # Named in a legend under the axis (its name on the chart sat on the title): offset in
    # points from the axes, so it clears the tick labels whatever the chart's height.
    below_ticks = offset_copy(axes.transAxes, fig=figure, y=-BELOW_TICK_LABELS, units="points")
    axes.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0),
                bbox_transform=below_ticks, ncol=len(handles))
    axes.set_yticks(positions, labels)
    axes.invert_yaxis()
    top = max([r.rate for r in rows if r.rate is not None] + [1.0])
    axes.set_xlim(0, top + 0.12)
    axes.xaxis.set_major_formatter(percent_formatter())
    axes.set_title(tr("Svarprocent pr. enhed"))
    axes.grid(axis="y", visible=False)
    finish(figure, axes)


def profile(figure: Figure, rows: list[ScoreRow], title: str) -> None:
    """Bars of the scores coloured by light, the reference (|) and the previous round (o)."""
    axes = figure.add_subplot()
    rows, positions, headings = by_direction(rows)
    for y, row in zip(positions, rows, strict=True):
        if row.mean is None:
            _hidden_text(axes, y)
            continue
        axes.barh(y, row.mean, color=light_colour(row.light), height=0.65)
        axes.text(row.mean + 1, y, _number(row.mean), va="center", fontsize=7)
        if row.reference is not None:
            axes.plot([row.reference], [y], marker="|", markersize=14, color=ink(),
                      markeredgewidth=2, linestyle="none")
        if row.previous is not None:
            axes.plot([row.previous], [y], marker="o", markersize=6, markerfacecolor=paper(),
                      markeredgecolor=palette.ACCENT, linestyle="none")
    _score_axes(axes, positions, [row.label for row in rows], title, headings)
    _legend(axes, rows)
    finish(figure, axes)


def team_scores(figure: Figure, rows: list[ScoreRow], title: str,
                parent_name: str | None = None) -> None:
    """Each score as a point with its interval; the parent (◇, or what `parent_name` says the
    comparison is, such as the whole unit of a group), organisation (|) and reference (×)."""
    axes = figure.add_subplot()
    rows, positions, headings = by_direction(rows)
    for y, row in zip(positions, rows, strict=True):
        if row.mean is None:
            _hidden_text(axes, y)
            continue
        colour = light_colour(row.light)
        if row.low is not None and row.high is not None:
            axes.plot([row.low, row.high], [y, y], color=colour, linewidth=2.5, alpha=0.6)
        axes.plot([row.mean], [y], marker="o", markersize=7, color=colour, linestyle="none")
        if row.parent is not None:
            axes.plot([row.parent], [y], marker="D", markersize=6, markerfacecolor="none",
                      markeredgecolor=palette.ACCENT, linestyle="none")
        if row.organisation is not None:
            axes.plot([row.organisation], [y], marker="|", markersize=13, color=ink(),
                      markeredgewidth=2, linestyle="none")
        if row.reference is not None:
            axes.plot([row.reference], [y], marker="x", markersize=7, color="#CC79A7",
                      markeredgewidth=2, linestyle="none")
        axes.text(101, y, _number(row.mean), va="center", fontsize=7)
    _score_axes(axes, positions, [row.label for row in rows], title, headings)
    handles: list[Artist] = [
        Patch(color=palette.STRONG["green"], label=tr("Score med 95 %-interval"))]
    if any(row.parent is not None for row in rows):  # the organisation has no parent
        handles.append(axes.plot([], [], marker="D", markerfacecolor="none",
                                 markeredgecolor=palette.ACCENT, linestyle="none",
                                 label=parent_name or tr("Overordnet enhed"))[0])
    if any(row.organisation is not None for row in rows):
        handles.append(axes.plot([], [], marker="|", color=ink(), markeredgewidth=2,
                                 markersize=10, linestyle="none", label=tr("Organisationen"))[0])
    if any(row.reference is not None for row in rows):
        handles.append(axes.plot([], [], marker="x", color="#CC79A7", linestyle="none",
                                 label=tr("Referenceværdi"))[0])
    axes.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=4)
    finish(figure, axes)


def trend(figure: Figure, rows: list[TrendRow], title: str, noise: float = 5.0) -> None:
    """Previous (o) to current (●) score per dimension; a change under `noise` points is grey
    and dashed (noise, domain.md), a larger one is coloured by better or worse."""
    axes = figure.add_subplot()
    positions = list(range(len(rows)))
    for y, row in zip(positions, rows, strict=True):
        colour = _trend_colour(row, noise)
        style = "--" if abs(row.change) < noise else "-"
        axes.plot([row.previous, row.current], [y, y], color=colour, linewidth=2,
                  linestyle=style)
        axes.plot([row.previous], [y], marker="o", markersize=7, markerfacecolor=paper(),
                  markeredgecolor=colour, linestyle="none")
        axes.plot([row.current], [y], marker="o", markersize=7, color=colour, linestyle="none")
        axes.text(101, y, _signed(row.change), va="center", fontsize=7, color=colour)
    if not rows:
        axes.text(50, 0, tr("Ingen dimensioner kan sammenlignes."), ha="center", va="center",
                  color=palette.MUTED, style="italic")
    _score_axes(axes, positions, [row.label for row in rows], title)
    handles = [
        axes.plot([], [], marker="o", markerfacecolor=paper(), markeredgecolor=palette.MUTED,
                  linestyle="none", label=tr("Forrige runde"))[0],
        axes.plot([], [], marker="o", color=palette.MUTED, linestyle="none",
                  label=tr("Denne runde"))[0],
        axes.plot([], [], color=TREND_BETTER, linewidth=2, label=tr("Bedre"))[0],
        axes.plot([], [], color=TREND_WORSE, linewidth=2, label=tr("Dårligere"))[0],
        axes.plot([], [], color=palette.MUTED, linewidth=2, linestyle="--",
                  label=tr("Under {noise} point: støj", noise=_number(noise, 0)))[0],
    ]
    axes.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=5)
    finish(figure, axes)


TREND_BETTER = "#0072B2"  # blue and vermillion: told apart with any colour blindness
TREND_WORSE = "#D55E00"


def direction_heading(higher_is_better: bool) -> str:
    return (tr("Ressourcer: højere er bedre") if higher_is_better
            else tr("Krav og belastninger: højere er dårligere"))


def by_direction(rows: list[ScoreRow]
                 ) -> tuple[list[ScoreRow], list[float], list[tuple[float, str]]]:
    """The rows with resources (higher is better) first and demands (higher is worse) after,
    each group under a heading saying which way its scores read; returns the rows in that order,
    their y positions and the (y, text) of the headings. A profile where green bars are long
    and a long demand bar is bad would otherwise need COPSOQ in the reader's head."""
    groups = [[r for r in rows if r.higher_is_better], [r for r in rows if not r.higher_is_better]]
    ordered: list[ScoreRow] = []
    positions: list[float] = []
    headings: list[tuple[float, str]] = []
    y = 0.0
    for group, better in zip(groups, (True, False), strict=True):
        if not group:
            continue
        headings.append((y, direction_heading(better)))
        y += 1
        for row in group:
            ordered.append(row)
            positions.append(y)
            y += 1
    return ordered, positions, headings


def _score_axes(axes: Axes, positions: Sequence[float], labels: list[str], title: str,
                headings: Sequence[tuple[float, str]] = ()) -> None:
    """One row per dimension on a 0..100 score axis (room on the right for the figures), with
    the direction headings as bold rows of their own."""
    ticks = list(positions) + [y for y, _ in headings]
    names = list(labels) + [text for _, text in headings]
    axes.set_yticks(ticks, names)
    for label in axes.get_yticklabels()[len(positions):]:
        label.set_fontweight("bold")
    for y, _ in headings:
        axes.axhline(y + 0.5, color=ink(), linewidth=0.5, alpha=0.4)
    if ticks:  # every row and heading in view, the first on top (the data alone may not reach)
        axes.set_ylim(max(ticks) + 0.6, min(ticks) - 0.6)
    else:
        axes.invert_yaxis()
    axes.set_xlim(0, 108)
    axes.xaxis.set_major_formatter(number_formatter())
    axes.set_title(title)
    axes.grid(axis="y", visible=False)


def _signed(value: float) -> str:
    text = _number(value)
    return text if text.startswith("-") or text in ("0,0", "0.0") else f"+{text}"


def _trend_colour(row: TrendRow, noise: float) -> str:
    if abs(row.change) < noise:
        return palette.MUTED
    return TREND_BETTER if (row.change > 0) == row.higher_is_better else TREND_WORSE


def diverging(figure: Figure, rows: list[DivergingRow], title: str) -> None:
    """Stacked bars centred on the middle of the neutral answers: negative to the left."""
    axes = figure.add_subplot()
    positions = list(range(len(rows)))
    for y, row in zip(positions, rows, strict=True):
        if row.shares is None:
            _hidden_text(axes, y, 0.02)
            continue
        start = -(row.shares[0] + row.shares[1] + row.shares[2] / 2)
        for share, colour in zip(row.shares, CATEGORY_COLOURS, strict=True):
            if share > 0:
                axes.barh(y, share, left=start, color=colour, height=0.65, edgecolor=paper())
                if share >= 0.08:
                    axes.text(start + share / 2, y, f"{_number(share * 100, 0)}", ha="center",
                              va="center", fontsize=7, color=palette.CELL_TEXT)
            start += share
    axes.axvline(0, color=ink(), linewidth=0.8)
    axes.set_yticks(positions, [row.label for row in rows])
    axes.invert_yaxis()
    axes.set_xlim(-1.0, 1.0)
    axes.xaxis.set_major_formatter(_absolute_percent())
    axes.set_title(title)
    axes.grid(axis="y", visible=False)
    handles = [Patch(color=c, label=n) for c, n in zip(CATEGORY_COLOURS, category_names(),
                                                         strict=True)]
    axes.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=5)
    finish(figure, axes)


def _absolute_percent() -> FuncFormatter:
    language = current_language()
    return FuncFormatter(lambda v, _p: f"{format_decimal(abs(v) * 100, language, 0)} %")


def _legend(axes: Axes, rows: list[ScoreRow]) -> None:
    handles = []
    if any(row.reference is not None for row in rows):
        handles.append(axes.plot([], [], marker="|", color=ink(), markeredgewidth=2,
                                 markersize=10, linestyle="none", label=tr("Referenceværdi"))[0])
    if any(row.previous is not None for row in rows):
        handles.append(axes.plot([], [], marker="o", markerfacecolor=paper(),
                                 markeredgecolor=palette.ACCENT, linestyle="none",
                                 label=tr("Sidste runde"))[0])
    if handles:
        axes.legend(handles=handles, loc="lower right")
