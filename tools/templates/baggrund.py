"""Template `baggrund`: optional background questions (job group, seniority, working time).

Ticked beside another template, it lets results be shown by group. The questions are marked as
background questions (XLSForm column `background`); their answers are never scored and are only
ever shown as groups of at least the anonymity threshold, which the kiosk and the paper form
say under every background question (ui.form.hints).
The job groups are an example list in our own words: edit it to the workplace's own groups
before collecting (a group of very few people will simply never be shown).
"""

from __future__ import annotations

import copy
from dataclasses import replace

from apv_desktop.core.model import Questionnaire
from tools.templates.assemble import assemble
from tools.templates.common import choice_list, one, section, tr

TEMPLATE_ID = "baggrund"
TITLE = tr("Baggrundsspørgsmål", "Bakgrundsfrågor", "Background questions")
DESCRIPTION = tr(
    "Valgfrie spørgsmål om stillingsgruppe, anciennitet og arbejdstid, så resultaterne kan "
    "vises pr. gruppe. Grupper med færre svar end anonymitetsgrænsen vises aldrig. Ret "
    "listen over stillingsgrupper til jeres egne.",
    "Valfria frågor om yrkesgrupp, anställningstid och arbetstid, så att resultaten kan visas "
    "per grupp. Grupper med färre svar än anonymitetsgränsen visas aldrig. Ändra listan över "
    "yrkesgrupper till era egna.",
    "Optional questions on job group, length of service and working hours, so that results "
    "can be shown by group. Groups with fewer answers than the anonymity threshold are never "
    "shown. Edit the list of job groups to your own.",
)

JOB_GROUPS = choice_list(
    "stillingsgruppe",
    ("borgernaer", None, "Arbejder direkte med borgere, elever eller brugere",
     "Arbetar direkt med medborgare, elever eller brukare",
     "Work directly with citizens, pupils or service users"),
    ("faglig", None, "Faglig sagsbehandling eller rådgivning",
     "Handläggning eller rådgivning", "Casework or advice"),
    ("administration", None, "Administration, økonomi eller IT",
     "Administration, ekonomi eller IT", "Administration, finance or IT"),
    ("drift", None, "Drift, teknik, service eller køkken",
     "Drift, teknik, service eller kök", "Operations, technical, service or kitchen"),
    ("leder", None, "Leder med personaleansvar", "Chef med personalansvar",
     "Manager with staff responsibility"),
    ("anden", None, "Andet", "Annat", "Other"),
)

SENIORITY = choice_list(
    "anciennitet",
    ("under_1", None, "Under 1 år", "Under 1 år", "Less than 1 year"),
    ("1_3", None, "1–3 år", "1–3 år", "1–3 years"),
    ("4_10", None, "4–10 år", "4–10 år", "4–10 years"),
    ("over_10", None, "Mere end 10 år", "Mer än 10 år", "More than 10 years"),
)

WORKING_TIME = choice_list(
    "arbejdstid",
    ("fuld_dag", None, "Fuld tid, dagarbejde", "Heltid, dagtid", "Full time, day work"),
    ("deltid_dag", None, "Deltid, dagarbejde", "Deltid, dagtid", "Part time, day work"),
    ("skift", None, "Skiftende vagter, aften eller nat",
     "Skiftarbete, kväll eller natt", "Shifts, evenings or nights"),
)

BACKGROUND = "baggrund"


def build() -> Questionnaire:
    items = [
        one("bg_stilling", JOB_GROUPS, None,
            da="Hvilken stillingsgruppe hører du til?",
            sv="Vilken yrkesgrupp tillhör du?",
            en="Which job group do you belong to?"),
        one("bg_anciennitet", SENIORITY, None,
            da="Hvor længe har du arbejdet på din nuværende arbejdsplads?",
            sv="Hur länge har du arbetat på din nuvarande arbetsplats?",
            en="How long have you worked at your current workplace?"),
        one("bg_arbejdstid", WORKING_TIME, None,
            da="Hvordan er din arbejdstid?",
            sv="Hur ser din arbetstid ut?",
            en="What are your working hours?"),
    ]
    questionnaire = assemble(TEMPLATE_ID, TITLE, [], [])
    # The lists are this template's own (not shared scales): they are meant to be edited.
    questionnaire.sections = [section(BACKGROUND, tr("Om dig", "Om dig", "About you"),
                                      [replace(item, background=True) for item in items])]
    questionnaire.choice_lists = copy.deepcopy(
        {c.name: c for c in (JOB_GROUPS, SENIORITY, WORKING_TIME)})
    return questionnaire
