"""The frozen bundle for tests marked `installer`.

They run when the bundle exists (dist/apv-desktop, or the folder in $APV_BUNDLE, e.g. an unpacked
release tarball), or when they are selected with `pytest -m installer`, which builds it first
(`python installer/build.py --bundle-only`, about a minute). Otherwise they are skipped, so the
ordinary suite stays fast and needs no PyInstaller.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# On Windows apv-desktop.exe has no console (so nothing it prints can be read): the tests run its
# twin with a console, the same program.
EXECUTABLE = "apv-desktop-cli.exe" if sys.platform == "win32" else "apv-desktop"


def bundle_folder() -> Path:
    return Path(os.environ.get("APV_BUNDLE", ROOT / "dist" / "apv-desktop"))


def _installer_selected(config: pytest.Config) -> bool:
    return "installer" in (config.getoption("-m", default="") or "")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if (bundle_folder() / EXECUTABLE).exists() or _installer_selected(config):
        return
    skip = pytest.mark.skip(reason="no frozen bundle: run `pytest -m installer` to build and test")
    for item in items:
        if item.get_closest_marker("installer") is not None:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def frozen_app() -> Path:
    """The frozen executable, built now if it is missing."""
    executable = bundle_folder() / EXECUTABLE
    if not executable.exists():
        subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), "--bundle-only"],
                       check=True, cwd=ROOT)
    return executable


@pytest.fixture
def bare_environment(tmp_path: Path) -> dict[str, str]:
    """An environment with no Python in it: no venv, no PYTHON* variables, system PATH only,
    and a fresh home so that the user's own preferences and crash logs are not touched."""
    home = tmp_path / "home"
    home.mkdir()
    if sys.platform == "win32":
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        return {"SYSTEMROOT": system_root, "PATH": rf"{system_root}\System32",
                "USERPROFILE": str(home), "APPDATA": str(home / "AppData" / "Roaming"),
                "LOCALAPPDATA": str(home / "AppData" / "Local"), "TEMP": str(tmp_path)}
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "TMPDIR": str(tmp_path),
            "XDG_RUNTIME_DIR": str(tmp_path)}
