"""Template `kraenkende`: offensive behaviour in the last 12 months.

Bullying, sexual harassment, threats of violence and physical violence, each followed by "from
whom" when the answer is yes. Higher is worse, and every dimension carries the stricter
anonymity threshold, since a small group's answers here can point at a person.
"""

from __future__ import annotations

from apv_desktop.core.model import Item, Questionnaire
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
from tools.templates.scales import FROM_WHOM, LAST_12_MONTHS, YES_NO_DONT_KNOW

TEMPLATE_ID = "kraenkende"
TITLE = tr("Krænkende handlinger", "Kränkande särbehandling", "Offensive behaviour")
DESCRIPTION = tr(
    "Mobning, seksuel chikane, trusler om vold og fysisk vold inden for de seneste 12 måneder, "
    "og fra hvem. Vises kun for grupper på mindst 10.",
    "Mobbning, sexuella trakasserier, hot om våld och fysiskt våld under de senaste 12 "
    "månaderna, och från vem. Visas bara för grupper med minst 10 svar.",
    "Bullying, sexual harassment, threats of violence and physical violence in the last 12 "
    "months, and from whom. Shown only for groups of at least 10.",
)

DOMAIN = "kraenkende"

DIMENSIONS = [
    dimension("BU", WORSE, DOMAIN, tr("Mobning", "Mobbning", "Bullying"),
              min_n=OFFENSIVE_MIN_N),
    dimension("SH", WORSE, DOMAIN, tr("Seksuel chikane", "Sexuella trakasserier",
                                      "Sexual harassment"), min_n=OFFENSIVE_MIN_N),
    dimension("TV", WORSE, DOMAIN, tr("Trusler om vold", "Hot om våld", "Threats of violence"),
              min_n=OFFENSIVE_MIN_N),
    dimension("PV", WORSE, DOMAIN, tr("Fysisk vold", "Fysiskt våld", "Physical violence"),
              min_n=OFFENSIVE_MIN_N),
]

# Each follow-up names its own behaviour: four questions worded alike would read as one
# question asked four times, in the form and in the report's lists.
_FROM_WHOM_LABEL = {
    "bu": tr("Hvem blev du mobbet af?", "Vem blev du mobbad av?", "Who bullied you?"),
    "sh": tr("Hvem kom den uønskede seksuelle opmærksomhed fra?",
             "Vem kom de sexuella trakasserierna från?",
             "Who did the unwanted sexual attention come from?"),
    "tv": tr("Hvem kom truslerne om vold fra?", "Vem kom hoten om våld från?",
             "Who did the threats of violence come from?"),
    "pv": tr("Hvem udsatte dig for fysisk vold?", "Vem utsatte dig för fysiskt våld?",
             "Who subjected you to physical violence?"),
}
_MORE_THAN_ONE = tr("Du kan vælge flere.", "Du kan välja flera.", "You can choose more than one.")


def _from_whom(code: str) -> list[Item]:
    """The "from whom" follow-up for the item `<code>_1`, shown only after a yes."""
    return [many(f"{code}_fra", FROM_WHOM, **_FROM_WHOM_LABEL[code], hint=_MORE_THAN_ONE,
                 relevant=answered_other_than(f"{code}_1", "nej"))]


ITEMS = [
    one("bu_1", LAST_12_MONTHS, "BU",
        da="Har du inden for de seneste 12 måneder været udsat for mobning på din arbejdsplads?",
        sv="Har du under de senaste 12 månaderna blivit utsatt för mobbning på din "
           "arbetsplats?",
        en="In the last 12 months, have you been bullied at your workplace?",
        hint=tr("Med mobning menes, at nogen gentagne gange over tid bliver behandlet på en "
                "nedværdigende eller udstødende måde, som det er svært at forsvare sig imod.",
                "Med mobbning menas att någon gång på gång under en tid blir behandlad på ett "
                "förnedrande eller utestängande sätt som är svårt att försvara sig mot.",
                "Bullying means being treated again and again, over a period, in a demeaning "
                "or excluding way that is hard to defend yourself against.")),
    *_from_whom("bu"),
    one("sh_1", LAST_12_MONTHS, "SH",
        da="Har du inden for de seneste 12 måneder været udsat for seksuel chikane på din "
           "arbejdsplads?",
        sv="Har du under de senaste 12 månaderna blivit utsatt för sexuella trakasserier på din "
           "arbetsplats?",
        en="In the last 12 months, have you been sexually harassed at your workplace?",
        hint=tr("Fx uønskede kommentarer, berøringer, billeder eller beskeder med seksuelt "
                "indhold.",
                "T.ex. ovälkomna kommentarer, beröringar, bilder eller meddelanden med sexuellt "
                "innehåll.",
                "For example unwanted comments, touching, pictures or messages of a sexual "
                "nature.")),
    *_from_whom("sh"),
    one("tv_1", LAST_12_MONTHS, "TV",
        da="Har du inden for de seneste 12 måneder været udsat for trusler om vold i dit "
           "arbejde?",
        sv="Har du under de senaste 12 månaderna blivit utsatt för hot om våld i ditt arbete?",
        en="In the last 12 months, have you been threatened with violence in your work?",
        hint=tr("Også trusler pr. telefon, brev, mail eller på sociale medier.",
                "Även hot per telefon, brev, mejl eller i sociala medier.",
                "Including threats by phone, letter, e-mail or on social media.")),
    *_from_whom("tv"),
    one("pv_1", LAST_12_MONTHS, "PV",
        da="Har du inden for de seneste 12 måneder været udsat for fysisk vold i dit arbejde?",
        sv="Har du under de senaste 12 månaderna blivit utsatt för fysiskt våld i ditt arbete?",
        en="In the last 12 months, have you been subjected to physical violence in your work?",
        hint=tr("Fx slag, spark, skub, bid eller at blive holdt fast.",
                "T.ex. slag, sparkar, knuffar, bett eller att bli fasthållen.",
                "For example being hit, kicked, pushed, bitten or held against your will.")),
    *_from_whom("pv"),
]

FOLLOW_UP = [
    one("kr_hvem_hjaelp", YES_NO_DONT_KNOW, None,
        da="Ved du, hvem du kan gå til, hvis du eller en kollega bliver udsat for krænkende "
           "handlinger?",
        sv="Vet du vem du kan vända dig till om du eller en kollega blir utsatt för kränkande "
           "särbehandling?",
        en="Do you know whom to turn to if you or a colleague experiences offensive "
           "behaviour?"),
    text("kr_kommentar",
         da="Har du forslag til, hvordan krænkende handlinger kan forebygges hos jer?",
         sv="Har du förslag på hur kränkande särbehandling kan förebyggas hos er?",
         en="Do you have suggestions for how offensive behaviour could be prevented where you "
            "work?",
         hint=tr("Skriv ikke navne på andre.", "Skriv inte namn på andra personer.",
                 "Please do not write other people's names.")),
]


def build() -> Questionnaire:
    return assemble(
        TEMPLATE_ID,
        TITLE,
        [
            section(DOMAIN, tr("Krænkende handlinger", "Kränkande särbehandling",
                               "Offensive behaviour"), ITEMS),
            section("kraenkende_forebyggelse", tr("Forebyggelse", "Förebyggande", "Prevention"),
                    FOLLOW_UP),
        ],
        DIMENSIONS,
    )
