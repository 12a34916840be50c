"""The hint a respondent sees under a question, in the kiosk and on the paper form alike."""

from __future__ import annotations

from apv_desktop.core.model import Item, pick_label
from apv_desktop.i18n import translator


def respondent_hint(item: Item, language: str) -> str:
    """The item's own hint; for a background question also the promise that its answers are
    only ever shown for groups of at least the anonymity threshold."""
    hint = pick_label(item.hints, language)
    if not item.background:
        return hint
    tr = translator(language)
    note = tr("Dit svar bruges kun til at vise resultater for grupper med mindst så mange svar "
              "som anonymitetsgrænsen; ingen kan se, hvad du har svaret.")
    return f"{hint}\n{note}" if hint else note
