"""Which fields of an entry a drifted part of a README shows differently, once both sides are
read back by field (each layout reads its own parts: `layouts/*/driftfields.py`).

The values are compared, so a message names `summary`, `links[1].url` or
`architecture.overview` rather than only a line. Only what differs is read back; a current README
never comes here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any


def _flat(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Each leaf value by its dotted path: `architecture.overview`, `links[1].url`."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if not str(key).startswith("_"):  # the reader's own notes (a panel's number)
                yield from _flat(inner, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _flat(inner, f"{path}[{index}]")
    else:
        yield path, value


def differing(have: dict[str, Any], want: dict[str, Any]) -> list[str]:
    """The dotted fields whose values differ, in the order render writes them."""
    return differing_flat(dict(_flat(have)), dict(_flat(want)))


def differing_flat(mine: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    """The keys whose values differ, of two mappings already flat, in `theirs`' order."""
    order = [*theirs, *(path for path in mine if path not in theirs)]
    return [path for path in order if mine.get(path) != theirs.get(path)]


def in_fields(fields: Sequence[str]) -> str:
    """The fields for a message: ` (summary, links[1].url)`, or nothing when none is known."""
    if not fields:
        return ""
    return f" ({'field' if len(fields) == 1 else 'fields'} {', '.join(fields)})"
