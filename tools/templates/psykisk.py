"""Template `psykisk`: the full psychosocial APV, organised by COPSOQ III dimension codes.

The item wording is our own. Dimension codes and names follow the COPSOQ convention so that
results can be read against it; scores are 100/75/50/25/0 and "ved ikke" is not scored.
"""

from __future__ import annotations

from apv_desktop.core.model import Questionnaire
from tools.templates.assemble import assemble
from tools.templates.common import BETTER, WORSE, dimension, one, section, text, tr
from tools.templates.scales import EXTENT, EXTENT_DONT_KNOW, FREQUENCY

TEMPLATE_ID = "psykisk"
TITLE = tr("Psykisk arbejdsmiljø", "Psykosocial arbetsmiljö", "Psychosocial work environment")
DESCRIPTION = tr(
    "Den fulde APV om det psykiske arbejdsmiljø: krav, organisering, samarbejde og ledelse, "
    "værdier samt trivsel og helbred (20 dimensioner).",
    "Den fullständiga kartläggningen av den psykosociala arbetsmiljön: krav, organisation, "
    "samarbete och ledarskap, värderingar samt trivsel och hälsa (20 dimensioner).",
    "The full assessment of the psychosocial work environment: demands, organisation, "
    "collaboration and leadership, values, and well-being and health (20 dimensions).",
)

# Section names double as the dimensions' domain codes; the section labels name the domain.
DEMANDS = "krav"
ORGANISATION = "organisering"
RELATIONS = "samarbejde"
VALUES = "vaerdier"
HEALTH = "trivsel"

SECTION_LABELS = {
    DEMANDS: tr("Krav i arbejdet", "Krav i arbetet", "Demands at work"),
    ORGANISATION: tr("Organisering og indhold", "Organisation och innehåll",
                     "Work organisation and content"),
    RELATIONS: tr("Samarbejde og ledelse", "Samarbete och ledarskap",
                  "Collaboration and leadership"),
    VALUES: tr("Værdier på arbejdspladsen", "Värderingar på arbetsplatsen",
               "Values at the workplace"),
    HEALTH: tr("Trivsel og helbred", "Trivsel och hälsa", "Well-being and health"),
}

DIMENSIONS = [
    dimension("QD", WORSE, DEMANDS, tr("Kvantitative krav", "Kvantitativa krav",
                                       "Quantitative demands")),
    dimension("WP", WORSE, DEMANDS, tr("Arbejdstempo", "Arbetstakt", "Work pace")),
    dimension("ED", WORSE, DEMANDS, tr("Følelsesmæssige krav", "Emotionella krav",
                                       "Emotional demands")),
    dimension("IN", BETTER, ORGANISATION, tr("Indflydelse", "Inflytande", "Influence")),
    dimension("PD", BETTER, ORGANISATION, tr("Udviklingsmuligheder", "Utvecklingsmöjligheter",
                                             "Possibilities for development")),
    dimension("MW", BETTER, ORGANISATION, tr("Mening i arbejdet", "Meningsfullhet i arbetet",
                                             "Meaning of work")),
    dimension("PR", BETTER, RELATIONS, tr("Forudsigelighed", "Förutsägbarhet", "Predictability")),
    dimension("RE", BETTER, RELATIONS, tr("Anerkendelse", "Erkänsla", "Recognition")),
    dimension("CL", BETTER, RELATIONS, tr("Rolleklarhed", "Rolltydlighet", "Role clarity")),
    dimension("CO", WORSE, RELATIONS, tr("Rollekonflikter", "Rollkonflikter", "Role conflicts")),
    dimension("QL", BETTER, RELATIONS, tr("Ledelseskvalitet", "Ledarskapets kvalitet",
                                          "Quality of leadership")),
    dimension("SS", BETTER, RELATIONS, tr("Social støtte fra nærmeste leder",
                                          "Socialt stöd från närmaste chef",
                                          "Social support from the immediate manager")),
    dimension("SC", BETTER, RELATIONS, tr("Social støtte fra kolleger",
                                          "Socialt stöd från kollegor",
                                          "Social support from colleagues")),
    dimension("SW", BETTER, RELATIONS, tr("Socialt fællesskab", "Gemenskap i arbetet",
                                          "Sense of community at work")),
    dimension("TM", BETTER, VALUES, tr("Tillid til ledelsen", "Tillit till ledningen",
                                       "Trust in management")),
    dimension("JU", BETTER, VALUES, tr("Retfærdighed", "Rättvisa", "Justice")),
    dimension("JS", BETTER, HEALTH, tr("Jobtilfredshed", "Arbetstillfredsställelse",
                                       "Job satisfaction")),
    dimension("WF", WORSE, HEALTH, tr("Konflikt mellem arbejde og privatliv",
                                      "Konflikt mellan arbete och privatliv",
                                      "Work–life conflict")),
    dimension("BO", WORSE, HEALTH, tr("Udbrændthed", "Utbrändhet", "Burnout")),
    dimension("ST", WORSE, HEALTH, tr("Stress", "Stress", "Stress")),
]

_MANAGER_HINT = tr(
    "Din nærmeste leder er den leder, du til daglig refererer til.",
    "Din närmaste chef är den chef du rapporterar till i vardagen.",
    "Your immediate manager is the manager you report to day to day.",
)
_FOUR_WEEKS_HINT = tr(
    "Tænk på de seneste fire uger.",
    "Tänk på de senaste fyra veckorna.",
    "Think of the past four weeks.",
)

DEMAND_ITEMS = [
    one("qd_1", FREQUENCY, "QD",
        da="Hvor ofte har du flere opgaver, end du kan nå i din arbejdstid?",
        sv="Hur ofta har du fler uppgifter än du hinner med under din arbetstid?",
        en="How often do you have more tasks than you can finish within your working hours?"),
    one("qd_2", FREQUENCY, "QD",
        da="Hvor ofte må du arbejde over eller tage arbejde med hjem for at blive færdig?",
        sv="Hur ofta måste du arbeta över eller ta med arbete hem för att bli klar?",
        en="How often do you have to stay late or take work home to get it done?"),
    one("qd_3", FREQUENCY, "QD", reverse=True,
        da="Hvor ofte passer mængden af opgaver til den tid, du har til rådighed?",
        sv="Hur ofta stämmer mängden uppgifter med den tid du har till förfogande?",
        en="How often does the amount of work match the time you have available?"),
    one("wp_1", FREQUENCY, "WP",
        da="Hvor ofte skal du arbejde i et højt tempo for at nå det, du skal?",
        sv="Hur ofta behöver du arbeta i högt tempo för att hinna med det du ska?",
        en="How often do you need to work at a fast pace to get through what you have to do?"),
    one("wp_2", FREQUENCY, "WP", reverse=True,
        da="Hvor ofte har du tid til en rolig pause i løbet af arbejdsdagen?",
        sv="Hur ofta har du tid för en lugn paus under arbetsdagen?",
        en="How often do you have time for a proper break during the working day?"),
    one("wp_3", EXTENT, "WP",
        da="I hvor høj grad føler du dig jaget af tiden på arbejdet?",
        sv="I vilken grad känner du dig jagad av tiden på jobbet?",
        en="To what extent do you feel rushed for time at work?"),
    one("ed_1", FREQUENCY, "ED",
        da="Hvor ofte kommer du i situationer på arbejdet, der påvirker dig følelsesmæssigt?",
        sv="Hur ofta hamnar du i situationer på jobbet som berör dig känslomässigt?",
        en="How often are you in situations at work that affect you emotionally?"),
    one("ed_2", FREQUENCY, "ED",
        da="Hvor ofte møder du i dit arbejde mennesker i krise, sorg eller stor nød?",
        sv="Hur ofta möter du i ditt arbete människor i kris, sorg eller stor nöd?",
        en="How often does your work bring you into contact with people in crisis, grief "
           "or serious need?"),
    one("ed_3", EXTENT, "ED",
        da="I hvor høj grad tager du svære oplevelser fra arbejdet med dig hjem i tankerne?",
        sv="I vilken grad tar du med dig svåra upplevelser från jobbet hem i tankarna?",
        en="To what extent do difficult experiences from work stay on your mind after work?"),
]

ORGANISATION_ITEMS = [
    one("in_1", EXTENT, "IN",
        da="I hvor høj grad kan du selv planlægge, hvordan du løser dine opgaver?",
        sv="I vilken grad kan du själv planera hur du löser dina uppgifter?",
        en="To what extent can you plan for yourself how you carry out your tasks?"),
    one("in_2", EXTENT, "IN",
        da="I hvor høj grad bliver du hørt, når der træffes beslutninger om dit arbejde?",
        sv="I vilken grad blir du lyssnad på när beslut fattas om ditt arbete?",
        en="To what extent are you listened to when decisions about your work are made?"),
    one("in_3", EXTENT, "IN",
        da="I hvor høj grad kan du sige fra eller prioritere, når der kommer nye opgaver til?",
        sv="I vilken grad kan du säga nej eller prioritera när nya uppgifter kommer till?",
        en="To what extent can you say no or set priorities when new tasks come in?"),
    one("pd_1", EXTENT, "PD",
        da="I hvor høj grad lærer du nyt gennem dit arbejde?",
        sv="I vilken grad lär du dig nya saker genom ditt arbete?",
        en="To what extent does your work let you learn new things?"),
    one("pd_2", EXTENT, "PD",
        da="I hvor høj grad får du brugt det, du er god til?",
        sv="I vilken grad får du använda det du är bra på?",
        en="To what extent do you get to use what you are good at?"),
    one("pd_3", EXTENT, "PD",
        da="I hvor høj grad får du den faglige sparring og efteruddannelse, du har brug for?",
        sv="I vilken grad får du den handledning och kompetensutveckling du behöver?",
        en="To what extent do you get the professional guidance and further training you "
           "need?"),
    one("mw_1", EXTENT, "MW",
        da="I hvor høj grad oplever du, at dit arbejde gør en forskel for nogen?",
        sv="I vilken grad upplever du att ditt arbete gör skillnad för någon?",
        en="To what extent do you feel that your work makes a difference to someone?"),
    one("mw_2", EXTENT, "MW",
        da="I hvor høj grad giver dine arbejdsopgaver mening for dig?",
        sv="I vilken grad känns dina arbetsuppgifter meningsfulla för dig?",
        en="To what extent do your tasks feel worthwhile to you?"),
]

RELATION_ITEMS = [
    one("pr_1", EXTENT, "PR",
        da="I hvor høj grad får du besked i god tid om ændringer, der berører dit arbejde?",
        sv="I vilken grad får du veta i god tid om förändringar som berör ditt arbete?",
        en="To what extent are you told in good time about changes that affect your work?"),
    one("pr_2", EXTENT, "PR",
        da="I hvor høj grad ved du, hvad der skal ske i din afdeling det næste halve år?",
        sv="I vilken grad vet du vad som ska hända på din avdelning det närmaste halvåret?",
        en="To what extent do you know what is planned for your department over the next six "
           "months?"),
    one("re_1", EXTENT, "RE",
        da="I hvor høj grad bliver der sagt tak for en god indsats på din arbejdsplads?",
        sv="I vilken grad får man tack för en god insats på din arbetsplats?",
        en="To what extent is good work met with thanks at your workplace?"),
    one("re_2", EXTENT_DONT_KNOW, "RE",
        da="I hvor høj grad oplever du, at ledelsen ser og værdsætter det, du bidrager med?",
        sv="I vilken grad upplever du att ledningen ser och uppskattar det du bidrar med?",
        en="To what extent do you feel that management notices and values what you "
           "contribute?"),
    one("re_3", EXTENT, "RE",
        da="I hvor høj grad bliver dine faglige vurderinger taget alvorligt?",
        sv="I vilken grad tas dina yrkesmässiga bedömningar på allvar?",
        en="To what extent are your professional judgements taken seriously?"),
    one("cl_1", EXTENT, "CL",
        da="I hvor høj grad er det klart for dig, hvilke opgaver du har ansvaret for?",
        sv="I vilken grad är det tydligt för dig vilka uppgifter du har ansvar för?",
        en="To what extent is it clear to you which tasks you are responsible for?"),
    one("cl_2", EXTENT, "CL",
        da="I hvor høj grad ved du, hvornår en opgave er løst godt nok?",
        sv="I vilken grad vet du när en uppgift är tillräckligt bra löst?",
        en="To what extent do you know when a task has been done well enough?"),
    one("cl_3", EXTENT, "CL",
        da="I hvor høj grad er det tydeligt, hvad der skal prioriteres, når der er travlt?",
        sv="I vilken grad är det tydligt vad som ska prioriteras när det är mycket att göra?",
        en="To what extent is it clear what takes priority when things get busy?"),
    one("co_1", FREQUENCY, "CO",
        da="Hvor ofte får du opgaver eller beskeder, der modsiger hinanden?",
        sv="Hur ofta får du uppgifter eller besked som motsäger varandra?",
        en="How often are you given tasks or instructions that contradict each other?"),
    one("co_2", FREQUENCY, "CO",
        da="Hvor ofte må du løse opgaver på en måde, der strider mod din faglige overbevisning?",
        sv="Hur ofta måste du lösa uppgifter på ett sätt som går emot din yrkesmässiga "
           "övertygelse?",
        en="How often do you have to handle tasks in a way that goes against your professional "
           "judgement?"),
    one("co_3", FREQUENCY, "CO",
        da="Hvor ofte står du i klemme mellem forskellige parters forventninger (fx borgere, "
           "ledelse og politikere)?",
        sv="Hur ofta hamnar du i kläm mellan olika parters förväntningar (t.ex. brukare, "
           "ledning och politiker)?",
        en="How often are you caught between the expectations of different parties (e.g. "
           "citizens, management and politicians)?"),
    one("ql_1", EXTENT_DONT_KNOW, "QL", hint=_MANAGER_HINT,
        da="I hvor høj grad sørger din nærmeste leder for, at arbejdet er fordelt rimeligt?",
        sv="I vilken grad ser din närmaste chef till att arbetet är rimligt fördelat?",
        en="To what extent does your immediate manager make sure that work is shared out "
           "reasonably?"),
    one("ql_2", EXTENT_DONT_KNOW, "QL",
        da="I hvor høj grad griber din nærmeste leder ind, når der opstår problemer i gruppen?",
        sv="I vilken grad tar din närmaste chef tag i problem som uppstår i gruppen?",
        en="To what extent does your immediate manager step in when problems arise in the "
           "team?"),
    one("ql_3", EXTENT_DONT_KNOW, "QL",
        da="I hvor høj grad er din nærmeste leder til at få fat i, når du har brug for det?",
        sv="I vilken grad går din närmaste chef att nå när du behöver det?",
        en="To what extent can you reach your immediate manager when you need to?"),
    one("ql_4", EXTENT_DONT_KNOW, "QL",
        da="I hvor høj grad giver din nærmeste leder klar besked om retning og beslutninger?",
        sv="I vilken grad ger din närmaste chef tydliga besked om riktning och beslut?",
        en="To what extent does your immediate manager give clear messages about direction "
           "and decisions?"),
    one("ss_1", FREQUENCY, "SS", hint=_MANAGER_HINT,
        da="Hvor ofte kan du få hjælp fra din nærmeste leder til at prioritere, når du har for "
           "meget at lave?",
        sv="Hur ofta kan du få hjälp av din närmaste chef att prioritera när du har för mycket "
           "att göra?",
        en="How often can you get help from your immediate manager to set priorities when you "
           "have too much to do?"),
    one("ss_2", FREQUENCY, "SS",
        da="Hvor ofte taler din nærmeste leder med dig om, hvordan du har det med dit arbejde?",
        sv="Hur ofta pratar din närmaste chef med dig om hur du har det i arbetet?",
        en="How often does your immediate manager talk with you about how things are going "
           "for you at work?"),
    one("sc_1", FREQUENCY, "SC",
        da="Hvor ofte kan du få en hånd fra dine kolleger, når det brænder på?",
        sv="Hur ofta kan du få hjälp av dina kollegor när det är bråttom?",
        en="How often can you get a hand from your colleagues when things are urgent?"),
    one("sc_2", FREQUENCY, "SC",
        da="Hvor ofte kan du vende en svær sag eller situation med en kollega?",
        sv="Hur ofta kan du bolla ett svårt ärende eller en svår situation med en kollega?",
        en="How often can you talk a difficult case or situation through with a colleague?"),
    one("sw_1", EXTENT, "SW",
        da="I hvor høj grad er der en god tone og et godt sammenhold blandt kollegerne?",
        sv="I vilken grad finns det en god ton och god sammanhållning bland kollegorna?",
        en="To what extent is there a friendly tone and good team spirit among colleagues?"),
    one("sw_2", EXTENT, "SW",
        da="I hvor høj grad bliver nye kolleger taget godt imod og en del af holdet?",
        sv="I vilken grad blir nya kollegor väl mottagna och en del av gruppen?",
        en="To what extent are new colleagues made welcome and included in the team?"),
    one("sw_3", EXTENT, "SW",
        da="I hvor høj grad har I tid og lejlighed til at være sammen som kolleger, også ud "
           "over opgaverne?",
        sv="I vilken grad har ni tid och tillfälle att umgås som kollegor, även utöver "
           "arbetsuppgifterna?",
        en="To what extent do you have the time and occasion to connect as colleagues beyond "
           "the tasks themselves?"),
]

VALUE_ITEMS = [
    one("tm_1", EXTENT_DONT_KNOW, "TM",
        da="I hvor høj grad holder ledelsen, hvad den lover?",
        sv="I vilken grad håller ledningen vad den lovar?",
        en="To what extent does management keep its promises?"),
    one("tm_2", EXTENT_DONT_KNOW, "TM",
        da="I hvor høj grad kan medarbejderne sige deres ærlige mening til ledelsen uden at "
           "frygte konsekvenser?",
        sv="I vilken grad kan medarbetarna säga sin ärliga mening till ledningen utan att vara "
           "rädda för följderna?",
        en="To what extent can employees tell management what they honestly think without "
           "fearing the consequences?"),
    one("tm_3", EXTENT_DONT_KNOW, "TM",
        da="I hvor høj grad får medarbejderne frihed til selv at finde løsninger uden unødig "
           "kontrol?",
        sv="I vilken grad får medarbetarna frihet att själva hitta lösningar utan onödig "
           "kontroll?",
        en="To what extent are employees free to find their own solutions without needless "
           "checking up?"),
    one("ju_1", EXTENT_DONT_KNOW, "JU",
        da="I hvor høj grad går det fair til, når der skal fordeles opgaver, vagter eller ferie?",
        sv="I vilken grad går det rättvist till när uppgifter, arbetspass eller semester ska "
           "fördelas?",
        en="To what extent is it fair when tasks, shifts or holidays are shared out?"),
    one("ju_2", EXTENT_DONT_KNOW, "JU",
        da="I hvor høj grad bliver uenigheder taget op og talt igennem, så alle parter bliver "
           "hørt?",
        sv="I vilken grad tas oenigheter upp och pratas igenom så att alla parter blir hörda?",
        en="To what extent are disagreements brought up and talked through so that everyone "
           "is heard?"),
    one("ju_3", EXTENT_DONT_KNOW, "JU",
        da="I hvor høj grad kan du forstå begrundelsen for de beslutninger, der træffes om dit "
           "arbejde?",
        sv="I vilken grad förstår du skälen till de beslut som fattas om ditt arbete?",
        en="To what extent can you see the reasons behind decisions made about your work?"),
]

HEALTH_ITEMS = [
    one("js_1", EXTENT, "JS",
        da="Alt i alt, i hvor høj grad er du glad for dit job?",
        sv="Allt som allt, i vilken grad trivs du med ditt jobb?",
        en="All things considered, to what extent are you happy with your job?"),
    one("js_2", EXTENT, "JS",
        da="I hvor høj grad vil du anbefale en god ven at søge job på din arbejdsplads?",
        sv="I vilken grad skulle du rekommendera en god vän att söka jobb på din arbetsplats?",
        en="To what extent would you recommend a good friend to apply for a job at your "
           "workplace?"),
    one("js_3", EXTENT, "JS",
        da="I hvor høj grad regner du med stadig at arbejde her om to år?",
        sv="I vilken grad räknar du med att fortfarande arbeta här om två år?",
        en="To what extent do you expect to still be working here in two years?"),
    one("wf_1", FREQUENCY, "WF",
        da="Hvor ofte er du for træt efter arbejde til at overskue familie, venner eller fritid?",
        sv="Hur ofta är du för trött efter jobbet för att orka med familj, vänner eller fritid?",
        en="How often are you too tired after work to have energy for family, friends or "
           "leisure?"),
    one("wf_2", FREQUENCY, "WF",
        da="Hvor ofte tjekker du mails eller tænker på opgaver i din fritid, fordi du føler, "
           "at du skal?",
        sv="Hur ofta läser du jobbmejl eller tänker på arbetsuppgifter på fritiden för att du "
           "känner att du måste?",
        en="How often do you check work e-mail or think about tasks in your free time because "
           "you feel you have to?"),
    one("wf_3", FREQUENCY, "WF",
        da="Hvor ofte er det arbejdet, der bestemmer, hvornår du kan holde fri eller ferie?",
        sv="Hur ofta är det arbetet som avgör när du kan vara ledig eller ta semester?",
        en="How often is it work that decides when you can take time off or go on holiday?"),
    one("bo_1", FREQUENCY, "BO", hint=_FOUR_WEEKS_HINT,
        da="Hvor ofte har du følt dig helt drænet for energi?",
        sv="Hur ofta har du känt dig helt tömd på energi?",
        en="How often have you felt completely drained of energy?"),
    one("bo_2", FREQUENCY, "BO", hint=_FOUR_WEEKS_HINT,
        da="Hvor ofte er du vågnet og har følt dig træt, allerede før arbejdsdagen begyndte?",
        sv="Hur ofta har du vaknat och känt dig trött redan innan arbetsdagen började?",
        en="How often have you woken up already tired before the working day began?"),
    one("bo_3", FREQUENCY, "BO", hint=_FOUR_WEEKS_HINT,
        da="Hvor ofte har du haft svært ved at finde overskud til noget som helst?",
        sv="Hur ofta har du haft svårt att orka med någonting alls?",
        en="How often have you found it hard to find the energy for anything at all?"),
    one("st_1", FREQUENCY, "ST", hint=_FOUR_WEEKS_HINT,
        da="Hvor ofte har du haft svært ved at falde til ro, fordi tankerne kørte rundt?",
        sv="Hur ofta har du haft svårt att varva ner för att tankarna snurrade?",
        en="How often have you found it hard to settle down because your thoughts kept "
           "racing?"),
    one("st_2", FREQUENCY, "ST", hint=_FOUR_WEEKS_HINT,
        da="Hvor ofte har du haft svært ved at koncentrere dig eller huske ting?",
        sv="Hur ofta har du haft svårt att koncentrera dig eller komma ihåg saker?",
        en="How often have you had trouble concentrating or remembering things?"),
    one("st_3", FREQUENCY, "ST", hint=_FOUR_WEEKS_HINT,
        da="Hvor ofte har du følt dig presset på en måde, der ikke slap, når du havde fri?",
        sv="Hur ofta har du känt dig pressad på ett sätt som inte släppte när du var ledig?",
        en="How often have you felt under pressure in a way that did not ease off when you "
           "were off work?"),
]

COMMENT = text(
    "psykisk_kommentar",
    da="Har du kommentarer til dit arbejdsmiljø?",
    sv="Har du kommentarer om din arbetsmiljö?",
    en="Do you have any comments on your work environment?",
    hint=tr("Skriv ikke navne på andre.", "Skriv inte namn på andra personer.",
            "Please do not write other people's names."),
)


def build() -> Questionnaire:
    return assemble(
        TEMPLATE_ID,
        TITLE,
        [
            section(DEMANDS, SECTION_LABELS[DEMANDS], DEMAND_ITEMS),
            section(ORGANISATION, SECTION_LABELS[ORGANISATION], ORGANISATION_ITEMS),
            section(RELATIONS, SECTION_LABELS[RELATIONS], RELATION_ITEMS),
            section(VALUES, SECTION_LABELS[VALUES], VALUE_ITEMS),
            section(HEALTH, SECTION_LABELS[HEALTH], HEALTH_ITEMS),
            section("psykisk_slut", tr("Afslutning", "Avslutning", "Closing"), [COMMENT]),
        ],
        DIMENSIONS,
    )
