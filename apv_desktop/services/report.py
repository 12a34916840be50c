"""The Excel report for management: the one function the CLI and the GUI call.

It opens its own Project, so the GUI can run it on a worker thread (SQLite connections stay on
the thread that made them). Anonymity is the results' own: the report lays out `results_of`
and the core's suppressed distributions and comments, and computes no figure of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from apv_desktop.core.answers import RoundAnswers
from apv_desktop.core.distribution import item_distributions
from apv_desktop.core.model import DEFAULT_LANGUAGE, LANGUAGES
from apv_desktop.core.progress import Progress, no_progress, scaled
from apv_desktop.errors import RefusedError
from apv_desktop.i18n import translator
from apv_desktop.interchange.atomic import atomic_output, save_workbook
from apv_desktop.reports.gc_pause import fewer_collections
from apv_desktop.services.compute import results_of, round_answers
from apv_desktop.services.projects import opened
from apv_desktop.services.results_view import previous_round_trends
from apv_desktop.store.project import Project

if TYPE_CHECKING:
    from apv_desktop.reports.data import ReportData

REPORT_SUFFIX = ".xlsx"


@fewer_collections()  # a big report is 100,000 objects the collector need not rescan
def write_report(
    project_path: Path,
    out: Path,
    round_name: str | None = None,
    language: str = DEFAULT_LANGUAGE,
    charts_dir: Path | None = None,
    progress: Progress | None = None,
    inspect: Callable[[ReportData], None] | None = None,
) -> Path:
    """Write the report of `round_name` (the latest when None) to `out`; returns `out`.
    `inspect` sees the report's data before the workbook is built (the CLI warns from it).

    The workbook is written to a temporary file and renamed into place. With `charts_dir`, PNG
    charts go into that folder too. `progress` may raise Cancelled to stop; nothing is left
    half-written then."""
    from apv_desktop.reports.workbook import build_workbook  # openpyxl only when needed

    report = progress or no_progress
    out = Path(out)
    if language not in LANGUAGES:
        raise RefusedError(
            "Rapportsproget {language!r} er ukendt; vælg et af {value}.",
            language=language, value=', '.join(LANGUAGES)
        )
    if out.suffix.lower() != REPORT_SUFFIX:  # the board pack or the department texts
        from apv_desktop.services.report_outputs import write_other_format

        return write_other_format(project_path, out, round_name, language, progress)
    tr = translator(language)
    report(0.0, tr("Beregner resultater …"))
    with opened(Path(project_path)) as project:
        data = _gather(project, round_name, language, scaled(report, 0.0, 0.3))
    if inspect is not None:
        inspect(data)
    workbook = build_workbook(data, progress=scaled(report, 0.3, 0.85))
    report(0.85, tr("Gemmer projektmappen …"))
    with atomic_output(out) as temporary:
        save_workbook(workbook, temporary)
    del workbook
    if charts_dir is not None:
        from apv_desktop.reports.charts import write_charts

        report(0.9, tr("Tegner diagrammer …"))
        write_charts(data, Path(charts_dir), scaled(report, 0.9, 1.0))
    report(1.0, tr("Rapporten er gemt."))
    return out


def _gather(
    project: Project, round_name: str | None, language: str, progress: Progress
) -> ReportData:
    """Everything the sheets show, read from the project in one go."""
    from apv_desktop.reports.data import ReportData

    info = project.round(round_name)
    answers = round_answers(project, info.name)  # read once: the results and the sheets share it
    results = results_of(project, info.name, language=language, progress=scaled(progress, 0, 0.6),
                         answers=answers)
    questionnaire, units, responses = answers.questionnaire, answers.units, answers.responses
    progress(0.7, "")
    distributions = item_distributions(questionnaire, units, responses, results.disclosure)
    progress(0.9, "")
    previous_round, trends = previous_round_trends(
        project, results, RoundAnswers(info.name, questionnaire, responses), language)
    return ReportData(
        results=results,
        questionnaire=questionnaire,
        org_units=units,
        responses=responses,
        distributions=distributions,
        indicators=project.indicators(),
        actions=project.actions(info.name),
        assessments=project.assessments(info.name),
        language=language,
        tr=translator(language),
        report_date=date.today(),
        round_created=info.created,
        collected=project.response_days(info.name),
        department_texts=project.department_texts(info.name),
        previous_round=previous_round,
        trends=trends,
    )


def report_data(project_path: Path, round_name: str | None = None,
                language: str = DEFAULT_LANGUAGE, progress: Progress | None = None) -> ReportData:
    """What every report output lays out (workbook, board pack, department files), read from
    the project file in one go."""
    with opened(Path(project_path)) as project:
        return _gather(project, round_name, language, progress or no_progress)
