"""PNG charts for slides and documents: the heatmap and one bar chart per shown unit.

matplotlib is imported here only, when charts are asked for, and drawn through the Agg canvas
directly (no pyplot, no global backend switch), so it works on a worker thread beside Qt.
Hidden scores are drawn as hidden, never as a number or a bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from apv_desktop.core.judgement import GREEN, RED, YELLOW
from apv_desktop.core.progress import Progress, no_progress
from apv_desktop.core.results import UnitResult
from apv_desktop.errors import ApvError
from apv_desktop.interchange.atomic import atomic_output
from apv_desktop.os_errors import os_reason
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.file_names import safe_stem
from apv_desktop.reports.matplotlib_lock import SETTINGS_LOCK
from apv_desktop.reports.wording import hidden_word

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

COLOURS = {GREEN: "#C6EFCE", YELLOW: "#FFEB9C", RED: "#FFC7CE"}
HIDDEN_COLOUR = "#E7E6E6"
SERIES_COLOURS = ("#1F4E78", "#9DC3E6", "#A5A5A5")
DPI = 110


def chart_file_name(number: int, name: str) -> str:
    """A file name any system accepts: number first (keeps the report's order), then the name."""
    return f"{number:03d} {safe_stem(name, 'enhed')}.png"


def write_charts(data: ReportData, folder: Path, progress: Progress | None = None) -> list[Path]:
    report = progress or no_progress
    folder = Path(folder)
    try:
        folder.mkdir(parents=False, exist_ok=True)
    except OSError as error:
        raise ApvError("Mappen til diagrammer {folder} kan ikke oprettes: {value}.",
                       folder=folder, value=os_reason(error)) \
            from error
    tr = data.tr
    # One chart at a time under the settings lock (see matplotlib_lock), so the screen's
    # render thread can draw between two of them.
    with SETTINGS_LOCK:
        written = [_save(heatmap_figure(data), folder / chart_file_name(0, tr("Heatmap")))]
    units = data.reportable_units
    for number, unit in enumerate(units, start=1):
        report(number / (len(units) + 1), unit.name)
        target = folder / chart_file_name(number, data.display_name(unit.code))
        with SETTINGS_LOCK:
            written.append(_save(unit_figure(data, unit), target))
    report(1.0, "")
    return written


def _save(figure: Figure, target: Path) -> Path:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    with atomic_output(target) as temporary:
        figure.savefig(temporary, dpi=DPI, format="png")
    return target


def heatmap_figure(data: ReportData) -> Figure:
    from matplotlib.figure import Figure

    units = [data.organisation, *data.units]
    dimensions = data.dimensions
    figure = Figure(figsize=(2.8 + 0.45 * len(dimensions), 1.8 + 0.26 * len(units)),
                    layout="constrained")
    axes = figure.add_subplot()
    hidden = hidden_word(data.tr)
    for y, unit in enumerate(units):
        for x, dimension in enumerate(dimensions):
            score = data.score(unit.code, dimension.code)
            shown = not score.suppressed and score.mean is not None
            colour = COLOURS.get(score.light or "", HIDDEN_COLOUR) if shown else HIDDEN_COLOUR
            axes.add_patch(_cell(x, y, colour))
            text = f"{score.mean:.0f}" if shown and score.mean is not None else hidden[:3]
            axes.text(x + 0.5, y + 0.5, text, ha="center", va="center", fontsize=6.5,
                      fontweight="bold" if score.pressure_point else "normal",
                      color="#9C0006" if score.pressure_point else "#262626")
    tr = data.tr
    axes.set_xlim(0, len(dimensions))
    axes.set_ylim(len(units), 0)
    axes.set_xticks([x + 0.5 for x in range(len(dimensions))],
                    [d.name for d in dimensions], rotation=90, fontsize=7)
    axes.set_yticks([y + 0.5 for y in range(len(units))],
                    [("  " * u.depth) + data.display_name(u.code) for u in units], fontsize=7)
    axes.xaxis.tick_top()
    axes.tick_params(length=0)
    for side in axes.spines.values():
        side.set_visible(False)
    axes.set_title(tr("APV, runde {round}", round=data.results.round), fontsize=10)
    return figure


def _cell(x: int, y: int, colour: str) -> Rectangle:
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), 1, 1, facecolor=colour, edgecolor="white", linewidth=1)


def unit_figure(data: ReportData, unit: UnitResult) -> Figure:
    from matplotlib.figure import Figure

    dimensions = data.dimensions
    parent = data.parent_code(unit)
    series = [(data.display_name(unit.code), unit.code), (data.display_name(parent), parent),
              (data.organisation_name, data.organisation.code)]
    figure = Figure(figsize=(8.5, 1.6 + 0.32 * len(dimensions)), layout="constrained")
    axes = figure.add_subplot()
    height = 0.8 / len(series)
    for k, (label, code) in enumerate(series):
        positions, values = [], []
        for y, dimension in enumerate(dimensions):
            score = data.score(code, dimension.code)
            if not score.suppressed and score.mean is not None:
                positions.append(y - 0.4 + height * (k + 0.5))
                values.append(score.mean)
        axes.barh(positions, values, height=height, label=label[:40], color=SERIES_COLOURS[k])
    hidden = hidden_word(data.tr)
    for y, dimension in enumerate(dimensions):
        if data.score(unit.code, dimension.code).suppressed:
            axes.text(1, y, hidden, va="center", fontsize=7, style="italic", color="#595959")
    axes.set_yticks(range(len(dimensions)), [d.name for d in dimensions], fontsize=7.5)
    axes.set_ylim(len(dimensions) - 0.5, -0.5)
    tr = data.tr
    axes.set_xlim(0, 100)
    axes.set_xlabel(tr("Score 0–100"), fontsize=8)
    axes.legend(fontsize=7, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3,
                frameon=False)
    axes.grid(axis="x", color="#D9D9D9", linewidth=0.6)
    axes.set_axisbelow(True)
    return figure
