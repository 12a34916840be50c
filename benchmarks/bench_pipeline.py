"""Times the big headless paths at design.md's size: 20,000 respondents x 100 items, 150 units.

    python benchmarks/bench_pipeline.py [--respondents 20000] [--items 100] [--units 150]

Each phase runs in its own process so its peak memory is its own. Prints one line per phase and
the design targets beside them.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

TARGETS = {"import": 8.0, "compute": 1.5, "report": 30.0}
MEMORY_TARGET_MB = 600


def synthetic_form(items: int, path: Path) -> None:
    from apv_desktop.core.model import (
        Choice,
        ChoiceList,
        Dimension,
        Direction,
        Item,
        ItemType,
        Questionnaire,
        Section,
    )  # fmt: skip
    from apv_desktop.interchange.xlsform import write_xlsform

    scale = ChoiceList("freq", [Choice(str(k), {"da": f"Svar {k}"}, s)
                                for k, s in zip(range(1, 6), (100, 75, 50, 25, 0), strict=True)]
                       + [Choice("vedikke", {"da": "Ved ikke"}, None)])
    dims = [Dimension(f"D{d:02d}", {"da": f"Dimension {d}"},
                      Direction.HIGHER_IS_WORSE if d % 3 == 0 else Direction.HIGHER_IS_BETTER)
            for d in range(items // 5)]
    sections = [Section(f"s{d.code}", {"da": d.code}, [
        Item(f"{d.code.lower()}_{k}", ItemType.SELECT_ONE, {"da": f"Spørgsmål {d.code} {k}"},
             list_name="freq", dimension=d.code, reverse=k == 4) for k in range(1, 6)])
        for d in dims]
    write_xlsform(Questionnaire("Benchmark", sections=sections, choice_lists={"freq": scale},
                                dimensions=dims), path)


def synthetic_org(units: int, path: Path) -> list[str]:
    """A root, directorates, departments and teams; returns the codes of units with staff."""
    rows = [("ROOT", "Kommune", "", "")]
    leaves: list[str] = []
    d = 0
    while len(rows) < units:
        d += 1
        rows.append((f"D{d}", f"Direktørområde {d}", "ROOT", ""))
        for a in range(1, 5):
            if len(rows) >= units:
                break
            rows.append((f"D{d}A{a}", f"Afdeling {d}.{a}", f"D{d}", "2"))
            leaves.append(f"D{d}A{a}")
            for t in range(1, 7):
                if len(rows) >= units:
                    break
                rows.append((f"D{d}A{a}T{t}", f"Team {t}", f"D{d}A{a}", "40"))
                leaves.append(f"D{d}A{a}T{t}")
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, delimiter=";").writerows([("kode", "navn", "overordnet", "antal"), *rows])
    return leaves


def synthetic_answers(respondents: int, items: int, leaves: list[str], path: Path) -> None:
    rng = np.random.default_rng(7)
    names = [f"d{d:02d}_{k}" for d in range(items // 5) for k in range(1, 6)]
    values = rng.integers(1, 7, (respondents, len(names)))
    labels = np.array(["", "1", "2", "3", "4", "5", "Ved ikke"])
    units = rng.choice(leaves, respondents)
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Enhed", *names])
        for r in range(respondents):
            writer.writerow([units[r], *labels[values[r]]])


def compile_installed() -> None:
    """Bytecode for the whole package, as an installed program has: without it, a shell that
    sets PYTHONDONTWRITEBYTECODE makes every timed run compile from source the modules only its
    path imports (0.01-0.1 s), and the comparison times the compiler."""
    import compileall

    import apv_desktop

    compileall.compile_dir(Path(apv_desktop.__file__).parent, quiet=1)


def close_round_2025(project: Path) -> None:
    """Close round 2025 as a user does before reading results: an open round publishes
    response counts only, so timing results or a report on it would time almost nothing."""
    from apv_desktop.services.projects import opened
    from apv_desktop.services.rounds import close_round

    with opened(project) as opened_project:
        close_round(opened_project, "2025")


def phase(name: str, project: Path, answers: Path) -> None:
    """Runs in a child process: one timed phase, then prints JSON."""
    started = time.perf_counter()
    if name == "import":
        from apv_desktop.services.transfer import import_responses

        import_responses(project, answers, "2025")
        imported = time.perf_counter()
        close_round_2025(project)  # outside the time: the next phases read a closed round
        started += time.perf_counter() - imported
    elif name == "compute":
        from apv_desktop.services.compute import results_for_file

        results_for_file(project, "2025")
    elif name == "report":
        from apv_desktop.services.report import write_report

        write_report(project, project.with_suffix(".xlsx"))
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"phase": name, "seconds": seconds, "peak_mb": peak_mb}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--respondents", type=int, default=20_000)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--project", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--answers", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--report", action="store_true", help="also time the Excel report")
    args = parser.parse_args()
    if args.phase:
        phase(args.phase, args.project, args.answers)
        return

    from apv_desktop.services.projects import create_project
    from apv_desktop.services.reorganise import import_org_file as import_org
    from apv_desktop.services.transfer import import_form

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project, answers = folder / "bench.apv", folder / "answers.csv"
        synthetic_form(args.items, folder / "form.xlsx")
        leaves = synthetic_org(args.units, folder / "org.csv")
        synthetic_answers(args.respondents, args.items, leaves, answers)
        create_project(project)
        import_form(project, folder / "form.xlsx")
        import_org(project, folder / "org.csv")
        print(f"{args.respondents} respondents x {args.items} items, {args.units} units; "
              f"CSV {answers.stat().st_size / 1e6:.1f} MB")
        phases = ["import", "compute"] + (["report"] if args.report else [])
        for name in phases:
            out = subprocess.run(
                [sys.executable, __file__, "--phase", name, "--project", str(project),
                 "--answers", str(answers)], check=True, capture_output=True, text=True,
            ).stdout
            figures = json.loads(out.strip().splitlines()[-1])
            target = TARGETS.get(name)
            print(f"{name:<8} {figures['seconds']:6.2f} s (target < {target} s)   "
                  f"peak {figures['peak_mb']:5.0f} MB (target < {MEMORY_TARGET_MB} MB)")
        print(f"project file {project.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
