"""The report's words for the program's codes (lights, hidden reasons, statuses, indicators).

Each text is a literal tr() call so the translation test sees it; `tr` is the report language's
translator, not the GUI's."""

from __future__ import annotations

from apv_desktop.core.anonymity import Hidden
from apv_desktop.core.disclosure import hidden_reason_text
from apv_desktop.core.judgement import GREEN, RED, YELLOW
from apv_desktop.core.model import Direction
from apv_desktop.core.results import Score
from apv_desktop.core.story import direction_words
from apv_desktop.i18n import Translate


def light_name(tr: Translate, light: str | None) -> str:
    return {GREEN: tr("Grøn"), YELLOW: tr("Gul"), RED: tr("Rød")}.get(light or "", "")


def hidden_word(tr: Translate) -> str:
    return tr("skjult")


def hidden_short(tr: Translate, reason: str | None) -> str:
    """The reason a figure is hidden in a word that fits a narrow cell (the legend and the
    overview say it in full)."""
    if reason == Hidden.COMPLEMENTARY.value:
        return tr("beskyttet")
    return tr("for få")


def hidden_reason(tr: Translate, score: Score) -> str:
    return hidden_reason_text(tr, score.hidden_reason)


def direction_text(tr: Translate, direction: Direction) -> str:
    return direction_words(tr, direction)
