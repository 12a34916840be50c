"""Build APV Desktop for the platform this runs on: one entry point for developers and CI.

    python -m pip install -e ".[build]"
    python installer/build.py              # bundle + this platform's package
    python installer/build.py --bundle-only

Steps: check that the code uses no Qt module or matplotlib backend the bundle leaves out, freeze
a one-folder bundle with PyInstaller (installer/apv-desktop.spec) into dist/apv-desktop, then
package it: Linux a tarball with install.sh (and an AppImage when `appimagetool` is on PATH),
Windows an Inno Setup installer (when `iscc` is found), macOS a .dmg (installer/macos/make_dmg.sh).
See docs/installing.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

INSTALLER = Path(__file__).resolve().parent
ROOT = INSTALLER.parent
sys.path.insert(0, str(INSTALLER))

import bundle_contents as contents  # noqa: E402

DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / contents.EXECUTABLE
ICONS = ROOT / "resources" / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def project_version() -> str:
    """The version in pyproject.toml, checked against the installed metadata the bundle ships
    (apv_desktop.__version__ reads the metadata, so a stale editable install would lie)."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        declared = str(tomllib.load(handle)["project"]["version"])
    try:
        installed = version(contents.DISTRIBUTION)
    except PackageNotFoundError:
        raise SystemExit("apv-desktop is not installed: run  pip install -e \".[build]\"") from None
    if installed != declared:
        raise SystemExit(f"pyproject.toml says {declared} but the installed metadata says "
                         f"{installed}: run  pip install -e \".[build]\"  again")
    return declared


def check_imports() -> None:
    problems = contents.unsupported_imports(sorted((ROOT / "apv_desktop").rglob("*.py")))
    if problems:
        raise SystemExit("The bundle leaves out modules the program uses; add them to "
                         "installer/bundle_contents.py:\n  " + "\n  ".join(problems))


def freeze() -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(WORK), str(INSTALLER / "apv-desktop.spec")],
        check=True, cwd=ROOT)
    return BUNDLE


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def machine() -> str:
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(platform.machine().lower(),
                                                       platform.machine().lower())


def _copy_linux_share(share: Path) -> None:
    (share / "icons").mkdir(parents=True, exist_ok=True)
    shutil.copy2(INSTALLER / "linux" / "apv-desktop.desktop", share)
    shutil.copy2(INSTALLER / "linux" / "apv-desktop-mime.xml", share)
    for size in ICON_SIZES:
        shutil.copy2(ICONS / f"apv-desktop-{size}.png", share / "icons")


def linux_tarball(release: str) -> Path:
    """apv-desktop-<version>-linux-<arch>.tar.gz: the bundle, install.sh and share/."""
    name = f"apv-desktop-{release}-linux-{machine()}"
    staging = ROOT / "build" / name
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(BUNDLE, staging, symlinks=True)
    shutil.copy2(INSTALLER / "linux" / "install.sh", staging)
    _copy_linux_share(staging / "share")
    archive = DIST / f"{name}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(staging, arcname=name)
    return archive


APPRUN = """#!/bin/sh
# AppImage entry: run the frozen program inside the mounted image.
here=$(dirname "$(readlink -f "$0")")
exec "$here/usr/lib/apv-desktop/apv-desktop" "$@"
"""


def linux_appimage(release: str) -> Path | None:
    """An AppDir, and an AppImage from it when appimagetool is installed (it is not a Debian
    package and needs its runtime from the AppImage project, so CI fetches it; see release.yml)."""
    appdir = ROOT / "build" / "AppDir"
    shutil.rmtree(appdir, ignore_errors=True)
    shutil.copytree(BUNDLE, appdir / "usr" / "lib" / "apv-desktop", symlinks=True)
    share = appdir / "usr" / "share"
    for size in ICON_SIZES:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy2(ICONS / f"apv-desktop-{size}.png", folder / "apv-desktop.png")
    (share / "applications").mkdir(parents=True)
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy2(INSTALLER / "linux" / "apv-desktop.desktop", share / "applications")
    shutil.copy2(INSTALLER / "linux" / "apv-desktop-mime.xml",
                 share / "mime" / "packages" / "apv-desktop.xml")
    shutil.copy2(INSTALLER / "linux" / "apv-desktop.desktop", appdir)
    shutil.copy2(ICONS / "apv-desktop-256.png", appdir / "apv-desktop.png")
    apprun = appdir / "AppRun"
    apprun.write_text(APPRUN, encoding="utf-8")
    apprun.chmod(0o755)
    tool = shutil.which("appimagetool")
    if tool is None:
        print(f"AppDir ready in {appdir}; no appimagetool on PATH, so no AppImage")
        return None
    image = DIST / f"APV_Desktop-{release}-{machine()}.AppImage"
    subprocess.run([tool, "--no-appstream", str(appdir), str(image)], check=True,
                   env={**os.environ, "ARCH": machine()})
    return image


def windows_installer(release: str) -> Path | None:
    iscc = shutil.which("iscc") or next(
        (str(p) for p in (Path(os.environ.get("PROGRAMFILES(X86)", "C:/Program Files (x86)"))
                          / "Inno Setup 6" / "ISCC.exe",) if p.exists()), None)
    if iscc is None:
        print("Inno Setup (iscc) not found: install it to make the setup program")
        return None
    subprocess.run([iscc, f"/DAppVersion={release}", f"/DBundleDir={BUNDLE}",
                    f"/DOutputDir={DIST}", str(INSTALLER / "windows" / "apv-desktop.iss")],
                   check=True)
    return DIST / f"apv-desktop-{release}-setup.exe"


def macos_dmg(release: str) -> Path:
    app = DIST / f"{contents.APP_NAME}.app"
    image = DIST / f"apv-desktop-{release}-macos-{machine()}.dmg"
    subprocess.run(["sh", str(INSTALLER / "macos" / "make_dmg.sh"), str(app), str(image)],
                   check=True)
    return image


def package(release: str) -> list[Path]:
    if sys.platform.startswith("linux"):
        return [p for p in (linux_tarball(release), linux_appimage(release)) if p is not None]
    if sys.platform == "win32":
        return [p for p in (windows_installer(release),) if p is not None]
    if sys.platform == "darwin":
        return [macos_dmg(release)]
    raise SystemExit(f"no packaging for {sys.platform}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bundle-only", action="store_true",
                        help="freeze the one-folder bundle, make no package")
    args = parser.parse_args(argv)
    release = project_version()
    check_imports()
    bundle = freeze()
    print(f"bundle: {bundle}  {folder_size(bundle) / 2**20:.0f} MiB")
    if not args.bundle_only:
        for artefact in package(release):
            print(f"package: {artefact}  {artefact.stat().st_size / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
