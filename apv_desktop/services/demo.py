"""The demo project: a fictional municipality shaped like the departments in the seeds' OMU report,
with a questionnaire from our templates and answers in which a few clear problems are planted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np

from apv_desktop.core.model import OrgUnit
from apv_desktop.core.simulate import Profile, Simulation, simulate_responses
from apv_desktop.errors import RefusedError
from apv_desktop.interchange.templates import combine_templates, load_template
from apv_desktop.services.demo_followup import add_demo_follow_up
from apv_desktop.services.projects import building

DEMO_TEMPLATES = ["psykisk", "kraenkende", "sygefravaer"]
DEMO_ROUND = "2025"
# A pulse follow-up a year later (the `puls` template asks ten of the same items by name).
FOLLOW_UP_TEMPLATE = "puls"
FOLLOW_UP_ROUND = "2026-opfølgning"

# code, name, parent, headcount (the unit's own staff, not counting its sub-units)
DEMO_ORG: list[tuple[str, str, str | None, int]] = [
    ("DK", "Djursby Kommune", None, 0),
    ("BF", "Børn og Familie", "DK", 0),
    ("FAM", "Familieafdelingen", "BF", 3),
    ("FAM-MYN", "Myndighed, børn og unge", "FAM", 24),
    ("FAM-FOR", "Forebyggelse og rådgivning", "FAM", 16),
    ("FAM-HAN", "Handicapteamet", "FAM", 5),
    ("UNG", "Ungeindsatsen", "BF", 0),
    ("UNG-VEJ", "Vejledning og uddannelse", "UNG", 14),
    ("UNG-KLU", "Klubber og fritid", "UNG", 18),
    ("SKD", "Skole og dagtilbud i staben", "BF", 11),
    ("TM", "Teknik og Miljø", "DK", 0),
    ("BYG", "Byg og miljø", "TM", 0),
    ("BYG-SAG", "Byggesager", "BYG", 15),
    ("BYG-PLAN", "Plan og lokalplaner", "BYG", 12),
    ("BYG-NAT", "Natur og vand", "BYG", 4),
    ("VEJ", "Vej og park", "TM", 0),
    ("VEJ-DRIFT", "Driftsgården", "VEJ", 28),
    ("VEJ-ADM", "Vejadministration", "VEJ", 9),
    ("KB", "Kultur og Borgerservice", "DK", 0),
    ("BS", "Borgerservice, IT og digitalisering", "KB", 0),
    ("BS-BOR", "Borgerservice", "BS", 17),
    ("BS-IT", "IT og digitalisering", "BS", 13),
    ("KUL", "Kultur, turisme, biblioteker og fritid", "KB", 0),
    ("KUL-BIB", "Bibliotekerne", "KUL", 19),
    ("KUL-TUR", "Turisme og events", "KUL", 4),
    ("ARB", "Arbejdsmarkedsafdelingen", "DK", 2),
    ("ARB-JOB", "Jobcenter, myndighed", "ARB", 26),
    ("ARB-VIR", "Virksomhedsservice", "ARB", 10),
    ("ARB-YDE", "Ydelseskontoret", "ARB", 12),
    ("STAB", "Staben", "DK", 0),
    ("STAB-FAE", "Fællessekretariatet", "STAB", 13),
    ("STAB-VEL", "Velfærdssekretariatet", "STAB", 11),
    ("STAB-HR", "HR og løn", "STAB", 4),
]

# The planted problems (oriented points, negative = worse), as the seeds describe them.
DEMO_PROFILES: dict[str, Profile] = {
    "FAM-MYN": Profile({"QD": -28, "WP": -22, "BO": -24, "ST": -24, "WF": -18, "SL": -25}),
    "VEJ-DRIFT": Profile({"RE": -30, "JU": -20, "QL": -15}),
    "BS-BOR": Profile({"TV": -25, "ED": -15}),
    "ARB-JOB": Profile({"QD": -16, "WP": -12, "CL": -12}),
    "BYG-SAG": Profile({"QD": -12, "CO": -14}),
    "KUL-BIB": Profile({"SC": 12, "SW": 10, "JS": 10, "IN": 8}),
    "UNG-VEJ": Profile({"MW": 10, "RE": 10, "QL": 12}),
}

# At the follow-up, Driftsgården's recognition problem has been worked on and is gone, while
# Myndighed, børn og unge is still overloaded.
FOLLOW_UP_PROFILES: dict[str, Profile] = {
    **DEMO_PROFILES,
    "VEJ-DRIFT": Profile({"RE": 4, "QL": -6}),
}

# Offensive behaviour is rare and sick leave mostly not work-related: their baselines are high
# on the oriented scale.
DEMO_BASELINES = {"BU": 94.0, "SH": 97.0, "TV": 92.0, "PV": 97.0, "SL": 75.0}

DEMO_COMMENTS = [
    "Der er for mange sager pr. medarbejder, og vi når ikke at gøre arbejdet ordentligt.",
    "Gode kolleger, men vi mangler tid til faglig sparring.",
    "Jeg savner, at ledelsen ser og anerkender det arbejde, vi laver.",
    "Hjemmearbejde fungerer godt for mig, men jeg savner det sociale.",
    "Det fysiske indeklima er dårligt om sommeren.",
    "Der bliver lyttet, når vi siger fra.",
    "Vi får ofte nye opgaver uden at andre bliver taget væk.",
    "Borgerkontakten kan være hård, især i skranken.",
    "Jeg er glad for mit arbejde og mine kolleger.",
    "Mødekulturen tager tid fra kerneopgaven.",
]

DEFAULT_RESPONSE_RATE = 0.82


def demo_org(respondents: int | None) -> list[OrgUnit]:
    """The demo org; with `respondents` given, headcounts are scaled so the rate stays realistic."""
    total = sum(h for *_, h in DEMO_ORG)
    scale = 1.0 if respondents is None else respondents / (total * DEFAULT_RESPONSE_RATE)
    return [OrgUnit(c, n, p, round(h * scale)) for c, n, p, h in DEMO_ORG]


def build_demo(path: Path, *, today: date, respondents: int | None = None,
               seed: int = 2025) -> str:
    """Build the demo project at `path`; the action plan's deadlines are set around `today` (one
    of them already passed), so callers pass the date the demo is meant to be seen on."""
    if path.exists():
        raise RefusedError(f"{path} already exists; choose another name or delete it first.")
    if respondents is not None and respondents < 1:
        raise RefusedError("--respondents must be at least 1.")
    rng = np.random.default_rng(seed)
    units = demo_org(respondents)
    # Response rates vary by team; two teams sit below the 60 % quality line.
    low = {"VEJ-DRIFT": 0.55, "KUL-TUR": 0.5}
    counts = {
        u.code: int(rng.binomial(u.headcount, low.get(u.code, rng.uniform(0.72, 0.95))))
        for u in units
        if u.headcount
    }
    questionnaire = combine_templates(DEMO_TEMPLATES)
    simulation = Simulation(baselines=DEMO_BASELINES, texts=DEMO_COMMENTS)
    answers = simulate_responses(questionnaire, counts, DEMO_PROFILES, rng, simulation)
    # The follow-up draws from its own generator, so round 2025 is the same with or without it.
    later_rng = np.random.default_rng(seed + 1)
    pulse = load_template(FOLLOW_UP_TEMPLATE)
    later_counts = {
        u.code: int(later_rng.binomial(u.headcount, later_rng.uniform(0.7, 0.9)))
        for u in units
        if u.headcount
    }
    later = simulate_responses(pulse, later_counts, FOLLOW_UP_PROFILES, later_rng,
                               Simulation(baselines=DEMO_BASELINES))
    with building(path, "Djursby Kommune") as project:
        project.save_questionnaire(questionnaire)
        project.replace_org(units)
        project.ensure_round(DEMO_ROUND)
        project.add_responses(DEMO_ROUND, answers, "demo", on=date(2025, 3, 14))
        project.close_round(DEMO_ROUND, on=date(2025, 3, 31))  # reported on: scores shown
        add_demo_follow_up(project, today)
        pulse_version = project.save_questionnaire(pulse)
        project.ensure_round(FOLLOW_UP_ROUND, pulse_version)
        project.add_responses(FOLLOW_UP_ROUND, later, "demo", on=date(2026, 3, 12))
        project.close_round(FOLLOW_UP_ROUND, on=date(2026, 3, 31))
    return (f"{len(units)} units, {answers.size} responses in round {DEMO_ROUND} and "
            f"{later.size} in round {FOLLOW_UP_ROUND}")
