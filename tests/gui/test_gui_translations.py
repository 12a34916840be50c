"""Every tr("…") text has a Swedish and an English entry, no entry is unused, and no Danish
text is left on screen in English."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QWidget

import apv_desktop
from apv_desktop.i18n import catalog, plural_catalog
from apv_desktop.resource_paths import resource_path

PACKAGE = Path(apv_desktop.__file__).parent


def error_classes() -> set[str]:
    """The names of ApvError and every subclass (their first argument is a Danish sentence)."""
    import importlib
    import pkgutil

    from apv_desktop.errors import ApvError

    for module in pkgutil.walk_packages([str(PACKAGE)], "apv_desktop."):
        if ".ui" not in module.name and "__main__" not in module.name:
            importlib.import_module(module.name)
    found, todo = set(), [ApvError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return found - {"EditRefused", "RelevanceError", "ProjectLockedByHolder"}  # their own codes


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def translated_literals(kind: str = "tr") -> dict[str, str]:
    """Each tr("literal"), N_("literal") and ApvError("literal", …) in the package (kind "tr"),
    or each trn("singular", …) (kind "trn"), with the place it was first found."""
    errors = error_classes()
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _call_name(node)
            wanted = ({"trn"} if kind == "trn" else {"tr", "N_"}) | (
                errors if kind == "tr" else set())
            if name not in wanted:
                continue
            first = node.args[0]
            where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
            if name in errors and not isinstance(first, ast.Constant | ast.JoinedStr):
                continue  # an error built from a sentence already translated (tr/trn)
            assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                f"{name}() needs a literal text (use fields for the variable part) at {where}")
            found.setdefault(first.value, where)
    return found


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_counting_text_has_its_plural_forms(language):
    catalog.cache_clear()
    plural_catalog.cache_clear()
    entries = plural_catalog(language)
    literals = translated_literals("trn")
    missing = [f"{where}: {text!r}" for text, where in literals.items()
               if set(entries.get(text, {})) != {"one", "other"}]
    assert not missing, f"no {language} plural forms (one, other) for:\n" + "\n".join(missing)
    unused = sorted(set(entries) - set(literals))
    assert not unused, f"the {language} catalogs have plural entries no code uses: {unused}"


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
        for danish, forms in plural_catalog(language).items():
            for form in forms.values():
                assert fields(form) == fields(danish), (language, danish, form)


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


@pytest.mark.parametrize("language", ["sv", "en"])
def test_catalog_files_hold_texts_or_plural_forms(language):
    """i18n takes the files as JSON gives them: a text, or {CLDR category: text}."""
    wrong = []
    for path in sorted(resource_path("i18n").glob(f"*{language}.json")):
        for danish, translated in json.loads(path.read_text(encoding="utf-8")).items():
            plural = isinstance(translated, dict) and all(
                isinstance(k, str) and isinstance(v, str) for k, v in translated.items())
            if not (isinstance(translated, str) or plural):
                wrong.append(f"{path.name}: {danish!r} -> {translated!r}")
    assert not wrong, "\n".join(wrong)
