"""A table README cut into segments (each model block, and the text between) for drift."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from awesome_tools.core.blockread import read_document
from awesome_tools.core.blocks import Block, Document
from awesome_tools.core.lines import common_ends
from awesome_tools.layouts.table.context import Segment


def segments(document: Document, lines: list[str]) -> list[Segment]:
    """Cut the lines into runs: each top-level block alone, the frame between them.

    Blank frames are left out: blank lines between blocks come and go with the blocks.
    """
    cuts: list[Segment] = []
    position = 0
    for block in document.blocks:
        if block.parent is not None:
            continue
        start, end = block.line - 1, block.end_line or len(lines)
        if start > position:
            cuts.append((position, start, None))
        cuts.append((start, end, block))
        position = end
    if position < len(lines):
        cuts.append((position, len(lines), None))
    return [c for c in cuts if c[2] is not None or "".join(lines[c[0] : c[1]]).strip()]


def expected_segments(
    have: list[Segment],
    have_lines: list[str],
    expected: str,
    want_lines: list[str],
    whole: Callable[[], list[Segment]] | None = None,
    rests: Collection[int] | None = None,
) -> list[Segment]:
    """The segments of the expected lines, parsing only the part that differs from README.md.

    README.md and the expected text share their lines up to the first difference and from the
    last one: the README's segments there are the expected text's. Only a window from the start
    of a top-level block before the first difference to the blank line after one after the
    last is parsed, with one whole segment of margin on each side. The window is trusted only
    if nothing crosses its edges: it starts where the README's whole parse is at rest (`rests`,
    README.md's `Document.rests`: the shared lines up to there leave the expected text at rest
    too), parsing README.md's own window gives exactly the README's segments there, and both
    windows end settled, nothing open and no block unclosed or unreadable, so that the shared
    lines after them read alike in both texts. Otherwise, when the texts share little (the
    window would be over half of README.md) or `rests` is None (`lint --no-shortcut`), the whole
    expected text is parsed: by `whole` when given (lint may have started it in another process).
    """
    if whole is None:
        whole = lambda: segments(read_document(expected), want_lines)  # noqa: E731
    if rests is None:
        return whole()
    prefix, suffix = common_ends(have_lines, want_lines)
    shift = len(want_lines) - len(have_lines)
    starts = [k for k, seg in enumerate(have) if seg[2] is not None and seg[1] <= prefix]
    ends = [
        k for k, seg in enumerate(have) if seg[2] is not None and seg[0] >= len(have_lines) - suffix
    ]
    if len(starts) < 2 or len(ends) < 2:
        return whole()
    first, last = starts[-2], ends[1]  # a whole block of margin on each side
    top, bottom = have[first][0], have[last][1] + 1  # and the blank line after it
    if 2 * (bottom - top) > len(have_lines):
        # Two window parses would cost more than one whole parse: edits far apart.
        return whole()
    if top not in rests or bottom > len(have_lines) or have_lines[bottom - 1].strip():
        return whole()
    mine = _window(have_lines, top, bottom)
    if mine is None or list(map(_shape, mine)) != list(map(_shape, have[first : last + 1])):
        return whole()
    theirs = _window(want_lines, top, bottom + shift)
    if theirs is None:
        return whole()
    after = [(a + shift, b + shift, block) for a, b, block in have[last + 1 :]]
    return [*have[:first], *theirs, *after]


def _shape(segment: Segment) -> tuple[int, int, str | None, str | None]:
    """What drift reads of a segment: its lines and its block's identity and name."""
    a, b, block = segment
    return (a, b, None, None) if block is None else (a, b, block.anchor, block.summary)


def _window(lines: list[str], top: int, bottom: int) -> list[Segment] | None:
    """The segments of lines[top:bottom] parsed alone, in the whole text's line numbers.

    None if the window leaves a block open or cannot be read, does not end settled (its last
    line blank, nothing open: `Document.settled`), or does not start and end with a block.
    """
    part = lines[top:bottom]
    # The window's blank last line is a whole line of it.
    document = read_document("\n".join(part) + "\n")
    if document.unclosed or document.unreadable is not None or not document.settled:
        return None
    found = [(a + top, b + top, block) for a, b, block in segments(document, part)]
    if not found or found[0][2] is None or found[-1][2] is None:
        return None
    return found


def split_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# A segment's lines, id, summary and values by field (`driftfields.block_values`).
Outline = list[tuple[int, int, str | None, str | None, dict[str, str] | None]]


@dataclass
class Outlined(Block):
    """A block parsed in another process: what drift reads of it, its values by field."""

    values: dict[str, str] | None = None


def outline(expected: str) -> Outline:
    """The expected text's segments as plain values (what another process sends back).

    Each block's values come too: the texts differ all over, so most blocks will be reported.
    """
    from awesome_tools.layouts.table.driftfields import block_values

    lines = split_lines(expected)
    return [
        (a, b, None, None, None)
        if block is None
        else (a, b, block.anchor, block.summary, block_values(block))
        for a, b, block in segments(read_document(expected), lines)
    ]


def from_outline(found: Outline) -> list[Segment]:
    """Segments again, each block standing in with the id, summary and values drift reads."""
    return [
        (
            a,
            b,
            None
            if summary is None
            else Outlined(
                a + 1, 1, False, end_line=b, anchor=anchor, summary_parts=[summary], values=values
            ),
        )
        for a, b, anchor, summary, values in found
    ]


def far_apart(text: str, expected: str) -> bool:
    """Whether the texts differ over more than half the README: drift then parses the whole
    expected text (`expected_segments`)."""
    have, want = split_lines(text), split_lines(expected)
    prefix, suffix = common_ends(have, want)
    return 2 * (len(have) - prefix - suffix) > len(have)
