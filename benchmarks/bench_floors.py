"""Each big path of APV Desktop against its floor, in one run (issue 18).

    python benchmarks/bench_floors.py [--respondents 20000] [--items 100] [--units 150]
                                      [--runs 3] [--only import,results,report,window]

Builds the synthetic project of bench_pipeline.py, then runs each path and its floor (a
minimal program in benchmarks/floors/, each a separate process) alternately, `--runs` times
each, and prints the medians and their ratio. Times are CPU seconds (user + system) of the
whole process, start-up included, so a busy shared machine skews them less than wall time;
wall seconds are printed beside. Also: the project file against the floor's database (one
byte per answer) and the peak memory (max RSS) of the import.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors"
TARGETS = {"import": 2.5, "results": 2.5, "report": 2.0, "file": 3.0, "window": 4.0}
MEMORY_TARGET_MB = 300.0
sys.path.insert(0, str(HERE))

import bench_pipeline  # noqa: E402 - the synthetic project lives there


@dataclass(frozen=True)
class Run:
    cpu: float
    wall: float
    peak_mb: float


def measured(command: list[str], env: dict[str, str] | None = None) -> Run:
    """CPU and wall time of one child process (os.wait4 gives its own rusage) and its peak
    memory (peak.py runs it and writes its VmHWM). `command` is [python, -m module | script,
    args...]."""
    with tempfile.NamedTemporaryFile(suffix=".peak") as peak_file:
        # One BLAS thread for every process, floors included: the program sets it for itself
        # (apv_desktop/__main__.py), and a floor spinning idle BLAS threads would count their
        # CPU against itself and flatter the ratio.
        env = dict(env or os.environ, BENCH_PEAK_FILE=peak_file.name, OPENBLAS_NUM_THREADS="1")
        wrapped = [command[0], str(HERE / "peak.py"), *command[1:]]
        started = time.perf_counter()
        child = subprocess.Popen(wrapped, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        error = child.stderr.read().decode() if child.stderr else ""
        if child.stderr:
            child.stderr.close()
        if child.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{error}")
        peak_text = Path(peak_file.name).read_text()
    return Run(usage.ru_utime + usage.ru_stime, wall, float(peak_text or "nan"))


def spec_for(items: int, org_csv: Path) -> dict:
    """What the floors need to know of the synthetic questionnaire and organisation."""
    import csv

    names = [f"d{d:02d}_{k}" for d in range(items // 5) for k in range(1, 6)]
    with org_csv.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter=";"))[1:]
    return {
        "items": [{"name": name, "reverse": name.endswith("_4")} for name in names],
        "choices": {"1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "Ved ikke": 5},
        "scores": [100, 75, 50, 25, 0, None],
        "dimensions": {f"D{d:02d}": list(range(d * 5, d * 5 + 5)) for d in range(items // 5)},
        "units": [row[0] for row in rows],
        "parents": {row[0]: row[2] or None for row in rows},
    }


def report_cells(workbook_path: Path) -> list[tuple[str, list[list[object]]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(workbook_path, read_only=True)
    sheets = [(sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)])
              for sheet in workbook.worksheets]
    workbook.close()
    return sheets


def alternate(runs: int, ours: Callable[[], Run], floor: Callable[[], Run]
              ) -> tuple[list[Run], list[Run]]:
    mine: list[Run] = []
    theirs: list[Run] = []
    for _ in range(runs):
        mine.append(ours())
        theirs.append(floor())
    return mine, theirs


def show(name: str, mine: list[Run], theirs: list[Run]) -> float:
    cpu = statistics.median(r.cpu for r in mine)
    floor_cpu = statistics.median(r.cpu for r in theirs)
    wall = statistics.median(r.wall for r in mine)
    floor_wall = statistics.median(r.wall for r in theirs)
    ratio = cpu / floor_cpu
    target = TARGETS[name]
    print(f"{name:<8} {cpu:7.2f} s CPU ({wall:6.2f} s wall)   floor {floor_cpu:6.2f} s CPU "
          f"({floor_wall:6.2f} s wall)   ratio {ratio:4.1f}x (target <= {target}x) "
          + ("OK" if ratio <= target else "OVER"), flush=True)
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--respondents", type=int, default=20_000)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="import,results,report,window")
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    bench_pipeline.compile_installed()
    python = sys.executable
    apv = [python, "-m", "apv_desktop"]

    from apv_desktop.services.projects import create_project
    from apv_desktop.services.reorganise import import_org_file as import_org
    from apv_desktop.services.transfer import import_form

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        empty, project, answers = folder / "empty.apv", folder / "bench.apv", folder / "a.csv"
        bench_pipeline.synthetic_form(args.items, folder / "form.xlsx")
        leaves = bench_pipeline.synthetic_org(args.units, folder / "org.csv")
        bench_pipeline.synthetic_answers(args.respondents, args.items, leaves, answers)
        create_project(empty)
        import_form(empty, folder / "form.xlsx")
        import_org(empty, folder / "org.csv")
        spec = folder / "spec.json"
        spec.write_text(json.dumps(spec_for(args.items, folder / "org.csv")), encoding="utf-8")
        floor_db = folder / "floor.db"
        print(f"{args.respondents} respondents x {args.items} items, {args.units} units; "
              f"CSV {answers.stat().st_size / 1e6:.1f} MB; median of {args.runs} alternating "
              "runs", flush=True)

        def apv_import() -> Run:
            shutil.copyfile(empty, project)
            return measured([*apv, "import-responses", str(project), str(answers),
                             "--round", "2025"])

        def floor_import() -> Run:
            return measured([python, str(FLOORS / "floor_import.py"), str(spec), str(answers),
                             str(floor_db)])

        mine, theirs = alternate(args.runs, apv_import, floor_import)
        if "import" in wanted:
            show("import", mine, theirs)
            peak = max(r.peak_mb for r in mine)
            print(f"memory   import peak {peak:5.0f} MB (floor {max(r.peak_mb for r in theirs):.0f}"
                  f" MB; target <= {MEMORY_TARGET_MB:.0f} MB at 100,000) "
                  + ("OK" if peak <= MEMORY_TARGET_MB else "OVER"))
        size, floor_size = project.stat().st_size, floor_db.stat().st_size
        ratio = size / floor_size
        print(f"file     {size / 1e6:7.2f} MB   floor {floor_size / 1e6:6.2f} MB   ratio "
              f"{ratio:4.1f}x (target <= {TARGETS['file']}x) "
              + ("OK" if ratio <= TARGETS["file"] else "OVER"), flush=True)

        # Results, report and window read a closed round, as a user's do (an open one
        # publishes response counts only).
        bench_pipeline.close_round_2025(project)
        if "results" in wanted:
            show("results", *alternate(
                args.runs,
                lambda: measured([*apv, "results", str(project), "--format", "json",
                                  "-o", str(folder / "results.json")]),
                lambda: measured([python, str(FLOORS / "floor_results.py"), str(spec),
                                  str(floor_db), str(folder / "floor.json")]),
            ))
        if "report" in wanted:
            report = folder / "report.xlsx"
            measured([*apv, "report", str(project), "-o", str(report)])  # the cells to copy
            cells = folder / "cells.pickle"
            cells.write_bytes(pickle.dumps(report_cells(report)))
            show("report", *alternate(
                args.runs,
                lambda: measured([*apv, "report", str(project), "-o", str(report)]),
                lambda: measured([python, str(FLOORS / "floor_report.py"), str(cells),
                                  str(folder / "floor.xlsx")]),
            ))
        if "window" in wanted:
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(folder / "home"),
                       XDG_DATA_HOME=str(folder / "home" / "data"),
                       XDG_CONFIG_HOME=str(folder / "home" / "config"),
                       APV_DESKTOP_SMOKE_TEST="1")
            show("window", *alternate(
                args.runs,
                lambda: measured([*apv, str(project)], env),
                lambda: measured([python, str(FLOORS / "floor_window.py")], env),
            ))


if __name__ == "__main__":
    main()
