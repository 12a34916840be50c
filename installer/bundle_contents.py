"""What goes into the frozen bundle and what is kept out: one list, read by the PyInstaller spec,
by build.py's checks and by tests/installer (which fail when the program starts to use a module
the bundle leaves out).

The program uses QtCore, QtGui, QtWidgets and QtPrintSupport (printed forms) only
(`grep -rh "from PySide6" apv_desktop`), and matplotlib through Agg (report images) and QtAgg
(charts on the results page, ui/charts).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

APP_NAME = "APV Desktop"
EXECUTABLE = "apv-desktop"
DISTRIBUTION = "apv-desktop"  # the name in pyproject; its metadata gives __version__

QT_MODULES_USED = frozenset({"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"})
# Every other PySide6 module that PyInstaller could pull in through a hook or a stray import.
QT_MODULES_EXCLUDED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner",
    "QtGraphs", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets",
    "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf",
    "QtPdfWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors",
    "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg",
    "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
    "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)
MATPLOTLIB_BACKENDS = ("Agg", "QtAgg")

# Python packages that are only for development, or that stray imports would drag in.
PYTHON_EXCLUDED = (
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "pydoc_data", "lib2to3",
    "ssl", "_ssl",  # no network, ever: nothing may open a TLS connection
    "pytest", "_pytest", "pytestqt", "hypothesis", "ruff", "pip", "setuptools", "pkg_resources",
    "IPython", "jedi", "PyQt5", "PyQt6", "PySide2", "shiboken2", "tests",
    "apv_desktop.tests", "numpy.tests", "numpy.f2py", "matplotlib.tests", "PIL.ImageQt",
    "sqlalchemy.dialects.mssql", "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.oracle",
    "sqlalchemy.dialects.postgresql", "sqlalchemy.testing",
)

# Qt plugin folders the program needs; PySide6's hooks offer more (tls, networkinformation,
# generic input devices for framebuffer kiosks, eglfs device integrations …).
QT_PLUGIN_FOLDERS_KEPT = frozenset({
    "platforms", "platformthemes", "platforminputcontexts", "styles", "imageformats",
    "iconengines", "xcbglintegrations", "printsupport", "wayland-decoration-client",
    "wayland-graphics-integration-client", "wayland-shell-integration",
})
# Single plugins left out of kept folders, by file stem without the "lib" prefix (Linux names;
# other platforms' names do not match, which keeps them). gtk3 would bundle the build machine's
# GTK, cairo and pango next to the user's own; the portal theme gives native dialogs without them.
QT_PLUGINS_DROPPED = frozenset({
    "qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc",  # platforms
    "qgtk3",  # platformthemes
    "qgif", "qicns", "qtga", "qtiff", "qwbmp", "qwebp",  # imageformats: we show PNGs only
    "dmabuf-server", "drm-egl-server", "shm-emulation-server", "vulkan-server",  # compositors
    "fullscreen-shell-v1", "ivi-shell", "qt-shell", "wl-shell-plugin",  # xdg-shell suffices
})
QT_TRANSLATIONS_KEPT = ("da", "sv", "en")  # the program's languages; Qt has ~40 more
# Babel's CLDR data (plural rules, number formats; PyInstaller's babel hook collects all ~1000
# locales): the program's languages and the root they inherit from.
BABEL_LOCALES_KEPT = frozenset({"root", "da", "sv", "en"})


def excluded_modules() -> list[str]:
    return [f"PySide6.{name}" for name in QT_MODULES_EXCLUDED] + list(PYTHON_EXCLUDED)


def _plugin_folder(destination: str) -> str | None:
    """'PySide6/Qt/plugins/platforms/libqxcb.so' -> 'platforms' (None for non-plugins)."""
    parts = Path(destination).parts
    if "plugins" not in parts:
        return None
    index = parts.index("plugins")
    return parts[index + 1] if index + 1 < len(parts) - 1 else None


def keep_file(destination: str) -> bool:
    """Whether a file PyInstaller collected belongs in the bundle (its path inside it)."""
    name = Path(destination).name
    folder = _plugin_folder(destination)
    if folder is not None:
        stem = name.split(".", 1)[0].removeprefix("lib")
        return folder in QT_PLUGIN_FOLDERS_KEPT and stem not in QT_PLUGINS_DROPPED
    if name.endswith(".dat") and "locale-data" in Path(destination).parts:
        return name.removesuffix(".dat") in BABEL_LOCALES_KEPT
    if name.endswith(".qm") and "translations" in Path(destination).parts:
        language = name.removesuffix(".qm").rsplit("_", 1)[-1]
        return language in QT_TRANSLATIONS_KEPT
    excluded_libs = ("qt6network", "qt6qml", "qt6quick", "qt6pdf", "qt6eglfs")
    return not any(lib in name.lower() for lib in excluded_libs)


_QT_IMPORT = re.compile(r"^\s*(?:from|import)\s+PySide6\.(Qt\w+)", re.MULTILINE)
_MPL_BACKEND = re.compile(r"matplotlib\.backends\.backend_(\w+)|matplotlib\.use\(['\"](\w+)")


def unsupported_imports(sources: Iterable[Path]) -> list[str]:
    """Places where the program uses a Qt module or matplotlib backend the bundle leaves out."""
    problems: list[str] = []
    allowed_backends = {b.lower() for b in MATPLOTLIB_BACKENDS}
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for module in _QT_IMPORT.findall(text):
            if module not in QT_MODULES_USED:
                problems.append(f"{path}: imports PySide6.{module}")
        for match in _MPL_BACKEND.finditer(text):
            backend = (match.group(1) or match.group(2)).lower()
            if backend not in allowed_backends:
                problems.append(f"{path}: uses matplotlib backend {backend}")
    return problems


def _is_plain_library(destination: str) -> bool:
    """A shared library that dependency analysis put at the top of the bundle (not a Python
    extension, not a Qt plugin): one that may turn out to be needed by nothing we keep."""
    path = Path(destination)
    return len(path.parts) == 1 and path.name.startswith("lib") and "python" not in path.name


def prune_orphan_libraries(
    binaries: list[tuple[str, str, str]],
    imports_of: Callable[[str], Iterable[str]],
) -> list[tuple[str, str, str]]:
    """Drop top-level libraries that only left-out plugins needed (GTK, cairo, pango …).

    `binaries` are PyInstaller's (destination, source, kind) entries; `imports_of(source)` gives
    the names of the libraries a binary links (DT_NEEDED / import table)."""
    plain = {Path(dest).name: (dest, src)
             for dest, src, _kind in binaries if _is_plain_library(dest)}
    needed: set[str] = set()
    pending = [src for dest, src, _kind in binaries if not _is_plain_library(dest)]
    while pending:
        for name in imports_of(pending.pop()):
            name = Path(name).name
            if name in plain and name not in needed:
                needed.add(name)
                pending.append(plain[name][1])
    return [entry for entry in binaries
            if not _is_plain_library(entry[0]) or Path(entry[0]).name in needed]
