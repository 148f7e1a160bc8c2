"""Lint of only the part of a README that differs from the expected one, when it provably
stands for the whole (lint's shortcut, with awesome_tools.engine.proof).

Outside the part README.md and the expected text are the same lines. Whatever lint would find
there it would find in the expected text, which templates proven by the probes wrote: nothing.
That holds only if the parse outside the part is the same in both texts, that is if neither
parser (markdown-it's blocks, the HTML reader) carries anything across the part's edges:

- the part starts at a line that opens a top-level `<details>` block after a blank line, two
  blocks before the first difference: the lines up to it and the line itself are the expected
  text's, and the proof checked that the probes' README is at rest at every such line (no
  fence, raw HTML block, comment, `<script>` or `<details>` open; `Document.rests`), so the
  expected text and README.md are at rest there alike;
- the part ends before such a line two blocks after the last difference, and both parts, each
  parsed alone, end settled (`Document.settled`): a blank last line in no Markdown block, the
  HTML reader holding nothing. The line after, the same in both texts, then starts afresh in
  both, and the rest of both texts reads the same.

What crosses the edges otherwise is checked too: each block of the README's part is one the
expected part has (drift and duplicate-model compare blocks across the whole); a frame text the
two parts hold a different number of times is not outside them (drift numbers frames of one
text in order); an image in the part is not one a link reference definition elsewhere makes.
When any of this fails, None: the whole README is linted.
"""

from __future__ import annotations

from collections import Counter

from awesome_tools.core.blockread import read_document
from awesome_tools.core.blocks import Block, Document
from awesome_tools.core.fixes import CONSOLE, Fixes
from awesome_tools.core.lines import diff_window
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.layouts.drift import Side, segments
from awesome_tools.layouts.table.context import Context
from awesome_tools.layouts.table.lint import CHECKS
from awesome_tools.layouts.table.segments import block_starts, table_parts


def cuts_at_rest(text: str) -> bool:
    """Whether README text is at rest at every line `lint_part` may start a part at (the proof
    asks this of the probes' README)."""
    return set(block_starts(text.split("\n"))) <= read_document(text).rests


def _part(lines: list[str], top: int, bottom: int) -> str:
    """lines[top:bottom] at their own line numbers; a part that stops short of the end ends
    with its blank last line as a whole line."""
    part = "\n" * top + "\n".join(lines[top:bottom])
    return part + "\n" if bottom < len(lines) else part


def lint_part(
    text: str,
    path: str,
    expected: str,
    *,
    entry_files: dict[str, str],
    template: str = "templates/README.md.j2",
    fixes: Fixes = CONSOLE,
) -> list[Diagnostic] | None:
    """Lint only the blocks around where README text differs from the expected text, which
    templates that render clean READMEs wrote (awesome_tools.engine.proof); None when the part
    cannot be shown to stand for the whole (the caller then lints the whole).

    The part runs from the start of the top-level block before the first differing line to the
    end of the one after the last, with one block of margin on each side; both texts' parts are
    linted with their own line numbers.
    """
    if "\r" in text or "\r" in expected:
        return None
    have, want = text.split("\n"), expected.split("\n")
    window = diff_window(have, want, block_starts(have))
    if window is None:
        return None  # edits far apart: the whole is parsed once instead
    top, bottom = window.top, window.bottom
    mine, theirs = _part(have, top, bottom), _part(want, top, bottom + window.shift)
    document, expected_document = read_document(mine), read_document(theirs)
    for part in (document, expected_document):
        if part.unreadable or part.unclosed or part.stray_closes:
            return None
        if bottom < len(have) and not part.settled:
            return None  # something runs on past the part's end
        if any(block.parent is not None for block in part.blocks):
            return None
    # Each block of the README's part is one of the expected part's, with the same name and
    # paper link: what duplicate-model compares with the blocks outside the part is unchanged.
    wanted = {_identity(b): _compared(b) for b in expected_document.blocks}
    if any(wanted.get(_identity(b), ()) != _compared(b) for b in document.blocks):
        return None
    span = _offset(have, top), _offset(have, bottom)
    if _frames_cross(text, span, (document, mine), (expected_document, theirs)):
        return None
    if ("![" in mine or "![" in theirs) and ("]:" in text or "]:" in expected):
        return None  # an image may be one a reference definition outside the part makes
    ctx = Context(
        path, mine, document, expected=theirs, entry_files=entry_files, frame=template, fixes=fixes
    )
    return CHECKS.run(ctx)


def _offset(lines: list[str], line: int) -> int:
    """Where a line starts in the text the lines were split from."""
    return sum(map(len, lines[:line])) + line


def _frames_cross(text: str, span: tuple[int, int], *parts: tuple[Document, str]) -> bool:
    """Whether a frame (text between the entries' parts) or an overview row that one part
    holds more often than the other is also in the README outside the parts: drift numbers
    the repeats of one text in order, and over the whole it would pair such a one with one
    across the edge."""
    counts = []
    for document, part in parts:
        lines = part.split("\n")
        side = Side(lines, table_parts(document, lines))
        counts.append(
            Counter(
                "\n".join(lines[s.start : s.end]) if not s.kind else f'href="#{s.key}"'
                for s in segments(side)
                if s.kind != "block"
            )
        )
    mine, theirs = counts
    start, end = span
    differing = {frame.strip() for frame in (mine - theirs) + (theirs - mine)}
    return any(text.find(frame, 0, start) >= 0 or text.find(frame, end) >= 0 for frame in differing)


def _identity(block: Block) -> str:
    return block.anchor or block.summary.casefold()


def _compared(block: Block) -> tuple[str, str | None]:
    """What duplicate-model compares across blocks: the name and the first cell's first link."""
    rows = block.tables[0].rows if block.tables else []
    first = rows[0][0] if rows and rows[0] else None
    link = first.links[0].href if first is not None and first.links else None
    return block.summary.casefold(), link
