"""Entry point: subcommands run headless; no arguments or a project path open the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# NumPy's bundled OpenBLAS starts one thread per core when numpy is imported, and they spin
# for a while: ~80 ms of CPU on every command, for linear algebra the program never does (its
# arrays are counted and summed, not multiplied). One thread, unless the user asked otherwise.
# Set here, before anything imports numpy: every start (console script, `-m`, the frozen
# program's entry_point.py) runs this module first.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


SCREEN_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")  # any one means a screen


def _has_screen() -> bool:
    """On Linux without X or Wayland, Qt would abort with a core dump: say so plainly instead."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in SCREEN_VARIABLES)


def _no_screen_text() -> str:
    """Why the window cannot open, in the language of the command line (the system's); i18n
    is imported only here, after OPENBLAS_NUM_THREADS is set."""
    from apv_desktop.cli_language import system_language
    from apv_desktop.i18n import N_, translator

    return translator(system_language())(N_(
        "ingen skærm fundet (DISPLAY er ikke sat), og vinduet skal bruge en; kommandoerne "
        "virker uden: apv-desktop --help"))


def _wants_gui(argv: list[str]) -> bool:
    return not argv or (len(argv) == 1 and argv[0].lower().endswith(".apv"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if _wants_gui(argv):
        if not _has_screen():
            sys.stderr.write(f"apv-desktop: {_no_screen_text()}\n")
            return 2
        from apv_desktop.ui.app import run_gui

        return run_gui(Path(argv[0]) if argv else None)
    from apv_desktop.cli import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
