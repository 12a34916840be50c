"""The board pack's page per background question: the pressure points by group (job group,
seniority), each with its n and interval.

Only shown cells are listed: which cells of a breakdown are shown core.disclosure_linked decides
(with the tree), so a hidden group is neither a row here nor a figure anywhere in the pack."""

from __future__ import annotations

from apv_desktop.core.breakdown import Breakdown, background_items, compute_breakdown
from apv_desktop.core.model import Item
from apv_desktop.core.story import direction_symbol, marker
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.pdf.pages import FlowSection, Section
from apv_desktop.reports.pdf.sections import e, number, table, wording_of


def background_sections(data: ReportData) -> list[Section]:
    """One page "Pressionspunkter efter baggrund" per background question; none without."""
    sections: list[Section] = []
    for item in background_items(data.questionnaire):
        breakdown = compute_breakdown(data.questionnaire, data.org_units, data.responses,
                                      data.results, item.name, language=data.language)
        sections.append(FlowSection(data.tr("Pressionspunkter efter baggrund"),
                                    background_pressure_html(data, item, breakdown)))
    return sections


def background_pressure_html(data: ReportData, item: Item, breakdown: Breakdown) -> str:
    tr = data.tr
    question = item.label(data.language) or item.name
    parts = [f"<h1>{e(tr('Pressionspunkter efter baggrund'))}</h1>",
             f"<h2>{e(question)}</h2>",
             f'<p class="note">{e(tr("Pressionspunkter pr. gruppe i enheder med mindst {n} svar. Grupper med for få svar, og grupper der ellers kunne regnes ud, er skjult og står ikke her.", n=data.results.rules.breakdown_floor()))}</p>']  # noqa: E501
    labels = dict(zip(breakdown.groups, breakdown.labels, strict=True))
    wording = wording_of(data)
    rows = []
    for unit in breakdown.units:
        for group in breakdown.groups:
            for dimension in data.dimensions:
                score = breakdown.cell(unit, group, dimension.code).score
                if score.suppressed or not score.pressure_point or score.mean is None:
                    continue
                info = wording.dimensions[score.dimension]
                rows.append([
                    e(data.display_name(unit)), e(labels[group]),
                    e(f"{direction_symbol(info.direction)} {info.name}"),
                    e(f"{marker(score.light, score.pressure_point)} {number(data, score.mean)}"),
                    e(score.n), e(f"{number(data, score.ci_low)}–{number(data, score.ci_high)}")])
    if not rows:
        parts.append(f"<p>{e(tr('Ingen pressionspunkter i de viste grupper.'))}</p>")
        return "\n".join(parts)
    head = [tr("Enhed"), tr("Gruppe"), tr("Dimension"), tr("Score"), tr("n"), tr("Interval")]
    parts.append(table([e(h) for h in head], rows, [24, 18, 28, 12, 6, 12]))
    return "\n".join(parts)
