"""The board pack's text pages as HTML (the subset QTextDocument lays out): the summary, the
pressure points and strengths, the department blocks and the action plan.

Pure Python (no Qt), so tests can read exactly what the PDF will say. Every figure is one the
report's results already show: pressure points and strengths are shown scores, a hidden score
is named as hidden with its honest reason, and user text (unit names, actions, department
texts) is escaped, never markup."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from apv_desktop.core.model import Direction
from apv_desktop.core.records import ActionItem
from apv_desktop.core.results import DimensionInfo, Score
from apv_desktop.i18n import format_decimal
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.pdf.marks import PRESSURE_MARK, light_mark
from apv_desktop.reports.wording import direction_text, light_name
from apv_desktop.vocabulary import status_names

TOP = 5  # pressure points and strengths named on the summary page


def e(text: object) -> str:
    return html.escape(str(text), quote=True)


def number(data: ReportData, value: float | None, digits: int = 1) -> str:
    return "" if value is None else format_decimal(value, data.language, digits)


def dimension_of(data: ReportData, code: str) -> DimensionInfo:
    return next(d for d in data.dimensions if d.code == code)


def oriented_change(data: ReportData, score: Score) -> float | None:
    """The change since the previous round, signed as 'Forskel': minus is worse."""
    trend = data.trend(score.unit, score.dimension) if not score.suppressed else None
    if trend is None:
        return None
    change = trend[1]
    return -change if dimension_of(data, score.dimension).direction is \
        Direction.HIGHER_IS_WORSE else change


def table(head: list[str], rows: Iterable[list[str]], widths: list[int] | None = None) -> str:
    """A ruled table whose head repeats on every page it runs over. Cells are HTML already."""
    heads = "".join(
        f'<th width="{widths[k]}%">{cell}</th>' if widths else f"<th>{cell}</th>"
        for k, cell in enumerate(head))
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>"
                   for row in rows)
    return ('<table width="100%" border="0.5" cellspacing="0" cellpadding="3" '
            f'style="border-color: #BFBFBF;"><thead><tr>{heads}</tr></thead>{body}</table>')


def score_words(data: ReportData, score: Score) -> str:
    """One pressure point or strength as a sentence with its n and what it is measured against."""
    tr = data.tr
    dimension = dimension_of(data, score.dimension)
    basis = tr("referencen") if dimension.reference is not None else tr("organisationen")
    return tr("{unit}: {dimension} {score} ({direction}; {light}), {gap} point i forhold til "
              "{basis}, n = {n}.", unit=data.display_name(score.unit), dimension=dimension.name,
              score=number(data, score.mean), direction=direction_text(tr, dimension.direction)
              .lower(), light=light_name(tr, score.light).lower(), gap=number(data, score.gap),
              basis=basis, n=score.n)


def summary_html(data: ReportData) -> str:
    tr = data.tr
    org = data.organisation
    parts = [f"<h1>{e(tr('APV {round} – {organisation}', round=data.results.round, organisation=data.organisation_name))}</h1>",  # noqa: E501
             f"<p>{e(tr('Rapport til hovedudvalget (OMU/HMU), {date}', date=data.report_date.strftime('%d-%m-%Y')))}</p>"]  # noqa: E501
    rate = number(data, (org.response_rate or 0) * 100, 0) if org.response_rate else ""
    hidden = sum(1 for u in data.units if u.suppressed)
    facts = [
        (tr("Svar"), tr("{responses} af {headcount} ({rate} %)", responses=org.responses,
                        headcount=org.headcount or "-", rate=rate or "-")),
        (tr("Enheder"), tr("{shown} vist, {hidden} skjult (for få svar eller for at beskytte "
                           "en mindre gruppe)", shown=len(data.reportable_units),
                           hidden=hidden)),
        (tr("Dimensioner"), str(len(data.dimensions))),
    ]
    if data.collected:
        first, last = data.collected
        facts.append((tr("Indsamlet"), f"{first:%d-%m-%Y} – {last:%d-%m-%Y}"))
    parts.append('<table cellpadding="2">' + "".join(
        f"<tr><td><b>{e(label)}</b></td><td>{e(value)}</td></tr>" for label, value in facts)
        + "</table>")
    parts.append(f"<h2>{e(tr('De største pressionspunkter'))}</h2>")
    parts.append(_bullets([score_words(data, s) for s in data.pressure_points[:TOP]])
                 or f"<p>{e(tr('Ingen pressionspunkter i denne runde.'))}</p>")
    if len(data.pressure_points) > TOP:
        parts.append(f'<p class="note">{e(tr("{count} pressionspunkter i alt; se listen.", count=len(data.pressure_points)))}</p>')  # noqa: E501
    parts.append(f"<h2>{e(tr('Gode erfaringer'))}</h2>")
    parts.append(_bullets([score_words(data, s) for s in data.strengths[:TOP]])
                 or f"<p>{e(tr('Ingen enheder ligger markant over organisationen i denne runde.'))}</p>")  # noqa: E501
    parts.append(_change_html(data))
    parts.append(f"<h2>{e(tr('Sådan læses rapporten'))}</h2>")
    parts.append(_bullets([
        tr("Score 0–100 pr. dimension. Ved hver dimension står, om høj score er god (↑) eller "
           "dårlig (↓)."),
        tr("Trafiklys: {green} grøn er godt, {yellow} gul er opmærksomhed, {red} rød er et "
           "problem. Et pressionspunkt ({mark}) er rødt eller mindst 10 point dårligere end "
           "organisationen eller referencen.", green=light_mark("green"),
           yellow=light_mark("yellow"), red=light_mark("red"), mark=PRESSURE_MARK),
        tr("Forskel og udvikling er i point, vendt så et minus altid er dårligere."),
        tr("Grupper med for få svar vises ikke; nogle tal er skjult for at beskytte en mindre "
           "gruppe."),
    ]))
    return "\n".join(parts)


def _change_html(data: ReportData) -> str:
    tr = data.tr
    if data.previous_round is None:
        return ""
    lines = []
    org = data.organisation.code
    for dimension in data.dimensions:
        score = data.score(org, dimension.code)
        change = oriented_change(data, score)
        trend = data.trend(org, dimension.code)
        if change is None or trend is None or abs(change) < 5:
            continue
        word = tr("bedre") if change > 0 else tr("dårligere")
        lines.append(tr("{dimension}: {previous} → {score} ({change} point, {word}).",
                        dimension=dimension.name, previous=number(data, trend[0]),
                        score=number(data, score.mean), change=_signed(data, change),
                        word=word))
    head = f"<h2>{e(tr('Udvikling siden {round}', round=data.previous_round))}</h2>"
    if not lines:
        return head + f"<p>{e(tr('Ingen ændringer på 5 point eller mere for organisationen.'))}</p>"  # noqa: E501
    return head + _bullets(lines)


def _signed(data: ReportData, value: float) -> str:
    text = number(data, value)
    return text if value < 0 else f"+{text}"


def _bullets(lines: list[str]) -> str:
    if not lines:
        return ""
    return "<ul>" + "".join(f"<li>{e(line)}</li>" for line in lines) + "</ul>"


def pressure_html(data: ReportData) -> str:
    tr = data.tr
    parts = [f"<h1>{e(tr('Pressionspunkter og gode erfaringer'))}</h1>",
             f'<p class="note">{e(tr("Forskel er i point, vendt så et minus altid er dårligere end sammenligningsgrundlaget. Rækkefølgen er efter, hvor langt scoren er fra god."))}</p>']  # noqa: E501
    for title, scores, empty in (
            (tr("Pressionspunkter"), data.pressure_points,
             tr("Ingen pressionspunkter i denne runde.")),
            (tr("Gode erfaringer"), data.strengths,
             tr("Ingen enheder ligger markant over organisationen i denne runde."))):
        parts.append(f"<h2>{e(title)}</h2>")
        if not scores:
            parts.append(f"<p>{e(empty)}</p>")
            continue
        parts.append(_score_table(data, scores))
    return "\n".join(parts)


def _score_table(data: ReportData, scores: list[Score]) -> str:
    tr = data.tr
    with_trend = data.previous_round is not None
    head = [tr("Nr."), tr("Enhed"), tr("Dimension"), tr("Score"), tr("Forskel"), tr("n"),
            tr("Interval")]
    widths = [5, 28, 30, 11, 9, 6, 11]
    if with_trend:
        head.append(tr("Udvikling"))
        widths = [5, 26, 28, 11, 9, 6, 11, 8]
    rows = []
    for rank, score in enumerate(scores, start=1):
        dimension = dimension_of(data, score.dimension)
        arrow = "↓" if dimension.direction is Direction.HIGHER_IS_WORSE else "↑"
        mark = f" {PRESSURE_MARK}" if score.pressure_point else ""
        row = [str(rank), e(data.display_name(score.unit)), e(f"{arrow} {dimension.name}"),
               e(f"{light_mark(score.light)} {number(data, score.mean)}{mark}"),
               e(number(data, score.gap)), e(score.n),
               e(f"{number(data, score.ci_low)}–{number(data, score.ci_high)}")]
        if with_trend:
            change = oriented_change(data, score)
            row.append(e(_signed(data, change)) if change is not None else "")
        rows.append(row)
    return table([e(h) for h in head], rows, widths)


def departments_html(data: ReportData, blocks: list[tuple[str, str]],
                     headings: list[str]) -> str:
    """The department blocks: each department's text (revised or drafted) with its headings
    and its '- ' lines as bullets."""
    tr = data.tr
    wanted = {h.strip().casefold() for h in headings}
    parts = [f"<h1>{e(tr('Afdelingsrapporter'))}</h1>"]
    for name, text in blocks:
        parts.append(f"<h2>{e(name)}</h2>")
        bullets: list[str] = []
        for line in [*text.splitlines(), ""]:
            stripped = line.strip()
            if stripped.startswith("- "):
                bullets.append(stripped[2:])
                continue
            parts.append(_bullets(bullets))
            bullets = []
            if stripped.casefold() in wanted:
                parts.append(f"<h3>{e(stripped)}</h3>")
            elif stripped:
                parts.append(f"<p>{e(stripped)}</p>")
    return "\n".join(parts)


def action_plan_html(data: ReportData) -> str:
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
        parts.append(_bullets([tr("{unit}: {dimension}", unit=data.display_name(s.unit),
                                  dimension=names[s.dimension]) for s in missing]))
    return "\n".join(parts)


def _plan_order(data: ReportData) -> Callable[[ActionItem], tuple[int, str, int]]:
    order = {u.code: k for k, u in enumerate([data.organisation, *data.units])}

    def key(action: ActionItem) -> tuple[int, str, int]:
        return (order.get(action.unit or "", -1), action.dimension or "", action.id)

    return key
