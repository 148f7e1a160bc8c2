"""The cyclic garbage collector, paused while a command makes objects that hold no cycle."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while thousands of acyclic objects are made.

    Entries, a README's parse and its blocks hold no reference cycles, so the collector frees
    nothing meanwhile; left running, each of its passes walks every object made so far, which
    costs more as the list grows. What was made lives on to the command's end: it is kept out
    of every later pass (`gc.freeze`), which would otherwise walk it all once more.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
