"""The survey sheet of an XLSForm, turned into Sections of Items.

- A group becomes a Section (its name, labels and `relevant`). Items outside any group go to a
  section named "" ; consecutive loose items share one such section, so the order is kept.
- Nested groups are flattened: every item lands in the section of its OUTERMOST group. An inner
  group's own name and label are dropped (one warning for the whole form), but its `relevant`
  is joined to each of its items' own with `and`, so skip logic still holds.
- A repeat (or an old-style loop) is left out together with everything inside it and named in
  `repeats` (with its rows): the reader refuses such a form, since APV Desktop asks each
  question once per respondent.
- Types the product cannot use are skipped with a warning naming the row; metadata that would
  identify a device or a person (deviceid, phonenumber, ...) is never collected, nor are times
  (start, end, today, audit).
- Names must be valid XML names as ODK requires (a letter or `_`, then letters, digits, `_`, `-`,
  `.`). We refuse rather than warn: the name is the item's key in stored answers and the column
  header of response files, and `${name}` references in `relevant` depend on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from apv_desktop.core.expression import RelevanceError, excerpt
from apv_desktop.core.model import Item, Section
from apv_desktop.core.relevance import check_relevance
from apv_desktop.i18n import tr
from apv_desktop.interchange.xlsform_columns import Column, yes_no
from apv_desktop.interchange.xlsform_context import ReadContext
from apv_desktop.interchange.xlsform_sheets import Sheet, SheetRow
from apv_desktop.interchange.xlsform_types import RowKind, RowType, parse_type

VALID_NAME = re.compile(r"^[^\W\d][\w.\-]*$")


@dataclass
class SurveyResult:
    sections: list[Section]
    list_uses: list[tuple[Item, int]] = field(default_factory=list)  # select item, its row
    dimension_uses: dict[str, int] = field(default_factory=dict)  # code -> first row using it
    repeats: list[str] = field(default_factory=list)  # "repeat 'r' (rows 2-9)": refused


@dataclass
class _Frame:
    kind: RowKind  # BEGIN_GROUP or BEGIN_REPEAT
    name: str
    row: int
    relevant: str | None = None
    section: Section | None = None  # set for an outermost group only
    skipped_rows: int = 0


def read_survey(sheet: Sheet, context: ReadContext) -> SurveyResult:
    return _SurveyWalker(sheet, context).walk()


class _SurveyWalker:
    def __init__(self, sheet: Sheet, context: ReadContext) -> None:
        self.sheet = sheet
        self.context = context
        self.type_column = sheet.column("type")
        self.name_column = sheet.column("name")
        missing = [n for n, c in (("type", self.type_column), ("name", self.name_column)) if not c]
        if missing:
            raise context.refuse(
                sheet, None,
                tr("overskriftsrækken har ingen »{missing}«-kolonne, så det er ikke en XLSForm.",
                   missing=missing[0]),
            )
        self.relevant_column = sheet.column("relevant", "relevance")
        self.required_column = sheet.column("required")
        self.dimension_column = sheet.column("dimension")
        self.reverse_column = sheet.column("reverse")
        self.background_column = sheet.column("background")  # APV: results by its groups
        self.stack: list[_Frame] = []
        self.result = SurveyResult(sections=[])
        self.loose: Section | None = None
        self.item_rows: dict[str, int] = {}
        self.group_rows: dict[str, int] = {}
        self.warned_nested = False

    def walk(self) -> SurveyResult:
        for row in self.sheet.rows:
            raw_type = row.text(self.type_column)
            if raw_type:
                self._row(row, raw_type, parse_type(raw_type))
            elif row.text(self.name_column):
                self._skip(row, tr("»{value}« har ingen type, så den springes over.",
                                   value=row.text(self.name_column)))
        for frame in reversed(self.stack):
            word = "group" if frame.kind is RowKind.BEGIN_GROUP else "repeat"
            self.context.problem(
                self.sheet, frame.row, self.type_column,
                tr("»begin {word}« »{name}« har ingen tilhørende »end {word}«; tilføj en »end "
                   "{word}«-række.", word=word, name=frame.name),
            )
        return self.result

    @property
    def skipping(self) -> bool:
        return any(frame.kind is RowKind.BEGIN_REPEAT for frame in self.stack)

    def _row(self, row: SheetRow, raw_type: str, row_type: RowType) -> None:
        kind = row_type.kind
        if kind in (RowKind.END_GROUP, RowKind.END_REPEAT):
            self._end(row, raw_type, kind)
        elif kind is RowKind.BEGIN_REPEAT:
            if not self.skipping:
                self._count_skipped()
            self.stack.append(_Frame(kind, row.text(self.name_column), row.number))
        elif self.skipping:
            if kind is RowKind.BEGIN_GROUP:
                self.stack.append(_Frame(kind, row.text(self.name_column), row.number))
        elif kind is RowKind.BEGIN_GROUP:
            self._begin_group(row)
        elif kind is RowKind.ITEM:
            self._item(row, raw_type, row_type)
        elif kind is RowKind.PERSONAL_METADATA:
            self._skip(row, tr("»{raw_type}« springes over: APV Desktop indsamler aldrig noget, "
                               "der identificerer en enhed eller en person.", raw_type=raw_type))
        elif kind is RowKind.TIME_METADATA:
            self._skip(row, tr("»{raw_type}« springes over: APV Desktop gemmer aldrig, hvornår et "
                               "svarark blev udfyldt, så svarene forbliver anonyme.",
                               raw_type=raw_type))
        else:
            self._skip(row, tr("typen »{raw_type}« understøttes ikke af APV Desktop, så rækken "
                               "springes over.", raw_type=raw_type))

    def _skip(self, row: SheetRow, text: str) -> None:
        self.context.warn(self.sheet, row.number, text)
        self._count_skipped()

    def _count_skipped(self) -> None:
        if self.stack and self.stack[0].section is not None:
            self.stack[0].skipped_rows += 1

    def _begin_group(self, row: SheetRow) -> None:
        name = self._checked_name(row, "group")
        relevant = self._checked_relevant(row)
        frame = _Frame(RowKind.BEGIN_GROUP, name, row.number, relevant)
        if not self.stack:
            if name in self.group_rows:
                self.context.problem(
                    self.sheet, row.number, self.name_column,
                    tr("række {value} og {number} bruger begge gruppenavnet »{name}«; gruppenavne "
                       "skal være entydige.",
                       value=self.group_rows[name], number=row.number, name=name),
                )
            self.group_rows.setdefault(name, row.number)
            labels = self.context.labels(self.sheet, row, "label")
            frame.section = Section(name=name, labels=labels, relevant=relevant)
            self.result.sections.append(frame.section)
            self.loose = None
        elif not self.warned_nested:
            self.warned_nested = True
            self.context.warn(
                self.sheet, row.number,
                tr("gruppen »{name}« ligger inde i gruppen »{name2}«; indlejrede grupper flades "
                   "ud, så dens spørgsmål kommer på den yderste gruppes side (det gælder alle "
                   "indlejrede grupper i skemaet, og deres »relevant«-betingelser bevares på "
                   "spørgsmålene).", name=name, name2=self.stack[0].name),
            )
        self.stack.append(frame)

    def _end(self, row: SheetRow, raw_type: str, kind: RowKind) -> None:
        wanted = RowKind.BEGIN_GROUP if kind is RowKind.END_GROUP else RowKind.BEGIN_REPEAT
        if not self.stack:
            self.context.problem(
                self.sheet, row.number, self.type_column,
                tr("»{raw_type}« har ingen tilhørende »begin«-række over sig; slet rækken eller "
                   "tilføj en »begin«-række.", raw_type=raw_type),
            )
            return
        frame = self.stack.pop()
        if frame.kind is not wanted:
            opened = "begin group" if frame.kind is RowKind.BEGIN_GROUP else "begin repeat"
            self.context.problem(
                self.sheet, row.number, self.type_column,
                tr("»{raw_type}« passer ikke til »{opened}« i række {row}; ret rækkens type.",
                   raw_type=raw_type, opened=opened, row=frame.row),
            )
        if frame.kind is RowKind.BEGIN_REPEAT and not self.skipping:
            # Its rows are left out here; xlsform_read refuses the form for it (issue 17).
            self.result.repeats.append(tr("gentagelsen »{name}« (række {first}-{last})",
                                          name=frame.name, first=frame.row, last=row.number))
        section = frame.section
        if section is not None and not section.items and frame.skipped_rows:
            self.result.sections.remove(section)
            self.context.warn(
                self.sheet, frame.row,
                tr("gruppen »{name}« har ingen brugbare rækker tilbage, så den udelades.",
                   name=frame.name),
            )

    def _item(self, row: SheetRow, raw_type: str, row_type: RowType) -> None:
        assert row_type.item_type is not None
        if row_type.list_name == "apv_units" and row.text(self.name_column) == "unit":
            self._skip(row, tr("enhedsspørgsmålet i et skema, der er eksporteret til indsamling, "
                               "er ikke et spørgsmål i spørgeskemaet; svarfiler læser det som "
                               "enhedskolonnen."))
            return
        name = self._checked_name(row, raw_type)
        if name and name in self.item_rows:
            self.context.problem(
                self.sheet, row.number, self.name_column,
                tr("række {value} og {number} bruger begge navnet »{name}«; spørgsmålsnavne skal "
                   "være entydige.", value=self.item_rows[name], number=row.number, name=name),
            )
        self.item_rows.setdefault(name, row.number)
        item = Item(
            name=name,
            type=row_type.item_type,
            labels=self.context.labels(self.sheet, row, "label"),
            hints=self.context.labels(self.sheet, row, "hint"),
            list_name=row_type.list_name,
            dimension=row.text(self.dimension_column) or None,
            reverse=self._flag(row, self.reverse_column),
            required=self._required(row),
            relevant=self._relevant(self._checked_relevant(row)),
            background=self._flag(row, self.background_column),
        )
        if row_type.or_other:
            self.context.warn(
                self.sheet, row.number,
                tr("»{or_other}« ignoreres; tilføj et »other«-svar til svarskalaen »{list_name}«, "
                   "hvis du har brug for et.",
                   or_other=row_type.or_other, list_name=item.list_name),
            )
        if item.list_name:
            self.result.list_uses.append((item, row.number))
        if item.dimension:
            self.result.dimension_uses.setdefault(item.dimension, row.number)
        self._place(item)

    def _place(self, item: Item) -> None:
        if self.stack:
            outermost = self.stack[0].section
            assert outermost is not None
            outermost.items.append(item)
            return
        if self.loose is None:
            self.loose = Section(name="")
            self.result.sections.append(self.loose)
        self.loose.items.append(item)

    def _checked_name(self, row: SheetRow, what: str) -> str:
        name = row.text(self.name_column)
        if not name:
            self.context.problem(
                self.sheet, row.number, self.name_column, tr("»{what}«-rækken har intet navn.",
                                                             what=what)
            )
        elif not VALID_NAME.match(name):
            self.context.problem(
                self.sheet, row.number, self.name_column,
                tr("»{name}« er ikke et gyldigt navn ({NAME_RULE}).", name=name,
                   NAME_RULE=tr("et navn skal begynde med et bogstav eller '_' og må kun "
                                "indeholde bogstaver, cifre, '_', '-' og '.'")),
            )
        return name

    def _required(self, row: SheetRow) -> bool:
        value = yes_no(row.value(self.required_column))
        if value is None:
            text = row.text(self.required_column)
            self.context.warn(
                self.sheet, row.number,
                tr("required »{text}« er en betingelse, ikke ja eller nej; spørgsmålet behandles "
                   "som ikke obligatorisk.", text=text),
            )
            return False
        return value

    def _flag(self, row: SheetRow, column: Column | None) -> bool:
        """An APV yes/no column (reverse, background): anything else is a problem."""
        value = yes_no(row.value(column))
        if value is None:
            self.context.problem(
                self.sheet, row.number, column,
                tr("»{value}« er hverken ja eller nej.", value=row.text(column)),
            )
            return False
        return value

    def _checked_relevant(self, row: SheetRow) -> str | None:
        """The row's `relevant`, compiled now so that a form the kiosk could not evaluate is
        refused here, naming the row (the same rule the validator and the store apply)."""
        expression = row.text(self.relevant_column) or None
        if expression:
            try:
                check_relevance(expression)
            except RelevanceError as error:
                self.context.problem(
                    self.sheet, row.number, self.relevant_column,
                    tr("betingelsen »{value}« kan ikke beregnes: {reason}.",
                       value=excerpt(expression), reason=error.reason),
                )
        return expression

    def _relevant(self, own: str | None) -> str | None:
        conditions = [frame.relevant for frame in self.stack[1:] if frame.relevant]
        if own:
            conditions.append(own)
        if len(conditions) <= 1:
            return conditions[0] if conditions else None
        return " and ".join(f"({condition})" for condition in conditions)
