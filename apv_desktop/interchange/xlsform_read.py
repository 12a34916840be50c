"""Read an XLSForm questionnaire (design.md, "File formats in / Questionnaire: XLSForm").

Languages: `label::Dansk (da)` -> da (a code in parentheses wins), `label:English` -> en, other
names become a lowercase slug. A plain `label`/`hint` is in the settings' default_language, or
Danish when none is given. The questionnaire's default language is the settings' one; without
it Danish, unless the form has no plain label and no Danish column, in which case the first
language column seen is the default (an English-only form stays English). `languages` lists every
language that has a column anywhere, the default first.

Usable-but-odd content produces warnings (naming the sheet and row); a form that cannot be used
as it stands is refused with an InputError whose message names file, sheet, row and column, and
whose `problems` list every such cell.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path

from apv_desktop.core.model import (
    ChoiceList,
    Dimension,
    ItemType,
    Questionnaire,
    pick_label,
)
from apv_desktop.core.progress import Progress, no_progress
from apv_desktop.errors import InputError
from apv_desktop.i18n import tr, trn
from apv_desktop.interchange.xlsform_checks import refuse_duplicate_columns, warn_dropped_columns
from apv_desktop.interchange.xlsform_context import ReadContext
from apv_desktop.interchange.xlsform_sheets import KNOWN_SHEETS, Workbook, load_workbook
from apv_desktop.interchange.xlsform_sheets_other import (
    read_choices,
    read_dimensions,
    read_settings,
)
from apv_desktop.interchange.xlsform_survey import SurveyResult, read_survey
from apv_desktop.interchange.xlsform_write import UNIT_LIST

# Answers to select_multiple are stored as a bit mask in a float64, exact up to 2**53.
MAX_MULTIPLE_CHOICES = 53
_LANGUAGE_BASES = ("label", "hint", "form_title", "apv_title")


@dataclass
class XlsFormResult:
    questionnaire: Questionnaire
    warnings: list[str] = field(default_factory=list)


def read_xlsform(path: Path, progress: Progress = no_progress) -> XlsFormResult:
    """The questionnaire in the XLSForm at `path`, and warnings about what was skipped or assumed.

    Raises InputError (one sentence naming file, sheet, row and column) for a file that is not a
    usable .xlsx/.xlsm XLSForm.
    """
    path = Path(path)
    with warnings.catch_warnings():
        # openpyxl warns about workbook features it drops (data validation, extensions): not
        # the user's concern, and never to reach a terminal.
        warnings.simplefilter("ignore")
        workbook = load_workbook(path, progress)
    survey = workbook.sheets.get("survey")
    if survey is None:
        found = ", ".join(f"'{sheet.title}'" for sheet in workbook.sheets.values())
        raise InputError(
            "{name} har intet »survey«-ark, så det er ikke en XLSForm (dens ark: {found}).",
            name=path.name, found=found
        )
    settings = read_settings(workbook.sheets.get("settings"))
    languages, default_language = _languages(workbook, settings.default_language)
    context = ReadContext(path.name, default_language, warnings=list(workbook.warnings))
    refuse_duplicate_columns(workbook, context)
    warn_dropped_columns(workbook, context)

    survey_result = read_survey(survey, context)
    choice_lists = read_choices(workbook.sheets.get("choices"), context)
    if not any(item.list_name == UNIT_LIST for item, _ in survey_result.list_uses):
        choice_lists.pop(UNIT_LIST, None)  # the units of a form exported for collecting
    dimensions = read_dimensions(workbook.sheets.get("dimensions"), context)
    _check_lists(workbook, survey_result, choice_lists, context)
    _add_missing_dimensions(workbook, survey_result, dimensions, context)
    context.raise_problems()

    questionnaire = Questionnaire(
        title=settings.title or pick_label(settings.title_labels, default_language, path.stem),
        form_id=settings.form_id,
        version=settings.version,
        languages=languages,
        default_language=default_language,
        sections=survey_result.sections,
        choice_lists=choice_lists,
        dimensions=dimensions,
        title_labels=settings.title_labels,
    )
    if survey_result.repeats:
        repeats = survey_result.repeats
        if not questionnaire.answerable_items():
            where = tr("alle spørgsmål ligger inde i {repeat}", repeat=repeats[0])
        elif len(repeats) == 1:
            where = tr("den har {repeat}", repeat=repeats[0])
        else:
            where = trn("den har {repeat} og {n} gentagelse mere",
                        "den har {repeat} og {n} gentagelser mere", len(repeats) - 1,
                        repeat=repeats[0])
        raise context.refuse(
            survey, None,
            tr("{where}; APV Desktop stiller hvert spørgsmål én gang pr. besvarer, så gentagelser "
               "og løkker kan ikke bruges: flyt spørgsmålene ud af den (en gruppe holder dem "
               "samlet), eller slet den.", where=where),
        )
    if not questionnaire.answerable_items():
        raise context.refuse(
            survey, None,
            tr("der er intet spørgsmål, APV Desktop kan bruge (hver række er tom, en note eller "
               "en type, der springes over)."),
        )
    return XlsFormResult(questionnaire=questionnaire, warnings=context.warnings)


def _languages(workbook: Workbook, settings_default: str | None) -> tuple[list[str], str]:
    seen: list[str] = []
    has_plain_text = False
    for key in KNOWN_SHEETS:
        sheet = workbook.sheets.get(key)
        for column in sheet.columns if sheet else []:
            if column.base not in _LANGUAGE_BASES:
                continue
            if column.language is None:
                has_plain_text = has_plain_text or column.base not in ("form_title", "apv_title")
            elif column.language not in seen:
                seen.append(column.language)
    if settings_default:
        default = settings_default
    elif has_plain_text or "da" in seen or not seen:
        default = "da"
    else:
        default = seen[0]
    return [default, *(code for code in seen if code != default)], default


def _check_lists(
    workbook: Workbook,
    survey: SurveyResult,
    choice_lists: dict[str, ChoiceList],
    context: ReadContext,
) -> None:
    sheet = workbook.sheets["survey"]
    type_column = sheet.column("type")
    where = (tr("arket choices") if "choices" in workbook.sheets
             else tr("arket choices (der er intet)"))
    for item, row in survey.list_uses:
        assert item.list_name is not None
        choice_list = choice_lists.get(item.list_name)
        if choice_list is None:
            near = [name for name in choice_lists if name.casefold() == item.list_name.casefold()]
            hint = tr(" (navne på svarskalaer skelner mellem store og små bogstaver: mente du "
                      "»{near}«?)", near=near[0]) if near else ""
            context.problem(
                sheet, row, type_column,
                tr("svarskalaen »{list_name}« står ikke på {where}{hint}.",
                   list_name=item.list_name, where=where, hint=hint),
            )
        elif (
            item.type is ItemType.SELECT_MULTIPLE
            and len(choice_list.choices) > MAX_MULTIPLE_CHOICES
        ):
            context.problem(
                sheet, row, type_column,
                tr("select_multiple-skalaen »{list_name}« har {value} svar; højst "
                   "{MAX_MULTIPLE_CHOICES} kan gemmes.",
                   list_name=item.list_name, value=len(choice_list.choices),
                   MAX_MULTIPLE_CHOICES=MAX_MULTIPLE_CHOICES),
            )


def _add_missing_dimensions(
    workbook: Workbook,
    survey: SurveyResult,
    dimensions: list[Dimension],
    context: ReadContext,
) -> None:
    known = {dimension.code for dimension in dimensions}
    sheet = workbook.sheets["survey"]
    for code, row in survey.dimension_uses.items():
        if code in known:
            continue
        dimensions.append(Dimension(code=code, labels={}))
        context.warn(
            sheet, row,
            tr("dimensionen »{code}« står ikke på et dimensions-ark; den tilføjes uden tekst og "
               "med retningen higher_is_better.", code=code),
        )
