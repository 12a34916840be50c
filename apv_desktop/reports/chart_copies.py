"""Charts that differ only in their sheet and title, drawn once per workbook and copied.

Every unit's sheet has the same bar chart over its own cells; openpyxl takes a millisecond and
more to build and serialise each of 150 (issue 18). The model is drawn once on a placeholder
sheet under a placeholder title; each copy is the model's XML with the two put in, which is the
chart openpyxl would have written (tests/unit/test_sheet_rows.py compares the files).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any
from xml.etree.ElementTree import Element

from openpyxl import LXML
from openpyxl.chart._chart import ChartBase
from openpyxl.chart.reference import DummyWorksheet
from openpyxl.utils import quote_sheetname
from openpyxl.xml.constants import CHART_NS
from openpyxl.xml.functions import fromstring, tostring

# Drawn by this function: (the sheet its references name, the title) -> the chart.
Draw = Callable[[DummyWorksheet, str], ChartBase]

_SHEET = "APV-model-sheet"
_TITLE = "APV-model-title"


class ChartCopy(ChartBase):
    """A chart given as its finished XML, placed and sized like any other."""

    def __init__(self, xml: bytes) -> None:
        super().__init__()
        self.xml = xml

    def _write(self) -> Element:
        """The tree openpyxl's ChartBase._write makes: chart elements in the default namespace
        (a parsed tree names it on every element, and would be written with a prefix)."""
        tree = fromstring(self.xml)
        prefix = f"{{{CHART_NS}}}"
        for element in tree.iter():
            if element.tag.startswith(prefix):
                element.tag = element.tag[len(prefix):]
        tree.set("xmlns", CHART_NS)
        return tree


def copied(models: dict[Hashable, Any], key: Hashable, draw: Draw, sheet: str, title: str
           ) -> ChartBase:
    """The chart `draw` makes for `sheet` and `title`, copied from the model of `key` (drawn
    on the first call with that key; `models` holds them for one workbook)."""
    # openpyxl makes a paragraph per line of a title; with lxml (not a dependency, but used when
    # installed) its trees are not the standard library's, and copies are not tested there.
    if "\n" in title or LXML:
        return draw(DummyWorksheet(sheet), title)
    if key not in models:
        model = draw(DummyWorksheet(_SHEET), _TITLE)
        # As ExcelWriter does; its stubs know no ChartBase._write, and call the bytes str.
        xml: bytes = tostring(model._write())  # type: ignore[attr-defined, assignment]
        # Copied only when every mention of the placeholders is one the copies replace.
        sheet_refs = xml.count(_text(quote_sheetname(_SHEET)))
        fits = xml.count(_text(_TITLE)) == 1 and sheet_refs == xml.count(_text(_SHEET)) > 0
        models[key] = (xml, model.width, model.height) if fits else None
    model_xml = models[key]
    if model_xml is None:
        return draw(DummyWorksheet(sheet), title)
    xml, width, height = model_xml
    chart = ChartCopy(xml.replace(_text(quote_sheetname(_SHEET)), _text(quote_sheetname(sheet)))
                      .replace(_text(_TITLE), _text(title)))
    chart.width, chart.height = width, height
    return chart


def _text(text: str) -> bytes:
    """`text` as character data in openpyxl's UTF-8 XML."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8")
