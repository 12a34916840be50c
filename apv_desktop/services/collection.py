"""Collecting answers without a server: one sheet at a time (kiosk, paper) and merging the
project files of several laptops. The CLI and the GUI call these same functions.

A sheet is a dict from item name to its answer text: a choice name for select_one, choice
names separated by spaces for select_multiple, the number's text, or the free text; '' or a
missing name means not answered. Questions hidden by their `relevant` condition are not stored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from apv_desktop.core.answers import MISSING, ResponseSet, encode_value
from apv_desktop.core.model import ItemType, Questionnaire
from apv_desktop.core.progress import Progress
from apv_desktop.core.relevance import is_relevant
from apv_desktop.errors import RefusedError
from apv_desktop.i18n import tr
from apv_desktop.services.merge_sources import opened_source, private_copy, read_every_sheet
from apv_desktop.services.projects import opened
from apv_desktop.store.project import Project
from apv_desktop.store.project_rounds import refuse_closed
from apv_desktop.tempfiles import private_folder

MERGE_SOURCE = "merge"


# ------------------------------------------------------------------------------ one sheet


def relevant_answers(questionnaire: Questionnaire, answers: Mapping[str, str]) -> dict[str, str]:
    """The answers of the questions that are shown, given the answers (hidden ones dropped)."""
    kept: dict[str, str] = {}
    for section in questionnaire.sections:
        if not is_relevant(section.relevant, answers):
            continue
        for item in section.items:
            text = (answers.get(item.name) or "").strip()
            if item.answerable and text and is_relevant(item.relevant, answers):
                kept[item.name] = text
    return kept


def missing_required(questionnaire: Questionnaire, answers: Mapping[str, str]) -> list[str]:
    """Names of required questions that are shown but not answered."""
    missing = []
    for section in questionnaire.sections:
        if not is_relevant(section.relevant, answers):
            continue
        for item in section.items:
            if (item.required and item.answerable and not (answers.get(item.name) or "").strip()
                    and is_relevant(item.relevant, answers)):
                missing.append(item.name)
    return missing


def sheet_to_responses(
    questionnaire: Questionnaire, unit_code: str, answers: Mapping[str, str]
) -> ResponseSet:
    """One answer sheet as a ResponseSet of one row; RefusedError when an answer is invalid."""
    unknown = sorted(name for name in answers if questionnaire.item(name) is None)
    if unknown:
        raise RefusedError("Svararket nævner spørgsmål, som ikke stilles: {unknown}.",
                           unknown=unknown[0])
    shown = relevant_answers(questionnaire, answers)
    if not shown:
        raise RefusedError("Svararket er tomt; intet blev gemt.")
    missing = missing_required(questionnaire, answers)
    if missing:
        raise RefusedError("Det obligatoriske spørgsmål {missing} er ikke besvaret.",
                           missing=missing[0])
    items = questionnaire.answerable_items()
    values = np.full((1, len(items)), MISSING, dtype=np.float64)
    texts: dict[str, list[tuple[int, str]]] = {}
    for column, item in enumerate(items):
        text = shown.get(item.name, "")
        if not text:
            continue
        if item.type is ItemType.TEXT:
            texts[item.name] = [(0, text)]
            continue
        try:
            values[0, column] = encode_value(item, questionnaire.choices_for(item), text)
        except ValueError as error:
            raise RefusedError("Svaret på {name} er ugyldigt: {error}.",
                               name=item.name, error=error) from None
    return ResponseSet([item.name for item in items], [unit_code], values, texts)


def submit_sheet(
    project: Project,
    round_name: str,
    questionnaire: Questionnaire,
    unit_code: str,
    answers: Mapping[str, str],
    source: str = "kiosk",
) -> str:
    """Store one answer sheet durably in one transaction; returns its random id.

    The store gives it a random key, a shuffled place and today's date (no time of day)."""
    sheet = sheet_to_responses(questionnaire, unit_code, answers)
    return project.add_responses(round_name, sheet, source)[0]


def round_questionnaire(project: Project, round_name: str) -> Questionnaire:
    """The questionnaire a round's answers follow."""
    info = project.round(round_name)
    questionnaire = project.questionnaire(info.questionnaire_version_id)
    if questionnaire is None:
        raise RefusedError("Runden {round_name} har intet spørgeskema; importér et spørgeskema "
                           "først.", round_name=round_name)
    return questionnaire


def prepare_round(project: Project, round_name: str) -> Questionnaire:
    """The round (created with the latest questionnaire when new) and its questionnaire."""
    round_name = round_name.strip()
    if not round_name:
        raise RefusedError("Runden skal have et navn, fx 2025.")
    if project.questionnaire() is None:
        raise RefusedError("{path} har endnu intet spørgeskema; importér et først.",
                           path=project.path)
    if not project.org_units():
        raise RefusedError("{path} har endnu ingen enheder; tilføj dem først.", path=project.path)
    if round_name not in {info.name for info in project.rounds()}:
        project.ensure_round(round_name)
    refuse_closed(project.round(round_name))  # before the kiosk or the paper form opens
    return round_questionnaire(project, round_name)


# ------------------------------------------------------------------------------ merging


@dataclass
class SourceReport:
    path: Path
    added: int = 0
    skipped: int = 0  # the same sheet is already in the project
    conflicts: list[str] = field(default_factory=list)  # ids present with other answers


@dataclass
class MergeReport:
    sources: list[SourceReport] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(s.added for s in self.sources)

    @property
    def skipped(self) -> int:
        return sum(s.skipped for s in self.sources)

    @property
    def conflicts(self) -> int:
        return sum(len(s.conflicts) for s in self.sources)

    def lines(self) -> list[str]:
        """Each source's count in the current language, one a line (the CLI prints them)."""
        return [tr("{path}: {added} tilføjet, {skipped} fandtes allerede, {conflicts} i konflikt",
                   path=s.path, added=s.added, skipped=s.skipped, conflicts=len(s.conflicts))
                for s in self.sources]


@dataclass
class _Sheet:
    round: str
    unit: str
    day: date
    values: np.ndarray
    texts: dict[str, str]

    def same_as(self, other: _Sheet) -> bool:
        return (self.round == other.round and self.unit == other.unit and self.day == other.day
                and self.texts == other.texts
                and bool(np.array_equal(self.values, other.values, equal_nan=True)))


def _texts_by_row(responses: ResponseSet, rows: int) -> list[dict[str, str]]:
    """Each sheet's free-text answers by item name (the set keeps them per item)."""
    texts: list[dict[str, str]] = [{} for _ in range(rows)]
    for name, entries in responses.texts.items():
        for row, text in entries:
            texts[row][name] = text
    return texts


def _sheets(project: Project) -> dict[str, _Sheet]:
    """Every sheet of every round, by uuid."""
    sheets: dict[str, _Sheet] = {}
    for info in project.rounds():
        responses = project.responses(info.name)
        meta = project.response_meta(info.name)
        texts_by_row = _texts_by_row(responses, len(meta))
        for row, record in enumerate(meta):
            sheets[record.uuid] = _Sheet(info.name, record.unit, record.date,
                                         responses.values[row], texts_by_row[row])
    return sheets


def _check_compatible(target: Project, source: Project, source_path: Path) -> None:
    """RefusedError unless every round of `source` fits `target` (questionnaire and units)."""
    target_codes = {unit.code for unit in target.org_units()}
    source_codes = {unit.code for unit in source.org_units()}
    if source_codes != target_codes:
        only_source = sorted(source_codes - target_codes)
        only_target = sorted(target_codes - source_codes)
        detail = (tr("enhederne {value} er ikke i projektet", value=', '.join(only_source[:5]))
                  if only_source
                  else tr("projektets enheder {value} er ikke i den",
                          value=', '.join(only_target[:5])))
        raise RefusedError(
            "{source_path} har en anden organisation ({detail}); intet blev flettet ind.",
            source_path=source_path, detail=detail
        )
    target_rounds = {info.name: info for info in target.rounds()}
    for info in source.rounds():
        if info.response_count == 0:
            continue
        theirs = source.questionnaire(info.questionnaire_version_id)
        ours_closed = info.name in target_rounds and target_rounds[info.name].closed
        if ours_closed and _new_sheet_ids(target, source, info.name):
            refuse_closed(target_rounds[info.name])  # before anything is stored
        if info.name in target_rounds:
            ours = target.questionnaire(target_rounds[info.name].questionnaire_version_id)
            if ours != theirs:
                raise RefusedError(
                    "Runden {name} i {source_path} bruger en anden spørgeskemaversion end "
                    "projektets runde med samme navn; intet blev flettet ind.",
                    name=info.name, source_path=source_path
                )
        elif _matching_version(target, theirs) is None:
            raise RefusedError(
                "Runden {name} i {source_path} bruger et spørgeskema, som projektet ikke har; "
                "intet blev flettet ind.", name=info.name, source_path=source_path
            )


def _new_sheet_ids(target: Project, source: Project, round_name: str) -> set[str]:
    have = {meta.uuid for meta in target.response_meta(round_name)}
    return {meta.uuid for meta in source.response_meta(round_name)} - have


def _matching_version(project: Project, questionnaire: Questionnaire | None) -> int | None:
    for version in reversed(project.questionnaire_versions()):
        if project.questionnaire(version.id) == questionnaire:
            return version.id
    return None


def merge_projects(
    target_path: Path, source_paths: Sequence[Path], progress: Progress | None = None
) -> MergeReport:
    """Add every sheet of the sources that the target lacks; the same sheet twice is skipped,
    an id with other answers is a conflict (reported, not merged). Merging twice adds nothing.

    Every source is checked before anything is stored: a source with another questionnaire
    or organisation refuses the whole merge and leaves the target unchanged."""
    target_path = Path(target_path)
    sources = [Path(path) for path in source_paths]
    if not sources:
        raise RefusedError("Angiv mindst én projektfil, der skal flettes ind.")
    for path in sources:
        if not path.is_file():
            raise RefusedError("Projektfilen {path} findes ikke.", path=path)
        if path.resolve() == target_path.resolve():
            raise RefusedError("{path} er selve projektet; vælg en anden fil at flette ind.",
                               path=path)
    report = MergeReport()
    with private_folder("apv-merge-") as folder:
        copies = [private_copy(path, Path(folder) / f"source-{n}.apv")
                  for n, path in enumerate(sources)]
        with opened(target_path) as target:
            for path, copy in zip(sources, copies, strict=True):
                with opened_source(path, copy) as source:
                    _check_compatible(target, source, path)
                    read_every_sheet(source)
            for number, (path, copy) in enumerate(zip(sources, copies, strict=True)):
                if progress is not None:
                    progress(number / len(sources), str(path.name))
                with opened_source(path, copy) as source:
                    report.sources.append(_merge_one(target, source, path))
    if progress is not None:
        progress(1.0, "")
    return report


def _merge_one(target: Project, source: Project, path: Path) -> SourceReport:
    result = SourceReport(path)
    known = _sheets(target)
    target_rounds = {info.name for info in target.rounds()}
    for info in source.rounds():
        if info.response_count == 0:
            continue
        responses = source.responses(info.name)
        meta = source.response_meta(info.name)
        texts_by_row = _texts_by_row(responses, len(meta))
        new_rows: list[int] = []
        for row, record in enumerate(meta):
            sheet = _Sheet(info.name, record.unit, record.date, responses.values[row],
                           texts_by_row[row])
            existing = known.get(record.uuid)
            if existing is None:
                new_rows.append(row)
            elif existing.same_as(sheet):
                result.skipped += 1
            else:
                result.conflicts.append(record.uuid)
        if not new_rows:
            continue
        if info.name not in target_rounds:
            version = _matching_version(target, source.questionnaire(
                info.questionnaire_version_id))
            target.ensure_round(info.name, version)
            target_rounds.add(info.name)
        target.add_responses(
            info.name,
            _rows(responses, new_rows),
            MERGE_SOURCE,
            uuids=[meta[row].uuid for row in new_rows],
            dates=[meta[row].date for row in new_rows],
        )
        result.added += len(new_rows)
    return result


def _rows(responses: ResponseSet, rows: list[int]) -> ResponseSet:
    position = {old: new for new, old in enumerate(rows)}
    texts = {
        name: [(position[row], text) for row, text in entries if row in position]
        for name, entries in responses.texts.items()
    }
    return ResponseSet(
        list(responses.item_names),
        [responses.unit_codes[row] for row in rows],
        np.ascontiguousarray(responses.values[rows]),
        {name: entries for name, entries in texts.items() if entries},
    )
