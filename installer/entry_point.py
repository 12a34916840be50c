"""The frozen program's entry script: the same `main` as the `apv-desktop` console script."""

from __future__ import annotations

import sys

from apv_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
