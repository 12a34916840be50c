"""Releases install from requirements/release.lock: every library pyproject.toml names (with the
build and test extras a release uses) is pinned there with hashes, and the workflow uses it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements" / "release.lock"
RELEASE_EXTRAS = ("build", "test")  # as tools/lock.py


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        project = tomllib.load(handle)["project"]
    wanted = list(project["dependencies"])
    for extra in RELEASE_EXTRAS:
        wanted += project["optional-dependencies"][extra]
    return {canonical(re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0])
            for requirement in wanted}


def pinned() -> dict[str, list[str]]:
    """name -> the lines of its entry, for every `name==version` entry of the lock."""
    entries: dict[str, list[str]] = {}
    current: list[str] = []
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        found = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==\S+", line)
        if found:
            current = entries.setdefault(canonical(found.group(1)), [])
        if line.strip() and not line.lstrip().startswith("#"):
            current.append(line)
    return entries


def test_every_declared_library_is_pinned_with_hashes() -> None:
    entries = pinned()
    assert declared() - set(entries) == set(), "run python tools/lock.py"
    for name, lines in entries.items():
        assert any("--hash=sha256:" in line for line in lines), name


def test_the_release_workflow_installs_from_the_lock_with_hashes_checked() -> None:
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    assert "pip install --require-hashes -r requirements/release.lock" in workflow
    assert "pip install --no-deps" in workflow  # the project itself adds no unpinned library
