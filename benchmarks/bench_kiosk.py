"""Kiosk: time from Submit to the sheet being durable on disk (target < 50 ms, design.md).

Each timing covers services.collection.submit_sheet: encoding the sheet, one transaction with
a random key and shuffled place, and the commit (SQLite's fsync). Run:
    /work/venv/bin/python benchmarks/bench_kiosk.py [--sheets N] [--existing N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from apv_desktop.services.collection import round_questionnaire, submit_sheet
from apv_desktop.services.demo import build_demo
from apv_desktop.store.project import Project

TARGET_MS = 50.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sheets", type=int, default=200)
    parser.add_argument("--existing", type=int, default=None,
                        help="respondents already in the demo project (default: demo size)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.apv"
        build_demo(path, today=date.today(), respondents=args.existing)
        project = Project.open(path)
        round_name = project.round().name
        questionnaire = round_questionnaire(project, round_name)
        unit = project.org_units()[-1].code
        answers = {}
        for item in questionnaire.answerable_items():
            choices = questionnaire.choices_for(item)
            if item.type.value == "select_one" and choices:
                answers[item.name] = choices.choices[0].name
        answers[next(i.name for i in questionnaire.answerable_items()
                     if i.type.value == "text")] = "En kommentar " * 20
        before = project.response_count(round_name)
        timings = []
        for _ in range(args.sheets):
            start = time.perf_counter()
            submit_sheet(project, round_name, questionnaire, unit, answers)
            timings.append((time.perf_counter() - start) * 1000)
        stored = project.response_count(round_name) - before
        project.close()
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"{stored} sheets of {len(questionnaire.answerable_items())} items into a project "
          f"with {before} responses")
    print(f"submit-to-durable: median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
          f"max {timings[-1]:.1f} ms (target < {TARGET_MS:.0f} ms): "
          + ("OK" if p95 < TARGET_MS else "TOO SLOW"))


if __name__ == "__main__":
    main()
