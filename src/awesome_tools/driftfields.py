"""Which fields of an entry a drifted block or panel shows differently: both texts read back.

The README's block and the one render writes are each read as `import` reads them (the same
mapping from cells, badges and figure lines to fields), and the two sets of values compared, so
a message names `summary`, `links[1].url` or `architecture.overview` rather than only a line.
Only a block that differs is read, twice; a current README never comes here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from awesome_tools.blocks import Block


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
    mine, theirs = dict(_flat(have)), dict(_flat(want))
    order = [*theirs, *(path for path in mine if path not in theirs)]
    return [path for path in order if mine.get(path) != theirs.get(path)]


def table_block_fields(have: Block, want: Block, want_lines: Sequence[str]) -> list[str]:
    """The fields a README's model block shows differently from the block render writes.

    Both blocks come parsed with their texts; an expected block that stands in for one parsed
    in another process (no table) is parsed again from its lines.
    """
    from awesome_tools.blocks import read_document
    from awesome_tools.importer import read_block

    if not want.tables:
        blocks = [b for b in read_document("\n".join(want_lines)).blocks if b.parent is None]
        if len(blocks) != 1:
            return []
        want = blocks[0]
    mine, theirs = read_block(have), read_block(want)
    return differing(mine, theirs) if mine is not None and theirs is not None else []


def overview_row_fields(have: str, want: str) -> list[str]:
    """The fields an overview row shows differently from the row render writes."""
    from awesome_tools.importer import read_overview_row

    mine, theirs = read_overview_row(have), read_overview_row(want)
    return differing(mine, theirs) if mine is not None and theirs is not None else []


def panel_fields(have: Sequence[str], want: Sequence[str]) -> list[str]:
    """The fields a README's panel shows differently from the panel render writes."""
    from awesome_tools.panelparse import Reader, read_panel
    from awesome_tools.panelparts import HEADING

    if not (have and want and HEADING.match(have[0]) and HEADING.match(want[0])):
        return []
    mine, theirs = (read_panel(Reader("", list(t)), 0, len(t), 0) for t in (have, want))
    return differing(mine, theirs)


def in_fields(fields: Sequence[str]) -> str:
    """The fields for a message: ` (summary, links[1].url)`, or nothing when none is known."""
    if not fields:
        return ""
    return f" ({'field' if len(fields) == 1 else 'fields'} {', '.join(fields)})"
