"""The board pack's text pages as HTML (the subset QTextDocument lays out): the summary, the
pressure points and strengths, the department blocks and the action plan.

Pure Python (no Qt), so tests can read exactly what the PDF will say. Every figure is one the
report's results already show: pressure points and strengths are shown scores, a hidden score
is named as hidden with its honest reason, and user text (unit names, actions, department
texts) is escaped, never markup."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from apv_desktop.core.department_report import ScoreWording
from apv_desktop.core.records import ActionItem
from apv_desktop.core.results import Score
from apv_desktop.core.story import Story, direction_symbol, marker
from apv_desktop.i18n import format_decimal
from apv_desktop.reports.data import ReportData
from apv_desktop.vocabulary import status_names


def e(text: object) -> str:
    return html.escape(str(text), quote=True)


def number(data: ReportData, value: float | None, digits: int = 1) -> str:
    return "" if value is None else format_decimal(value, data.language, digits)


def wording_of(data: ReportData) -> ScoreWording:
    return ScoreWording(data.results, data.tr, data.language, data.trends, data.previous_round)


def table(head: list[str], rows: Iterable[list[str]], widths: list[int] | None = None) -> str:
    """A ruled table whose head repeats on every page it runs over. Cells are HTML already."""
    heads = "".join(
        f'<th width="{widths[k]}%">{cell}</th>' if widths else f"<th>{cell}</th>"
        for k, cell in enumerate(head))
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>"
                   for row in rows)
    return ('<table width="100%" border="0.5" cellspacing="0" cellpadding="3" '
            f'style="border-color: #BFBFBF;"><thead><tr>{heads}</tr></thead>{body}</table>')


def summary_html(data: ReportData, story: Story) -> str:
    tr = data.tr
    summary = story.summary
    title = tr("APV {round} – {organisation}", round=summary.round,
               organisation=summary.organisation)
    subtitle = tr("Rapport til hovedudvalget (OMU/HMU), {date}",
                  date=data.report_date.strftime("%d-%m-%Y"))
    hidden = sum(1 for u in data.units if u.suppressed)
    facts = [
        (tr("Svar"), summary.response_sentence),
        (tr("Enheder"), tr("{shown} vist, {hidden} skjult (for få svar eller for at beskytte "
                           "en mindre gruppe)", shown=len(data.reportable_units),
                           hidden=hidden)),
        (tr("Dimensioner"), str(len(data.dimensions))),
    ]
    if data.collected:
        first, last = data.collected
        facts.append((tr("Indsamlet"), f"{first:%d-%m-%Y} – {last:%d-%m-%Y}"))
    parts = [f"<h1>{e(title)}</h1>", f"<p>{e(subtitle)}</p>",
             '<table cellpadding="2">' + "".join(
                 f'<tr><td width="18%"><b>{e(label)}</b></td><td>{e(value)}</td></tr>'
                 for label, value in facts) + "</table>",
             f"<h2>{e(tr('De største pressionspunkter'))}</h2>"]
    parts.append(_bullets([f"{f.symbol} {f.sentence}" for f in summary.pressure_points])
                 or f"<p>{e(tr('Ingen pressionspunkter i denne runde.'))}</p>")
    if summary.pressure_point_total > len(summary.pressure_points):
        parts.append(f'<p class="note">{e(tr("{count} pressionspunkter i alt; se listen.", count=summary.pressure_point_total))}</p>')  # noqa: E501
    parts.append(f"<h2>{e(tr('Gode erfaringer'))}</h2>")
    parts.append(_bullets([f"{f.symbol} {f.sentence}" for f in summary.strengths])
                 or f"<p>{e(tr('Ingen enheder ligger markant over organisationen i denne runde.'))}</p>")  # noqa: E501
    if summary.strength_total > len(summary.strengths):
        parts.append(f'<p class="note">{e(tr("{count} gode erfaringer i alt; se listen.", count=summary.strength_total))}</p>')  # noqa: E501
    parts.append(f"<h2>{e(tr('Udvikling siden sidste runde'))}</h2>")
    parts.append(f"<p>{e(summary.change_sentence)}</p>")
    parts.append(_bullets([c.sentence for c in summary.changes]))
    parts.append(f"<h2>{e(tr('Sådan læses rapporten'))}</h2>")
    parts.append(table([e(tr("Tegn")), e(tr("Betyder"))],
                       ([e(entry.symbol), f"<b>{e(entry.name)}</b>: {e(entry.meaning)}"]
                        for entry in summary.legend), [8, 92]))
    return "\n".join(parts)


def _bullets(lines: list[str]) -> str:
    if not lines:
        return ""
    return "<ul>" + "".join(f"<li>{e(line)}</li>" for line in lines) + "</ul>"


# A committee reads the top of the lists; a large organisation has hundreds of points (150
# units: a hundred pages), all of them in the workbook's sheet, which can be sorted and filtered.
LIST_LIMIT = 25


def pressure_html(data: ReportData, limit: int = LIST_LIMIT) -> str:
    """The pressure points and strengths, each list cut at its first `limit` (the lists are
    ordered by how far the score is from good), saying so where it is cut."""
    tr = data.tr
    parts = [f"<h1>{e(tr('Pressionspunkter og gode erfaringer'))}</h1>",
             f'<p class="note">{e(tr("Forskel og Udvikling er i point, vendt så et minus altid er dårligere, uanset om høj score er god (↑) eller dårlig (↓). Rækkefølgen er efter, hvor langt scoren er fra god."))}</p>']  # noqa: E501
    for title, scores, empty, cut in (
            (tr("Pressionspunkter"), data.pressure_points,
             tr("Ingen pressionspunkter i denne runde."),
             tr("Her står de {shown} største af {n} pressionspunkter; Excel-rapportens ark "
                "Pressionspunkter har dem alle.", shown=limit, n=len(data.pressure_points))),
            (tr("Gode erfaringer"), data.strengths,
             tr("Ingen enheder ligger markant over organisationen i denne runde."),
             tr("Her står de {shown} største af {n} gode erfaringer; Excel-rapportens ark "
                "Pressionspunkter har dem alle.", shown=limit, n=len(data.strengths)))):
        parts.append(f"<h2>{e(title)}</h2>")
        if not scores:
            parts.append(f"<p>{e(empty)}</p>")
            continue
        parts.append(_cut_note(len(scores), limit, cut))
        parts.append(_score_table(data, scores[:limit]))
    return "\n".join(parts)


def _cut_note(count: int, limit: int, sentence: str) -> str:
    """`sentence` (where the whole list is) when a list of `count` is cut at `limit`."""
    return f'<p class="note">{e(sentence)}</p>' if count > limit else ""


def _score_table(data: ReportData, scores: list[Score]) -> str:
    tr = data.tr
    with_trend = data.previous_round is not None
    head = [tr("Nr."), tr("Enhed"), tr("Dimension"), tr("Score"), tr("Forskel"), tr("n"),
            tr("Interval")]
    widths = [4, 27, 30, 10, 11, 6, 12]
    if with_trend:
        head.append(tr("Udvikling"))
        widths = [4, 24, 26, 9, 11, 5, 12, 9]
    rows = []
    wording = wording_of(data)
    for rank, score in enumerate(scores, start=1):
        dimension = wording.dimensions[score.dimension]
        row = [str(rank), e(data.display_name(score.unit)),
               e(f"{direction_symbol(dimension.direction)} {dimension.name}"),
               e(f"{marker(score.light, score.pressure_point)} {number(data, score.mean)}"),
               e(number(data, score.gap)), e(score.n),
               e(f"{number(data, score.ci_low)}–{number(data, score.ci_high)}")]
        if with_trend:
            change = wording.change(score)
            row.append(e(wording.signed(change)) if change is not None else "")
        rows.append(row)
    return table([e(h) for h in head], rows, widths)


def departments_html(data: ReportData, story: Story) -> str:
    """Every department's block under the four headings of the OMU report; a department whose
    figures are hidden says why, and its text quotes none."""
    tr = data.tr
    parts = [f"<h1>{e(tr('Afdelingsrapporter'))}</h1>"]
    for block in story.departments:
        parts.append(f"<h2>{e(block.name)}</h2>")
        if block.hidden:
            parts.append(f'<p class="hidden">{e(block.hidden_reason)}</p>')
        for section in block.sections:
            if section.heading:
                parts.append(f"<h3>{e(section.heading)}</h3>")
            parts.append(_bullets(section.bullets))
    return "\n".join(parts)


def action_plan_html(data: ReportData, limit: int = LIST_LIMIT) -> str:
    """The plan's actions, then the pressure points no action answers yet (the first `limit`
    of them: the workbook's plan sheet has a row for each)."""
    tr = data.tr
    parts = [f"<h1>{e(tr('Handlingsplan'))}</h1>"]
    statuses = status_names(tr)
    names = {d.code: d.name for d in data.dimensions}
    actions = sorted(data.actions, key=_plan_order(data))
    if actions:
        rows = [[e(data.display_name(a.unit) if a.unit else data.organisation_name),
                 e(names.get(a.dimension or "", "")), e(a.problem), e(a.action),
                 e(a.responsible), e(a.deadline.strftime("%d-%m-%Y") if a.deadline else ""),
                 e(statuses.get(a.status, a.status))] for a in actions]
        parts.append(table([e(h) for h in (
            tr("Enhed"), tr("Dimension"), tr("Problem"), tr("Handling"), tr("Ansvarlig"),
            tr("Frist"), tr("Status"))], rows, [15, 14, 22, 23, 10, 8, 8]))
    else:
        parts.append(f"<p>{e(tr('Ingen handlinger registreret for denne runde endnu.'))}</p>")
    planned = {(a.unit, a.dimension) for a in data.actions}
    missing = [s for s in data.pressure_points if (s.unit, s.dimension) not in planned]
    if missing:
        parts.append(f"<h2>{e(tr('Pressionspunkter uden en handling'))}</h2>")
        parts.append(_cut_note(len(missing), limit, tr(
            "Her står de {shown} største af {n} pressionspunkter uden en handling; "
            "Excel-rapportens ark Handlingsplan har en række til hver.",
            shown=limit, n=len(missing))))
        parts.append(_bullets([tr("{unit}: {dimension}", unit=data.display_name(s.unit),
                                  dimension=names[s.dimension]) for s in missing[:limit]]))
    return "\n".join(parts)


def _plan_order(data: ReportData) -> Callable[[ActionItem], tuple[int, str, int]]:
    order = {u.code: k for k, u in enumerate([data.organisation, *data.units])}

    def key(action: ActionItem) -> tuple[int, str, int]:
        return (order.get(action.unit or "", -1), action.dimension or "", action.id)

    return key
