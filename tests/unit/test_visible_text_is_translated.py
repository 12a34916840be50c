"""No text reaches the user without passing through translation: an AST scan of the program for
string literals (or f-strings with words in them) handed to the places the user reads (widget
texts, titles, tooltips, message boxes, actions, tab and header labels, errors of errors.py).

A text is fine when it is a tr()/trn() call, a variable, or a literal without words (a
separator, a symbol, a number). The few literals that are names, not sentences (the program's
name, a language's own name), are listed with the reason."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

import apv_desktop

PACKAGE = Path(apv_desktop.__file__).parent

# Methods and constructors whose text arguments the user reads.
SINKS = {
    "setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setStatusTip",
    "setWhatsThis", "setTitle", "setTabText", "addTab", "insertTab", "addAction", "addMenu",
    "setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "showMessage",
    "setLabelText", "setInformativeText", "setDetailedText", "setAccessibleName",
    "setAccessibleDescription", "setSuffix", "setPrefix", "setSpecialValueText", "addRow",
    "information", "warning", "critical", "question", "getText", "getOpenFileName",
    "getSaveFileName", "getExistingDirectory", "QLabel", "QPushButton", "QCheckBox",
    "QRadioButton", "QGroupBox", "QAction", "QMessageBox", "QToolButton", "QListWidgetItem",
    "QTableWidgetItem", "QTreeWidgetItem", "QCommandLinkButton",
    "show", "ask", "show_problem", "put", "header_row", "title_block", "print",
    "ApvError", "InputError", "RefusedError", "ProjectFileError", "NewerProjectError",
    "NotAProjectError", "ProjectLockedError",
}
WORD = re.compile(r"[A-Za-zÆØÅæøåÄÖäö]{2,}")
# Literals that are names, the same in every language.
NAMES = (
    "APV Desktop", "APV",  # the program's name
    "Dansk", "Svenska", "English",  # each language in its own words (i18n.LANGUAGE_NAMES)
    "apv-desktop:", "warning:", "problem:", "PARTIAL:", "note:",  # the CLI's tags, for scripts
)
# Texts for developers, not users: function -> why.
FOR_DEVELOPERS = {"_end_smoke_test": "the smoke test's start-up time, read by the bundle test"}


def _words(node: ast.expr) -> str | None:
    """The words of a literal or f-string argument; None when it has none or is not literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values
                       if isinstance(v, ast.Constant) and isinstance(v.value, str))
    else:
        return None
    for name in NAMES:
        text = text.replace(name, "")
    return text if WORD.search(text) else None


def _calls(tree: ast.AST) -> list[ast.Call]:
    """Every call, leaving out the bodies of FOR_DEVELOPERS."""
    calls, todo = [], [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.FunctionDef) and node.name in FOR_DEVELOPERS:
            continue
        if isinstance(node, ast.Call):
            calls.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return sorted(calls, key=lambda call: call.lineno)


def untranslated_texts() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "__main__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _calls(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name not in SINKS:
                continue
            if name.endswith("Error") and node.args and isinstance(node.args[0], ast.Constant):
                continue  # a coded error: its Danish literal is the catalog key (checked there)
            for argument in [*node.args, *(k.value for k in node.keywords)]:
                text = _words(argument)
                if text is not None:
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {name}({text!r})")
    return found


def test_every_text_the_user_reads_passes_through_translation() -> None:
    found = untranslated_texts()
    assert not found, "texts shown without tr()/trn():\n" + "\n".join(found)


def test_the_scan_finds_an_untranslated_text(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The scan can fail: a label set from a bare literal is reported."""
    module = tmp_path / "apv_desktop"
    module.mkdir()
    (module / "page.py").write_text('label.setText("Gem projekt")\n'
                                    'raise InputError(f"{x} is bad")\n'
                                    'label.setText(tr("Gem"))\n', encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", module)
    assert [line.split(": ", 1)[1] for line in untranslated_texts()] == [
        "setText('Gem projekt')", "InputError(' is bad')"]
