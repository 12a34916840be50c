"""The packaging files agree with each other and with the program (fast; no bundle needed)."""

from __future__ import annotations

import configparser
import plistlib
import re
import struct
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
sys.path.insert(0, str(INSTALLER))

import bundle_contents as contents  # noqa: E402

MIME_TYPE = "application/x-apv-project"


def test_the_program_uses_only_what_the_bundle_keeps() -> None:
    assert contents.unsupported_imports(sorted((ROOT / "apv_desktop").rglob("*.py"))) == []


def test_a_left_out_qt_module_or_backend_is_caught(tmp_path: Path) -> None:
    source = tmp_path / "page.py"
    source.write_text("from PySide6.QtWebEngineWidgets import QWebEngineView\n"
                      "from PySide6.QtWidgets import QWidget\n"
                      "matplotlib.use('TkAgg')\n", encoding="utf-8")
    assert contents.unsupported_imports([source]) == [
        f"{source}: imports PySide6.QtWebEngineWidgets",
        f"{source}: uses matplotlib backend tkagg",
    ]


@pytest.mark.parametrize(("destination", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", False),
    ("PySide6/Qt/translations/qtbase_sv.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("PySide6/qwindows.dll", True),
    ("babel/locale-data/da.dat", True),
    ("babel/locale-data/root.dat", True),
    ("babel/locale-data/de.dat", False),
    ("babel/global.dat", True),
])
def test_which_collected_files_stay(destination: str, kept: bool) -> None:
    assert contents.keep_file(destination) is kept


def test_libraries_only_dropped_plugins_needed_are_pruned() -> None:
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/q/libqxcb.so", "BINARY"),
        ("libxcb.so.1", "/usr/lib/libxcb.so.1", "BINARY"),
        ("libXau.so.6", "/usr/lib/libXau.so.6", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
    ]
    links = {"/q/libqxcb.so": ["libxcb.so.1"], "/usr/lib/libxcb.so.1": ["libXau.so.6"],
             "/usr/lib/libgtk-3.so.0": ["libcairo.so.2"]}
    kept = contents.prune_orphan_libraries(binaries, lambda source: links.get(source, []))
    assert [entry[0] for entry in kept] == [
        "PySide6/Qt/plugins/platforms/libqxcb.so", "libxcb.so.1", "libXau.so.6"]


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


def test_icons_are_rendered_at_every_size() -> None:
    icons = ROOT / "resources" / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert _png_size(icons / f"apv-desktop-{size}.png") == (size, size)
    assert (icons / "apv-desktop.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (icons / "apv-desktop.icns").read_bytes()[:4] == b"icns"


def test_inno_setup_installs_per_user_with_a_fixed_id_and_the_file_type() -> None:
    script = (INSTALLER / "windows" / "apv-desktop.iss").read_text(encoding="utf-8")
    assert re.search(r"^AppId=\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}$", script, re.M)
    assert re.search(r"^PrivilegesRequired=lowest$", script, re.M)
    assert 'Subkey: "Software\\Classes\\.apv"' in script
    assert r'ValueData: """{app}\{#AppExe}"" ""%1"""' in script
    assert "{autodesktop}" in script and "Tasks: desktopicon" in script


def test_macos_bundle_owns_apv_files_and_allows_dark_mode() -> None:
    with (INSTALLER / "macos" / "Info.plist").open("rb") as handle:
        info = plistlib.load(handle)
    exported = info["UTExportedTypeDeclarations"][0]
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == ["apv"]
    document = info["CFBundleDocumentTypes"][0]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    assert info["NSHighResolutionCapable"] is True
    assert info["NSRequiresAquaSystemAppearance"] is False


def test_linux_desktop_entry_and_mime_type_agree() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(INSTALLER / "linux" / "apv-desktop.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["MimeType"] == f"{MIME_TYPE};"
    assert desktop["Exec"] == "apv-desktop %f"
    assert desktop["Icon"] == "apv-desktop"
    namespace = "{http://www.freedesktop.org/standards/shared-mime-info}"
    mime = ElementTree.parse(INSTALLER / "linux" / "apv-desktop-mime.xml").getroot()
    declared = mime.find(f"{namespace}mime-type")
    assert declared is not None and declared.get("type") == MIME_TYPE
    globs = [glob.get("pattern") for glob in declared.iter(f"{namespace}glob")]
    assert globs == ["*.apv"]
