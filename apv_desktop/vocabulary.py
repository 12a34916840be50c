"""Words for the program's codes that both the window and the report show (action statuses,
indicator kinds). `tr` is the caller's translator: the GUI's current language or the report's.
Each text is a literal tr() call so the translation test sees it."""

from __future__ import annotations

from apv_desktop.i18n import Translate


def status_names(tr: Translate) -> dict[str, str]:
    """core.records.ACTION_STATUSES in words, in the same order (the action plan's drop-down
    list)."""
    return {
        "not_started": tr("Ikke startet"),
        "in_progress": tr("I gang"),
        "done": tr("Gennemført"),
        "dropped": tr("Opgivet"),
    }


def action_field_names(tr: Translate) -> dict[str, str]:
    """The action plan's editable fields (interchange.actionplan_layout.EDITABLE_FIELDS) in
    words, as the sheet's headers and the lines of its changes name them."""
    return {"problem": tr("Problem"), "cause": tr("Årsag"), "action": tr("Handling"),
            "responsible": tr("Ansvarlig"), "deadline": tr("Frist"), "status": tr("Status"),
            "follow_up_date": tr("Opfølgningsdato"), "follow_up_notes": tr("Opfølgning"),
            "effect": tr("Vurdering af effekt")}


def indicator_name(tr: Translate, kind: str) -> str:
    """core.records.INDICATOR_KINDS in words; an unknown kind is shown as its code."""
    names = {
        "sick_days_short_per_fte": tr("Korttidssygefravær, dage pr. årsværk"),
        "sick_days_long_per_fte": tr("Langtidssygefravær, dage pr. årsværk"),
        "turnover_pct": tr("Personaleomsætning, %"),
        "vacancies": tr("Ubesatte stillinger"),
        "overtime_hours": tr("Overarbejde, timer"),
        "caseload": tr("Sager pr. medarbejder"),
        "caseload_recommended": tr("Anbefalet antal sager pr. medarbejder"),
    }
    return names.get(kind, kind)
