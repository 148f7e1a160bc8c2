"""Share per-file work between the machine's cores, for lists of thousands of entries.

Loading and validating an entry file depends on that file alone, so a large list is cut into
contiguous runs, each run is done in a forked process (the parent does the last run itself) and
the results come back pickled, in order, through an anonymous in-memory file (`memfd`): the
child writes its pickle there at memory speed while the parent still works, where a pipe would
make the two wait on each other every 64 KiB (tens of megabytes at 10,000 entries). Nothing
changes for the caller: a run that fails in a child (an exception, a signal, a result that
cannot be pickled) is done again in the parent, so the answer never depends on the fan-out. A
list of fewer than `MIN_PER_JOB` files per process, a system other than Linux and `jobs == 1`
run serially, in the calling process.
"""

from __future__ import annotations

import mmap
import os
import pickle
import signal
import sys
from collections.abc import Callable
from contextlib import suppress
from itertools import pairwise
from typing import Generic, TypeVar

T = TypeVar("T")

# A fork and the pickled results cost about as much as loading and validating a few hundred
# files: below this many files per process, one process is faster.
MIN_PER_JOB = 1000

# What `--jobs` gives when it asks for the default: every usable CPU.
AUTO = 0

# Forking a process is safe on Linux; on macOS system libraries may not survive it (Python's
# multiprocessing spawns there) and Windows has no fork: elsewhere one process does the work.
FORK = sys.platform.startswith("linux") and hasattr(os, "fork") and hasattr(os, "memfd_create")

# Every child started and not yet waited for: its pid and the in-memory file it writes its
# results to.
_LIVE: dict[int, int] = {}


def usable_cpus() -> int:
    """How many CPUs this process may run on (its affinity where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_jobs(requested: int) -> int:
    """The number of processes to use: `requested`, or every usable CPU for AUTO."""
    return usable_cpus() if requested == AUTO else requested


def runs_for(
    count: int, jobs: int, min_per_job: int = MIN_PER_JOB, transfer: float = 0.0
) -> list[tuple[int, int]]:
    """Cut range(count) into contiguous (start, end) runs, one per process that pays off.

    The last run is the calling process's. `transfer` is what sending a child's result back
    costs, as a share of computing it: the children get that much less to do, so that all
    finish together.
    """
    processes = max(1, min(jobs, count // max(min_per_job, 1)))
    if not FORK:
        processes = 1
    # Each child's share c and the calling process's share p finish together when
    # c * (1 + transfer) == p, and (processes - 1) * c + p == 1.
    child = 1 / (processes + transfer)
    edges = [round(count * k * child) for k in range(processes)] + [count]
    return list(pairwise(edges))


def map_runs(
    task: Callable[[int, int], list[T]],
    count: int,
    jobs: int,
    *,
    min_per_job: int | None = None,
    transfer: float = 0.0,
) -> list[T]:
    """task(start, end) for runs covering range(count), concatenated in order.

    Every run but the last is done in a forked child; a child that fails is redone here.
    `transfer` is what pickling a result costs as a share of computing it (`runs_for`).
    """
    runs = runs_for(count, jobs, MIN_PER_JOB if min_per_job is None else min_per_job, transfer)
    if len(runs) == 1:
        return task(0, count)
    # Children not yet collected: stopped if this process fails or is interrupted (Ctrl-C).
    children: list[tuple[int, int, int, int]] = []
    try:
        for start, end in runs[:-1]:
            children.append((*_fork(task, start, end), start, end))
        last = task(*runs[-1])
        results: list[T] = []
        while children:
            pid, fd, start, end = children[0]
            part: list[T] | None = _collect(pid, fd)
            children.pop(0)
            results.extend(task(start, end) if part is None else part)
    except BaseException:
        for pid, _, _, _ in children:
            _stop(pid)
        raise
    results.extend(last)
    return results


def _fork(task: Callable[[int, int], list[T]], start: int, end: int) -> tuple[int, int]:
    """Start a child that pickles task(start, end) into an in-memory file; its pid and file."""
    results = os.memfd_create("awesome-tools-results", os.MFD_CLOEXEC)
    # Ctrl-C is the parent's to answer (one line, exit 130, children stopped): a child ignores
    # SIGINT, set while it is blocked so that none arrives before, and prints no traceback.
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 1
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
            # Its siblings are the parent's children, not its own: a render budget running out
            # here (`budget.py` kills the children of the process it watches) leaves them be.
            _LIVE.clear()
            with open(results, "wb", closefd=False) as out:
                pickle.dump(task(start, end), out, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            # No traceback, no atexit handlers, no flush of buffers copied from the parent:
            # only the exit status and the file speak.
            os._exit(code)
    _LIVE[pid] = results
    try:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # a pending Ctrl-C is raised here
    except BaseException:
        _stop(pid)
        raise
    return pid, results


def _collect(pid: int, fd: int) -> list[T] | None:
    """A child's results, or None if it failed (the caller then does its run itself)."""
    _, status = os.waitpid(pid, 0)
    del _LIVE[pid]
    try:
        if status != 0:
            return None
        # Unpickled straight from the file's pages: no copy of the whole pickle is made.
        with mmap.mmap(fd, os.fstat(fd).st_size, prot=mmap.PROT_READ) as data:
            result: list[T] = pickle.loads(data)
    except Exception:
        return None
    finally:
        os.close(fd)
    return result


def _stop(pid: int) -> None:
    """Stop a child whose result is not wanted, and wait for it (unless already waited for)."""
    fd = _LIVE.pop(pid, None)
    if fd is None:
        return
    os.close(fd)
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with suppress(ChildProcessError):
        os.waitpid(pid, 0)


def kill_children() -> int:
    """Kill every child still working, from any thread; how many. Nothing else is touched, so
    the parent waiting for a child sees it end (a failed run, which it then does itself)."""
    killed = 0
    for pid in list(_LIVE):
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
            killed += 1
    return killed


def stop_children() -> None:
    """Stop every child still working (a `Pending` no one waits for after Ctrl-C)."""
    for pid in list(_LIVE):
        _stop(pid)


class Pending(Generic[T]):
    """One task started in a forked child, to be waited for later (`result`).

    Where there is no fork, or the child fails, `result` does the task itself. A task that is
    not wanted after all is `cancel`led: its child is stopped and waited for.
    """

    def __init__(self, task: Callable[[], T]) -> None:
        self.task = task
        self.child = _fork(lambda start, end: [task()], 0, 1) if FORK else None

    def result(self) -> T:
        if self.child is not None:
            pid, fd = self.child
            self.child = None
            part: list[T] | None = _collect(pid, fd)
            if part is not None:
                return part[0]
        return self.task()

    def cancel(self) -> None:
        if self.child is not None:
            pid, _ = self.child
            self.child = None
            _stop(pid)


# Below this many characters a README parses faster than a process starts.
MIN_PARALLEL = 1_000_000
