"""What a new list of org units changes in the organisation (a reorganisation): new, renamed,
moved and removed units, and the removals that cannot happen because the unit holds data.

Pure: no Qt, no SQL, no translation. Units are matched by code, exactly as the store matches them
when it applies the list (store/org.py), so the preview shows what applying will do. The GUI's
preview dialog and the CLI's `import-org` both read this one computation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from apv_desktop.core.model import OrgUnit


class Held(StrEnum):
    """What a unit holds that would be lost with it (the first kind found)."""

    RESPONSES = "responses"
    ACTION_ITEMS = "action_items"
    SICK_LEAVE = "sick_leave"
    INDICATORS = "indicators"
    DEPARTMENT_REPORT = "department_report"


HELD_TEXT = {  # the English words of the CLI and the store
    Held.RESPONSES: "responses",
    Held.ACTION_ITEMS: "action-plan items",
    Held.SICK_LEAVE: "a sick-leave assessment",
    Held.INDICATORS: "indicators",
    Held.DEPARTMENT_REPORT: "a department report",
}


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
        """The changes in English, one a line (the CLI prints them)."""
        out = [f"new: {u.code} ({u.name})" + (f" under {u.parent}" if u.parent else "")
               for u in self.new]
        out += [f"renamed: {r.unit.code} from '{r.old_name}' to '{r.unit.name}'"
                for r in self.renamed]
        out += [f"moved: {m.unit.code} ({m.unit.name}) from {m.old_parent or 'the top'} to "
                f"{m.unit.parent or 'the top'}" for m in self.moved]
        blocked = {b.unit.code: b.held for b in self.blocked}
        out += [f"removed: {u.code} ({u.name})" if u.code not in blocked else
                f"cannot be removed: {u.code} ({u.name}) has {HELD_TEXT[blocked[u.code]]}"
                for u in self.removed]
        out += [f"headcount: {u.code} ({u.name}) now {u.headcount}" for u in self.headcount]
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


def refusal_sentence(blocked: list[Blocked]) -> str:
    """Why a list that drops units holding data is refused, in English (store and CLI)."""
    if len(blocked) == 1:
        unit, held = blocked[0].unit, blocked[0].held
        return (f"The org unit {unit.code} ({unit.name}) cannot be removed because it has "
                f"{HELD_TEXT[held]}; keep it in the list (it may be renamed or moved).")
    which = ", ".join(f"{b.unit.code} ({b.unit.name}) has {HELD_TEXT[b.held]}"
                      for b in blocked[:10])
    more = f" and {len(blocked) - 10} more" if len(blocked) > 10 else ""
    return (f"{len(blocked)} org units cannot be removed because they hold data: {which}{more}; "
            "keep them in the list (they may be renamed or moved).")
