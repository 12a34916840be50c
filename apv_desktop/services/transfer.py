"""Files in and out of a project: questionnaire, org units, responses."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from apv_desktop.core.progress import Progress, no_progress
from apv_desktop.errors import RefusedError
from apv_desktop.interchange.responsefile import ResponseImport, read_responses
from apv_desktop.services.projects import opened


def import_form(project_path: Path, form_path: Path, progress: Progress = no_progress
                ) -> list[str]:
    """Reads the XLSForm first (nothing changes on a bad form), then stores it. Returns warnings.

    A questionnaire with responses is frozen: the import becomes a new version."""
    from apv_desktop.interchange.xlsform import read_xlsform  # off the other commands' start

    result = read_xlsform(form_path, progress)
    with opened(project_path) as project:
        project.save_questionnaire(result.questionnaire)
    return result.warnings


def export_form(project_path: Path, out_path: Path, for_collection: bool = False) -> None:
    """The questionnaire as XLSForm; `for_collection` adds the org-unit question (Kobo, ODK)."""
    from apv_desktop.interchange.xlsform import write_xlsform

    with opened(project_path) as project:
        questionnaire = project.questionnaire()
        units = project.org_units()
    if questionnaire is None:
        raise RefusedError("{project_path} har endnu intet spørgeskema; importér et først.",
                           project_path=project_path)
    if for_collection and not units:
        raise RefusedError(
            "{project_path} har endnu ingen enheder; importér dem først (import-org), så skemaet "
            "kan spørge om enheden.", project_path=project_path
        )
    write_xlsform(questionnaire, out_path, units if for_collection else None)


@dataclass
class ResponseImportSummary:
    round: str
    stored: int
    dry_run: bool
    warnings: list[str] = field(default_factory=list)
    detail: ResponseImport | None = None


def import_responses(
    project_path: Path,
    file_path: Path,
    round_name: str | None = None,
    *,
    dry_run: bool = False,
    mapping: dict[str, str] | None = None,
    partial: bool = False,
    progress: Progress = no_progress,
) -> ResponseImportSummary:
    """All or nothing: every row is checked before anything is stored.

    Without a round name the latest round is used; a new name creates the round. A file that
    covers fewer than all scored questions or drops empty rows is refused (RefusedError, the
    headline first) unless `partial` says the user has seen that and wants it anyway."""
    with opened(project_path) as project:
        if round_name is None:
            if not project.rounds():
                raise RefusedError(
                    "{project_path} har endnu ingen undersøgelsesrunde; giv den nye runde et navn "
                    "(fx 2025; på kommandolinjen med --round).", project_path=project_path
                )
            round_name = project.round().name
        known = {r.name: r for r in project.rounds()}
        version = known[round_name].questionnaire_version_id if round_name in known else None
        questionnaire = project.questionnaire(version)
        if questionnaire is None:
            raise RefusedError("{project_path} har endnu intet spørgeskema; importér et først.",
                               project_path=project_path)
        units = project.org_units()
        if not units:
            raise RefusedError("{project_path} har endnu ingen enheder; importér dem først.",
                               project_path=project_path)
        parsed = read_responses(file_path, questionnaire, units, mapping, progress)
        if parsed.partial and not partial:
            raise RefusedError(
                "{value}; intet importeret: knyt de manglende kolonner (--map FIL), eller kør "
                "igen med --partial for at importere filen, som den er.", value=parsed.headline()
            )
        summary = ResponseImportSummary(round_name, 0, dry_run, parsed.warnings, parsed)
        if dry_run:
            summary.stored = parsed.responses.size
            return summary
        project.ensure_round(round_name, version)
        summary.stored = len(project.add_responses(round_name, parsed.responses, "import"))
        return summary
