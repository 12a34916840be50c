"""Kill an operation at every write it makes to disk, one kill per run (strace fault injection).

Each run forks the test process (everything is imported already, so a run takes milliseconds,
not a new interpreter's seconds); the child waits until strace has attached with
`-e inject=SYSCALL:signal=KILL:when=N`, which kills it as it enters its N-th call of SYSCALL,
before that call has any effect. Used by test_crash_recovery.py.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

STRACE = shutil.which("strace")
# Every way SQLite changes a file on Linux: writing pages (pwrite64; write for some builds),
# syncing them (fsync/fdatasync), cutting the journal (ftruncate) and deleting it (unlink).
DISK_CALLS = ("pwrite64", "write", "fdatasync", "fsync", "ftruncate", "unlink")

Report = Callable[[str], None]
Operation = Callable[[Report], None]


def strace_works() -> bool:
    if STRACE is None or not hasattr(os, "fork"):
        return False
    probe = subprocess.run([STRACE, "-f", "-qq", "-e", "trace=none", "true"],
                           capture_output=True, check=False)
    return probe.returncode == 0


@dataclass
class Run:
    syscall: str
    number: int
    killed: bool
    reported: list[str]  # what the operation reported before it died (confirmed sheets)


def run_traced(operation: Operation, strace_options: list[str]) -> tuple[int, list[str]]:
    """Run `operation` in a forked child under strace; its wait status and its reports."""
    assert STRACE is not None
    go_read, go_write = os.pipe()
    out_read, out_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            os.close(go_write)
            os.close(out_read)
            os.read(go_read, 1)  # wait until strace is attached

            def report(text: str) -> None:
                os.write(out_write, f"{text}\n".encode())

            operation(report)
            code = 0
        except BaseException:  # noqa: BLE001 - shown to the test, then the child ends
            traceback.print_exc()
        finally:
            os._exit(code)
    os.close(go_read)
    os.close(out_write)
    tracer = subprocess.Popen([STRACE, "-f", "-p", str(pid), *strace_options],
                              stderr=subprocess.PIPE, text=True)
    assert tracer.stderr is not None
    tracer.stderr.readline()  # "strace: Process N attached"
    os.write(go_write, b"g")
    os.close(go_write)
    chunks = []
    while chunk := os.read(out_read, 65536):
        chunks.append(chunk)
    os.close(out_read)
    _, status = os.waitpid(pid, 0)
    tracer.communicate(timeout=60)
    return status, b"".join(chunks).decode().split()


def count_calls(operation: Operation, syscall: str, log: Path) -> int:
    """How many times the operation makes `syscall` when nothing goes wrong."""
    status, _ = run_traced(operation, ["-o", str(log), "-e", f"trace={syscall}"])
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, "the clean run failed"
    pattern = re.compile(rf"\b{syscall}\(")
    return sum(1 for line in log.read_text().splitlines() if pattern.search(line))


def kill_at_every_call(
    operation: Operation,
    prepare: Callable[[], None],
    work: Path,
    syscalls: tuple[str, ...] = DISK_CALLS,
    share: tuple[int, int] = (0, 1),
) -> Iterator[Run]:
    """For each syscall and each N up to its count in a clean run: prepare the files afresh,
    run the operation killed at the N-th call, and yield the run for the caller to check.

    `share` (k, m): only the N with N % m == k, so m tests together kill at every call while
    each stays short."""
    sys.stdout.flush()
    sys.stderr.flush()
    for syscall in syscalls:
        prepare()
        total = count_calls(operation, syscall, work / f"{syscall}.log")
        for number in range(1, total + 1):
            if number % share[1] != share[0]:
                continue
            prepare()
            status, reported = run_traced(operation, [
                "-o", os.devnull, "-e", f"trace={syscall}",
                "-e", f"inject={syscall}:signal=KILL:when={number}",
            ])
            killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            yield Run(syscall, number, killed, reported)
