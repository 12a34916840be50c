"""Words for the action plan's codes, shared by its tabs (each a literal tr() call)."""

from __future__ import annotations

from apv_desktop import vocabulary
from apv_desktop.core.followup import FollowUp, Verdict
from apv_desktop.core.records import INDICATOR_KINDS
from apv_desktop.i18n import format_decimal, tr


def status_names() -> dict[str, str]:
    return vocabulary.status_names(tr)


def indicator_names() -> dict[str, str]:
    return {kind: vocabulary.indicator_name(tr, kind) for kind in INDICATOR_KINDS}


def score_text(mean: float | None, n: int | None, low: float | None, high: float | None) -> str:
    if mean is None:
        return tr("skjult (n < grænsen)")
    if low is None or high is None:
        return tr("{score} (n = {n})", score=format_decimal(mean), n=n)
    return tr("{score} (n = {n}, {low}–{high})", score=format_decimal(mean), n=n,
              low=format_decimal(low, digits=0), high=format_decimal(high, digits=0))


def verdict_text(result: FollowUp | None) -> str:
    if result is None:
        return ""
    change = "" if result.change is None else (
        f" ({'+' if result.change > 0 else ''}{format_decimal(result.change)})")
    return {
        Verdict.BETTER: tr("Bedre"), Verdict.WORSE: tr("Værre"),
        Verdict.UNCHANGED: tr("Uændret"), Verdict.HIDDEN: tr("Kan ikke vises (for få svar)"),
        Verdict.NOT_COMPARABLE: tr("Ikke målt i opfølgningen"), Verdict.NO_TARGET: "",
    }[result.verdict] + (change if result.verdict in (Verdict.BETTER, Verdict.WORSE,
                                                       Verdict.UNCHANGED) else "")
