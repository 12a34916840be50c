"""Fuzz of the importers: random mutations of valid files (truncation, flipped bytes, huge cells,
zip bombs, entity declarations, lying sheet sizes, renamed sheets, other encodings) go through the
services the CLI calls. Every case ends in success or a user error (ApvError), never another
exception. Seeded, so a failure names a case that can be run again.

300 cases per importer (XLSForm, org units, responses, indicators), in blocks of 30.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from apv_desktop.cli import run
from apv_desktop.errors import ApvError
from apv_desktop.services.actionplan import import_indicators
from apv_desktop.services.projects import opened
from apv_desktop.services.reorganise import import_org_file as import_org
from apv_desktop.services.transfer import import_form, import_responses
from tests.fixed_dates import DEMO_TODAY
from tests.unit.xlsx_hostile import SHEET

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages

CASES_PER_BLOCK = 30
BLOCKS = 10


# ------------------------------------------------------------------------------- seed files


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A small demo project and one valid file (CSV and XLSX where both are read) per importer."""
    folder = tmp_path_factory.mktemp("fuzz")
    project = folder / "demo.apv"
    assert run(["demo", str(project), "--respondents", "60",
                "--today", DEMO_TODAY.isoformat()]) == 0
    assert run(["export-form", str(project), str(folder / "form.xlsx")]) == 0
    timeless(folder / "form.xlsx")
    with opened(project) as loaded:
        units = loaded.org_units()
        questionnaire = loaded.questionnaire()
    assert questionnaire is not None
    items = questionnaire.answerable_items()[:6]
    org_rows = [["kode", "navn", "overordnet", "antal"]] + [
        [u.code, u.name, u.parent or "", str(u.headcount or "")] for u in units]
    answer_rows = [["unit"] + [item.name for item in items]]
    for number in range(12):
        row = [units[number % len(units)].code]
        for item in items:
            choices = questionnaire.choices_for(item)
            row.append(choices.choices[number % len(choices.choices)].name if choices else "ok")
        answer_rows.append(row)
    indicator_rows = [["enhed", "periode", "korttidssygefravær", "personaleomsætning"]] + [
        [u.code, "2025", f"{i % 7},5", str(i % 20)] for i, u in enumerate(units)]
    files = {"project": project, "form.xlsx": folder / "form.xlsx"}
    for key, rows in (("org", org_rows), ("answers", answer_rows), ("indicators", indicator_rows)):
        files[f"{key}.csv"] = write_csv(folder / f"{key}.csv", rows)
        files[f"{key}.xlsx"] = write_xlsx(folder / f"{key}.xlsx", rows)
    return files


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("".join(";".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return timeless(path)


def timeless(path: Path) -> Path:
    """The workbook without the moment it was written (zip entry times, docProps/core.xml), so
    a case's mutation hits the same bytes on every run."""
    with zipfile.ZipFile(path) as archive:
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            if name == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-01-01T00:00:00Z", data)
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data,
                             zipfile.ZIP_DEFLATED)
    return path


# ------------------------------------------------------------------------------- mutations

Mutation = Callable[[random.Random, bytes], bytes]


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    changed = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        changed[rng.randrange(len(changed))] = rng.randrange(256)
    return bytes(changed)


def insert_junk(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data))
    junk = rng.choice([b"\x00", b";;;;", b'"', b"\r", b"\xff\xfe", b"=cmd|' /C calc'!A0",
                       b"\n" * 50, rng.randbytes(20)])
    return data[:at] + junk * rng.randint(1, 5) + data[at:]


def other_encoding(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace") + "Æblegård;Øster Åby;Süd\n"
    encoding = rng.choice(["mac_roman", "cp850", "utf-7", "utf-16", "latin-1", "cp1252"])
    return text.encode(encoding, errors="replace")


def huge_csv_cell(rng: random.Random, data: bytes) -> bytes:
    return data + b"U1;" + b"x" * rng.choice([40_000, 300_000, 2_000_000]) + b"\n"


def wide_csv(rng: random.Random, data: bytes) -> bytes:
    return b";".join([b"h"] * rng.choice([2_500, 17_000])) + b"\n" + data


def rewrite_part(rng: random.Random, data: bytes, change: Callable[[bytes], bytes],
                 pick: Callable[[str], bool] = lambda name: True) -> bytes:
    """The workbook `data` with one zip member (chosen among `pick`) passed through `change`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in source.namelist() if pick(n)] or source.namelist()
    chosen = rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            part = source.read(name)
            target.writestr(name, change(part) if name == chosen else part)
    return out.getvalue()


def xml_damage(rng: random.Random, data: bytes) -> bytes:
    return rewrite_part(rng, data, lambda part: flip_bytes(rng, part) if part else part)


def xml_truncate(rng: random.Random, data: bytes) -> bytes:
    return rewrite_part(rng, data, lambda part: truncate(rng, part) if part else part)


def drop_part(rng: random.Random, data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    dropped = rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            if name != dropped:
                target.writestr(name, source.read(name))
    return out.getvalue()


def entity_expansion(rng: random.Random, data: bytes) -> bytes:
    bomb = (b'<!DOCTYPE x [<!ENTITY a "' + b"A" * 1000 + b'">'
            + b"".join(b'<!ENTITY %s "%s">' % (f"a{i}".encode(), (b"&a;" if i == 0 else
                       f"&a{i - 1};".encode()) * 10) for i in range(8)) + b"]>")

    def change(part: bytes) -> bytes:
        head, _, rest = part.partition(b"?>")
        return head + b"?>" + bomb + rest if rest else bomb + part

    return rewrite_part(rng, data, change, lambda name: name.endswith(".xml"))


def huge_xlsx_cell(rng: random.Random, data: bytes) -> bytes:
    letters = rng.randbytes(rng.choice([50_000, 400_000])).hex().encode()

    def change(part: bytes) -> bytes:
        cell = b'<c r="B2" t="inlineStr"><is><t>' + letters + b"</t></is></c>"
        return part.replace(b"</row>", cell + b"</row>", 1)

    return rewrite_part(rng, data, change, lambda name: name.startswith("xl/worksheets/"))


def lying_dimension(rng: random.Random, data: bytes) -> bytes:
    def change(part: bytes) -> bytes:
        part = part.replace(b'<dimension ref="', b'<dimension ref="A1:XFD1048576" old="', 1)
        return part.replace(b"</sheetData>", b'<row r="1048576"></row></sheetData>', 1)

    return rewrite_part(rng, data, change, lambda name: name.startswith("xl/worksheets/"))


def rename_sheet(rng: random.Random, data: bytes) -> bytes:
    new_name = rng.choice([b"Survey ", b"servey", b"", b"x" * 40, b"&lt;&gt;", b"choices"])
    return rewrite_part(rng, data,
                        lambda part: part.replace(b'name="', b'name="' + new_name, 1),
                        lambda name: name == "xl/workbook.xml")


def small_zip_bomb(rng: random.Random, data: bytes) -> bytes:
    """A sheet of blanks that packs hundreds of times (the real-size bombs: test_bomb_memory)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(SHEET, "w") as stream:
            stream.write(b"<")
            for _ in range(rng.choice([2, 8, 24])):
                stream.write(b" " * 2**20)
    return out.getvalue()


CSV_MUTATIONS: list[Mutation] = [truncate, flip_bytes, insert_junk, other_encoding,
                                 huge_csv_cell, wide_csv]
XLSX_MUTATIONS: list[Mutation] = [truncate, flip_bytes, xml_damage, xml_truncate, drop_part,
                                  entity_expansion, huge_xlsx_cell, lying_dimension,
                                  rename_sheet, small_zip_bomb]


# ------------------------------------------------------------------------------- the runs


def fuzz(world: dict[str, Path], tmp_path: Path, block: int, seeds: list[str],
         importer: Callable[[Path], object]) -> None:
    outcomes: dict[str, int] = {"ok": 0, "refused": 0}
    for case in range(block * CASES_PER_BLOCK, (block + 1) * CASES_PER_BLOCK):
        rng = random.Random(case)
        seed = rng.choice(seeds)
        mutations = XLSX_MUTATIONS if seed.endswith(".xlsx") else CSV_MUTATIONS
        mutation = rng.choice(mutations)
        target = tmp_path / f"case{case}{Path(seed).suffix}"
        target.write_bytes(mutation(rng, world[seed].read_bytes()))
        try:
            importer(target)
        except ApvError as error:
            outcomes["refused"] += 1
            assert len(str(error)) <= 1000, f"case {case} ({mutation.__name__}): long message"
        except Exception as error:  # noqa: BLE001 - the point of the test
            pytest.fail(f"case {case} ({mutation.__name__} of {seed}) raised "
                        f"{type(error).__name__}: {str(error)[:200]}")
        else:
            outcomes["ok"] += 1
        target.unlink()
    assert sum(outcomes.values()) == CASES_PER_BLOCK


@pytest.mark.parametrize("block", range(BLOCKS))
def test_xlsform_import_fuzz(world, tmp_path, block):
    project = tmp_path / "p.apv"
    project.write_bytes(world["project"].read_bytes())
    fuzz(world, tmp_path, block, ["form.xlsx"], lambda path: import_form(project, path))


@pytest.mark.parametrize("block", range(BLOCKS))
def test_org_import_fuzz(world, tmp_path, block):
    project = tmp_path / "p.apv"
    project.write_bytes(world["project"].read_bytes())
    fuzz(world, tmp_path, block, ["org.csv", "org.xlsx"],
         lambda path: import_org(project, path))


@pytest.mark.parametrize("block", range(BLOCKS))
def test_response_import_fuzz(world, tmp_path, block):
    fuzz(world, tmp_path, block, ["answers.csv", "answers.xlsx"],
         lambda path: import_responses(world["project"], path, "2025", dry_run=True))


@pytest.mark.parametrize("block", range(BLOCKS))
def test_indicator_import_fuzz(world, tmp_path, block):
    fuzz(world, tmp_path, block, ["indicators.csv", "indicators.xlsx"],
         lambda path: import_indicators(world["project"], path, dry_run=True))
