"""What a command loads at start-up (issue 18: at 2,000 respondents the fixed costs are most of
the time). Each check runs a fresh interpreter, so what earlier tests imported does not count."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def _fresh(script: str, env: dict[str, str] | None = None) -> str:
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120, env=env, check=True)
    return run.stdout.strip()


def test_the_program_keeps_numpys_blas_to_one_thread_unless_told_otherwise() -> None:
    script = "import os, apv_desktop.__main__; print(os.environ['OPENBLAS_NUM_THREADS'])"
    plain = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    assert _fresh(script, plain) == "1"
    assert _fresh(script, {**plain, "OPENBLAS_NUM_THREADS": "4"}) == "4"


def _modules_after(script: str) -> set[str]:
    return set(json.loads(_fresh(script + "\nimport json, sys; print(json.dumps(list(sys.modules)))")))
