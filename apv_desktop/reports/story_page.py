"""The report's first printed page: the story of the round (core.story's Summary) in words, so
a committee member who reads one page knows the response rate, the worst pressure points and the
strengths, the change since the previous round and how to read colours, symbols and arrows."""

from __future__ import annotations

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.story import ChangeFact, ScoreFact
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.styles import (
    BOLD,
    GRID,
    HIDDEN_FILL,
    HIDDEN_FONT,
    LIGHT_FILLS,
    LIGHT_FONTS,
    NOTE_FONT,
    PRESSURE_FONT,
    SUBTITLE_FONT,
    paragraph,
    put,
)

TEXT_COLUMNS = 6  # the story spans A:F, as the overview's paragraphs
TEXT_WIDTH = 120
CHANGES_SHOWN = 3  # the worst and the best changes each; the rest are on the sheets


def write_story_page(ws: Worksheet, data: ReportData, row: int) -> int:
    """The summary from `row`; returns the last row written."""
    tr = data.tr
    summary = data.story.summary
    put(ws, row, 1, tr("Sammenfatning"), font=SUBTITLE_FONT)
    row = _text(ws, row + 1, summary.response_sentence)
    row = _text(ws, row + 1, summary.change_sentence)
    row = _facts(ws, row + 2, tr("De største pressionspunkter ({shown} af {total})",
                                 shown=len(summary.pressure_points),
                                 total=summary.pressure_point_total),
                 summary.pressure_points, tr("Ingen pressionspunkter i denne runde."))
    row = _facts(ws, row + 2, tr("Gode erfaringer ({shown} af {total})",
                                 shown=len(summary.strengths), total=summary.strength_total),
                 summary.strengths,
                 tr("Ingen enheder ligger markant over organisationen i denne runde."))
    if summary.changes:
        row = _changes(ws, data, row + 2, summary.changes)
    put(ws, row + 2, 1, tr("Sådan læses rapporten"), font=SUBTITLE_FONT)
    row += 2
    for entry in summary.legend:
        row += 1
        fill = LIGHT_FILLS.get(entry.key) or (LIGHT_FILLS["red"] if entry.key == "pressure"
                                              else HIDDEN_FILL if entry.key == "hidden" else None)
        font = (PRESSURE_FONT if entry.key == "pressure" else HIDDEN_FONT if entry.key == "hidden"
                else LIGHT_FONTS.get(entry.key, BOLD))
        put(ws, row, 1, f"{entry.symbol} {entry.name}".strip(), fill=fill, font=font, border=GRID)
        put(ws, row, 2, entry.meaning)
    row = _text(ws, row + 2, tr("Alle pressionspunkter og gode erfaringer står på arket "
                                "»{pressure}«, hver afdelings tekst på arket »{departments}«, "
                                "metode og anonymitet på næste side.",
                                pressure=tr("Pressionspunkter"),
                                departments=tr("Afdelingsrapporter")), font=NOTE_FONT)
    return row


def _text(ws: Worksheet, row: int, text: str, font: Font | None = None) -> int:
    return paragraph(ws, row, text, TEXT_WIDTH, last_column=TEXT_COLUMNS, font=font)


def _facts(ws: Worksheet, row: int, title: str, facts: list[ScoreFact], empty: str) -> int:
    put(ws, row, 1, title, font=BOLD)
    if not facts:
        return _text(ws, row + 1, empty, NOTE_FONT)
    for fact in facts:
        row = paragraph(ws, row + 1, f"{fact.symbol} {fact.sentence}", TEXT_WIDTH,
                        last_column=TEXT_COLUMNS, fill=LIGHT_FILLS.get(fact.light))
    return row


def _changes(ws: Worksheet, data: ReportData, row: int, changes: list[ChangeFact]) -> int:
    tr = data.tr
    worse = [c for c in changes if c.change < 0][:CHANGES_SHOWN]
    better = [c for c in changes if c.change > 0][-CHANGES_SHOWN:][::-1]
    put(ws, row, 1, tr("Udvikling for hele organisationen siden {round}",
                       round=data.previous_round), font=BOLD)
    for change in [*worse, *better]:
        row = _text(ws, row + 1, change.sentence)
    if len(worse) + len(better) < len(changes):
        row = _text(ws, row + 1, tr("{more} ændringer mere står på arket Heatmap.",
                                    more=len(changes) - len(worse) - len(better)), NOTE_FONT)
    return row
