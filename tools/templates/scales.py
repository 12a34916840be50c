"""The answer scales shared by every template.

A list name always means the same choices with the same scores in every template, so that
templates can be combined into one questionnaire without clashes.
"""

from __future__ import annotations

from apv_desktop.core.model import ChoiceList
from tools.templates.common import choice_list

_DONT_KNOW = ("ved_ikke", None, "Ved ikke", "Vet inte", "Don't know")

_FREQUENCY = (
    ("altid", 100, "Altid", "Alltid", "Always"),
    ("ofte", 75, "Ofte", "Ofta", "Often"),
    ("somme_tider", 50, "Somme tider", "Ibland", "Sometimes"),
    ("sjaeldent", 25, "Sjældent", "Sällan", "Seldom"),
    ("aldrig", 0, "Aldrig eller næsten aldrig", "Aldrig eller nästan aldrig",
     "Never or almost never"),
)

_EXTENT = (
    ("meget_hoej", 100, "I meget høj grad", "I mycket hög grad", "To a very large extent"),
    ("hoej", 75, "I høj grad", "I hög grad", "To a large extent"),
    ("delvis", 50, "Delvis", "Delvis", "Somewhat"),
    ("ringe", 25, "I ringe grad", "I liten grad", "To a small extent"),
    ("meget_ringe", 0, "I meget ringe grad", "I mycket liten grad", "To a very small extent"),
)

FREQUENCY: ChoiceList = choice_list("frekvens", *_FREQUENCY)
FREQUENCY_DONT_KNOW: ChoiceList = choice_list("frekvens_vedikke", *_FREQUENCY, _DONT_KNOW)
EXTENT: ChoiceList = choice_list("grad", *_EXTENT)
EXTENT_DONT_KNOW: ChoiceList = choice_list("grad_vedikke", *_EXTENT, _DONT_KNOW)

# Offensive behaviour in the last 12 months: higher is worse, so "no" scores 0.
LAST_12_MONTHS: ChoiceList = choice_list(
    "forekomst_12m",
    ("dagligt", 100, "Ja, dagligt", "Ja, dagligen", "Yes, daily"),
    ("ugentligt", 75, "Ja, ugentligt", "Ja, varje vecka", "Yes, weekly"),
    ("maanedligt", 50, "Ja, månedligt", "Ja, varje månad", "Yes, monthly"),
    ("faa_gange", 25, "Ja, få gange", "Ja, några enstaka gånger", "Yes, a few times"),
    ("nej", 0, "Nej", "Nej", "No"),
)

FROM_WHOM: ChoiceList = choice_list(
    "fra_hvem",
    ("kolleger", None, "Kolleger", "Kollegor", "Colleagues"),
    ("ledere", None, "Ledere", "Chefer", "Managers"),
    ("borgere", None, "Borgere, klienter eller patienter", "Brukare, klienter eller patienter",
     "Citizens, clients or patients"),
    ("andre", None, "Andre", "Andra", "Others"),
)

# "Is there a problem with ...?": higher is worse.
PROBLEM: ChoiceList = choice_list(
    "ja_delvis_nej",
    ("ja", 100, "Ja", "Ja", "Yes"),
    ("delvis", 50, "Delvis", "Delvis", "Partly"),
    ("nej", 0, "Nej", "Nej", "No"),
)
PROBLEM_DONT_KNOW: ChoiceList = choice_list(
    "ja_delvis_nej_vedikke",
    *((c.name, c.score, c.labels["da"], c.labels["sv"], c.labels["en"]) for c in PROBLEM.choices),
    _DONT_KNOW,
)

YES_NO: ChoiceList = choice_list(
    "ja_nej",
    ("ja", None, "Ja", "Ja", "Yes"),
    ("nej", None, "Nej", "Nej", "No"),
)
YES_NO_DONT_KNOW: ChoiceList = choice_list(
    "ja_nej_vedikke",
    ("ja", None, "Ja", "Ja", "Yes"),
    ("nej", None, "Nej", "Nej", "No"),
    _DONT_KNOW,
)

GOOD_BAD: ChoiceList = choice_list(
    "godt_daarligt",
    ("meget_godt", 100, "Meget godt", "Mycket bra", "Very good"),
    ("godt", 75, "Godt", "Bra", "Good"),
    ("nogenlunde", 50, "Nogenlunde", "Någorlunda", "Fair"),
    ("daarligt", 25, "Dårligt", "Dåligt", "Poor"),
    ("meget_daarligt", 0, "Meget dårligt", "Mycket dåligt", "Very poor"),
)

SICK_DAYS: ChoiceList = choice_list(
    "sygedage_12m",
    ("ingen", None, "Ingen dage", "Inga dagar", "No days"),
    ("dage_1_5", None, "1–5 dage", "1–5 dagar", "1–5 days"),
    ("dage_6_14", None, "6–14 dage", "6–14 dagar", "6–14 days"),
    ("dage_15_plus", None, "15 dage eller flere", "15 dagar eller fler", "15 days or more"),
)

# What in the work lies behind sick leave (select_multiple, not scored).
WORK_CAUSES: ChoiceList = choice_list(
    "aarsag_arbejde",
    ("arbejdsmaengde", None, "Arbejdsmængde og tidspres", "Arbetsmängd och tidspress",
     "Workload and time pressure"),
    ("foelelsesmaessigt", None, "Følelsesmæssigt belastende opgaver",
     "Känslomässigt påfrestande uppgifter", "Emotionally demanding tasks"),
    ("uklare_krav", None, "Uklare eller modstridende krav", "Otydliga eller motstridiga krav",
     "Unclear or conflicting demands"),
    ("konflikter", None, "Konflikter eller dårlig stemning", "Konflikter eller dålig stämning",
     "Conflicts or a bad atmosphere"),
    ("kraenkelser", None, "Krænkende handlinger, trusler eller vold",
     "Kränkande särbehandling, hot eller våld", "Offensive behaviour, threats or violence"),
    ("ledelse", None, "Manglende støtte fra ledelsen", "Brist på stöd från ledningen",
     "Lack of support from management"),
    ("forandringer", None, "Forandringer eller usikkerhed om fremtiden",
     "Förändringar eller oro för framtiden", "Changes or uncertainty about the future"),
    ("arbejdstid", None, "Arbejdstider eller overarbejde", "Arbetstider eller övertid",
     "Working hours or overtime"),
    ("fysisk", None, "Fysisk belastning, fx løft eller arbejdsstillinger",
     "Fysisk belastning, t.ex. lyft eller arbetsställningar",
     "Physical strain, e.g. lifting or working postures"),
    ("indeklima", None, "Indeklima, støj eller lys", "Inomhusklimat, buller eller ljus",
     "Indoor climate, noise or light"),
    ("andet", None, "Andet", "Annat", "Other"),
)
