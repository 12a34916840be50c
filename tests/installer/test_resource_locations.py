"""The shipped files (resources/ at the top of the repository) are found the same way however the
program runs: from the checkout, an editable install, a wheel installed into a fresh environment,
and the frozen bundle (that one in test_frozen_bundle.py and here with a stand-in _MEIPASS).

Each way runs the same probe, which lists the templates and loads the catalogs, and must report
what the checkout has."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from collections.abc import Iterator
from importlib.metadata import distributions
from pathlib import Path

import pytest

from apv_desktop.resource_paths import resource_path, resources_folder

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"

PROBE = """
import json
import apv_desktop
from apv_desktop.i18n import catalog, plural_catalog
from apv_desktop.interchange.templates import list_templates
from apv_desktop.resource_paths import resource_path, resources_folder
print(json.dumps({
    "package": apv_desktop.__file__,
    "folder": str(resources_folder()),
    "templates": [t.id for t in list_templates() if t.path.is_file()],
    "catalog_sizes": {code: len(catalog(code)) + len(plural_catalog(code))
                      for code in ("sv", "en")},
    "icon": resource_path("icons", "apv-desktop-256.png").is_file(),
}))
"""


def run_probe(python: str | Path, cwd: Path) -> dict[str, object]:
    """The probe's answer from `python` started in `cwd` with no PYTHON* variables: started
    outside the checkout, only what is installed can be imported."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    run = subprocess.run([str(python), "-c", PROBE], cwd=cwd, env=env, capture_output=True,
                         text=True, encoding="utf-8", timeout=120)
    assert run.returncode == 0, run.stderr
    answer: dict[str, object] = json.loads(run.stdout)
    return answer


def expected_from_checkout() -> dict[str, object]:
    index = json.loads((RESOURCES / "templates" / "index.json").read_text(encoding="utf-8"))
    sizes: dict[str, int] = {}
    for code in ("sv", "en"):
        merged: dict[str, str] = {}
        for path in sorted((RESOURCES / "i18n").glob("*.json")):
            if path.name == f"{code}.json" or path.name.endswith(f".{code}.json"):
                merged.update(json.loads(path.read_text(encoding="utf-8")))
        sizes[code] = len(merged)
    return {"templates": [entry["id"] for entry in index], "catalog_sizes": sizes, "icon": True}


def shipped_part(answer: dict[str, object]) -> dict[str, object]:
    return {key: answer[key] for key in ("templates", "catalog_sizes", "icon")}


@pytest.fixture
def fresh_lookup() -> Iterator[None]:
    resources_folder.cache_clear()
    yield
    resources_folder.cache_clear()


def test_the_checkout_reads_the_top_level_folder() -> None:
    assert resources_folder() == RESOURCES
    assert not (ROOT / "apv_desktop" / "resources").exists()
    assert resource_path("templates", "index.json").is_file()


def test_every_catalog_file_of_a_language_is_merged() -> None:
    from apv_desktop.i18n import catalog

    area_files = sorted((RESOURCES / "i18n").glob("*.sv.json"))
    assert area_files, "the areas' Swedish catalogs"
    merged = catalog("sv")
    for path in [RESOURCES / "i18n" / "sv.json", *area_files]:
        entries = json.loads(path.read_text(encoding="utf-8"))
        some_key = next(iter(entries))
        assert some_key in merged, path.name


def test_the_checkout_without_an_install_agrees_with_the_files() -> None:
    answer = run_probe(sys.executable, ROOT)  # python -c in the checkout imports from it
    assert Path(str(answer["folder"])) == RESOURCES
    assert shipped_part(answer) == expected_from_checkout()


def test_frozen_the_bundle_root_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                        fresh_lookup: None) -> None:
    (tmp_path / "resources" / "i18n").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_folder() == tmp_path / "resources"


def test_a_missing_folder_is_named_in_the_error(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path, fresh_lookup: None) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    with pytest.raises(FileNotFoundError, match="resources"):
        resources_folder()


def test_the_wheel_lists_every_package_of_the_source() -> None:
    """pyproject.toml lists the packages by hand (package discovery cannot see the mapped
    resources); a new folder of modules must be added there or the wheel lacks it."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        listed = set(tomllib.load(handle)["tool"]["setuptools"]["packages"])
    folders = {path.parent.relative_to(ROOT).as_posix().replace("/", ".")
               for path in (ROOT / "apv_desktop").rglob("*.py")}
    assert listed == folders | {"apv_desktop._resources"}


def _editable_install() -> bool:
    """Whether pip installed this checkout editable (the checkout's own apv_desktop.egg-info,
    found first on sys.path, has no direct_url.json: look at every copy of the metadata)."""
    for found in distributions(name="apv-desktop"):
        direct_url = found.read_text("direct_url.json")
        if direct_url and json.loads(direct_url).get("dir_info", {}).get("editable"):
            return True
    return False


@pytest.mark.skipif(not _editable_install(), reason="apv-desktop is not installed editable here")
def test_an_editable_install_reads_the_checkout(tmp_path: Path) -> None:
    answer = run_probe(sys.executable, tmp_path)
    assert Path(str(answer["package"])).resolve().parent == ROOT / "apv_desktop"
    assert Path(str(answer["folder"])) == RESOURCES
    assert shipped_part(answer) == expected_from_checkout()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built (`pip wheel --no-deps`) from a copy of the sources, so that the build
    leaves nothing in the checkout."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("apv_desktop", "resources"):
        shutil.copytree(ROOT / folder, source / folder, ignore=ignore)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out),
                    str(source)], check=True, capture_output=True, timeout=600)
    [built] = out.glob("apv_desktop-*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_holds_every_resource(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    expected = {f"apv_desktop/_resources/{path.relative_to(RESOURCES).as_posix()}"
                for path in RESOURCES.rglob("*") if path.is_file()}
    assert expected <= names
    assert not any(name.startswith("resources/") for name in names)


@pytest.mark.slow
def test_a_wheel_installed_elsewhere_reads_its_own_copy(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "venv"
    venv.create(target, system_site_packages=True, with_pip=False)
    python = target / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--no-deps", "--quiet", str(wheel)], check=True, capture_output=True,
                   timeout=300)
    answer = run_probe(python, tmp_path)
    installed = Path(str(answer["package"])).resolve().parent
    assert installed.is_relative_to(target.resolve())
    assert Path(str(answer["folder"])) == installed / "_resources"
    assert shipped_part(answer) == expected_from_checkout()
