"""Two texts compared line by line."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass


def common_ends(have: list[str], want: list[str]) -> tuple[int, int]:
    """How many lines two texts share at their start, and then at their end."""
    limit = min(len(have), len(want))
    prefix = 0
    while prefix < limit and have[prefix] == want[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and have[-1 - suffix] == want[-1 - suffix]:
        suffix += 1
    return prefix, suffix


@dataclass(frozen=True)
class Window:
    """The lines around where two texts differ: README lines `top` to `bottom` (exclusive),
    the expected text's `top` to `bottom + shift`; outside it both texts are the same lines."""

    top: int
    bottom: int
    shift: int


def diff_window(have: list[str], want: list[str], starts: list[int]) -> Window | None:
    """The window around every difference of README lines `have` from the expected `want`,
    cut at README lines that may start a part (`starts`, ascending): from the second start at
    or before the first differing line to the second start in the shared lines at the end, so
    that a whole part of margin lies on each side (or from the first line, or to the last, where
    there are not two). None when the window would hold over half of README.md: edits far
    apart, where parsing both windows would cost more than parsing one text whole.

    The partial lint and drift both cut here (`layouts/table/lintpart.py`, `segments.py`).
    """
    prefix, suffix = common_ends(have, want)
    before = bisect_right(starts, prefix)
    after = bisect_left(starts, len(have) - suffix)
    top = starts[before - 2] if before >= 2 else 0
    bottom = starts[after + 1] if after + 1 < len(starts) else len(have)
    if 2 * (bottom - top) > len(have):
        return None
    return Window(top, bottom, len(want) - len(have))
