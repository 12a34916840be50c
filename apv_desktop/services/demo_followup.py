"""The demo's follow-up side, as the seeds tell it: sick leave, turnover and caseloads beside
the survey, a sick-leave assessment, and an action plan made from round 2025's pressure points
(one of them past its deadline, so the overdue notice has something to show)."""

from __future__ import annotations

from datetime import date, timedelta

from apv_desktop.store.project import Project

# unit: {kind: (2024, 2025)}; facts about units, never about people.
DEMO_INDICATORS: dict[str, dict[str, tuple[float, float]]] = {
    "FAM-MYN": {"sick_days_short_per_fte": (8.1, 9.4), "sick_days_long_per_fte": (14.0, 21.5),
                "turnover_pct": (18.0, 27.0), "vacancies": (2, 4), "overtime_hours": (310, 420),
                "caseload": (34, 38), "caseload_recommended": (25, 25)},
    "FAM-FOR": {"sick_days_short_per_fte": (6.0, 5.6), "sick_days_long_per_fte": (4.0, 3.5),
                "turnover_pct": (8.0, 6.0), "vacancies": (0, 0)},
    "VEJ-DRIFT": {"sick_days_short_per_fte": (9.5, 10.2), "sick_days_long_per_fte": (7.0, 9.0),
                  "turnover_pct": (12.0, 15.0), "vacancies": (1, 2), "overtime_hours": (150, 140)},
    "VEJ-ADM": {"sick_days_short_per_fte": (5.0, 4.8), "turnover_pct": (5.0, 4.0)},
    "ARB-JOB": {"sick_days_short_per_fte": (7.2, 7.8), "sick_days_long_per_fte": (6.0, 8.0),
                "turnover_pct": (10.0, 14.0), "caseload": (68, 74),
                "caseload_recommended": (60, 60)},
    "BS-BOR": {"sick_days_short_per_fte": (7.0, 7.5), "sick_days_long_per_fte": (5.0, 6.5),
               "turnover_pct": (9.0, 11.0)},
    "KUL-BIB": {"sick_days_short_per_fte": (5.1, 4.6), "sick_days_long_per_fte": (2.0, 1.5),
                "turnover_pct": (4.0, 3.0)},
    "BYG-SAG": {"sick_days_short_per_fte": (6.4, 6.9), "turnover_pct": (11.0, 13.0),
                "vacancies": (1, 2)},
}
INDICATOR_PERIODS = ("2024", "2025")

DEMO_ASSESSMENTS: dict[str, str] = {
    "FAM-MYN": (
        "Det lange sygefravær er steget samtidig med, at sagstallet ligger langt over det "
        "anbefalede. Udvalget vurderer, at arbejdsmængden bidrager til sygefraværet."
    ),
    "VEJ-DRIFT": (
        "Korttidsfraværet er højt. Udvalget kan ikke afvise, at manglende anerkendelse og "
        "retfærdighed bidrager; det følges op efter næste måling."
    ),
}


def add_demo_follow_up(project: Project, today: date) -> None:
    """Indicators, assessments and four actions for round 2025 of the demo project; deadlines
    lie around `today`, one of them three weeks past."""
    for unit, figures in DEMO_INDICATORS.items():
        for kind, values in figures.items():
            for period, value in zip(INDICATOR_PERIODS, values, strict=True):
                project.set_indicator(unit, period, kind, float(value))
    for unit, text in DEMO_ASSESSMENTS.items():
        project.set_assessment(unit, "2025", text)
    project.add_action(
        "2025", "Medarbejderne oplever ikke, at deres arbejde bliver set og anerkendt.",
        unit="VEJ-DRIFT", dimension="RE",
        cause="Ledelsen er sjældent ude på pladsen; ros gives kun, når noget går galt.",
        action="Fast morgenmøde hver mandag med lederen; opfølgning på opgaver i teamene.",
        responsible="Driftsleder og AMiR", deadline=date(2025, 9, 1), status="done",
        follow_up_date=date(2026, 3, 31),
        follow_up_notes="Morgenmøderne holdes; pulsmålingen viser bedre anerkendelse.",
        effect="Virket",
    )
    project.add_action(
        "2025", "For mange sager pr. medarbejder; arbejdspresset er vedvarende højt.",
        unit="FAM-MYN", dimension="QD",
        cause="Sagstallet er 38 mod anbefalet 25; to stillinger er ubesatte.",
        action="Midlertidig ekstra sagsbehandler og prioriteringsmøde hver 14. dag.",
        responsible="Afdelingsleder", deadline=today - timedelta(days=21), status="in_progress",
        follow_up_date=today + timedelta(days=30),
    )
    project.add_action(
        "2025", "Trusler om vold i skranken.",
        unit="BS-BOR", dimension="TV",
        cause="Borgere venter længe uden information.",
        action="Kursus i konflikthåndtering og alarmknap ved skranken.",
        responsible="Leder af Borgerservice", deadline=today + timedelta(days=90),
    )
    project.add_action(
        "2025", "Arbejdstempoet i jobcentret er for højt.",
        unit="ARB-JOB", dimension="WP",
        action="Gennemgå mødekulturen og frigør tid til sagsbehandling.",
        responsible="TRIO i jobcentret", deadline=today + timedelta(days=45),
        status="in_progress",
    )
