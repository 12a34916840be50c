"""What a new list of org units changes in the organisation (a reorganisation): new, renamed,
moved and removed units, and the removals that cannot happen because the unit holds data.

Pure: no Qt, no SQL; its sentences are Danish, rendered through i18n in the reader's language.
Units are matched by code, exactly as the store matches them when it applies the list
(store/org.py), so the preview shows what applying will do. The GUI's preview dialog and the
CLI's `import-org` both read this one computation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from apv_desktop.core.model import OrgUnit
from apv_desktop.errors import Phrase, RefusedError
from apv_desktop.i18n import N_, current_language, tr, translator


class Held(StrEnum):
    """What a unit holds that would be lost with it (the first kind found)."""

    RESPONSES = "responses"
    ACTION_ITEMS = "action_items"
    SICK_LEAVE = "sick_leave"
    INDICATORS = "indicators"
    DEPARTMENT_REPORT = "department_report"


HELD_TEXT = {  # what a unit holds, to finish "… because the unit has …" (Danish, N_)
    Held.RESPONSES: N_("svar"),
    Held.ACTION_ITEMS: N_("punkter i handlingsplanen"),
    Held.SICK_LEAVE: N_("en vurdering af sygefraværet"),
    Held.INDICATORS: N_("nøgletal"),
    Held.DEPARTMENT_REPORT: N_("en afdelingsrapport"),
}


def held_text(held: Held) -> str:
    """What a unit holds, in the current language (the window's or the CLI's)."""
    return translator(current_language())(HELD_TEXT[held])


@dataclass(frozen=True)
class Renamed:
    unit: OrgUnit
    old_name: str


@dataclass(frozen=True)
class Moved:
    unit: OrgUnit
    old_parent: str | None


@dataclass(frozen=True)
class Blocked:
    """A unit the new list drops that cannot be removed because it holds data."""

    unit: OrgUnit
    held: Held


@dataclass
class OrgChanges:
    new: list[OrgUnit] = field(default_factory=list)
    renamed: list[Renamed] = field(default_factory=list)
    moved: list[Moved] = field(default_factory=list)
    removed: list[OrgUnit] = field(default_factory=list)  # including the blocked ones
    headcount: list[OrgUnit] = field(default_factory=list)  # only the headcount differs
    blocked: list[Blocked] = field(default_factory=list)

    @property
    def nothing(self) -> bool:
        return not (self.new or self.renamed or self.moved or self.removed or self.headcount)

    @property
    def refused(self) -> bool:
        """True when applying is refused: some dropped unit holds data."""
        return bool(self.blocked)

    def lines(self) -> list[str]:
        """The changes in the current language, one a line (the CLI prints them)."""
        top = tr("øverst")
        out = [tr("ny: {code} ({name}) under {parent}", code=u.code, name=u.name,
                  parent=u.parent) if u.parent else
               tr("ny: {code} ({name})", code=u.code, name=u.name) for u in self.new]
        out += [tr("omdøbt: {code} fra '{old}' til '{new}'", code=r.unit.code, old=r.old_name,
                   new=r.unit.name) for r in self.renamed]
        out += [tr("flyttet: {code} ({name}) fra {old} til {new}", code=m.unit.code,
                   name=m.unit.name, old=m.old_parent or top, new=m.unit.parent or top)
                for m in self.moved]
        blocked = {b.unit.code: b.held for b in self.blocked}
        out += [tr("slettet: {code} ({name})", code=u.code, name=u.name)
                if u.code not in blocked else
                tr("kan ikke slettes: {code} ({name}) har {what}", code=u.code, name=u.name,
                   what=held_text(blocked[u.code]))
                for u in self.removed]
        out += [tr("antal ansatte: {code} ({name}) nu {headcount}", code=u.code, name=u.name,
                   headcount=u.headcount) for u in self.headcount]
        return out


def org_changes(old: list[OrgUnit], new: list[OrgUnit],
                held: dict[str, Held] | None = None) -> OrgChanges:
    """How `new` differs from `old`; `held` names what each old unit holds (units that hold
    nothing may be left out), so a dropped unit holding data is listed as blocked."""
    held = held or {}
    before = {unit.code: unit for unit in old}
    after = {unit.code for unit in new}
    changes = OrgChanges()
    for unit in new:
        was = before.get(unit.code)
        if was is None:
            changes.new.append(unit)
            continue
        if was.name != unit.name:
            changes.renamed.append(Renamed(unit, was.name))
        if was.parent != unit.parent:
            changes.moved.append(Moved(unit, was.parent))
        if (was.name, was.parent) == (unit.name, unit.parent) and was.headcount != unit.headcount:
            changes.headcount.append(unit)
    for unit in old:
        if unit.code not in after:
            changes.removed.append(unit)
            if unit.code in held:
                changes.blocked.append(Blocked(unit, held[unit.code]))
    return changes


UNITS_LISTED = 10  # a refusal names this many units that hold data, and counts the rest


def refusal(blocked: list[Blocked]) -> RefusedError:
    """Why a list that drops units holding data is refused (store, service and CLI alike)."""
    if len(blocked) == 1:
        unit, held = blocked[0].unit, blocked[0].held
        return RefusedError("Enheden {code} ({name}) kan ikke slettes, fordi den har {what}; "
                            "behold den i listen (den må gerne omdøbes eller flyttes).",
                            code=unit.code, name=unit.name, what=Phrase(HELD_TEXT[held]))
    which = tuple(Phrase(N_("{code} ({name}) har {what}"),
                         {"code": b.unit.code, "name": b.unit.name,
                          "what": Phrase(HELD_TEXT[b.held])}) for b in blocked[:UNITS_LISTED])
    more = len(blocked) - UNITS_LISTED
    return RefusedError("{count} enheder kan ikke slettes, fordi de har data: {which}{more}; "
                        "behold dem i listen (de må gerne omdøbes eller flyttes).",
                        count=len(blocked), which=which,
                        more=Phrase(N_(" og {count} flere"), {"count": more}) if more > 0 else "")
