"""Entry point: subcommands run headless; no arguments or a project path open the window."""

from __future__ import annotations

import sys
from pathlib import Path


def _wants_gui(argv: list[str]) -> bool:
    return not argv or (len(argv) == 1 and argv[0].lower().endswith(".apv"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if _wants_gui(argv):
        from apv_desktop.ui.app import run_gui

        return run_gui(Path(argv[0]) if argv else None)
    from apv_desktop.cli import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
