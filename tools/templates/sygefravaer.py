"""Template `sygefravaer`: sick leave and well-being.

The law asks the APV to judge whether work contributes to sick leave (domain.md). These items
ask it directly, ask what in the work lies behind it and what would help, and add a short
health and well-being measure.
"""

from __future__ import annotations

from apv_desktop.core.model import Questionnaire
from tools.templates.assemble import assemble
from tools.templates.common import (
    BETTER,
    OFFENSIVE_MIN_N,
    WORSE,
    answered_other_than,
    any_answered_with,
    dimension,
    many,
    one,
    section,
    text,
    tr,
)
from tools.templates.scales import (
    EXTENT,
    FREQUENCY,
    GOOD_BAD,
    PROBLEM_DONT_KNOW,
    SICK_DAYS,
    WORK_CAUSES,
)

TEMPLATE_ID = "sygefravaer"
TITLE = tr("Sygefravær og trivsel", "Sjukfrånvaro och trivsel", "Sick leave and well-being")
DESCRIPTION = tr(
    "Bidrager arbejdet til sygefravær, hvad i arbejdet, og hvad ville hjælpe? Med et kort mål "
    "for helbred og trivsel.",
    "Bidrar arbetet till sjukfrånvaro, vad i arbetet, och vad skulle hjälpa? Med ett kort mått "
    "på hälsa och trivsel.",
    "Does work contribute to sick leave, what in the work, and what would help? With a short "
    "measure of health and well-being.",
)

SICK_LEAVE = "sygefravaer"
WELL_BEING = "sygefravaer_trivsel"

DIMENSIONS = [
    dimension("SL", WORSE, SICK_LEAVE, tr("Sygefravær og arbejdet", "Sjukfrånvaro och arbetet",
                                          "Sick leave related to work")),
    dimension("GH", BETTER, WELL_BEING, tr("Helbred og trivsel", "Hälsa och trivsel",
                                           "Health and well-being")),
    # No score: it tags the list of causes, which names offensive behaviour, with the strict
    # threshold of offensive-behaviour questions (issue 13).
    dimension("SL_KR", WORSE, SICK_LEAVE,
              tr("Årsager til sygefravær (krænkende handlinger)",
                 "Orsaker till sjukfrånvaro (kränkande särbehandling)",
                 "Causes of sick leave (offensive behaviour)"), min_n=OFFENSIVE_MIN_N),
]

SICK_LEAVE_ITEMS = [
    one("sl_dage", SICK_DAYS, None,
        da="Hvor mange dage har du cirka været syg inden for de seneste 12 måneder?",
        sv="Ungefär hur många dagar har du varit sjuk under de senaste 12 månaderna?",
        en="Roughly how many days have you been off sick in the last 12 months?"),
    one("sl_1", PROBLEM_DONT_KNOW, "SL",
        da="Har forhold på arbejdet været med til, at du har været syg?",
        sv="Har förhållanden på arbetet bidragit till att du har varit sjuk?",
        en="Have conditions at work contributed to you being off sick?",
        relevant=answered_other_than("sl_dage", "ingen")),
    many("sl_aarsag", WORK_CAUSES,
         da="Hvad i arbejdet har været med til det?",
         sv="Vad i arbetet har bidragit till det?",
         en="What in the work contributed to it?",
         hint=tr("Du kan vælge flere.", "Du kan välja flera.", "You can choose more than one."),
         relevant=any_answered_with(["sl_1"], ["ja", "delvis"]), dimension="SL_KR"),
    one("sl_2", FREQUENCY, "SL",
        da="Hvor ofte er du gået på arbejde, selvom du var syg, fordi opgaverne ellers ikke "
           "blev løst?",
        sv="Hur ofta har du gått till jobbet fast du var sjuk, för att uppgifterna annars inte "
           "blev gjorda?",
        en="How often have you gone to work while ill because the work would not get done "
           "otherwise?",
        hint=tr("Tænk på de seneste 12 måneder.", "Tänk på de senaste 12 månaderna.",
                "Think of the last 12 months.")),
    one("sl_3", EXTENT, "SL",
        da="I hvor høj grad er du bekymret for, at forholdene på arbejdet på sigt kan gøre dig "
           "syg?",
        sv="I vilken grad är du orolig för att förhållandena på arbetet på sikt kan göra dig "
           "sjuk?",
        en="To what extent are you worried that conditions at work could make you ill in the "
           "long run?"),
    text("sl_hjaelp",
         da="Hvad kunne arbejdspladsen gøre for at forebygge sygefravær, der har med arbejdet "
            "at gøre?",
         sv="Vad skulle arbetsplatsen kunna göra för att förebygga sjukfrånvaro som har med "
            "arbetet att göra?",
         en="What could the workplace do to prevent sick leave that is related to work?",
         hint=tr("Skriv ikke navne på andre.", "Skriv inte namn på andra personer.",
                 "Please do not write other people's names.")),
]

WELL_BEING_ITEMS = [
    one("gh_1", GOOD_BAD, "GH",
        da="Hvordan vil du alt i alt beskrive dit helbred for tiden?",
        sv="Hur skulle du allt som allt beskriva din hälsa just nu?",
        en="Overall, how would you describe your health at the moment?"),
    one("gh_2", GOOD_BAD, "GH",
        da="Hvordan har du det alt i alt med at gå på arbejde for tiden?",
        sv="Hur känns det allt som allt att gå till jobbet just nu?",
        en="Overall, how do you feel about going to work at the moment?"),
]


def build() -> Questionnaire:
    return assemble(
        TEMPLATE_ID,
        TITLE,
        [
            section(SICK_LEAVE, tr("Sygefravær", "Sjukfrånvaro", "Sick leave"), SICK_LEAVE_ITEMS),
            section(WELL_BEING, tr("Helbred og trivsel", "Hälsa och trivsel",
                                   "Health and well-being"), WELL_BEING_ITEMS),
        ],
        DIMENSIONS,
    )
