"""The render budget: how long the list's templates may run and how much text they may write.

Templates are code that arrives in pull requests: `{{ "x" * 10**12 }}` asks for a terabyte and
two nested loops over `range(100000)` run for hours. A render (README, its extra files, the page)
runs within a budget, and going over it is a `template` diagnostic at the template's line:

- **time**: `seconds`, by default 60 s plus 2 ms per entry. A watching thread stops the render
  where it is (`_Watchdog`).
- **output**: `output_mb` MiB of text, by default 64 MiB plus 16 KiB per entry. A repetition
  (`*`) or a power (`**`) in a template whose result would be longer is refused before it is
  made; every rendered text is measured.
- **memory**: what rendering may take beyond what the process holds when it starts, 256 MiB plus
  16 bytes per character of the output budget (Python may hold a text as four bytes per
  character, and a render holds a few copies); an allocation past it is a `MemoryError`,
  reported like the rest.
  Set with `RLIMIT_AS` where the system has it and says how much the process holds (Linux).

A list sets either in `awesome.yaml` (`render_budget: {seconds: 120, output_mb: 100}`).
"""

from __future__ import annotations

import math
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

MIB = 1024 * 1024
BASE_SECONDS, SECONDS_PER_ENTRY = 60.0, 0.002
BASE_CHARS, CHARS_PER_ENTRY = 64 * MIB, 16 * 1024
BASE_MEMORY, BYTES_PER_CHAR = 256 * MIB, 16
SETTING = "render_budget"


class BudgetExceeded(Exception):
    """A render went over its budget: the message says which and how to raise it."""


@dataclass(frozen=True)
class Budget:
    """What awesome.yaml's `render_budget` says; None: the default for the list's size
    (`NO_BUDGET`: both unset)."""

    seconds: float | None = None
    output_mb: float | None = None

    def limits(self, entries: int) -> Limits:
        """The limits of a render of that many entries."""
        seconds = self.seconds
        if seconds is None:
            seconds = BASE_SECONDS + SECONDS_PER_ENTRY * entries
        chars = BASE_CHARS + CHARS_PER_ENTRY * entries
        if self.output_mb is not None:
            chars = int(self.output_mb * MIB)
        return Limits(seconds, chars, self.seconds is not None, self.output_mb is not None)


NO_BUDGET = Budget()


@dataclass(frozen=True)
class Limits:
    """One render's limits: seconds, characters written, whether each was set by the list."""

    seconds: float
    chars: int
    seconds_set: bool = False
    chars_set: bool = False

    @property
    def memory(self) -> int:
        """Bytes of address space a render may take beyond what the process holds."""
        return BASE_MEMORY + BYTES_PER_CHAR * self.chars

    def memory_text(self) -> str:
        """The memory budget in words."""
        return (
            f"{_mib(self.memory)} beyond what the list holds ({_mib(BASE_MEMORY)} and "
            f"{BYTES_PER_CHAR} bytes per character of the output budget, {self.output_text()})"
        )

    def output_text(self) -> str:
        """The output budget in words, with the setting that changes it."""
        how = "as awesome.yaml sets it" if self.chars_set else "the default for this list"
        return f"{_mib(self.chars)} ({how}: {SETTING}.output_mb)"

    def time_text(self) -> str:
        """The time budget in words, with the setting that changes it."""
        how = "as awesome.yaml sets it" if self.seconds_set else "the default for this list"
        return f"{self.seconds:g} s ({how}: {SETTING}.seconds)"


def _mib(size: int) -> str:
    return f"{size / MIB:.4g} MiB"


# The limits of the render under way (this process); a render inside another shares its budget.
_ACTIVE: Limits | None = None


class TimeUp(BudgetExceeded):
    """Raised in the rendering thread when its time budget runs out (`Templates.problem` words
    it with the limits)."""


@contextmanager
def enforced(limits: Limits) -> Iterator[Limits]:
    """Run the block within the limits (nested: within the outer render's); the limits that
    hold."""
    global _ACTIVE
    if _ACTIVE is not None:
        yield _ACTIVE
        return
    _ACTIVE = limits
    # The address-space cap is the process's: a render in another thread (beside others) is
    # not capped.
    main = threading.current_thread() is threading.main_thread()
    memory = _cap_memory(limits.memory) if main else None
    watchdog = _Watchdog(limits.seconds)
    try:
        yield limits
    finally:
        try:
            watchdog.stop()
        finally:
            _ACTIVE = None
            _restore_memory(memory)


class _Watchdog:
    """Stops the thread that started it after `seconds`, where it is: a thread waits, then
    raises TimeUp in it (`PyThreadState_SetAsyncExc`, as Ctrl-C raises KeyboardInterrupt), and
    again every 0.2 s until the render ends, in case something caught it. No signal is used, so
    a test runner's or fuzzer's own timer is left alone, and it works on every system. The
    processes a render shares its work with are killed first: a parent waiting on one would not
    run Python code until it ends; it then does that share itself, and stops in it."""

    def __init__(self, seconds: float) -> None:
        self.target = threading.get_ident()
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.fired = False
        threading.Thread(target=self._watch, args=(seconds,), daemon=True).start()

    def _watch(self, seconds: float) -> None:
        if self.done.wait(seconds):
            return
        from awesome_tools.io.workers import kill_children

        killed = False
        while True:
            with self.lock:
                if self.done.is_set():
                    return
                if not killed and kill_children():
                    # The parent does the killed share itself: stopped in it a moment later,
                    # the diagnostic names the template line that runs on.
                    killed = True
                else:
                    self.fired = True
                    _raise_in(self.target, TimeUp)
            if self.done.wait(0.2):
                return

    def stop(self) -> None:
        """End the watch; an exception it set that has not been raised yet is dropped."""
        with self.lock:
            self.done.set()
            if self.fired:
                _raise_in(self.target, None)


def _raise_in(thread: int, exc: type[BaseException] | None) -> None:
    """Raise exc in a thread of this process at its next Python instruction (None: clear one
    still pending)."""
    import ctypes

    value = ctypes.py_object(exc) if exc is not None else ctypes.c_void_p(None)
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), value)


def _cap_memory(extra: int) -> tuple[int, int] | None:
    """Cap the address space at what the process holds plus `extra`; the limits it had."""
    try:
        import resource

        with open("/proc/self/statm", "rb") as statm:
            held = int(statm.read().split()[0]) * resource.getpagesize()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = held + extra
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        if soft != resource.RLIM_INFINITY and soft <= cap:
            return None  # already as tight
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError, IndexError):
        return None  # no such limit here (not Linux): allocations are not capped
    return soft, hard


def _restore_memory(limits: tuple[int, int] | None) -> None:
    if limits is not None:
        import resource

        with suppress(OSError, ValueError):
            resource.setrlimit(resource.RLIMIT_AS, limits)


def checked_binop(operator: str, left: object, right: object) -> None:
    """Refuse a repetition or power whose result would be longer than the output budget."""
    limits = _ACTIVE
    if limits is None:
        return
    if operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
        # A number is printed in at most sys.get_int_max_str_digits() digits (4300 by default);
        # one longer could not be shown, and making it may take minutes in one step.
        digits = right * math.log10(abs(left)) if abs(left) > 1 else 0
        most = sys.get_int_max_str_digits() or limits.chars
        if digits > most:
            raise BudgetExceeded(
                f"`**` would make a number of {digits:.4g} digits, more than can be printed "
                f"({most} digits)"
            )
    if operator != "*":
        return
    for seq, times in ((left, right), (right, left)):
        if not isinstance(seq, str | bytes | list | tuple) or not isinstance(times, int):
            continue
        if len(seq) * times > limits.chars:
            raise BudgetExceeded(
                f"`*` would make a value of {len(seq) * times:.4g} items, more than the "
                f"output budget of {limits.output_text()}"
            )


def checked_output(text: str, what: str) -> str:
    """The text a template wrote, if it is within the output budget."""
    limits = _ACTIVE
    if limits is not None and len(text) > limits.chars:
        raise BudgetExceeded(
            f"{what} would be {_mib(len(text))} of text, more than the output budget of "
            f"{limits.output_text()}"
        )
    return text
