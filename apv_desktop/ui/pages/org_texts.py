"""The organisation's problems as sentences in the current language."""

from __future__ import annotations

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

