"""One department's view of a report: only its own units (the department and everything under
it), with the organisation kept as the line to compare with, for the department's own MED
meeting (`apv-desktop report --per-department`).

Anonymity is the release's, not recomputed: the view keeps the full report's results, with
their suppression, and only leaves units out. Every figure a department file shows is therefore
one the full report shows too, so no file (nor any set of files, nor a file beside the full
report) lets a reader subtract anything the release hides. A department whose own scores are
hidden still gets its file, which then says so."""

from __future__ import annotations

from dataclasses import replace

from apv_desktop.core.department_report import department_units
from apv_desktop.core.results import Results, UnitResult
from apv_desktop.reports.data import ReportData


def departments_of(data: ReportData) -> list[UnitResult]:
    """The departments that each get a file: the same ones that get a department block."""
    return department_units(data.results)


def subtree(data: ReportData, code: str) -> list[str]:
    """The unit and every unit under it, in the tree's order."""
    members = [code]
    for unit in data.units:  # parents come before children
        if unit.parent in members and unit.code not in members:
            members.append(unit.code)
    return members


def department_view(data: ReportData, code: str) -> ReportData:
    """The report restricted to department `code`'s units (and the organisation to compare)."""
    results = data.results
    members = set(subtree(data, code))
    top = data.organisation.code
    department = data.unit(code)
    lift = department.depth - 1  # the department becomes a unit right under the organisation
    # under a virtual organisation (several top units) a top unit has no parent
    org_parent = top if any(u.code == top for u in results.units) else None
    units = [u if u.code == top else replace(
                 u, parent=org_parent if u.code == code else u.parent, depth=u.depth - lift)
             for u in results.units if u.code in members or u.code == top]
    kept = members | {top}
    view_results = Results(
        round=results.round, rules=results.rules, organisation_name=results.organisation_name,
        units=units, dimensions=results.dimensions,
        scores=[s for s in results.scores if s.unit in kept],
        organisation=results.organisation, disclosure=results.disclosure)
    return replace(
        data,
        results=view_results,
        distributions={k: v for k, v in data.distributions.items() if k[0] in kept},
        indicators=[i for i in data.indicators if i.unit in members],
        actions=[a for a in data.actions if a.unit in members],
        assessments={k: v for k, v in data.assessments.items() if k in members},
        department_texts={k: v for k, v in data.department_texts.items() if k in members},
        trends={k: v for k, v in data.trends.items() if k[0] in kept},
        _comments={},
    )

