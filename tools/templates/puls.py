"""Template `puls`: a short follow-up measure between two full APVs.

It reuses items of `psykisk` by name, wording and scale, and the same dimensions, so that a
pulse round compares with the last full round item by item.
"""

from __future__ import annotations

from apv_desktop.core.model import Questionnaire
from tools.templates import psykisk
from tools.templates.assemble import assemble
from tools.templates.common import section, text, tr

TEMPLATE_ID = "puls"
TITLE = tr("Kort opfølgningsmåling", "Kort uppföljningsmätning", "Short follow-up survey")
DESCRIPTION = tr(
    "To spørgsmål fra den fulde APV om hvert af emnerne arbejdspres, arbejdstempo, "
    "indflydelse, anerkendelse, ledelse, støtte, trivsel, udbrændthed og stress, til at følge "
    "op på handlingsplanen.",
    "Två frågor från den fullständiga kartläggningen om vart och ett av ämnena "
    "arbetsbelastning, arbetstempo, inflytande, erkänsla, ledarskap, stöd, trivsel, "
    "utbrändhet och stress, för att följa upp handlingsplanen.",
    "Two questions from the full assessment on each of workload, work pace, influence, "
    "recognition, leadership, support, well-being, burnout and stress, to follow up on the "
    "action plan.",
)

# Per psykisk section: the items the pulse keeps, two per dimension (a score from one item
# alone moves with one person's reading of one sentence; the builder warns about it).
PICKED: dict[str, list[str]] = {
    psykisk.DEMANDS: ["qd_1", "qd_2", "wp_1", "wp_2"],
    psykisk.ORGANISATION: ["in_1", "in_2"],
    psykisk.RELATIONS: ["re_1", "re_2", "ql_1", "ql_3", "ss_1", "ss_2"],
    psykisk.HEALTH: ["js_1", "js_2", "bo_1", "bo_2", "st_1", "st_2"],
}

COMMENT = text(
    "puls_kommentar",
    da="Er der noget, du vil fortælle om, hvordan det går siden sidste måling?",
    sv="Är det något du vill berätta om hur det har gått sedan förra mätningen?",
    en="Is there anything you would like to say about how things have gone since the last "
       "survey?",
    hint=tr("Skriv ikke navne på andre.", "Skriv inte namn på andra personer.",
            "Please do not write other people's names."),
)


def build() -> Questionnaire:
    full = psykisk.build()
    by_name = {item.name: item for item in full.items()}
    sections = []
    for full_section in full.sections:
        items = [by_name[name] for name in PICKED.get(full_section.name, [])]
        if items:
            sections.append(section(full_section.name, full_section.labels, items))
    sections.append(section("puls_slut", tr("Afslutning", "Avslutning", "Closing"), [COMMENT]))
    used = {item.dimension for s in sections for item in s.items if item.dimension}
    dimensions = [d for d in full.dimensions if d.code in used]
    return assemble(TEMPLATE_ID, TITLE, sections, dimensions)
