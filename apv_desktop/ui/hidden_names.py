"""The question asked before department texts leave the program when one names a unit whose
results are hidden (a revised text can say what the figures may not): the department tab's PDF
and the Rapport page's outputs ask it the same way."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from apv_desktop.i18n import tr
from apv_desktop.services.departments import DepartmentText
from apv_desktop.ui import messages


def confirm_hidden_units_named(parent: QWidget, reports: list[DepartmentText]) -> bool:
    """True when no text names a hidden unit, or the user wants to go on anyway."""
    naming = [f"{r.name}: {', '.join(r.hidden_named)}" for r in reports if r.hidden_named]
    return not naming or messages.ask(
        parent, tr("Teksterne nævner skjulte enheder"),
        tr("Nogle afdelingstekster nævner enheder, hvis resultater er skjult for at "
           "beskytte anonymiteten. Vil du alligevel gemme dem?"),
        "\n".join(naming))
