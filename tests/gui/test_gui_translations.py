"""Every tr("…") text has a Swedish and an English entry, no entry is unused, and no Danish
text is left on screen in English."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QWidget

import apv_desktop
from apv_desktop.i18n import catalog
from apv_desktop.resource_paths import resource_path

PACKAGE = Path(apv_desktop.__file__).parent


def translated_literals() -> dict[str, str]:
    """Each tr("literal") in the package, with the place it was first found."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "tr" and node.args):
                first = node.args[0]
                where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                    f"tr() needs a literal text (use fields for the variable part) at {where}")
                found.setdefault(first.value, where)
    return found


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_visible_text_has_a_translation(language):
    catalog.cache_clear()
    entries = catalog(language)
    literals = translated_literals()
    missing = [f"{where}: {text!r}" for text, where in literals.items() if not entries.get(text)]
    assert not missing, f"no {language} translation for:\n" + "\n".join(missing)
    unused = sorted(set(entries) - set(literals))
    assert not unused, f"the {language} catalogs have entries no code uses: {unused}"


def test_translations_keep_the_fields_of_the_danish_text():
    import string

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for language in ("sv", "en"):
        for danish, translated in catalog(language).items():
            assert fields(translated) == fields(danish), (language, danish)


def test_no_danish_text_is_left_on_screen_in_english(window, demo_path, context):
    window.open_project(demo_path)
    context.switch_language("en")
    danish_only = {k for k, v in catalog("en").items() if k != v}
    shown = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            shown.append(widget.text())
        if isinstance(widget, QMenu):
            shown.append(widget.title())
            shown.extend(action.text() for action in widget.actions())
    shown.extend(window.navigation.item(i).text() for i in range(window.navigation.count()))
    left = [text for text in shown if text in danish_only]
    assert not left


@pytest.mark.parametrize("language", ["sv", "en"])
def test_areas_agree_on_each_translation(language):
    """One Danish text, one translation: area catalogs must not contradict each other."""
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for path in sorted(resource_path("i18n").glob(f"*{language}.json")):
        for danish, translated in json.loads(path.read_text(encoding="utf-8")).items():
            earlier = seen.setdefault(danish, (translated, path.name))
            if earlier[0] != translated:
                clashes.append(f"{danish!r}: {earlier[1]} says {earlier[0]!r}, "
                               f"{path.name} says {translated!r}")
    assert not clashes, "\n".join(clashes)
