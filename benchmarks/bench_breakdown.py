"""Times results with one breakdown by background group against results without.

    python benchmarks/bench_breakdown.py [--respondents 20000] [--items 100] [--units 150]
                                         [--groups 5] [--repeat 3]
    python benchmarks/bench_breakdown.py --cli [--respondents 20000] [--repeat 3]
    python benchmarks/bench_breakdown.py --oracle [--respondents 20000] [--units 150] ...
    python benchmarks/bench_breakdown.py --pipeline [--respondents 20000] [--units 150]
                                         [--groups 5] [--repeat 3]

Synthetic answers in memory (the project file is not what is measured): 100 scored items in 20
dimensions with some "ved ikke" and skipped answers, the org of bench_pipeline.py's shape (a
root, directorates, departments, teams), and a background question with `--groups` groups of
uneven size, some people without an answer. The target is issue 20's: results with one
breakdown within 1.3x of results without. Times are the process's CPU time, so that other work
on a shared machine does not count.

With --cli it times the command a user runs instead, end to end in a fresh process each time
(`apv-desktop results P --round 2025` against the same with `--by sl_dage`, the demo's days of
sick leave: 4 groups) on the demo project built with `--respondents`. With --pipeline the same
on bench_pipeline.py's project (its form, org and answers, imported as a user would, the round
closed) with a background question `job` of `--groups` uneven groups added: `results P` against
`results P --by job`. With --oracle it checks instead that the breakdown is cell for cell the
one the fresh-build suppression (tests/unit/linked_oracle.py) gives, and times both.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from apv_desktop.core.answers import ResponseSet
from apv_desktop.core.breakdown import compute_breakdown
from apv_desktop.core.closed_cut import small_closed_cut
from apv_desktop.core.disclosure_linked import suppress_linked as suppress_linked_now
from apv_desktop.core.model import (
    Choice,
    ChoiceList,
    Dimension,
    Item,
    ItemType,
    OrgUnit,
    Questionnaire,
    Rules,
    Section,
)
from apv_desktop.core.results import compute_results

TARGET = 1.3


def questionnaire(items: int, groups: int) -> Questionnaire:
    scale = ChoiceList("freq", [Choice(str(k), {}, 25.0 * k) for k in range(5)]
                       + [Choice("vi", {}, None)])
    jobs = ChoiceList("job", [Choice(f"g{k}", {"da": f"Gruppe {k}"}) for k in range(groups)])
    dimensions = [Dimension(f"D{d}") for d in range(max(1, items // 5))]
    scored = [Item(f"q{i}", ItemType.SELECT_ONE, {}, list_name="freq",
                   dimension=dimensions[i % len(dimensions)].code) for i in range(items)]
    background = Item("job", ItemType.SELECT_ONE, {}, list_name="job", background=True)
    return Questionnaire("bench", sections=[Section("s", {}, [*scored, background])],
                         choice_lists={"freq": scale, "job": jobs}, dimensions=dimensions)


def org(units: int) -> tuple[list[OrgUnit], list[str]]:
    """A root, 4 directorates, departments of 4 teams each: the codes of units with staff."""
    found = [OrgUnit("R", "Root")]
    for d in range(4):
        found.append(OrgUnit(f"D{d}", f"Dir {d}", "R"))
    parent = 0
    while len(found) < units:
        dept = f"A{len(found)}"
        found.append(OrgUnit(dept, dept, f"D{parent % 4}"))
        parent += 1
        for _ in range(4):
            if len(found) < units:
                found.append(OrgUnit(f"T{len(found)}", "team", dept))
    leaves = [u.code for u in found if not any(o.parent == u.code for o in found)]
    return found, leaves


def answers(q: Questionnaire, respondents: int, leaves: list[str], groups: int) -> ResponseSet:
    rng = np.random.default_rng(7)
    names = [i.name for i in q.answerable_items()]
    values = rng.integers(0, 6, (respondents, len(names))).astype(float)
    values[rng.random(values.shape) < 0.03] = np.nan
    weights = np.array([2.0 ** -k for k in range(groups)])
    job = rng.choice(groups, respondents, p=weights / weights.sum()).astype(float)
    job[rng.random(respondents) < 0.05] = np.nan
    values[:, names.index("job")] = job
    return ResponseSet(names, list(rng.choice(leaves, respondents)), values, {})


def _child_cpu(command: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _alternated(plain: list[str], crossed: list[str], repeat: int
                ) -> tuple[list[float], list[float]]:
    """Each command's CPU times, run in turn (as bench_floors.py does), so that a machine
    getting busier or quieter during the runs weighs on both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        times[0].append(_child_cpu(plain))
        times[1].append(_child_cpu(crossed))
    return times


def cli(respondents: int, repeat: int) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    import bench_pipeline

    bench_pipeline.compile_installed()
    program = [sys.executable, "-m", "apv_desktop"]
    with tempfile.TemporaryDirectory() as folder:
        project = str(Path(folder) / "demo.apv")
        subprocess.run([*program, "demo", project, "--respondents", str(respondents),
                        "--today", "2026-01-15"], check=True, stdout=subprocess.DEVNULL)
        plain = [*program, "results", project, "--round", "2025"]
        without, crossed = _alternated(plain, [*plain, "--by", "sl_dage"], repeat)
    base, by = statistics.median(without), statistics.median(crossed)
    print(f"demo with {respondents} respondents, `results` end to end (CPU, median of {repeat})")
    print(f"results            {base:6.2f} s")
    print(f"results --by       {by:6.2f} s  ({by / base:.2f}x, target < {TARGET}x)")


def pipeline(respondents: int, units: int, groups: int, repeat: int) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    import bench_pipeline

    bench_pipeline.compile_installed()

    from apv_desktop.interchange.xlsform import read_xlsform, write_xlsform
    from apv_desktop.services.projects import create_project
    from apv_desktop.services.reorganise import import_org_file
    from apv_desktop.services.rounds import change_round_in_file
    from apv_desktop.services.transfer import import_form, import_responses

    program = [sys.executable, "-m", "apv_desktop"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        form, answers, project = folder / "form.xlsx", folder / "answers.csv", folder / "b.apv"
        bench_pipeline.synthetic_form(100, form)
        q = read_xlsform(form).questionnaire
        jobs = questionnaire(1, groups).choice_lists["job"]
        q.choice_lists["job"] = jobs
        q.sections.append(Section("bag", {"da": "Baggrund"}, [
            Item("job", ItemType.SELECT_ONE, {"da": "Stillingsgruppe"}, list_name="job",
                 background=True)]))
        write_xlsform(q, form)
        leaves = bench_pipeline.synthetic_org(units, folder / "org.csv")
        bench_pipeline.synthetic_answers(respondents, 100, leaves, answers)
        rng = np.random.default_rng(11)
        weights = np.array([2.0 ** -k for k in range(groups)])
        job = rng.choice(groups, respondents, p=weights / weights.sum())
        labels = [c.labels["da"] for c in jobs.choices]
        lines = answers.read_text(encoding="utf-8-sig").splitlines()
        rows = [f"{lines[0]};job"] + [
            f"{line};{'' if rng.random() < 0.05 else labels[job[r]]}"
            for r, line in enumerate(lines[1:])]
        answers.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
        create_project(project)
        import_form(project, form)
        import_org_file(project, folder / "org.csv")
        import_responses(project, answers, "2025")
        change_round_in_file(project, "2025", False)  # closed: results publish scores
        plain = [*program, "results", str(project), "--round", "2025"]
        without, crossed = _alternated(plain, [*plain, "--by", "job"], repeat)
    base, by = statistics.median(without), statistics.median(crossed)
    print(f"bench_pipeline's project, {respondents} respondents x 100 items, {units} units, "
          f"{groups} groups: `results` end to end (CPU, median of {repeat})")
    print(f"results            {base:6.2f} s")
    print(f"results --by job   {by:6.2f} s  ({by / base:.2f}x, target < {TARGET}x)")


def oracle(q: Questionnaire, units: list[OrgUnit], responses: ResponseSet) -> None:
    import apv_desktop.core.breakdown as module

    sys.path.insert(0, str(Path(__file__).parent.parent))  # the oracle lives in the tests
    from tests.unit import linked_oracle

    results = compute_results(q, units, responses, Rules(), "r")
    found, seconds = {}, {}
    for name, suppress in [("new", module.suppress_linked),
                           ("oracle", linked_oracle.suppress_linked)]:
        small_closed_cut.cache_clear()
        module.suppress_linked = suppress
        started = time.process_time()
        found[name] = compute_breakdown(q, units, responses, results, "job").scores
        seconds[name] = time.process_time() - started
    module.suppress_linked = suppress_linked_now
    same = found["new"] == found["oracle"]
    print(f"{len(found['new'])} cells, {'identical' if same else 'DIFFERENT'}; breakdown "
          f"{seconds['new']:.2f} s, with the oracle's suppression {seconds['oracle']:.2f} s")
    if not same:
        raise SystemExit(1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", action="store_true", help="time the command end to end")
    parser.add_argument("--oracle", action="store_true",
                        help="compare the breakdown with the fresh-build suppression's")
    parser.add_argument("--pipeline", action="store_true",
                        help="the same on bench_pipeline.py's project with a background question")
    parser.add_argument("--respondents", type=int, default=20_000)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--groups", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.cli:
        cli(args.respondents, args.repeat)
        return
    if args.pipeline:
        pipeline(args.respondents, args.units, args.groups, args.repeat)
        return
    q = questionnaire(args.items, args.groups)
    units, leaves = org(args.units)
    responses = answers(q, args.respondents, leaves, args.groups)
    if args.oracle:
        oracle(q, units, responses)
        return
    rules = Rules()
    without, with_breakdown, breakdown_only = [], [], []
    shown = total = 0
    for _ in range(args.repeat):
        small_closed_cut.cache_clear()  # each repeat as cold as a user's first one
        started = time.process_time()
        results = compute_results(q, units, responses, rules, "r")
        middle = time.process_time()
        found = compute_breakdown(q, units, responses, results, "job")
        ended = time.process_time()
        without.append(middle - started)
        with_breakdown.append(ended - started)
        breakdown_only.append(ended - middle)
        shown = sum(not c.score.suppressed for c in found.scores)
        total = len(found.scores)
    base, crossed = statistics.median(without), statistics.median(with_breakdown)
    print(f"{args.respondents} respondents x {args.items} items, {args.units} units, "
          f"{args.groups} groups: {shown} of {total} breakdown cells shown")
    print(f"results              {base:6.2f} s CPU")
    print(f"results + breakdown  {crossed:6.2f} s  ({crossed / base:.2f}x, target < {TARGET}x)")
    print(f"breakdown alone      {statistics.median(breakdown_only):6.2f} s")


if __name__ == "__main__":
    main()
