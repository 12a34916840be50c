"""The layering rule of the code base: core has neither Qt nor SQL, and the records everyone reads
come from core, not from the store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import apv_desktop.core
from apv_desktop.core import records
from apv_desktop.core.model import OrgUnit
from apv_desktop.store import Project

CORE = Path(apv_desktop.core.__file__).parent
FORBIDDEN = ("PySide6", "sqlalchemy", "sqlmodel", "sqlite3")


def test_importing_all_of_core_loads_no_qt_and_no_sql() -> None:
    modules = sorted(f"apv_desktop.core.{path.stem}" for path in CORE.glob("*.py")
                     if path.stem != "__init__")
    assert "apv_desktop.core.records" in modules
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & {set(FORBIDDEN)!r})))"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, cwd=CORE.parent.parent)
    assert json.loads(run.stdout) == []


def test_the_store_hands_out_the_core_records(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.apv") as project:
        project.replace_org([OrgUnit("ORG", "Organisation")])
        project.set_indicator("ORG", "2025", "turnover_pct", 12.5)
        [indicator] = project.indicators()
    assert type(indicator) is records.Indicator
    assert indicator == records.Indicator("ORG", "2025", "turnover_pct", 12.5)
