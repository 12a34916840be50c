"""Errors a user can act on. Each carries one plain sentence that says what, where and what to do.

The sentence is coded like core/validation.py's problems: the error keeps its `code` (the Danish
source sentence, the key into the translation catalogs) and the `fields` it names, and renders
through the one translation mechanism (i18n.py) when it is shown: `str(error)` in the current
language (the window's, or the CLI's --lang / system locale), `render(language)` in any other.
A field may itself be a Danish phrase (Phrase, marked N_), or a tuple of them (a list, joined by
commas): it is translated with the sentence, so no part of it stays in the language the error
was raised in. Anything else that escapes is a bug: the CLI exits 1 and the GUI shows the
details dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Phrase:
    """A Danish phrase (marked N_) with its own fields, inside an error's sentence: rendered
    in the language the sentence is shown in ("Enheden … har {what}", what = N_("svar"))."""

    text: str
    fields: Mapping[str, object] = field(default_factory=dict)

    def render(self, translate: Callable[..., str]) -> str:
        return translate(self.text, **rendered_fields(self.fields, translate))

    def __str__(self) -> str:
        """In the current language, for a sentence put together by tr()."""
        from apv_desktop.i18n import tr  # lazily, as ApvError.render

        return self.render(tr)


def rendered_fields(fields: Mapping[str, object],
                    translate: Callable[..., str]) -> dict[str, object]:
    """`fields` with each Phrase (or tuple of them, joined by commas) rendered by `translate`."""
    def rendered(value: object) -> object:
        if isinstance(value, Phrase):
            return value.render(translate)
        if isinstance(value, tuple) and value and all(isinstance(v, Phrase) for v in value):
            return ", ".join(v.render(translate) for v in value)
        return value

    return {name: rendered(value) for name, value in fields.items()}


class ApvError(Exception):
    """A problem the user can fix; `str(error)` is the sentence shown to them.

    `ApvError("Filen {path} findes ikke.", path=path)`: a Danish sentence with {fields}."""

    def __init__(self, code: str = "", /, **fields: object) -> None:
        super().__init__(code)
        self.code = code
        self.fields = fields

    def render(self, language: str | None = None) -> str:
        from apv_desktop.i18n import current_language, translator  # lazily: see _bounded

        translate = translator(language or current_language())
        return translate(self.code, **rendered_fields(self.fields, translate))

    def __str__(self) -> str:
        return self.render()


MAX_MESSAGE_CHARS = 1000  # a sentence quoting a whole cell could otherwise run to gigabytes
MAX_PROBLEM_CHARS = 300
MAX_PROBLEMS_LISTED = 20


class InputError(ApvError):
    """A file given to us is wrong (type, sheet, row, column, value).

    Whatever a reader quotes, the message and each listed problem stay short and at most
    MAX_PROBLEMS_LISTED problems are kept, with a last line saying how many more there were."""

    def __init__(self, code: str, /, problems: list[str] | None = None,
                 **fields: object) -> None:
        super().__init__(code, **fields)
        self.problems = _bounded(problems or [])

    def render(self, language: str | None = None) -> str:
        return _shortened(super().render(language), MAX_MESSAGE_CHARS)


def _shortened(text: str, limit: int) -> str:
    """`text` cut in the middle when too long: the start says what and where, the end what to do."""
    if len(text) <= limit:
        return text
    end = (limit - 3) // 3
    return text[: limit - 3 - end].rstrip() + " … " + text[-end:].lstrip()


def _bounded(problems: list[str]) -> list[str]:
    shown = [_shortened(str(problem), MAX_PROBLEM_CHARS) for problem in
             problems[:MAX_PROBLEMS_LISTED]]
    if len(problems) > MAX_PROBLEMS_LISTED:
        from apv_desktop.i18n import tr  # lazily: errors is imported by everything

        shown.append(tr("… og {count} flere", count=len(problems) - MAX_PROBLEMS_LISTED))
    return shown


class RefusedError(ApvError):
    """A valid request we will not carry out (it would break a rule or lose data)."""


class ProjectFileError(ApvError):
    """The project file cannot be opened or written as asked."""


class NewerProjectError(ProjectFileError):
    """The project file was written by a newer version of the program."""


class NotAProjectError(ProjectFileError):
    """The file is not an APV project (not SQLite, truncated, or another program's database)."""


class ProjectLockedError(ProjectFileError):
    """Another window or program has the project open."""
