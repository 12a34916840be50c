"""File names made from user text (unit and department names) that every system accepts:
Windows forbids <>:"/\\|?* and control characters, a name ending in a dot or space, and the
device names CON, PRN, AUX, NUL, COM1–9 and LPT1–9 (with any extension)."""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[^\w\-,.()&'+ ]+")  # letters of any language, digits, a few signs
_DEVICE = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])", re.IGNORECASE)
MAX_STEM = 60


def safe_stem(name: str, fallback: str) -> str:
    """`name` as a file name stem: unsafe characters become '-', spaces are collapsed, at most
    MAX_STEM characters; `fallback` when nothing is left or the name is a device name."""
    stem = " ".join(_UNSAFE.sub("-", name).split())[:MAX_STEM].strip(" -.")
    if not stem or _DEVICE.fullmatch(stem):
        stem = " ".join(_UNSAFE.sub("-", fallback).split())[:MAX_STEM].strip(" -.") or "_"
        if _DEVICE.fullmatch(stem):
            stem = f"{stem}_"
    return stem


def unique_stems(names: list[tuple[str, str]]) -> list[str]:
    """Safe stems for (name, code) pairs, distinct regardless of case (as Windows and macOS
    compare file names): a repeated stem gets the unit's code, then a number."""
    stems: list[str] = []
    taken: set[str] = set()
    for name, code in names:
        stem = safe_stem(name, code)
        if stem.casefold() in taken:
            stem = safe_stem(f"{stem} ({code})", code)
        base, number = stem, 2
        while stem.casefold() in taken:
            stem, number = f"{base} {number}", number + 1
        taken.add(stem.casefold())
        stems.append(stem)
    return stems
