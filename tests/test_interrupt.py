"""Ctrl-C: every command stops with one line and exit code 130, no traceback, no worker left
running and no file half-written, sent for real to a command working on a large list."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.io import workers
from awesome_tools.io.workers import map_runs
from conftest import entry_text

COUNT = 3000  # three runs of 1,000 files: `--jobs 3` forks two workers
TOOL = [sys.executable, "-m", "awesome_tools"]
SAID = "awesome-tools: interrupted\n"
OLD_README = "# An older README\n"


@pytest.fixture(scope="module")
def large_list(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("large")
    (root / "entries").mkdir()
    for i in range(COUNT):
        text = entry_text(f"Model {i}", f"https://arxiv.org/abs/2304.{i:05d}")
        (root / "entries" / f"model-{i}.yaml").write_text(text, encoding="utf-8")
    (root / "categories.yaml").write_text("- Encoders\n", encoding="utf-8")
    (root / "README.md").write_text(OLD_README, encoding="utf-8")
    return root


def _children(pid: int) -> list[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(child) for child in text.split()]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


# (command, when to press Ctrl-C): once a worker runs, or once the one process has worked a while
CASES: list[tuple[list[str], str]] = [
    (["check", "--jobs", "3"], "workers"),
    (["render", "--jobs", "3"], "workers"),
    (["lint", "--jobs", "3"], "workers"),
    (["check", "--jobs", "1"], "working"),
]


@pytest.mark.skipif(
    not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
    reason="needs Linux's /proc/PID/task/PID/children to see the workers start",
)
@pytest.mark.parametrize(("command", "when"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_ctrl_c_is_one_line_and_130(large_list: Path, command: list[str], when: str) -> None:
    before = _files(large_list)
    process = subprocess.Popen(
        [*TOOL, *command],
        cwd=large_list,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and process.poll() is None:
        if _children(process.pid) if when == "workers" else _cpu_seconds(process.pid) > 0.3:
            break
        time.sleep(0.002)
    assert process.poll() is None, "the command ended before Ctrl-C"
    os.killpg(process.pid, signal.SIGINT)  # to the whole group, as Ctrl-C in a terminal
    out, err = process.communicate(timeout=20)
    assert (process.returncode, out, err) == (130, b"", SAID.encode())
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # no worker is left running
    assert _files(large_list) == before  # nothing written, no temporary file left


def test_ctrl_c_in_process(
    large_list: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.chdir(large_list)
    monkeypatch.setattr("awesome_tools.commands.check.run", interrupted)
    handler = signal.getsignal(signal.SIGINT)
    assert main(["check"]) == 130
    assert capsys.readouterr() == ("", SAID)
    assert signal.getsignal(signal.SIGINT) is handler  # the caller's handler is given back


def _interrupt_self() -> str:
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(0.05)  # time for a handler to run, had the child one
    return "finished"


def test_a_worker_ignores_ctrl_c_and_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    parent = os.getpid()
    pending = workers.Pending(lambda: _interrupt_self() if os.getpid() != parent else "redone")
    assert pending.result() == "finished"  # done by the child, not redone here
    assert capfd.readouterr() == ("", "")


def test_ctrl_c_while_collecting_stops_every_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(pid: int, fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(workers, "_collect", interrupted)
    with pytest.raises(KeyboardInterrupt):
        map_runs(lambda start, end: list(range(start, end)), 30, 3, min_per_job=1)
    assert workers._LIVE == {}
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every child was stopped and waited for


def test_stop_children_stops_a_task_no_one_waits_for() -> None:
    workers.Pending(signal.pause)
    workers.Pending(signal.pause)
    assert len(workers._LIVE) == 2
    workers.stop_children()
    assert workers._LIVE == {}
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)
