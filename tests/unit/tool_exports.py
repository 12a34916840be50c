"""Response files shaped like the exports of the survey tools AMiRs already use, from one set of
simulated answers, so that each can be imported and compared with our own format.

Each writer follows the tool's documented export shape for a questionnaire re-created in that
tool from our own template (question texts copied, Likert statements as a grid):
- Microsoft Forms (.xlsx): ID, Start time, Completion time, Email, Name, Last modified time, then
  one column per question headed by its text; a Likert row is a column headed by its statement.
- Google Forms (.csv, UTF-8, ','): Timestamp, Email Address, question texts; grids as
  `Grid title [Statement]`; checkboxes joined by ', '.
- SurveyXact (.xlsx or ';' .csv): respondent and status columns; question texts as headers;
  values as numeric codes (1 = the first choice) or as labels.
- LimeSurvey (.csv): id, submitdate, lastpage, startlanguage, seed, startdate, datestamp, ipaddr;
  arrays as `code[subquestion code]` with answer codes A1..Ak, or `Question [statement]` with
  full answers.
- KoboToolbox (.xlsx, XML values and headers): group paths `group/name`, choice names, and
  start, end, _id, _uuid, _submission_time, _validation_status, _status, _submitted_by,
  __version__, _index, meta/instanceID.
- ODK Central (.csv): SubmissionDate, start, end, `group-name` headers, meta-instanceID, KEY,
  SubmitterID, SubmitterName, AttachmentsPresent, AttachmentsExpected, Status, ReviewState,
  DeviceID, Edits, FormVersion.
- Danish Excel (.csv, ';', Windows-1252): Enhed, item names, Danish labels.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from apv_desktop.core.model import Item, ItemType, OrgUnit, Questionnaire

UNITS = [
    OrgUnit("F", "Socialforvaltningen"),
    OrgUnit("NORD", "Team Nord", "F", 25),
    OrgUnit("SYD", "Team Syd", "F", 25),
    OrgUnit("MYN", "Myndighed, børn og unge", "F", 25),
]
ORG_CSV = "kode;navn;overordnet;antal\nF;Socialforvaltningen;;\n" + "".join(
    f"{u.code};{u.name};{u.parent};{u.headcount}\n" for u in UNITS[1:]
)
COMMENTS = ["For mange sager, for lidt tid", 'Godt samarbejde; "god" ledelse', "Nej\ntak", ""]


@dataclass
class Respondent:
    unit: str  # unit code
    answers: dict[str, str] = field(default_factory=dict)  # item name -> choice name or text


@dataclass
class Simulated:
    questionnaire: Questionnaire
    respondents: list[Respondent]

    @property
    def items(self) -> list[Item]:
        return self.questionnaire.answerable_items()

    def choice_names(self, item: Item) -> list[str]:
        choices = self.questionnaire.choices_for(item)
        return [choice.name for choice in choices.choices] if choices else []

    def label(self, item: Item, value: str, language: str = "da") -> str:
        """The choice label of `value` (text answers as they are)."""
        choices = self.questionnaire.choices_for(item)
        if choices is None:
            return value
        return next(c.label(language) for c in choices.choices if c.name == value)

    def position(self, item: Item, value: str) -> int:
        """1-based, as the tools number answer options."""
        return self.choice_names(item).index(value) + 1

    def unit_name(self, code: str) -> str:
        return next(unit.name for unit in UNITS if unit.code == code)


def simulate(questionnaire: Questionnaire, respondents: int = 66, seed: int = 17) -> Simulated:
    """Answers for the teams, with blanks and 'ved ikke'; one row in nine answers nothing much."""
    rng = random.Random(seed)
    teams = [unit.code for unit in UNITS[1:]]
    people: list[Respondent] = []
    for number in range(respondents):
        person = Respondent(teams[number % len(teams)])
        leaning = rng.random()
        for item in questionnaire.answerable_items():
            if rng.random() < 0.06:
                continue  # not answered
            if item.type is ItemType.TEXT:
                comment = rng.choice(COMMENTS)
                if comment:
                    person.answers[item.name] = comment
                continue
            names = [c.name for c in questionnaire.choices_for(item).choices]  # type: ignore[union-attr]
            weights = [1 + (leaning if i < 2 else 1 - leaning) * 3 for i in range(len(names))]
            person.answers[item.name] = rng.choices(names, weights)[0]
        people.append(person)
    return Simulated(questionnaire, people)


# ---------------------------------------------------------------------------- writing


def _write_csv(path: Path, rows: list[list[str]], delimiter: str = ",",
               encoding: str = "utf-8") -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def _write_xlsx(path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _grid_title(sim: Simulated, item: Item) -> str:
    """The section's label: what a user types as the title of a grid of its statements."""
    section = next(s for s in sim.questionnaire.sections if item in s.items)
    return section.label("da")


def own_format(sim: Simulated, path: Path) -> Path:
    """Our documented format: unit code and item names, choice names."""
    rows = [["unit", *(item.name for item in sim.items)]]
    for person in sim.respondents:
        rows.append([person.unit, *(person.answers.get(item.name, "") for item in sim.items)])
    return _write_csv(path, rows)


def microsoft_forms(sim: Simulated, path: Path) -> Path:
    header = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
              "Hvilket team er du i?", *(item.label("da") for item in sim.items)]
    rows: list[list[object]] = [header]
    for number, person in enumerate(sim.respondents, start=1):
        cells = [sim.label(item, person.answers[item.name]) if item.name in person.answers
                 else None for item in sim.items]
        rows.append([number, "11/3/25 9:01:02", "11/3/25 9:07:45", "anonymous", None, None,
                     sim.unit_name(person.unit), *cells])
    return _write_xlsx(path, rows, "Form1")


def google_forms(sim: Simulated, path: Path) -> Path:
    header = ["Timestamp", "Email Address", "Afdeling"]
    for item in sim.items:
        grid = item.type is ItemType.SELECT_ONE
        header.append(f"{_grid_title(sim, item)} [{item.label('da')}]" if grid
                      else item.label("da"))
    rows = [header]
    for person in sim.respondents:
        rows.append(["2025/11/03 9:01:02 AM GMT+1", f"p{id(person)}@example.dk",
                     sim.unit_name(person.unit),
                     *(sim.label(item, person.answers[item.name])
                       if item.name in person.answers else "" for item in sim.items)])
    return _write_csv(path, rows)


def _surveyxact_rows(sim: Simulated, codes: bool) -> list[list[object]]:
    header = ["respondentid", "status", "startdato", "Enhed",
              *(item.label("da") for item in sim.items)]
    rows: list[list[object]] = [header]
    for number, person in enumerate(sim.respondents, start=1):
        cells: list[object] = []
        for item in sim.items:
            value = person.answers.get(item.name)
            if value is None:
                cells.append("")
            elif item.type is ItemType.TEXT:
                cells.append(value)
            else:
                cells.append(sim.position(item, value) if codes else sim.label(item, value))
        rows.append([100200 + number, "Gennemført", "03-11-2025", sim.unit_name(person.unit),
                     *cells])
    return rows


def surveyxact_xlsx(sim: Simulated, path: Path) -> Path:
    """Dataset export, values as codes (numbers in the cells)."""
    return _write_xlsx(path, _surveyxact_rows(sim, codes=True), "Dataset")


def surveyxact_csv(sim: Simulated, path: Path) -> Path:
    """Dataset export as Danish Excel CSV, values as labels."""
    rows = [[str(cell) for cell in row] for row in _surveyxact_rows(sim, codes=False)]
    return _write_csv(path, rows, ";", "cp1252")


_LIME_META = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp",
              "ipaddr"]


def _lime_code(text: str) -> str:
    """LimeSurvey codes are letters and digits only."""
    return "".join(char for char in text if char.isalnum())


def limesurvey_codes(sim: Simulated, path: Path) -> Path:
    """Headings 'question code', answers 'answer codes' (A1..Ak); the unit as a list question
    whose answer codes are the unit codes; arrays per section with the item names as subquestion
    codes, except the first section, left at LimeSurvey's defaults SQ001, SQ002, ..."""
    first = sim.questionnaire.sections[0]
    header = [*_LIME_META, "enhed"]
    for item in sim.items:
        section = next(s for s in sim.questionnaire.sections if item in s.items)
        if item.type is ItemType.TEXT:
            header.append(_lime_code(item.name))
        elif section is first:
            header.append(f"{_lime_code(section.name)}[SQ{section.items.index(item) + 1:03d}]")
        else:
            header.append(f"{_lime_code(section.name)}[{_lime_code(item.name)}]")
    rows = [header]
    for number, person in enumerate(sim.respondents, start=1):
        cells = []
        for item in sim.items:
            value = person.answers.get(item.name, "")
            cells.append(value if item.type is ItemType.TEXT or not value
                         else f"A{sim.position(item, value)}")
        rows.append([str(number), "2025-11-03 09:07:45", "6", "da", "123", "2025-11-03 09:01:02",
                     "2025-11-03 09:07:45", "10.0.0.7", person.unit, *cells])
    return _write_csv(path, rows)


def limesurvey_full(sim: Simulated, path: Path) -> Path:
    """Headings 'full question text', answers 'full answers'."""
    header = ["Response ID", "Date submitted", "Last page", "Start language", "Seed",
              "Date started", "Date last action", "IP address", "Hvilken afdeling er du i?"]
    for item in sim.items:
        header.append(item.label("da") if item.type is ItemType.TEXT
                      else f"{_grid_title(sim, item)} [{item.label('da')}]")
    rows = [header]
    for number, person in enumerate(sim.respondents, start=1):
        rows.append([str(number), "2025-11-03 09:07:45", "6", "da", "123", "2025-11-03 09:01:02",
                     "2025-11-03 09:07:45", "10.0.0.7", sim.unit_name(person.unit),
                     *(sim.label(item, person.answers[item.name])
                       if item.name in person.answers else "" for item in sim.items)])
    return _write_csv(path, rows)


def _group_path(sim: Simulated, item: Item, separator: str) -> str:
    section = next(s for s in sim.questionnaire.sections if item in s.items)
    return f"{section.name}{separator}{item.name}" if section.name else item.name


def kobo(sim: Simulated, path: Path) -> Path:
    """'XML values and headers', groups included with '/' (the form carries our unit question)."""
    header = ["start", "end", "unit", *(_group_path(sim, item, "/") for item in sim.items),
              "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
              "_submitted_by", "__version__", "_tags", "_index", "meta/instanceID"]
    rows: list[list[object]] = [header]
    for number, person in enumerate(sim.respondents, start=1):
        uuid = f"0f1e2d3c-0000-4000-8000-{number:012d}"
        rows.append(["2025-11-03T09:01:02.000+01:00", "2025-11-03T09:07:45.000+01:00",
                     person.unit, *(person.answers.get(item.name) for item in sim.items),
                     9000 + number, uuid, "2025-11-03T08:07:50", "", "", "submitted_via_web",
                     "", "vXyZ", "", number, f"uuid:{uuid}"])
    return _write_xlsx(path, rows, "APV")


def odk_central(sim: Simulated, path: Path) -> Path:
    header = ["SubmissionDate", "start", "end", "unit",
              *(_group_path(sim, item, "-") for item in sim.items), "meta-instanceID", "KEY",
              "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected",
              "Status", "ReviewState", "DeviceID", "Edits", "FormVersion"]
    rows = [header]
    for number, person in enumerate(sim.respondents, start=1):
        uuid = f"uuid:0f1e2d3c-0000-4000-8000-{number:012d}"
        rows.append(["2025-11-03T08:07:50.123Z", "2025-11-03T09:01:02.000+01:00",
                     "2025-11-03T09:07:45.000+01:00", person.unit,
                     *(person.answers.get(item.name, "") for item in sim.items), uuid, uuid,
                     "5", "Kiosk", "0", "0", "", "", "collect:abc", "0", "1"])
    return _write_csv(path, rows)


def danish_excel(sim: Simulated, path: Path) -> Path:
    rows = [["Enhed", *(item.name for item in sim.items)]]
    for person in sim.respondents:
        rows.append([person.unit, *(sim.label(item, person.answers[item.name])
                                    if item.name in person.answers else ""
                                    for item in sim.items)])
    return _write_csv(path, rows, ";", "cp1252")


TOOLS: dict[str, tuple[str, Callable[[Simulated, Path], Path]]] = {
    "microsoft-forms": ("forms.xlsx", microsoft_forms),
    "google-forms": ("google.csv", google_forms),
    "surveyxact-xlsx": ("surveyxact.xlsx", surveyxact_xlsx),
    "surveyxact-csv": ("surveyxact.csv", surveyxact_csv),
    "limesurvey-codes": ("limesurvey_codes.csv", limesurvey_codes),
    "limesurvey-full": ("limesurvey_full.csv", limesurvey_full),
    "kobotoolbox": ("kobo.xlsx", kobo),
    "odk-central": ("odk_central.csv", odk_central),
    "danish-excel": ("excel.csv", danish_excel),
}


# ---------------------------------------------------------------------------- reading back


def rows_of(path: Path) -> list[list[str]]:
    """The cells of a written export (first sheet of an .xlsx), as text."""
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path, read_only=True)
        rows = [["" if cell is None else str(cell) for cell in row]
                for row in book.worksheets[0].iter_rows(values_only=True)]
        book.close()
        return rows
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def headers_of(path: Path) -> list[str]:
    return rows_of(path)[0]


def write_rows(path: Path, rows: list[list[str]]) -> Path:
    return _write_csv(path, rows)
