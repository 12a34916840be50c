"""Run as a program: read one hostile file the way `import-org` does and print the outcome and
the peak memory (in MB) as JSON. Used by test_bomb_memory (no tests here)."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from apv_desktop.errors import ApvError
from apv_desktop.interchange.tables import read_table
from apv_desktop.interchange.xlsform import read_xlsform


def peak_kb() -> int:
    """This process's peak resident memory. Linux keeps getrusage's figure across exec, so a
    child of a big test process would report its parent's size: VmHWM is this program's own."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(path: Path, reader: str) -> None:
    started = time.process_time()
    try:
        (read_xlsform if reader == "xlsform" else read_table)(path)
        outcome = "read"
    except ApvError as error:
        outcome = f"refused: {error}"[:300]
    print(json.dumps({"outcome": outcome, "peak_mb": peak_kb() // 1024,
                      "cpu_s": round(time.process_time() - started, 2)}))


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
