"""Runs a module or script and writes its peak memory (VmHWM, MB) to the file $BENCH_PEAK_FILE.

    python peak.py -m apv_desktop ARGS...   |   python peak.py SCRIPT.py ARGS...

ru_maxrss cannot be used: Linux keeps it across exec, so a child started from a big benchmark
process reports the parent's size. VmHWM belongs to the process's own address space.
"""

from __future__ import annotations

import atexit
import os
import runpy
import sys
from pathlib import Path


def _write_peak() -> None:
    target = os.environ.get("BENCH_PEAK_FILE")
    if not target:
        return
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            Path(target).write_text(str(int(line.split()[1]) / 1024))


if __name__ == "__main__":
    atexit.register(_write_peak)
    if sys.argv[1] == "-m":
        module = sys.argv[2]
        sys.argv = [module, *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    else:
        script = sys.argv[1]
        sys.argv = sys.argv[1:]
        sys.path.insert(0, str(Path(script).parent))
        runpy.run_path(script, run_name="__main__")
