"""Forside: the story on the first printed page (reports/story_page.py), then who, when, how
many answered, how it was computed, and a table of contents linking to every sheet."""

from __future__ import annotations

from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.disclosure import hidden_reason_text
from apv_desktop.core.judgement import pressure_point_rule
from apv_desktop.core.round_state import interim_sentence
from apv_desktop.core.story import WEAK_RESPONSE_RATE
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.sheetnames import sheet_reference
from apv_desktop.reports.story_page import write_story_page
from apv_desktop.reports.styles import (
    BOLD,
    COUNT_FORMAT,
    GRID,
    LEFT,
    LINK_FONT,
    NOTE_FONT,
    ORG_FILL,
    PERCENT_FORMAT,
    SUBTITLE_FONT,
    date_format,
    header_row,
    indented,
    paragraph,
    prepare_print,
    put,
    set_widths,
    title_block,
)
from apv_desktop.reports.wording import hidden_word

TEXT_COLUMNS = 6  # paragraphs span A:F
TEXT_WIDTH = 120  # characters across A:F (42 + 14 + 12 + 12 + 13 + 34, less the cell padding)


def write_overview(ws: Worksheet, data: ReportData, contents: list[tuple[str, str]]) -> None:
    """`contents`: (sheet name, what it holds) for every sheet after this one. The first
    printed page tells the story (core.story); the reference material follows."""
    tr = data.tr
    title_block(ws, tr("APV-rapport: {organisation}", organisation=data.organisation_name),
                _round_line(data))
    row = write_story_page(ws, data, 4)
    ws.row_breaks.append(Break(id=row))  # the story is the first page, on its own
    row = _facts(ws, data, row + 1)
    row = _contents(ws, data, contents, row + 1)
    row = _method(ws, data, row + 1)
    _response_rates(ws, data, row + 1)
    set_widths(ws, {"A": 42, "B": 14, "C": 12, "D": 12, "E": 13, "F": 34})
    prepare_print(ws, data, landscape=False)


def _round_line(data: ReportData) -> str:
    """The subtitle: the round, and that the report is interim while its scores are withheld."""
    tr = data.tr
    line = tr("Runde {round}", round=data.results.round)
    if data.results.withheld:
        return line + " – " + interim_sentence(tr, data.results.round_state)
    return line


def _facts(ws: Worksheet, data: ReportData, row: int) -> int:
    tr = data.tr
    org = data.organisation
    formats = date_format(data)
    facts: list[tuple[str, object, str | None]] = [
        (tr("Organisation"), data.organisation_name, None),
        (tr("Runde"), data.results.round, None),
        (tr("Spørgeskema"), data.questionnaire.title, None),
        (tr("Runden oprettet"), data.round_created, formats),
    ]
    if data.collected is not None:
        facts += [(tr("Første svar"), data.collected[0], formats),
                  (tr("Sidste svar"), data.collected[1], formats)]
    facts += [
        (tr("Rapporten dannet"), data.report_date, formats),
        (tr("Antal svar"), org.responses, COUNT_FORMAT),
        (tr("Antal ansatte"), org.headcount, COUNT_FORMAT),
        (tr("Svarprocent"), org.response_rate, PERCENT_FORMAT),
    ]
    put(ws, row, 1, tr("Overblik"), font=SUBTITLE_FONT)
    for label, value, number_format in facts:
        row += 1
        put(ws, row, 1, label, font=BOLD)
        put(ws, row, 2, value if value is not None else "–", number_format=number_format,
            alignment=LEFT)
    return row + 1


def _contents(ws: Worksheet, data: ReportData, contents: list[tuple[str, str]], row: int) -> int:
    tr = data.tr
    put(ws, row, 1, tr("Indhold"), font=SUBTITLE_FONT)
    for name, description in contents:
        row += 1
        cell = put(ws, row, 1, name, font=LINK_FONT)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=sheet_reference(name),
                                   display=name)
        put(ws, row, 2, description, font=NOTE_FONT)
    return row + 1


def _paragraph(ws: Worksheet, row: int, text: str) -> int:
    return paragraph(ws, row, text, TEXT_WIDTH, last_column=TEXT_COLUMNS)


def method_paragraphs(data: ReportData) -> list[str]:
    tr = data.tr
    rules = data.results.rules
    strict = max((d.min_n for d in data.offensive_dimensions), default=rules.min_n)
    paragraphs = [
        tr("Medarbejderne har svaret anonymt. Svarene på spørgsmålene om samme emne (en "
           "dimension) er regnet om til en score fra 0 til 100, og hver enheds score er "
           "gennemsnittet af dens medarbejderes scorer; en afdelings score omfatter også dens "
           "teams. Intervallet er et 95 %-konfidensinterval: jo færre svar, jo bredere."),
        tr("Trafiklyset tager hensyn til retningen: for krav og belastninger er en høj score "
           "dårlig, for ressourcer som indflydelse og støtte er en høj score god. Vendt så højt "
           "er godt, er lyset grønt fra {green}, gult fra {yellow} og rødt under {yellow}. Hvor "
           "der er en referenceværdi, afgøres lyset af afstanden til den: rødt ved {red} point "
           "eller mere under, gult ved {yellow_ref} point eller mere under.",
           green=f"{rules.green_at:g}", yellow=f"{rules.yellow_at:g}",
           red=f"{-rules.reference_red_at:g}", yellow_ref=f"{-rules.reference_yellow_at:g}"),
    ]
    paragraphs.append(pressure_point_rule(tr, rules))
    paragraphs.append(
        tr("Anonymitet: resultater vises kun for grupper med mindst {min_n} svar, krænkende "
           "handlinger kun for grupper med mindst {strict} svar og kommentarer kun for grupper "
           "med mindst {comments} svar. Kunne en lille gruppes tal ellers regnes ud som "
           "forskellen mellem andre viste tal, skjules også en nabogruppe. Skjulte grupper står "
           "som »{hidden}«.",
           min_n=rules.min_n, strict=strict, comments=rules.comment_min_n,
           hidden=hidden_word(tr)))
    paragraphs.append(
        tr("Alle tal om de samme svar skjules efter én og samme regel: en dimensions score og "
           "svarfordelingen på dens spørgsmål, et spørgsmål og dets opfølgende spørgsmål. "
           "Grænsen gælder de svar, et tal bygger på (»ved ikke« og ubesvarede tæller ikke "
           "med), og opfølgende spørgsmål har samme grænse som det spørgsmål, de følger op på. "
           "Et skjult tal viser heller ikke sit antal svar. Gennemsnit regnes eksakt og "
           "afrundes til én decimal (5 rundes op), så rapporten, resultatvinduet og "
           "eksporterede filer viser de samme tal. Kommentarer står i alfabetisk orden pr. "
           "spørgsmål. Rapporten har ikke de enkelte besvarelser med."))
    paragraphs.append(
        tr("Resultaterne beregnes først, når runden er lukket. Mens runden er åben, viser "
           "rapporten kun antal svar og svarprocenter. Når runden lukkes, ligger organisationen "
           "fast for runden, så en senere omorganisering ikke ændrer dens tal. Genåbnes en lukket "
           "runde, vises ingen scorer igen, før hver enhed, der har fået nye svar, har fået så "
           "mange, at forskellen mellem den gamle og den nye rapport ikke siger noget om den "
           "enkelte. En enhed sammenlignes kun med forrige runde, hvis den består af de samme "
           "enheder i begge runder; ellers står der »ikke sammenlignelig«."))
    return paragraphs


def _method(ws: Worksheet, data: ReportData, row: int) -> int:
    tr = data.tr
    put(ws, row, 1, tr("Metode og anonymitet"), font=SUBTITLE_FONT)
    for text in method_paragraphs(data):
        row = _paragraph(ws, row + 1, text)
    return row + 1


def _response_rates(ws: Worksheet, data: ReportData, row: int) -> None:
    tr = data.tr
    put(ws, row, 1, tr("Svarprocent pr. enhed"), font=SUBTITLE_FONT)
    row += 1
    header_row(ws, row, [tr("Enhed"), tr("Kode"), tr("Ansatte"), tr("Svar"), tr("Svarprocent"),
                         tr("Bemærkning")])
    ws.row_dimensions[row].height = 30
    for unit in [data.organisation, *data.units]:
        row += 1
        is_org = unit.code == data.organisation.code
        fill = ORG_FILL if is_org else None
        put(ws, row, 1, data.display_name(unit.code), fill=fill, border=GRID,
            alignment=indented(unit.depth))
        put(ws, row, 2, unit.code, fill=fill, border=GRID)
        put(ws, row, 3, unit.headcount, number_format=COUNT_FORMAT, fill=fill, border=GRID)
        put(ws, row, 4, unit.responses, number_format=COUNT_FORMAT, fill=fill, border=GRID)
        put(ws, row, 5, unit.response_rate, number_format=PERCENT_FORMAT, fill=fill, border=GRID)
        notes = []
        if unit.suppressed:
            notes.append(tr("Resultaterne er {reason}",
                            reason=hidden_reason_text(tr, unit.hidden_reason)))
        if unit.response_rate is not None and unit.response_rate < WEAK_RESPONSE_RATE:
            notes.append(tr("Svag svarprocent (under 60 %)"))
        put(ws, row, 6, "; ".join(notes), fill=fill, border=GRID)
