"""Words for the action plan's codes, shared by its tabs (each a literal tr() call)."""

from __future__ import annotations

from apv_desktop.core.followup import FollowUp, Verdict
from apv_desktop.i18n import tr


def status_names() -> dict[str, str]:
    return {"not_started": tr("Ikke startet"), "in_progress": tr("I gang"),
            "done": tr("Gennemført"), "dropped": tr("Opgivet")}


def indicator_names() -> dict[str, str]:
    return {
        "sick_days_short_per_fte": tr("Korttidssygefravær, dage pr. årsværk"),
        "sick_days_long_per_fte": tr("Langtidssygefravær, dage pr. årsværk"),
        "turnover_pct": tr("Personaleomsætning, %"),
        "vacancies": tr("Ubesatte stillinger"),
        "overtime_hours": tr("Overarbejde, timer"),
        "caseload": tr("Sager pr. medarbejder"),
        "caseload_recommended": tr("Anbefalet antal sager pr. medarbejder"),
    }


def score_text(mean: float | None, n: int, low: float | None, high: float | None) -> str:
    if mean is None:
        return tr("skjult (n < grænsen)")
    if low is None or high is None:
        return tr("{score} (n = {n})", score=f"{mean:.1f}", n=n)
    return tr("{score} (n = {n}, {low}–{high})", score=f"{mean:.1f}", n=n, low=f"{low:.0f}",
              high=f"{high:.0f}")


def verdict_text(result: FollowUp | None) -> str:
    if result is None:
        return ""
    change = "" if result.change is None else f" ({result.change:+.1f})"
    return {
        Verdict.BETTER: tr("Bedre"), Verdict.WORSE: tr("Værre"),
        Verdict.UNCHANGED: tr("Uændret"), Verdict.HIDDEN: tr("Kan ikke vises (for få svar)"),
        Verdict.NOT_COMPARABLE: tr("Ikke målt i opfølgningen"), Verdict.NO_TARGET: "",
    }[result.verdict] + (change if result.verdict in (Verdict.BETTER, Verdict.WORSE,
                                                       Verdict.UNCHANGED) else "")
