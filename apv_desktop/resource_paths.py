"""Where the shipped files (templates, translations, icons) live, however the program runs.

They are kept in the top-level `resources/` folder of the repository. The build puts that folder
into the wheel as the data-only package `apv_desktop/_resources` (pyproject.toml, package-dir),
and the PyInstaller spec puts it at `resources/` inside the bundle. So:

- frozen bundle: `<sys._MEIPASS>/resources`
- wheel or non-editable install: `<site-packages>/apv_desktop/_resources`
- checkout or editable install: `<repository>/resources`, beside the `apv_desktop` package
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

PACKAGED_NAME = "_resources"  # the folder's name inside the installed package
FOLDER_NAME = "resources"  # the folder's name in the repository and in the frozen bundle


def candidates() -> list[Path]:
    """The places looked at, most specific first."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return [Path(frozen_root) / FOLDER_NAME]
    package = Path(__file__).resolve().parent
    # The installed copy comes first: beside an installed package, site-packages/resources could
    # be any other distribution's folder.
    return [package / PACKAGED_NAME, package.parent / FOLDER_NAME]


@cache
def resources_folder() -> Path:
    """The folder holding templates/, i18n/ and icons/."""
    places = candidates()
    for place in places:
        if (place / "i18n").is_dir():
            return place
    # A broken install or checkout, not something the user can fix: say where we looked.
    raise FileNotFoundError(
        "The program's resources (templates, translations, icons) are missing; looked in "
        + ", ".join(str(place) for place in places)
    )


def resource_path(*parts: str) -> Path:
    """A shipped file or folder, such as resource_path("templates", "index.json")."""
    return resources_folder().joinpath(*parts)
