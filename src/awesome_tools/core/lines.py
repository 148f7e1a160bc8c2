"""Two texts compared line by line."""

from __future__ import annotations


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
