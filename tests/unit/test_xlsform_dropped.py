"""Reading an XLSForm says what it drops (with rows), refuses what ODK's converter refuses, and
gives each refusal one sentence once; openpyxl's own warnings stay out of the terminal."""

from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest

from apv_desktop.cli import run
from apv_desktop.errors import InputError
from apv_desktop.interchange.xlsform import read_xlsform

pytestmark = pytest.mark.usefixtures("english")  # the tests quote English messages

CHOICES = [["list_name", "name", "label"], ["yn", "y", "Ja"], ["yn", "n", "Nej"]]


def form(path: Path, survey: list[list[object]], choices=CHOICES) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "survey"
    for row in survey:
        book.active.append(row)
    sheet = book.create_sheet("choices")
    for row in choices:
        sheet.append(row)
    book.save(path)
    return path


def test_every_dropped_feature_is_named_with_its_rows(tmp_path) -> None:
    path = form(tmp_path / "f.xlsx", [
        ["type", "name", "label", "constraint", "appearance", "choice_filter", "default",
         "media::image"],
        ["select_one yn", "a", "A?", ". != 'n'", "minimal", "", "y", "a.png"],
        ["integer", "b", "B?", ". > 0", "", "${a} = 'y'", "", ""],
    ])
    warned = read_xlsform(path).warnings
    expected = {"'constraint'": "rows 2, 3", "'appearance'": "row 2", "'choice_filter'": "row 3",
                "'default'": "row 2", "'media::image'": "row 2"}
    for column, rows in expected.items():
        assert any(f"sheet 'survey', {rows}: column {column} is not used" in w for w in warned)


def test_two_label_columns_are_refused(tmp_path) -> None:
    path = form(tmp_path / "d.xlsx", [["type", "name", "label", "Label"],
                                      ["select_one yn", "a", "A?", "Other A?"]])
    with pytest.raises(InputError, match="2 columns named 'label' \\(C, D\\)"):
        read_xlsform(path)


def test_a_form_that_is_all_repeat_is_refused_for_the_repeat(tmp_path) -> None:
    path = form(tmp_path / "r.xlsx", [["type", "name", "label"], ["begin repeat", "r", "R"],
                                      ["select_one yn", "a", "A?"], ["end repeat", None, None]])
    with pytest.raises(InputError, match="every question lies inside repeat 'r' \\(rows 2-4\\)"):
        read_xlsform(path)


def test_an_old_loop_over_a_list_is_refused_like_a_repeat(tmp_path) -> None:
    path = form(tmp_path / "l.xlsx", [["type", "name", "label"], ["select_one yn", "z", "Z?"],
                                      ["begin loop over yn", "l", "L"], ["integer", "q", "Q"],
                                      ["end loop", None, None], ["begin repeat", "r", "R"],
                                      ["integer", "p", "P"], ["end repeat", None, None]])
    with pytest.raises(InputError, match="it has repeat 'l' \\(rows 3-5\\) and 1 more repeat;"):
        read_xlsform(path)


def test_a_single_problem_is_said_once(tmp_path, capsys) -> None:
    path = form(tmp_path / "s.xlsx", [["type", "name", "label"], ["select_one nolist", "a", "A"]])
    project = tmp_path / "p.apv"
    assert run(["new", str(project)]) == 0
    capsys.readouterr()
    assert run(["import-form", str(project), str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("the choice list 'nolist' is not on the choices sheet") == 1


def test_openpyxl_warnings_do_not_reach_the_terminal(tmp_path) -> None:
    styled = form(tmp_path / "styled.xlsx", [["type", "name", "label"], ["integer", "a", "A?"]])
    bare = tmp_path / "bare.xlsx"
    with zipfile.ZipFile(styled) as source, zipfile.ZipFile(bare, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "xl/styles.xml":  # no named styles: openpyxl warns about it
                data = re.sub(rb"<cellStyles.*?</cellStyles>", b"", data, flags=re.DOTALL)
            target.writestr(entry, data)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        openpyxl.load_workbook(bare)
        assert caught, "the stripped workbook should make openpyxl warn"
        caught.clear()
        read_xlsform(bare)
    assert caught == []
