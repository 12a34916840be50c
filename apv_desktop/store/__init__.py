"""The SQLite project file (`*.apv`): tables, migrations, bulk answers, backups and checks.

All SQL of the program lives in this package; everyone else uses `Project`.
"""

from __future__ import annotations

from apv_desktop.store.check import check_file
from apv_desktop.store.engine import APPLICATION_ID
from apv_desktop.store.migrations import SCHEMA_VERSION
from apv_desktop.store.project import Project
from apv_desktop.store.records import (
    ACTION_STATUSES,
    INDICATOR_KINDS,
    RESPONSE_SOURCES,
    ActionItem,
    Indicator,
    ResponseMeta,
    RoundInfo,
    VersionInfo,
)

__all__ = [
    "ACTION_STATUSES",
    "APPLICATION_ID",
    "INDICATOR_KINDS",
    "RESPONSE_SOURCES",
    "SCHEMA_VERSION",
    "ActionItem",
    "Indicator",
    "Project",
    "ResponseMeta",
    "RoundInfo",
    "VersionInfo",
    "check_file",
]
