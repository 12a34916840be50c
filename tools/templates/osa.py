"""Template `osa`: the Swedish OSA survey (AFS 2023:1): workload, working hours and victimisation.

Swedish is the default language; Danish and English are complete too.
"""

from __future__ import annotations

from apv_desktop.core.model import Questionnaire
from tools.templates.assemble import assemble
from tools.templates.common import (
    OFFENSIVE_MIN_N,
    WORSE,
    answered_other_than,
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
    FROM_WHOM,
    LAST_12_MONTHS,
    YES_NO_DONT_KNOW,
)

TEMPLATE_ID = "osa"
TITLE = tr("OSA (Sverige) – organisatorisk og socialt arbejdsmiljø",
           "OSA – organisatorisk och social arbetsmiljö",
           "OSA (Sweden) – organisational and social work environment")
DESCRIPTION = tr(
    "Den svenske OSA-kortlægning: arbejdsbelastning, arbejdstid og krænkende særbehandling. "
    "Svensk er standardsproget.",
    "Kartläggning enligt OSA: arbetsbelastning, arbetstid och kränkande särbehandling.",
    "The Swedish OSA survey: workload, working hours and victimisation. Swedish is the "
    "default language.",
)

WORKLOAD = "osa_arbetsbelastning"
HOURS = "osa_arbetstid"
VICTIMISATION = "osa_krankande"

WORKLOAD_LABELS = tr("Arbejdsbelastning", "Arbetsbelastning", "Workload")
HOURS_LABELS = tr("Arbejdstid", "Arbetstid", "Working hours")
VICTIMISATION_LABELS = tr("Krænkende særbehandling", "Kränkande särbehandling",
                          "Victimisation")

DIMENSIONS = [
    dimension("OSA_WL", WORSE, WORKLOAD, WORKLOAD_LABELS),
    dimension("OSA_WH", WORSE, HOURS, HOURS_LABELS),
    dimension("OSA_VB", WORSE, VICTIMISATION, VICTIMISATION_LABELS, min_n=OFFENSIVE_MIN_N),
]

WORKLOAD_ITEMS = [
    one("osa_wl_1", FREQUENCY, "OSA_WL",
        da="Hvor ofte rækker tiden ikke til de opgaver, du har?",
        sv="Hur ofta räcker tiden inte till för de arbetsuppgifter du har?",
        en="How often is there not enough time for the tasks you have?"),
    one("osa_wl_2", FREQUENCY, "OSA_WL", reverse=True,
        da="Hvor ofte ved du, hvad du kan lade vente, når du ikke kan nå det hele?",
        sv="Hur ofta vet du vad du kan låta vänta när du inte hinner med allt?",
        en="How often do you know what can wait when you cannot get everything done?"),
    one("osa_wl_3", FREQUENCY, "OSA_WL",
        da="Hvor ofte har du opgaver, der er psykisk hårde at stå i?",
        sv="Hur ofta har du arbetsuppgifter som är psykiskt påfrestande?",
        en="How often do you have tasks that are mentally very taxing?"),
    one("osa_wl_4", EXTENT, "OSA_WL", reverse=True,
        da="I hvor høj grad har du den tid, viden og de redskaber, du skal bruge for at klare "
           "dine opgaver?",
        sv="I vilken grad har du den tid, kunskap och de verktyg du behöver för att klara dina "
           "uppgifter?",
        en="To what extent do you have the time, knowledge and tools you need to manage your "
           "tasks?"),
]

HOURS_ITEMS = [
    one("osa_wh_1", FREQUENCY, "OSA_WH",
        da="Hvor ofte arbejder du ud over din normale arbejdstid?",
        sv="Hur ofta arbetar du mer än din ordinarie arbetstid?",
        en="How often do you work beyond your normal hours?"),
    one("osa_wh_2", FREQUENCY, "OSA_WH", reverse=True,
        da="Hvor ofte når du at komme dig mellem arbejdsdagene eller vagterne?",
        sv="Hur ofta hinner du återhämta dig mellan arbetsdagarna eller arbetspassen?",
        en="How often do you have enough time to recover between working days or shifts?"),
    one("osa_wh_3", FREQUENCY, "OSA_WH",
        da="Hvor ofte forventes det, at du kan kontaktes om arbejdet uden for din arbejdstid?",
        sv="Hur ofta förväntas du vara nåbar för jobbet utanför din arbetstid?",
        en="How often are you expected to be reachable for work outside your working hours?"),
]

VICTIMISATION_ITEMS = [
    one("osa_vb_1", LAST_12_MONTHS, "OSA_VB",
        da="Har du inden for de seneste 12 måneder været udsat for krænkende særbehandling på "
           "arbejdet?",
        sv="Har du under de senaste 12 månaderna blivit utsatt för kränkande särbehandling på "
           "jobbet?",
        en="In the last 12 months, have you been subjected to victimisation at work?",
        hint=tr("Fx at blive frosset ude, gjort til grin, holdt uden for vigtig information "
                "eller behandlet nedværdigende.",
                "T.ex. att bli utfrusen, förlöjligad, undanhållen viktig information eller "
                "behandlad på ett förnedrande sätt.",
                "For example being left out, ridiculed, kept from important information or "
                "treated in a demeaning way.")),
    many("osa_vb_fran", FROM_WHOM,
         da="Hvem kom det fra?",
         sv="Vem kom det från?",
         en="Who did it come from?",
         hint=tr("Du kan vælge flere.", "Du kan välja flera.", "You can choose more than one."),
         relevant=answered_other_than("osa_vb_1", "nej")),
    one("osa_vb_2", LAST_12_MONTHS, "OSA_VB",
        da="Har du inden for de seneste 12 måneder set eller hørt, at en kollega blev udsat for "
           "krænkende særbehandling?",
        sv="Har du under de senaste 12 månaderna sett eller hört att en kollega blivit utsatt "
           "för kränkande särbehandling?",
        en="In the last 12 months, have you seen or heard of a colleague being subjected to "
           "victimisation?"),
    one("osa_vb_3", YES_NO_DONT_KNOW, None,
        da="Ved du, hvem du skal gå til, hvis du eller en kollega bliver udsat for krænkende "
           "særbehandling?",
        sv="Vet du vem du ska vända dig till om du eller en kollega blir utsatt för kränkande "
           "särbehandling?",
        en="Do you know whom to turn to if you or a colleague is subjected to victimisation?"),
]

COMMENT = text(
    "osa_kommentar",
    da="Har du kommentarer til arbejdsbelastning, arbejdstid eller samarbejdet på "
       "arbejdspladsen?",
    sv="Har du kommentarer om arbetsbelastning, arbetstid eller samarbetet på arbetsplatsen?",
    en="Do you have any comments on workload, working hours or how people work together?",
    hint=tr("Skriv ikke navne på andre.", "Skriv inte namn på andra personer.",
            "Please do not write other people's names."),
)


def build() -> Questionnaire:
    return assemble(
        TEMPLATE_ID,
        TITLE,
        [
            section(WORKLOAD, WORKLOAD_LABELS, WORKLOAD_ITEMS),
            section(HOURS, HOURS_LABELS, HOURS_ITEMS),
            section(VICTIMISATION, VICTIMISATION_LABELS, VICTIMISATION_ITEMS),
            section("osa_slut", tr("Afslutning", "Avslutning", "Closing"), [COMMENT]),
        ],
        DIMENSIONS,
        languages=("sv", "da", "en"),
    )
