"""A kiosk killed mid-write (SIGKILL) loses at most the sheet being stored; the file stays
consistent and every earlier sheet is there."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from apv_desktop.core.model import OrgUnit
from apv_desktop.services.collection import prepare_round
from apv_desktop.services.projects import create_project, opened

WRITER = """
import sys
from pathlib import Path
from apv_desktop.services.collection import round_questionnaire, submit_sheet
from apv_desktop.store.project import Project
project = Project.open(Path(sys.argv[1]))
questionnaire = round_questionnaire(project, "2025")
count = 0
while True:
    submit_sheet(project, "2025", questionnaire, "A", {"bu_1": "nej", "kr_kommentar": "x" * 500})
    count += 1
    print(count, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killing_the_kiosk_mid_write_keeps_earlier_sheets(tmp_path: Path):
    path = tmp_path / "crash.apv"
    create_project(path, ["kraenkende"], "Test")
    with opened(path) as project:
        project.replace_org([OrgUnit("A", "Team A", None, 10)])
        prepare_round(project, "2025")
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)],
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    confirmed = 0
    for line in writer.stdout:  # each line: a sheet reported durable by submit_sheet
        confirmed = int(line)
        if confirmed >= 40:
            break
    os.kill(writer.pid, signal.SIGKILL)  # while it is writing the next sheets
    writer.wait()
    assert writer.returncode == -signal.SIGKILL
    with opened(path) as project:
        assert project.check() == []
        stored = project.response_count("2025")
        assert stored >= confirmed
        assert len(project.responses("2025").texts["kr_kommentar"]) == stored
