"""Forside / Overblik: who, when, how many answered, how it was computed, what the colours
mean, and a table of contents linking to every sheet."""

from __future__ import annotations

from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.anonymity import Hidden
from apv_desktop.core.disclosure import hidden_reason_text
from apv_desktop.core.judgement import GREEN, RED, YELLOW
from apv_desktop.core.round_state import interim_sentence
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.sheetnames import sheet_reference
from apv_desktop.reports.styles import (
    BOLD,
    COUNT_FORMAT,
    GRID,
    HIDDEN_FILL,
    HIDDEN_FONT,
    LEFT,
    LIGHT_FILLS,
    LIGHT_FONTS,
    LINK_FONT,
    NOTE_FONT,
    ORG_FILL,
    PERCENT_FORMAT,
    PRESSURE_FONT,
    SUBTITLE_FONT,
    WRAP,
    date_format,
    header_row,
    indented,
    prepare_print,
    put,
    set_widths,
    title_block,
)
from apv_desktop.reports.wording import hidden_word

WEAK_RESPONSE_RATE = 0.6
TEXT_COLUMNS = 6  # paragraphs span A:F


def write_overview(ws: Worksheet, data: ReportData, contents: list[tuple[str, str]]) -> None:
    """`contents`: (sheet name, what it holds) for every sheet after this one."""
    tr = data.tr
    title_block(ws, tr("APV-rapport: {organisation}", organisation=data.organisation_name),
                _round_line(data))
    row = _facts(ws, data, 4)
    row = _contents(ws, data, contents, row + 1)
    row = _method(ws, data, row + 1)
    row = _legend(ws, data, row + 1)
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


def _paragraph(ws: Worksheet, row: int, text: str) -> None:
    put(ws, row, 1, text, alignment=WRAP)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=TEXT_COLUMNS)
    # Merged cells do not grow by themselves: about 120 characters fit on a line of A:F.
    ws.row_dimensions[row].height = 15 * (1 + len(text) // 110)


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
    if rules.comparison == "reference":
        paragraphs.append(tr("Et pressionspunkt er en score, der er rød eller mindst {gap} point "
                             "dårligere end referenceværdien.", gap=f"{rules.pressure_gap:g}"))
    else:
        paragraphs.append(tr("Et pressionspunkt er en score, der er rød eller mindst {gap} point "
                             "dårligere end hele organisationen. Gode erfaringer er grønne "
                             "scorer mindst {gap} point bedre end organisationen.",
                             gap=f"{rules.pressure_gap:g}"))
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
    return paragraphs


def _method(ws: Worksheet, data: ReportData, row: int) -> int:
    tr = data.tr
    put(ws, row, 1, tr("Metode og anonymitet"), font=SUBTITLE_FONT)
    for text in method_paragraphs(data):
        row += 1
        _paragraph(ws, row, text)
    return row + 1


def _legend(ws: Worksheet, data: ReportData, row: int) -> int:
    tr = data.tr
    put(ws, row, 1, tr("Farverne"), font=SUBTITLE_FONT)
    entries = [
        (tr("Grøn"), LIGHT_FILLS[GREEN], LIGHT_FONTS[GREEN], tr("Godt arbejdsmiljø på dette "
                                                               "område")),
        (tr("Gul"), LIGHT_FILLS[YELLOW], LIGHT_FONTS[YELLOW], tr("Vær opmærksom")),
        (tr("Rød"), LIGHT_FILLS[RED], LIGHT_FONTS[RED], tr("Et problem, der skal tages op")),
        (tr("Fed rød"), LIGHT_FILLS[RED], PRESSURE_FONT, tr("Pressionspunkt")),
        (hidden_word(tr), HIDDEN_FILL, HIDDEN_FONT,
         tr("{few} eller {protect}", few=hidden_reason_text(tr, Hidden.TOO_FEW.value),
            protect=hidden_reason_text(tr, Hidden.COMPLEMENTARY.value))),
    ]
    for word, fill, font, meaning in entries:
        row += 1
        put(ws, row, 1, word, fill=fill, font=font, border=GRID)
        put(ws, row, 2, meaning)
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
