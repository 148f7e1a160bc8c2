"""Which fields of an entry a drifted block, overview row or panel shows differently.

Both sides, the README's and what render writes, are read back by the field each part shows:
a model block by its summary, figure and cells under their headers (as `import` maps them), a
panel and an overview row as `import` reads them. The values are compared, so a message names
`summary`, `links[1].url` or `architecture.overview` rather than only a line. Only what differs
is read back; a current README never comes here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
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
    return _differing(dict(_flat(have)), dict(_flat(want)))


def _differing(mine: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    order = [*theirs, *(path for path in mine if path not in theirs)]
    return [path for path in order if mine.get(path) != theirs.get(path)]


@lru_cache(maxsize=64)
def _column(header: str) -> str | None:
    """The dotted field a header's column holds (`Datasets.Used`: `datasets.used`)."""
    from awesome_tools.columns import column_key

    key = column_key(header)
    return ".".join(key) if key is not None else None


def block_values(block: Block) -> dict[str, str] | None:
    """A model block's parts by the field each shows, as written (entities decoded): its
    summary, figure and cells, the Title cell's links apart; None for a block without a row.

    Read as import maps a block, but without making each cell canonical text: drift compares
    every block of a README drifted all over, so this stays a few joins a block.
    """
    if not block.tables or not block.tables[0].rows:
        return None
    table = block.tables[0]
    values = {"name": "".join(block.summary_parts)}
    if block.figures:
        values["figure.file"], values["figure.alt"] = block.figures[0].src, block.figures[0].alt
    for header, cell in zip(table.headers, table.rows[0], strict=False):
        field = _column("".join(header.parts))
        if field == "title":
            values["url"] = " ".join(link.href or "" for link in cell.links)
        if field is not None:
            values[field] = "".join(cell.parts)
    return values


def table_block_fields(have: Block, want: dict[str, str] | None) -> list[str]:
    """The fields a README's model block shows differently from the block render writes, whose
    values (`block_values`) are `want`."""
    mine = block_values(have)
    return _differing(mine, want) if mine is not None and want is not None else []


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
