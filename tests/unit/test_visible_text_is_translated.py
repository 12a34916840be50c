"""No text reaches the user without passing through translation: an AST scan of the program for
string literals (or f-strings with words in them) handed to the places the user reads (widget
texts, titles, tooltips, message boxes, actions, tab and header labels, errors of errors.py),
and to the parts messages are built from: the fields of a coded error or of a tr()/trn()
sentence, a questionnaire's or a sheet row's problem (Problem, OrgProblem, RowProblem), a line
added to a list of problems, warnings or lines, a file reader's warning, what a __str__ returns,
and a text named in the module (NAME = "…", also as `a if c else "…"`) handed to any of these.

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
MARKUP = re.compile(r"<[^>]*>")  # HTML tags: their words are not read
# Literals that are names, the same in every language.
NAMES = (
    "APV Desktop", "APV",  # the program's name
    "Dansk", "Svenska", "English",  # each language in its own words (i18n.LANGUAGE_NAMES)
    "apv-desktop:", "warning:", "problem:", "PARTIAL:", "note:",  # the CLI's tags, for scripts
)
# Messages built from a code (the key of their Danish sentence) and fields: the first argument is
# that code, the rest are the fields the sentence shows.
CODED = {"Problem", "OrgProblem"}
# Sentences whose fields are shown inside them.
TRANSLATED = {"tr", "trn"}
# Lists a reader is shown line by line: `problems.append(text)`, `warnings.extend(texts)`.
LISTS_SHOWN = ("problems", "warnings", "lines")
# A file reader's warnings and problems (interchange/xlsform_context.py's ReadContext).
READER_CALLS = {"warn", "problem", "_skip"}
# Whole literals that are XLSForm's own words, the same in every language (a form's `type`
# column says "begin group"; the messages quote it as the form has it).
XLSFORM_WORDS = {"group", "repeat", "begin group", "begin repeat"}
# Text constants that are data, not sentences: name -> why.
DATA_CONSTANTS = {"FOLLOW_UP_ROUND": "the name of the demo project's second round, stored as data"}
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
    if text in XLSFORM_WORDS:
        return None
    for name in NAMES:
        text = text.replace(name, "")
    return text if WORD.search(MARKUP.sub("", text)) else None


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


def _text_constants(tree: ast.Module) -> dict[str, list[ast.expr]]:
    """The module's names given a text: NAME = "literal" (or an f-string, or a choice of texts),
    at any level: a name handed to a sink is looked up here (by name, whatever its scope)."""
    named: dict[str, list[ast.expr]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(
                node.targets[0], ast.Name) and node.targets[0].id not in DATA_CONSTANTS:
            named.setdefault(node.targets[0].id, []).extend(_texts(node.value))
    return named


def _texts(node: ast.expr) -> list[ast.expr]:
    """The literal parts of an expression a text is made of: the expression itself, both
    sides of `a if c else b` and of `a or b`, the element of a comprehension, the separator
    and the parts of `", ".join(…)`."""
    if isinstance(node, ast.IfExp):
        return [*_texts(node.body), *_texts(node.orelse)]
    if isinstance(node, ast.BoolOp):
        return [part for value in node.values for part in _texts(value)]
    if isinstance(node, ast.GeneratorExp | ast.ListComp):
        return _texts(node.elt)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "join" and isinstance(node.func.value, ast.Constant)):
        return [node.func.value, *(part for arg in node.args for part in _texts(arg))]
    return [node]


def _returned_by_str(tree: ast.Module) -> list[tuple[int, ast.expr]]:
    """What each __str__ returns: the text a problem or an error shows."""
    return [(node.lineno, part) for function in ast.walk(tree)
            if isinstance(function, ast.FunctionDef) and function.name == "__str__"
            for node in ast.walk(function) if isinstance(node, ast.Return) and node.value
            for part in _texts(node.value)]


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _shown_list(call: ast.Call) -> bool:
    """`problems.append(…)`, `self.warnings.extend(…)`: a line for a list the reader is shown."""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr not in ("append", "extend"):
        return False
    owner = func.value
    name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
    return name.endswith(LISTS_SHOWN)


def _shown_arguments(call: ast.Call) -> list[ast.expr]:
    """The arguments of `call` whose text a reader sees (empty for a call that shows none)."""
    name = _call_name(call)
    fields = [k.value for k in call.keywords]
    if name in SINKS and name.endswith("Error") and call.args and isinstance(
            call.args[0], ast.Constant):
        return [*call.args[1:], *fields]  # a coded error: its Danish literal is the catalog key
    if name in SINKS or name == "RowProblem" or name in READER_CALLS:
        return [*call.args, *fields]
    if name in CODED:
        return [value for node in [*call.args[1:], *fields]
                for value in (node.values if isinstance(node, ast.Dict) else [node])]
    if name in TRANSLATED:
        return fields
    if _shown_list(call):
        return list(call.args)
    return []


def untranslated_texts() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "__main__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        named = _text_constants(tree)
        shown = [(node.lineno, _call_name(node), part) for node in _calls(tree)
                 for argument in _shown_arguments(node) for part in _texts(argument)]
        shown += [(line, "__str__", part) for line, part in _returned_by_str(tree)]
        for line, name, part in shown:
            for text_node in named.get(part.id, [part]) if isinstance(part, ast.Name) else [part]:
                text = _words(text_node)
                if text is not None:
                    found.append(f"{path.relative_to(PACKAGE)}:{line}: {name}({text!r})")
    return found


def test_every_text_the_user_reads_passes_through_translation() -> None:
    found = untranslated_texts()
    assert not found, "texts shown without tr()/trn():\n" + "\n".join(found)


def test_the_scan_finds_an_untranslated_text(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The scan can fail: a label set from a bare literal is reported, and so is English in the
    parts a message is built from."""
    module = tmp_path / "apv_desktop"
    module.mkdir()
    (module / "page.py").write_text(
        'RULE = "names start with a letter"\n'
        'label.setText("Gem projekt")\n'
        'raise InputError(f"{x} is bad")\n'
        'label.setText(tr("Gem"))\n'
        'raise InputError("{name} kan ikke læses{hint}.", hint=" (an old format)")\n'
        'tr("Ugyldigt navn ({rule}).", rule=RULE)\n'
        'problems.append(RowProblem(row, "the row was changed"))\n'
        'problems.extend(f"missing column {f}" for f in missing)\n'
        'Problem("item_list_missing", where, {"list": name or "none"})\n'
        'class RowProblem:\n'
        '    def __str__(self):\n'
        '        return f"Row {self.row}: {self.reason}"\n'
        'Problem("item_no_label", where, {"item": name})\n'
        'rows.append("<br/>")\n', encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", module)
    assert [line.split(": ", 1)[1] for line in untranslated_texts()] == [
        "setText('Gem projekt')", "InputError(' is bad')", "InputError(' (an old format)')",
        "tr('names start with a letter')", "RowProblem('the row was changed')",
        "extend('missing column ')", "Problem('none')", "__str__('Row : ')"]
