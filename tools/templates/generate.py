"""Write every template to resources/templates/ as XLSForm, plus index.json.

    python -m tools.templates.generate [--check] [--force]

`--check` writes nothing and exits 1 when a template breaks a rule below. The rules keep the
templates combinable: item names are unique across templates (except the pulse, which reuses
psykisk's names on purpose), a choice list or dimension that appears in two templates is the
same in both, and every text is there in da, sv and en.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from apv_desktop.core.model import LANGUAGES, ItemType, Questionnaire
from apv_desktop.errors import InputError
from apv_desktop.interchange.xlsform import read_xlsform, write_xlsform
from apv_desktop.resource_paths import resource_path
from tools.templates import baggrund, fysisk, kraenkende, osa, psykisk, puls, sygefravaer

# The order of the index: the full APV first, then its companions, the pulse, the Swedish one,
# and the optional background questions to tick beside any of them.
TEMPLATES: list[ModuleType] = [psykisk, kraenkende, fysisk, sygefravaer, puls, osa, baggrund]
# Templates that reuse another template's items by name, on purpose.
REUSES = {"puls": "psykisk"}


def build_all() -> dict[str, Questionnaire]:
    return {module.TEMPLATE_ID: module.build() for module in TEMPLATES}


# Seconds a respondent takes, as piloted: a closed question is read and ticked quickly, a
# free-text question is thought about and typed.
SECONDS_CLOSED = 8
SECONDS_TEXT = 45


def index_entries(templates: dict[str, Questionnaire] | None = None) -> list[dict[str, object]]:
    templates = templates or build_all()
    return [
        {
            "id": module.TEMPLATE_ID,
            "file": f"{module.TEMPLATE_ID}.xlsx",
            "title": dict(module.TITLE),
            "description": dict(module.DESCRIPTION),
            **size(templates[module.TEMPLATE_ID]),
        }
        for module in TEMPLATES
    ]


def size(questionnaire: Questionnaire) -> dict[str, int]:
    """The number of questions and the minutes it takes to answer them (at least 1)."""
    items = questionnaire.answerable_items()
    texts = sum(1 for item in items if item.type is ItemType.TEXT)
    seconds = (len(items) - texts) * SECONDS_CLOSED + texts * SECONDS_TEXT
    return {"questions": len(items), "minutes": max(1, -(-seconds // 60))}


def problems(templates: dict[str, Questionnaire]) -> list[str]:
    """Every broken rule across the templates, as sentences."""
    found: list[str] = []
    owner_of_item: dict[str, str] = {}
    lists_seen: dict[str, tuple[str, object]] = {}
    dimensions_seen: dict[str, tuple[str, object]] = {}
    for template_id, questionnaire in templates.items():
        for item in questionnaire.items():
            owner = owner_of_item.setdefault(item.name, template_id)
            if owner != template_id and REUSES.get(template_id) != owner:
                found.append(f"item '{item.name}' is in both {owner} and {template_id}")
            found += _missing_languages(f"{template_id} item {item.name}", item.labels)
        for section in questionnaire.sections:
            found += _missing_languages(f"{template_id} section {section.name}", section.labels)
        for choice_list in questionnaire.choice_lists.values():
            first = lists_seen.setdefault(choice_list.name, (template_id, choice_list))
            if first[1] != choice_list:
                found.append(f"choice list '{choice_list.name}' differs between {first[0]} and "
                             f"{template_id}")
            for choice in choice_list.choices:
                found += _missing_languages(
                    f"{template_id} choice {choice_list.name}/{choice.name}", choice.labels)
        for dimension in questionnaire.dimensions:
            first = dimensions_seen.setdefault(dimension.code, (template_id, dimension))
            if first[1] != dimension:
                found.append(f"dimension '{dimension.code}' differs between {first[0]} and "
                             f"{template_id}")
            found += _missing_languages(f"{template_id} dimension {dimension.code}",
                                        dimension.labels)
        found += _missing_languages(f"{template_id} title", questionnaire.title_labels)
    return found


def _missing_languages(where: str, labels: dict[str, str]) -> list[str]:
    return [f"{where} has no {code} text" for code in LANGUAGES if not labels.get(code)]


def _replace(path: Path, write: Callable[[Path], None]) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=path.suffix)
    os.close(handle)
    try:
        write(Path(temporary))
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the file is shipped to everyone
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def _up_to_date(path: Path, questionnaire: Questionnaire) -> bool:
    """The file at `path` already reads back as `questionnaire` (xlsx files carry a save time,
    so rewriting an unchanged template would only churn the committed binary)."""
    if not path.exists():
        return False
    try:
        result = read_xlsform(path)
    except InputError:
        return False
    return not result.warnings and result.questionnaire == questionnaire


def generate(target: Path, *, force: bool = False) -> list[str]:
    """Write every template whose file is missing or out of date, and the index, into
    `target`; returns the names of the files written."""
    templates = build_all()
    broken = problems(templates)
    if broken:
        raise SystemExit("Templates break the rules:\n  " + "\n  ".join(broken))
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for template_id, questionnaire in templates.items():
        path = target / f"{template_id}.xlsx"
        if not force and _up_to_date(path, questionnaire):
            continue
        write_xlsform(questionnaire, path)  # writes through a temporary file itself
        written.append(path.name)
    index_text = json.dumps(index_entries(templates), ensure_ascii=False, indent=2) + "\n"
    _replace(target / "index.json",
             lambda temporary: temporary.write_text(index_text, encoding="utf-8"))
    written.append("index.json")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check the rules, write nothing")
    parser.add_argument("--force", action="store_true", help="rewrite unchanged files too")
    parser.add_argument("--target", type=Path, default=resource_path("templates"))
    args = parser.parse_args(argv)
    if args.check:
        broken = problems(build_all())
        print("\n".join(broken) or "All templates keep the rules.")
        return 1 if broken else 0
    for name in generate(args.target, force=args.force):
        print(f"wrote {args.target / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
