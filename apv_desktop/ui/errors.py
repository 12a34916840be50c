"""Errors shown to the user: a known problem gets a plain message, anything else the
unexpected-error dialog with details to copy (and sys.excepthook leads there too)."""

from __future__ import annotations

import platform
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QWidget

from apv_desktop.errors import (
    ApvError,
    InputError,
    NewerProjectError,
    NotAProjectError,
    ProjectFileError,
    ProjectLockedError,
    RefusedError,
)
from apv_desktop.i18n import tr
from apv_desktop.os_errors import DISK_FULL, READ_ONLY, os_reason
from apv_desktop.ui import messages


def is_known_problem(error: BaseException) -> bool:
    return isinstance(error, ApvError | OSError)


def known_problem_text(error: BaseException) -> str:
    """The plain, translated headline for a problem the user can act on."""
    if isinstance(error, ProjectLockedError):
        return tr("Projektet er allerede åbent i et andet vindue eller program.")
    if isinstance(error, NewerProjectError):
        return tr(
            "Projektfilen er gemt af en nyere version af APV Desktop. "
            "Opdater programmet for at åbne den. Filen er ikke ændret."
        )
    if isinstance(error, NotAProjectError):
        return tr("Filen er ikke et APV-projekt, eller den er beskadiget. Filen er ikke ændret.")
    if isinstance(error, ProjectFileError):
        return tr("Projektfilen kan ikke bruges: den er skrivebeskyttet, disken er fuld, "
                  "eller filen findes ikke.")
    if isinstance(error, RefusedError):
        return tr("Det blev afvist, og intet er ændret.")
    if isinstance(error, InputError):
        return tr("Filen kan ikke læses, og intet er ændret.")
    if isinstance(error, OSError) and error.errno in DISK_FULL:
        return tr("Disken er fuld. Frigør plads, og prøv igen.")
    if isinstance(error, OSError) and error.errno in READ_ONLY:
        return tr("Filen eller mappen er skrivebeskyttet.")
    if isinstance(error, OSError):
        return tr("Filen kan ikke læses eller skrives.")
    return tr("Det kan ikke lade sig gøre.")


def _detail_sentence(error: BaseException) -> str:
    if isinstance(error, OSError) and not isinstance(error, ApvError):
        where = f" ({error.filename})" if error.filename else ""
        return f"{os_reason(error)}{where}"
    text = str(error)
    if isinstance(error, InputError) and error.problems:
        text += "\n" + "\n".join(error.problems[:20])
    return text


def show_problem(parent: QWidget | None, title: str, error: BaseException) -> None:
    """A known problem as a plain message, an unexpected one as the error dialog."""
    if not is_known_problem(error):
        show_unexpected(parent, type(error), error, error.__traceback__)
        return
    messages.show(parent, messages.Message(
        messages.Kind.WARNING, title, known_problem_text(error), _detail_sentence(error)
    ))


def error_details(kind: type[BaseException], error: BaseException,
                  trace: TracebackType | None) -> str:
    from apv_desktop import __version__  # looked up when needed (apv_desktop.__getattr__)

    lines = traceback.format_exception(kind, error, trace)
    header = (f"APV Desktop {__version__}, Python {platform.python_version()}, "
              f"{platform.platform()}\n\n")
    return header + "".join(lines)


def show_unexpected(parent: QWidget | None, kind: type[BaseException], error: BaseException,
                    trace: TracebackType | None) -> None:
    messages.show(parent, messages.Message(
        messages.Kind.ERROR,
        tr("Uventet fejl"),
        tr("Der skete en uventet fejl i APV Desktop. Dit projekt er gemt til og med den sidste "
           "ændring."),
        tr("Kopiér detaljerne, og send dem til dem, der vedligeholder programmet."),
        error_details(kind, error, trace),
    ))


def install_excepthook(parent: Callable[[], QWidget | None]) -> None:
    """Uncaught exceptions on the GUI thread end in the error dialog instead of a silent exit."""
    showing = False

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        nonlocal showing
        sys.__excepthook__(kind, error, trace)
        if issubclass(kind, KeyboardInterrupt) or showing:
            return
        showing = True
        try:
            if is_known_problem(error):
                show_problem(parent(), "APV Desktop", error)
            else:
                show_unexpected(parent(), kind, error, trace)
        finally:
            showing = False

    sys.excepthook = hook
