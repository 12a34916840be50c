"""Times the results screen's work: loading a round and recomputing it after a settings change.

    python benchmarks/bench_results_view.py [--respondents 20000] [--items 100] [--units 150]

Builds a project the way bench_pipeline.py does (same synthetic questionnaire, org and
answers), then times `load_round` (read the file and compute, what opening the screen costs)
and `recompute` (what every settings change costs: the answers stay loaded). The target is the
issue's: a recompute under 1.5 s at 20,000 respondents x 100 items.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

RECOMPUTE_TARGET = 1.5


def _pipeline_module():  # type: ignore[no-untyped-def]
    path = Path(__file__).with_name("bench_pipeline.py")
    spec = importlib.util.spec_from_file_location("bench_pipeline", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_pipeline"] = module
    spec.loader.exec_module(module)
    return module


def build_project(folder: Path, respondents: int, items: int, units: int) -> Path:
    from apv_desktop.services.projects import create_project
    from apv_desktop.services.reorganise import import_org_file as import_org
    from apv_desktop.services.transfer import import_form, import_responses

    pipeline = _pipeline_module()
    close_round_2025 = pipeline.close_round_2025
    project, answers = folder / "bench.apv", folder / "answers.csv"
    pipeline.synthetic_form(items, folder / "form.xlsx")
    leaves = pipeline.synthetic_org(units, folder / "org.csv")
    pipeline.synthetic_answers(respondents, items, leaves, answers)
    create_project(project)
    import_form(project, folder / "form.xlsx")
    import_org(project, folder / "org.csv")
    import_responses(project, answers, "2025")
    close_round_2025(project)
    return project


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--respondents", type=int, default=20_000)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from apv_desktop.core.model import Rules
    from apv_desktop.services.results_view import load_round, recompute

    with tempfile.TemporaryDirectory() as tmp:
        project = build_project(Path(tmp), args.respondents, args.items, args.units)
        started = time.perf_counter()
        bundle = load_round(project, "2025")
        loaded = time.perf_counter() - started
        times = []
        for step in range(args.repeat):
            rules = replace(Rules(), min_n=5 + step % 3, green_at=66.7 - step)
            started = time.perf_counter()
            recompute(bundle.data, rules, "da")
            times.append(time.perf_counter() - started)
    shown = sum(not u.suppressed for u in bundle.results.units)
    print(f"{args.respondents} respondents x {args.items} items, {args.units} units "
          f"({shown} shown)")
    print(f"load_round  {loaded:6.2f} s (read the file + compute)")
    print(f"recompute   {statistics.median(times):6.2f} s median, {max(times):.2f} s worst of "
          f"{args.repeat} (target < {RECOMPUTE_TARGET} s)")


if __name__ == "__main__":
    main()
