"""Processes sharing a large list (awesome_tools.io.workers): the answer never depends on them."""

from __future__ import annotations

import os
import re
import shutil
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.io import workers
from awesome_tools.io.workers import map_runs, runs_for
from awesome_tools.layouts.panel import render as panel

FIXTURES = Path(__file__).resolve().parent / "fixtures"
UPSTREAM = FIXTURES / "upstream-74897b3-README.md"

# (count, jobs, min_per_job, transfer) -> runs; the last run is the calling process's.
RUNS = [
    ((10_000, 1, 1000, 0.0), [(0, 10_000)]),
    ((10_000, 2, 1000, 0.0), [(0, 5000), (5000, 10_000)]),
    ((10_000, 2, 1000, 0.15), [(0, 4651), (4651, 10_000)]),
    ((10_000, 3, 1000, 0.0), [(0, 3333), (3333, 6667), (6667, 10_000)]),
    ((1999, 2, 1000, 0.0), [(0, 1999)]),  # under 1,000 files a process: one
    ((2000, 8, 1000, 0.0), [(0, 1000), (1000, 2000)]),  # no more processes than pay off
    ((0, 4, 1000, 0.0), [(0, 0)]),
    ((7, 3, 1, 0.0), [(0, 2), (2, 5), (5, 7)]),
]


@pytest.mark.parametrize(("given", "expected"), RUNS, ids=[str(r[0]) for r in RUNS])
def test_runs_cover_the_list_in_order(
    given: tuple[int, int, int, float], expected: list[tuple[int, int]]
) -> None:
    assert runs_for(*given) == expected


def _squares(start: int, end: int) -> list[int]:
    return [n * n for n in range(start, end)]


@pytest.mark.parametrize("jobs", [1, 2, 3, 5])
@pytest.mark.parametrize("count", [0, 1, 7, 100])
def test_the_result_is_the_serial_one(jobs: int, count: int) -> None:
    assert map_runs(_squares, count, jobs, min_per_job=1) == _squares(0, count)


def _in_child(parent: int, action: Callable[[], object]) -> Callable[[int, int], list[object]]:
    """A task that does `action` in a forked child and the real work in the parent."""

    def task(start: int, end: int) -> list[object]:
        if os.getpid() != parent:
            return [action()]
        return list(_squares(start, end))

    return task


def _raise() -> object:
    raise RuntimeError("boom")


def _kill() -> object:
    os.kill(os.getpid(), signal.SIGKILL)
    return None


def _unpicklable() -> object:
    return lambda: None


@pytest.mark.parametrize(
    "action", [_raise, _kill, _unpicklable], ids=["exception", "killed", "unpicklable"]
)
def test_a_child_that_fails_is_redone_by_the_parent(action: Callable[[], object]) -> None:
    task = _in_child(os.getpid(), action)
    assert map_runs(task, 30, 3, min_per_job=1) == _squares(0, 30)


def test_a_failure_in_the_parent_leaves_no_child_behind() -> None:
    parent = os.getpid()

    def task(start: int, end: int) -> list[int]:
        if os.getpid() == parent:
            raise ValueError("the parent's own run fails")
        return _squares(start, end)

    with pytest.raises(ValueError, match="the parent's own run fails"):
        map_runs(task, 30, 3, min_per_job=1)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every child was waited for


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        ("-1", "argument -j/--jobs: must be 0 or more, got -1"),
        ("two", "argument -j/--jobs: not a number: 'two'"),
    ],
)
def test_a_bad_jobs_value_is_a_usage_error(
    seed_project: Path, capsys: pytest.CaptureFixture[str], argument: str, message: str
) -> None:
    assert main(["check", "--jobs", argument]) == 2
    assert capsys.readouterr().err.rstrip().endswith(message)


COMMANDS = [["check"], ["lint"], ["render", "--check"], ["export", "json"]]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_every_command_says_the_same_with_any_number_of_processes(
    seed_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    # A hand-edit and a broken entry, so that there is something to say.
    readme = seed_project / "README.md"
    readme.write_text(readme.read_text("utf-8").replace("</summary>", " </summary>", 1))
    monkeypatch.setattr(workers, "MIN_PER_JOB", 1)  # the 10 entries are shared out
    said = []
    for jobs in ("1", "2", "3", "0"):
        code = main([*command, "--jobs", jobs])
        said.append((code, *capsys.readouterr()))
    assert said[0][0] in (0, 1)
    assert said == [said[0]] * 4


def _upstream(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The upstream catalog imported, with empty stand-ins for its figures (as test_panel)."""
    (root / "entries").mkdir(parents=True)
    monkeypatch.chdir(root)
    assert main(["import", str(UPSTREAM)]) == 0
    texts = "".join(p.read_text("utf-8") for p in (root / "entries").glob("*.yaml"))
    for figure in set(re.findall(r"^  file: (assets/\S+\.png)$", texts, re.M)):
        (root / figure).parent.mkdir(parents=True, exist_ok=True)
        (root / figure).write_bytes(b"")
    return root


def test_the_panel_readme_is_the_same_with_any_number_of_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _upstream(tmp_path / "list", monkeypatch)
    monkeypatch.setattr(workers, "MIN_PER_JOB", 10)  # 155 panels over 3 processes
    written = []
    for jobs in ("1", "3"):
        (root / "README.md").unlink(missing_ok=True)
        assert main(["render", "--jobs", jobs]) == 0
        written.append((root / "README.md").read_text("utf-8"))
    capsys.readouterr()
    assert written[0] == written[1]
    assert len(re.findall(r"^### \*\*", written[0], re.M)) == 155


# A frame that prints {{ panels }} bare gets the panels put in after rendering; the README must
# be the one the frame gives when rendered around them. (frame, panel template, spliced?)
FRAMES = [
    ("packaged", None, None, True),
    ("text after on the line", "# L\n\n{{ panels }} tail  \nend\n", None, True),
    ("blank after on the line", "# L\n\n{{ panels }}   \nend\n", None, True),
    (
        "panel ends in spaces, text after",
        "# L\n\n{{ panels }} tail\n",
        "{{ heading }}\n\n{{ summary }}   ",
        True,
    ),
    (
        "panel ends in spaces, nothing after",
        "# L\n\n{{ panels }}\n",
        "{{ heading }}   \n\n{{ summary }}\t ",
        True,
    ),
    ("printed twice", "# L\n\n{{ panels }}\n\n---\n\n{{ panels }}\n", None, True),
    ("a filter", "# L\n\n{{ panels | upper }}\n", None, False),
    ("a test too", "# L\n{% if panels %}\n{{ panels }}\n{% endif %}\n", None, False),
    ("an include", '# L\n\n{{ panels }}\n{% include "panel/end.md.j2" %}\n', None, False),
    ("no newline at the end", "# L\n\n{{ panels }}", None, True),
    ("blank lines at the end", "# L\n\n{{ panels }}\n\n\n", None, True),
]


@pytest.mark.parametrize(
    ("case", "frame", "panel_template", "spliced"), FRAMES, ids=[f[0] for f in FRAMES]
)
def test_the_spliced_panels_give_the_frame_s_own_readme(
    seed_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    frame: str | None,
    panel_template: str | None,
    spliced: bool,
) -> None:
    (seed_project / "awesome.yaml").write_text("layout: panel\n", encoding="utf-8")
    shutil.move(seed_project / "categories.yaml", seed_project / "old-categories.yaml")
    own = seed_project / "templates" / "panel"
    own.mkdir(parents=True)
    (own / "end.md.j2").write_text("the end\n", encoding="utf-8")
    (seed_project / "templates" / "README.md.j2").unlink()
    if frame is not None:
        (own / "README.md.j2").write_text(frame, encoding="utf-8")
    if panel_template is not None:
        (own / "panel.md.j2").write_text(panel_template, encoding="utf-8")
    readme = seed_project / "README.md"
    assert main(["render"]) == 0
    fast = readme.read_text("utf-8")
    called: list[bool] = []
    bare = panel._prints_bare

    def never(*args: object) -> bool:
        called.append(bare(*args))  # type: ignore[arg-type]
        return False

    monkeypatch.setattr(panel, "_prints_bare", never)
    readme.unlink()
    assert main(["render"]) == 0
    capsys.readouterr()
    assert called == [spliced]
    assert fast == readme.read_text("utf-8")
    assert not any(line != line.rstrip() for line in fast.split("\n"))
    assert fast.endswith("\n") and not fast.endswith("\n\n")


def test_a_pending_task_gives_its_result_or_is_done_here() -> None:
    parent = os.getpid()
    assert workers.Pending(lambda: _squares(0, 5)).result() == [0, 1, 4, 9, 16]
    # In the child the task fails; the parent then does it itself.
    failing = workers.Pending(lambda: 1 / (os.getpid() == parent) and "done here")
    assert failing.result() == "done here"
    unwanted = workers.Pending(lambda: signal.pause())
    unwanted.cancel()
    unwanted.cancel()  # twice is harmless
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every child was waited for


def test_a_readme_drifted_all_over_is_linted_the_same_by_two_processes(
    seed_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:

    readme = seed_project / "README.md"
    text = readme.read_text("utf-8").replace(
        "</td>\n</tr>\n</tbody>", " (edited)</td>\n</tr>\n</tbody>"
    )
    readme.write_text(text, "utf-8")
    started: list[object] = []
    real = workers.Pending.__init__

    def recorded(self: workers.Pending[object], task: Callable[[], object]) -> None:
        started.append(task)
        real(self, task)

    monkeypatch.setattr(workers.Pending, "__init__", recorded)
    monkeypatch.setattr(workers, "MIN_PARALLEL", 0)
    said = []
    for jobs in ("1", "2"):
        said.append((main(["lint", "--jobs", jobs]), *capsys.readouterr()))
    assert len(started) == 1  # only with two processes
    assert said[0] == said[1]
    assert said[0][0] == 1
    assert said[0][1].count("error[drift]") == 10
    # Each names the field, read back here for the README, over there for the expected text.
    assert said[0][1].count("(field datasets.purpose)") == 10


def test_a_child_knows_no_sibling_as_its_own_child(monkeypatch: pytest.MonkeyPatch) -> None:
    # A child that runs out of its render budget kills its own children (none), not the
    # parent's other children.
    def live(start: int, end: int) -> list[int]:
        return [len(workers._LIVE)]

    assert workers.map_runs(live, 3, 3, min_per_job=1) == [0, 0, 2]
