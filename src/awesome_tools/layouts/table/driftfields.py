"""Which fields a drifted model block or overview row shows differently: a block read by its
summary, figure and cells under their headers (as `import` maps them), an overview row as
`import` reads it."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from awesome_tools.layouts.driftfields import differing, differing_flat

if TYPE_CHECKING:
    from awesome_tools.core.blocks import Block


@lru_cache(maxsize=64)
def _column(header: str) -> str | None:
    """The dotted field a header's column holds (`Datasets.Used`: `datasets.used`)."""
    from awesome_tools.layouts.table.columns import column_key

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
    return differing_flat(mine, want) if mine is not None and want is not None else []


def overview_row_fields(have: str, want: str) -> list[str]:
    """The fields an overview row shows differently from the row render writes."""
    from awesome_tools.layouts.table.importer import read_overview_row

    mine, theirs = read_overview_row(have), read_overview_row(want)
    return differing(mine, theirs) if mine is not None and theirs is not None else []
