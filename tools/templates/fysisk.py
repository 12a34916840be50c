"""Template `fysisk`: the physical work environment in the office and at home.

A checklist per area ("Is there a problem with ...?" yes / partly / no, higher is worse) and,
after any yes or partly, a free-text box to describe the problem and where it is. The home
workplace part follows what the departments reported after the COVID years: missing
height-adjustable desks, chairs and IT at home, work and private life running together,
children at home, and missing contact with colleagues.
"""

from __future__ import annotations

from apv_desktop.core.model import Item, Questionnaire
from tools.templates.assemble import assemble
from tools.templates.common import WORSE, any_answered_with, dimension, one, section, text, tr
from tools.templates.scales import PROBLEM, YES_NO

TEMPLATE_ID = "fysisk"
TITLE = tr(
    "Fysisk arbejdsmiljø, kontor og hjemmearbejde",
    "Fysisk arbetsmiljö, kontor och distansarbete",
    "Physical work environment, office and home working",
)
DESCRIPTION = tr(
    "Tjekliste om indeklima, støj, lys og ergonomi på kontoret og om hjemmearbejdspladsen, "
    "med plads til at beskrive problemerne.",
    "Checklista om inomhusklimat, buller, ljus och ergonomi på kontoret och om arbetsplatsen "
    "hemma, med plats att beskriva problemen.",
    "Checklist on indoor climate, noise, light and ergonomics in the office and on the home "
    "workplace, with room to describe the problems.",
)

_DESCRIBE_HINT = tr(
    "Skriv fx hvilket lokale, hvornår på dagen og hvad problemet er.",
    "Skriv t.ex. vilket rum, när på dagen och vad problemet är.",
    "For example which room, what time of day, and what the problem is.",
)


def _area(
    code: str, labels: dict[str, str], questions: list[tuple[str, str, str]],
    describe: tuple[str, str, str], relevant: str | None = None,
) -> tuple[list[Item], dict[str, str]]:
    """One area's problem items `<code>_1..n` and its describe box `<code>_tekst`.

    Returns the items and the area's labels (used for its section and its dimension).
    """
    prefix = code.lower()
    names = [f"{prefix}_{i}" for i in range(1, len(questions) + 1)]
    items = [
        one(name, PROBLEM, code, da=da, sv=sv, en=en, relevant=relevant)
        for name, (da, sv, en) in zip(names, questions, strict=True)
    ]
    da, sv, en = describe
    shown_after_problem = any_answered_with(names, ["ja", "delvis"])
    items.append(text(f"{prefix}_tekst", da=da, sv=sv, en=en, hint=_DESCRIBE_HINT,
                      relevant=shown_after_problem))
    return items, labels


CLIMATE = _area("PE_CLIMATE", tr("Indeklima", "Inomhusklimat", "Indoor climate"), [
    ("Er der problemer med temperaturen, fx for varmt eller for koldt?",
     "Finns det problem med temperaturen, t.ex. för varmt eller för kallt?",
     "Is there a problem with the temperature, e.g. too hot or too cold?"),
    ("Er der problemer med træk?",
     "Finns det problem med drag?",
     "Is there a problem with draughts?"),
    ("Er der problemer med luften, fx tør, indelukket eller med lugt eller støv?",
     "Finns det problem med luften, t.ex. torr, instängd eller med lukt eller damm?",
     "Is there a problem with the air, e.g. dry, stuffy, smelly or dusty?"),
], ("Beskriv problemerne med indeklimaet", "Beskriv problemen med inomhusklimatet",
    "Describe the indoor climate problems"))

NOISE = _area("PE_NOISE", tr("Støj", "Buller", "Noise"), [
    ("Er der problemer med støj fra samtaler, telefoner eller møder omkring dig?",
     "Finns det problem med ljud från samtal, telefoner eller möten runt dig?",
     "Is there a problem with noise from conversations, phones or meetings around you?"),
    ("Er der problemer med støj fra ventilation, maskiner, trafik eller lignende?",
     "Finns det problem med buller från ventilation, maskiner, trafik eller liknande?",
     "Is there a problem with noise from ventilation, machines, traffic or the like?"),
    ("Er der problemer med at finde et roligt sted til opgaver, der kræver koncentration?",
     "Finns det problem med att hitta en lugn plats för uppgifter som kräver koncentration?",
     "Is there a problem finding a quiet place for work that needs concentration?"),
], ("Beskriv problemerne med støj", "Beskriv problemen med buller",
    "Describe the noise problems"))

LIGHT = _area("PE_LIGHT", tr("Lys", "Ljus", "Lighting"), [
    ("Er der problemer med for lidt eller for meget lys ved din arbejdsplads?",
     "Finns det problem med för lite eller för mycket ljus vid din arbetsplats?",
     "Is there a problem with too little or too much light at your workstation?"),
    ("Er der problemer med blænding eller genskin fra vinduer, lamper eller skærme?",
     "Finns det problem med bländning eller reflexer från fönster, lampor eller skärmar?",
     "Is there a problem with glare or reflections from windows, lamps or screens?"),
], ("Beskriv problemerne med lyset", "Beskriv problemen med ljuset",
    "Describe the lighting problems"))

ERGONOMICS = _area("PE_ERGO", tr("Ergonomi og indretning", "Ergonomi och inredning",
                                 "Ergonomics and workstation"), [
    ("Er der problemer med dit skrivebord, fx højde, plads eller hæve-sænkefunktion?",
     "Finns det problem med ditt skrivbord, t.ex. höjd, utrymme eller höj- och "
     "sänkfunktion?",
     "Is there a problem with your desk, e.g. height, space or the sit-stand function?"),
    ("Er der problemer med din stol, fx indstilling, komfort eller støtte?",
     "Finns det problem med din stol, t.ex. inställning, komfort eller stöd?",
     "Is there a problem with your chair, e.g. adjustment, comfort or support?"),
    ("Er der problemer med skærm, tastatur, mus eller andet udstyr?",
     "Finns det problem med skärm, tangentbord, mus eller annan utrustning?",
     "Is there a problem with your screen, keyboard, mouse or other equipment?"),
    ("Er der problemer med ømhed eller smerter i nakke, skuldre, ryg eller arme, som du "
     "forbinder med din arbejdsplads?",
     "Finns det problem med ömhet eller smärta i nacke, axlar, rygg eller armar som du "
     "kopplar till din arbetsplats?",
     "Is there a problem with soreness or pain in your neck, shoulders, back or arms that "
     "you link to your workstation?"),
], ("Beskriv problemerne med indretning og ergonomi",
    "Beskriv problemen med inredning och ergonomi",
    "Describe the workstation and ergonomics problems"))

_WORKS_AT_HOME = one(
    "pe_home_0", YES_NO, None,
    da="Arbejder du hjemme en del af tiden?",
    sv="Arbetar du hemifrån en del av tiden?",
    en="Do you work from home some of the time?",
)
HOME = _area("PE_HOME", tr("Hjemmearbejdsplads", "Arbetsplats i hemmet", "Home workplace"), [
    ("Er der problemer med din arbejdsplads derhjemme, fx bord, stol eller plads?",
     "Finns det problem med din arbetsplats hemma, t.ex. bord, stol eller utrymme?",
     "Is there a problem with your workspace at home, e.g. table, chair or room?"),
    ("Er der problemer med it-udstyr eller forbindelse, når du arbejder hjemme?",
     "Finns det problem med it-utrustning eller uppkoppling när du arbetar hemma?",
     "Is there a problem with IT equipment or the connection when you work from home?"),
    ("Er der problemer med at arbejde uforstyrret derhjemme, fx på grund af børn eller "
     "andre i hjemmet?",
     "Finns det problem med att arbeta ostört hemma, t.ex. på grund av barn eller andra i "
     "hemmet?",
     "Is there a problem working undisturbed at home, e.g. because of children or others in "
     "the home?"),
    ("Er der problemer med at holde arbejde og privatliv adskilt, når du arbejder hjemme?",
     "Finns det problem med att hålla isär arbete och privatliv när du arbetar hemma?",
     "Is there a problem keeping work and private life apart when you work from home?"),
    ("Er der problemer med kontakten til kolleger og leder, når du arbejder hjemme?",
     "Finns det problem med kontakten med kollegor och chef när du arbetar hemma?",
     "Is there a problem with contact with colleagues and your manager when you work from "
     "home?"),
], ("Beskriv problemerne ved hjemmearbejdet", "Beskriv problemen med arbetet hemma",
    "Describe the problems with working from home"),
    relevant="${pe_home_0} = 'ja'")

AREAS = [CLIMATE, NOISE, LIGHT, ERGONOMICS, HOME]
_SECTION_NAMES = ["fysisk_indeklima", "fysisk_stoej", "fysisk_lys", "fysisk_ergonomi",
                  "fysisk_hjemme"]


def build() -> Questionnaire:
    sections = []
    dimensions = []
    for section_name, (items, labels) in zip(_SECTION_NAMES, AREAS, strict=True):
        code = next(item.dimension for item in items if item.dimension)
        if code == "PE_HOME":
            items = [_WORKS_AT_HOME, *items]  # the home questions follow "do you work at home?"
        sections.append(section(section_name, labels, items))
        dimensions.append(dimension(code, WORSE, section_name, labels))
    return assemble(TEMPLATE_ID, TITLE, sections, dimensions)
