"""What drift (`layouts/drift.py`) needs of the table layout: each entry's parts of a README
(its model block and its overview row), and which fields two versions of a part show
differently. Of the expected text only the window around the differences is parsed
(`core/lines.diff_window`, the one the partial lint cuts at), or all of it, maybe in another
process (`outline`)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection, Iterator, Sequence

from awesome_tools.core.blockread import read_document
from awesome_tools.core.blocks import Block, Document
from awesome_tools.core.lines import common_ends, diff_window
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.layouts.drift import Part, Side, drift, split_lines
from awesome_tools.layouts.driftwords import Names
from awesome_tools.layouts.table.context import Context
from awesome_tools.layouts.views import GLANCE_CELLS, GLANCE_ROW, view_parts

# An overview row: a line outside the blocks linking to a model's block by its id.
_ROW = re.compile(r'href="#([^"]+)"[^>]*>([^<]*)<')


def block_starts(lines: list[str]) -> list[int]:
    """The 0-based lines that open a top-level `<details>` block: at column 0, after a blank
    line (or first). The partial lint and drift cut a README only at these lines."""
    return [
        i
        for i, line in enumerate(lines)
        if line.startswith("<details") and (i == 0 or not lines[i - 1].strip())
    ]


def table_parts(document: Document, lines: list[str]) -> list[Part]:
    """The entries' parts of README lines: each top-level block, each overview row (a line
    between blocks that links to a block's id)."""
    parts: list[Part] = []
    position = 0
    for block in document.blocks:
        if block.parent is not None:
            continue
        start, end = block.line - 1, block.end_line or len(lines)
        parts += _rows(lines, position, start)
        parts.append(_block(start, end, block, block))
        position = end
    parts += _rows(lines, position, len(lines))
    return parts


def _block(start: int, end: int, block: Block, data: object) -> Part:
    """A model block's part: known by its id, else by its summary."""
    key = block.anchor or block.summary.casefold()
    return Part(start, end, "block", key, block.summary, data)


def _rows(lines: list[str], start: int, end: int) -> Iterator[Part]:
    """The overview's rows and the views' parts (`views.view_parts`: a glance row is its
    entry's, a diagram the whole list's) of the frame text from `start` to `end`."""
    diagrams = {part.start: part for part in view_parts(lines, start, end)}
    k = start
    while k < end:
        if k in diagrams:
            yield diagrams[k]
            k = diagrams[k].end
            continue
        if 'href="#' in lines[k] and (found := _ROW.search(lines[k])):
            name = html.unescape(found[2]) if "&" in found[2] else found[2]
            kind = GLANCE_ROW if lines[k].count("<td>") == GLANCE_CELLS else "overview row"
            yield Part(k, k + 1, kind, found[1], name)
        k += 1


def table_drift(ctx: Context, expected: str) -> Iterator[Diagnostic]:
    """`drift` of a table README, its expected text parsed only around the differences where
    that is shown to read as the whole (`expected_parts`)."""
    have_lines, want_lines = split_lines(ctx.text), split_lines(expected)
    have = table_parts(ctx.document, have_lines)
    rests = ctx.document.rests if ctx.shortcuts else None
    want = expected_parts(have, have_lines, expected, want_lines, ctx.expected_outline, rests)
    names = Names(ctx.path, ctx.entry_files, ctx.frame, ctx.fixes)
    yield from drift(
        ctx.text, expected, Side(have_lines, have), Side(want_lines, want), names, table_fields
    )


def expected_parts(
    have: list[Part],
    have_lines: list[str],
    expected: str,
    want_lines: list[str],
    whole: Callable[[], list[Part]] | None = None,
    rests: Collection[int] | None = None,
) -> list[Part]:
    """The parts of the expected lines, parsing only the window around where they differ from
    README.md (`diff_window`, cut at the README's top-level blocks).

    Outside the window the README's parts are the expected text's. The window is trusted only
    if nothing crosses its edges: it starts where the README's whole parse is at rest (`rests`,
    README.md's `Document.rests`: the shared lines up to there leave the expected text at rest
    too), parsing README.md's own window gives exactly the README's parts there, and both
    windows end settled, nothing open and no block unclosed or unreadable, so that the shared
    lines after them read alike in both texts. Otherwise, when the texts share little or `rests`
    is None (`lint --no-shortcut`), the whole expected text is parsed: by `whole` when given
    (lint may have started it in another process).
    """
    if whole is None:
        whole = lambda: table_parts(read_document(expected), want_lines)  # noqa: E731
    starts = [
        p.start
        for p in have
        if p.kind == "block" and (p.start == 0 or not have_lines[p.start - 1].strip())
    ]
    window = diff_window(have_lines, want_lines, starts) if rests is not None else None
    if window is None or (window.top and window.top not in (rests or ())):
        return whole()
    top, bottom = window.top, window.bottom
    inside = [p for p in have if top <= p.start < bottom]
    mine = _window(have_lines, top, bottom)
    if mine is None or list(map(_shape, mine)) != list(map(_shape, inside)):
        return whole()
    theirs = _window(want_lines, top, bottom + window.shift)
    if theirs is None:
        return whole()
    after = [
        Part(p.start + window.shift, p.end + window.shift, p.kind, p.key, p.name, p.data)
        for p in have
        if p.start >= bottom
    ]
    return [*(p for p in have if p.start < top), *theirs, *after]


def _shape(part: Part) -> tuple[int, int, str, str, str]:
    """What drift reads of a part: its lines, kind, identity and name."""
    return part.start, part.end, part.kind, part.key, part.name


def _window(lines: list[str], top: int, bottom: int) -> list[Part] | None:
    """The parts of lines[top:bottom] parsed alone, in the whole text's line numbers; None if
    the window leaves a block open or cannot be read, or, short of the end, does not end
    settled (its last line blank, nothing open: `Document.settled`)."""
    part = lines[top:bottom]
    # The window's blank last line is a whole line of it.
    document = read_document("\n".join(part) + "\n")
    if document.unclosed or document.unreadable is not None:
        return None
    if bottom < len(lines) and not document.settled:
        return None
    return [
        Part(p.start + top, p.end + top, p.kind, p.key, p.name, p.data)
        for p in table_parts(document, part)
    ]


def outline(expected: str) -> list[Part]:
    """The expected text's parts, each block's data its values by field (`block_values`), as
    another process sends them back: the texts differ all over, so most blocks will be
    reported."""
    from awesome_tools.layouts.table.driftfields import block_values

    lines = split_lines(expected)
    return [
        p._replace(data=block_values(p.data)) if p.data is not None else p
        for p in table_parts(read_document(expected), lines)
    ]


def far_apart(text: str, expected: str) -> bool:
    """Whether the texts differ over more than half the README, so that drift will parse the
    whole expected text (`diff_window` has no window then): lint may begin that parse in another
    process before it parses the README."""
    have, want = split_lines(text), split_lines(expected)
    prefix, suffix = common_ends(have, want)
    return 2 * (len(have) - prefix - suffix) > len(have)


def table_fields(
    mine: Part, mine_lines: Sequence[str], theirs: Part, their_lines: Sequence[str]
) -> list[str]:
    """The fields two versions of a block or an overview row show differently."""
    from awesome_tools.layouts.table.driftfields import (
        block_values,
        overview_row_fields,
        table_block_fields,
    )

    if isinstance(mine.data, Block) and theirs.kind == "block":
        want = theirs.data if not isinstance(theirs.data, Block) else block_values(theirs.data)
        return table_block_fields(mine.data, want)
    if mine.kind == theirs.kind == "overview row":
        return overview_row_fields(mine_lines[0], their_lines[0])
    return []
