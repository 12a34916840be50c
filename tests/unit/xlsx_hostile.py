"""Helpers that turn a valid .xlsx into a hostile or broken one (no tests in here)."""

from __future__ import annotations

import base64
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

SHEET = "xl/worksheets/sheet1.xml"


def rewrite_member(source: Path, target: Path, member: str,
                   change: Callable[[bytes], bytes]) -> Path:
    """A copy of `source` at `target` with zip member `member` passed through `change`."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w",
                                                          zipfile.ZIP_DEFLATED) as new:
        for entry in old.infolist():
            data = old.read(entry.filename)
            if entry.filename == member:
                data = change(data)
            new.writestr(entry.filename, data, compress_type=zipfile.ZIP_DEFLATED)
    return target


def claim_rows(source: Path, target: Path, rows: int = 1_048_576,
               member: str = SHEET) -> Path:
    """`source` with the sheet claiming `rows` rows, as LibreOffice writes some forms: the
    <dimension ref> says A1:AMJ<rows> and the last ten rows are there as empty styled rows."""
    empty_rows = b"".join(f'<row r="{number}" customFormat="false" ht="12.8"></row>'.encode()
                          for number in range(rows - 9, rows + 1))

    def change(data: bytes) -> bytes:
        patched, count = re.subn(rb'<dimension ref="[^"]*" ?/>',
                                 f'<dimension ref="A1:AMJ{rows}"/>'.encode(), data)
        assert count == 1, "the sheet has no <dimension> to patch"
        return patched.replace(b"</sheetData>", empty_rows + b"</sheetData>")

    return rewrite_member(source, target, member, change)


def with_cell_text(source: Path, target: Path, text_bytes: int, member: str = SHEET) -> Path:
    """`source` with an inline-string cell of about `text_bytes` random letters added to row 1
    (random, so that the zip cannot pack it away)."""
    letters = base64.b64encode(random.Random(text_bytes).randbytes(text_bytes * 3 // 4))

    def change(data: bytes) -> bytes:
        cell = (b'<c r="Z1" t="inlineStr"><is><t>' + letters
                + b"</t></is></c>")
        return re.sub(rb"(<row [^>]*r=\"1\"[^>]*>)", lambda m: m.group(1) + cell, data, count=1)

    return rewrite_member(source, target, member, change)


def with_entities(source: Path, target: Path, member: str = SHEET) -> Path:
    """`source` whose sheet declares nested entities (the 'billion laughs')."""
    declaration = (b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
                   + b"".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">'
                              .replace("&lol0;", "&lol;").encode() for i in range(1, 10))
                   + b"]>")

    def change(data: bytes) -> bytes:
        head, _, rest = data.partition(b"?>")
        return head + b"?>" + declaration + rest

    return rewrite_member(source, target, member, change)


def zip_bomb(target: Path, unpacked_bytes: int) -> Path:
    """A tiny .xlsx-shaped zip whose sheet unpacks to `unpacked_bytes` of blanks."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(SHEET, "w", force_zip64=True) as stream:
            block = b" " * (1024 * 1024)
            for _ in range(unpacked_bytes // len(block)):
                stream.write(block)
    return target
