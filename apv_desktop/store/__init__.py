"""The SQLite project file (`*.apv`): tables, migrations, bulk answers, backups and checks.

All SQL of the program lives in this package; everyone else uses `Project`, which hands out
the plain records of `apv_desktop.core.records`.
"""

from __future__ import annotations

from apv_desktop.store.check import check_file
from apv_desktop.store.engine import APPLICATION_ID
from apv_desktop.store.migrations import SCHEMA_VERSION
from apv_desktop.store.project import Project

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "Project",
    "check_file",
]
