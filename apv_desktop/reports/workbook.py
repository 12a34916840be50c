"""The report workbook: which sheets, in which order, under which names. Each sheet's layout
lives in its own module; this one only orders them and reports progress.

Order: the overview with its table of contents, then the sheets a committee works from
(heatmap, pressure points, offensive behaviour, sick leave, action plan), then one sheet per
shown department and team. There is no sheet of raw answers: rows next to the report's breakdowns
could be matched to a team and read as one person's whole answer sheet (issue 13)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from apv_desktop.core.progress import Progress, no_progress
from apv_desktop.reports.actionplan import write_action_plan
from apv_desktop.reports.background import background_sheets
from apv_desktop.reports.data import ReportData
from apv_desktop.reports.department import write_department_sheet
from apv_desktop.reports.heatmap import write_heatmap
from apv_desktop.reports.offensive import write_offensive
from apv_desktop.reports.overview import write_overview
from apv_desktop.reports.pressure import write_pressure_points
from apv_desktop.reports.sheetnames import SheetNames
from apv_desktop.reports.sickleave import write_sick_leave, write_sick_leave_answers
from apv_desktop.reports.unitsheet import write_unit_sheet

SheetWriter = Callable[[Worksheet], None]


def build_workbook(
    data: ReportData, *, progress: Progress | None = None
) -> Workbook:
    report = progress or no_progress
    tr = data.tr
    names = SheetNames()
    # Names are handed out first, fixed sheets before units, so a unit called "Heatmap"
    # becomes "Heatmap (2)" and never takes the name of a fixed sheet.
    overview = names.allocate(tr("Forside"))
    planned: list[tuple[str, str, SheetWriter]] = [
        (names.allocate(tr("Heatmap")), tr("Alle enheder og dimensioner med trafiklys"),
         lambda ws: write_heatmap(ws, data)),
        (names.allocate(tr("Pressionspunkter")), tr("Pressionspunkter og gode erfaringer"),
         lambda ws: write_pressure_points(ws, data)),
        (names.allocate(tr("Krænkende handlinger")), tr("Kun samlede tal"),
         lambda ws: write_offensive(ws, data)),
        (names.allocate(tr("Sygefravær")), tr("Sygefravær, nøgletal og udvalgets vurdering"),
         lambda ws: write_sick_leave(ws, data)),
        (names.allocate(tr("Sygefravær, svar")), tr("Svarene på spørgsmålene om sygefravær"),
         lambda ws: write_sick_leave_answers(ws, data)),
        (names.allocate(tr("Handlingsplan")), tr("Til at udfylde og aflevere"),
         lambda ws: write_action_plan(ws, data)),
        (names.allocate(tr("Afdelingsrapporter")), tr("Tekst pr. afdeling til OMU"),
         lambda ws: write_department_sheet(ws, data)),
    ]
    planned += background_sheets(data, names)
    for unit in data.reportable_units:
        name = names.allocate(unit.name, fallback=unit.code)
        planned.append((name, data.display_name(unit.code),
                        partial(write_unit_sheet, data=data, unit=unit)))

    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first.title = overview
    write_overview(first, data, [(name, description) for name, description, _ in planned])
    report(1 / (len(planned) + 1), tr("Forside"))
    for done, (name, _, write) in enumerate(planned, start=2):
        write(workbook.create_sheet(name))
        report(done / (len(planned) + 1), name)
    return workbook
