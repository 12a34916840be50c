"""Our XLSForm exports convert with ODK's reference converter (pyxform), with and without the
org-unit question for collecting in Kobo/ODK, and read back as the same questionnaire."""

from __future__ import annotations

from pathlib import Path

import pytest

from apv_desktop.core.model import OrgUnit
from apv_desktop.interchange.templates import list_templates, load_template
from apv_desktop.interchange.xlsform import read_xlsform, write_xlsform

pyxform = pytest.importorskip("pyxform.xls2xform")
UNITS = [OrgUnit("F", "Forvaltningen"), OrgUnit("T1", "Team 1", "F"), OrgUnit("T2", "Team 2", "F")]


@pytest.mark.parametrize("template", [info.id for info in list_templates()])
@pytest.mark.parametrize("for_collection", [False, True], ids=["plain", "for-collection"])
def test_every_template_export_converts_with_pyxform(template, for_collection, tmp_path) -> None:
    out = tmp_path / f"{template}.xlsx"
    questionnaire = load_template(template)
    write_xlsform(questionnaire, out, UNITS if for_collection else None)
    xml = pyxform.convert(xlsform=str(out)).xform
    assert "<h:title>" in xml
    assert ('<name>T2</name>' in xml) is for_collection
    assert ('nodeset="/data/unit"' in xml) is for_collection
    back = read_xlsform(Path(out))
    assert back.questionnaire == questionnaire
    assert any("enhedsspørgsmålet" in w for w in back.warnings) is for_collection
