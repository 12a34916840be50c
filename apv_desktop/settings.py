"""The user's preferences: typed, with defaults, kept as JSON in the user's data folder.

Not project settings (those live in the project file, see Project.rules()); these follow the
user from project to project. A missing or damaged file, or a value of the wrong type, falls
back to the default, so preferences can never stop the program from starting.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from apv_desktop.core.model import LANGUAGES, Rules
from apv_desktop.i18n import tr

PREFERENCES_FILE = "preferences.json"
RECENT_LIMIT = 10
DEFAULT_BACKUPS_KEPT = 10


@dataclass
class Preferences:
    language: str = ""  # "" until chosen: the first start follows the system locale
    min_n: int = Rules.min_n  # anonymity defaults for new projects
    comment_min_n: int = Rules.comment_min_n
    backup_folder: str = ""  # "" = the 'backups' folder in the user's data folder
    backups_kept: int = DEFAULT_BACKUPS_KEPT
    recent_projects: list[str] = field(default_factory=list)
    window_geometry: str = ""  # base64 of QWidget.saveGeometry() of the last window closed
    last_page: str = "overview"  # page_id of the page shown when a project was last closed

    def problems(self) -> list[str]:
        """Why these preferences cannot be used (empty when fine)."""
        problems = self.new_project_rules().validate()
        if self.language and self.language not in LANGUAGES:
            problems.append(tr("language skal være en af {value}", value=', '.join(LANGUAGES)))
        if self.backups_kept < 1:
            problems.append(tr("backups_kept skal være mindst 1"))
        return problems

    def new_project_rules(self) -> Rules:
        return Rules(min_n=self.min_n, comment_min_n=self.comment_min_n)

    def backup_dir(self, data_dir: Path) -> Path:
        return Path(self.backup_folder) if self.backup_folder else data_dir / "backups"

    def remember_project(self, path: Path) -> None:
        """Put `path` first in the recent list (once), keeping at most RECENT_LIMIT entries."""
        text = str(path.resolve())
        self.recent_projects = [text, *(p for p in self.recent_projects if p != text)]
        del self.recent_projects[RECENT_LIMIT:]

    def forget_project(self, path: Path | str) -> None:
        text = str(Path(path).resolve())
        self.recent_projects = [p for p in self.recent_projects if p != text]


def load_preferences(path: Path) -> Preferences:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    if not isinstance(data, dict):
        return Preferences()
    defaults = Preferences()
    values: dict[str, Any] = {}
    for spec in fields(Preferences):
        default = getattr(defaults, spec.name)
        value = data.get(spec.name, default)
        values[spec.name] = value if _same_type(value, default) else default
    values["recent_projects"] = [p for p in values["recent_projects"] if isinstance(p, str)]
    preferences = Preferences(**values)
    return preferences if not preferences.problems() else _repaired(preferences)


def save_preferences(preferences: Preferences, path: Path) -> None:
    """Written to a temporary file and renamed into place, so a failed write keeps the old."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(asdict(preferences), indent=2, ensure_ascii=False),
                         encoding="utf-8")
    os.replace(temporary, path)


def _same_type(value: object, default: object) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    return isinstance(value, type(default))


def _repaired(preferences: Preferences) -> Preferences:
    """Each field whose value breaks a rule goes back to its default."""
    defaults = Preferences()
    if preferences.language not in ("", *LANGUAGES):
        preferences.language = defaults.language
    if preferences.new_project_rules().validate():
        preferences.min_n, preferences.comment_min_n = defaults.min_n, defaults.comment_min_n
    if preferences.backups_kept < 1:
        preferences.backups_kept = defaults.backups_kept
    return preferences
