"""The organisation's problems and refusals as sentences in the current language."""

from __future__ import annotations

from apv_desktop.core.org_changes import Held
from apv_desktop.core.org_rules import OrgProblem
from apv_desktop.i18n import tr


def org_problem_text(problem: OrgProblem) -> str:
    """The problem as one sentence in the current language."""
    f = problem.fields
    texts = {
        "code_empty": lambda: tr("Koden må ikke være tom."),
        "code_duplicate": lambda: tr("Koden {code} bruges allerede af en anden enhed.", **f),
        "code_too_long": lambda: tr("Koden må højst have {limit} tegn.", **f),
        "name_empty": lambda: tr("Navnet må ikke være tomt."),
        "name_too_long": lambda: tr("Navnet må højst have {limit} tegn.", **f),
        "parent_unknown": lambda: tr("Der er ingen enhed med koden {code}.", code=f["parent"]),
        "parent_self": lambda: tr(
            "En enhed kan ikke ligge under sig selv eller sine egne underenheder."),
        "parent_cycle": lambda: tr(
            "En enhed kan ikke ligge under sig selv eller sine egne underenheder."),
        "headcount_invalid": lambda: tr("Antal ansatte skal være et helt tal på 0 eller mere."),
    }
    return texts[problem.code]() if problem.code in texts else problem.text


def held_text(held: Held) -> str:
    """What a unit holds, to finish "… because the unit has …"."""
    return {
        Held.RESPONSES: lambda: tr("svar"),
        Held.ACTION_ITEMS: lambda: tr("punkter i handlingsplanen"),
        Held.SICK_LEAVE: lambda: tr("en vurdering af sygefraværet"),
        Held.INDICATORS: lambda: tr("nøgletal"),
        Held.DEPARTMENT_REPORT: lambda: tr("en afdelingsrapport"),
    }[held]()
