"""Drift: where README.md differs from what `render` makes of the entries, block by block.

Both texts are cut into segments: each top-level `<details>` block alone, and the frame text
between blocks. Segments are matched by identity, a block by its id (or its summary when it has
none) and a frame by its text, so only the matched blocks whose text differs and what is left
between the matches are compared. The matches kept are the longest run in the same order in both
texts (a longest increasing subsequence), so the work stays near-linear however many blocks
differ; a matched block outside that run was moved.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import zip_longest
from pathlib import PurePosixPath

from awesome_tools.diagnostics import Diagnostic
from awesome_tools.layouts.rules import DRIFT
from awesome_tools.layouts.table.context import Context, Segment
from awesome_tools.layouts.table.segments import Outlined, expected_segments, segments, split_lines

Key = tuple[str, str, int]  # kind, identity, how many segments of that identity came before
Pair = tuple[Segment | None, Segment | None]

_ROW_LINK = re.compile(r'href="#([^"]+)"')


def _fix(ctx: Context) -> str:
    """What to run after editing the entries, as it works in this list."""
    return f"then run `{ctx.fixes.render}`"


def _keys(cuts: list[Segment], lines: list[str]) -> list[Key]:
    """Each segment's identity, numbered so that repeated identities stay apart."""
    seen: dict[tuple[str, str], int] = {}
    keys: list[Key] = []
    for start, end, block in cuts:
        if block is None:
            identity = ("frame", "\n".join(lines[start:end]))
        elif block.anchor:
            identity = ("id", block.anchor)
        else:
            identity = ("name", block.summary.casefold())
        count = seen.get(identity, 0)
        seen[identity] = count + 1
        keys.append((*identity, count))
    return keys


def _chain(have: list[Key], want: list[Key]) -> list[tuple[int, int]]:
    """The longest run of (have, want) index pairs with equal keys, in order in both lists."""
    where = {key: j for j, key in enumerate(want)}
    pairs = [(i, where[key]) for i, key in enumerate(have) if key in where]
    tails: list[int] = []  # for each run length, the pair ending the run with the least j
    tail_js: list[int] = []
    back = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        length = bisect_left(tail_js, j)
        back[index] = tails[length - 1] if length else -1
        if length == len(tails):
            tails.append(index)
            tail_js.append(j)
        else:
            tails[length], tail_js[length] = index, j
    chain: list[tuple[int, int]] = []
    index = tails[-1] if tails else -1
    while index >= 0:
        chain.append(pairs[index])
        index = back[index]
    return chain[::-1]


def drift(ctx: Context, expected: str) -> Iterator[Diagnostic]:
    """Report each block, overview row and frame line where the README differs from expected."""
    # Lines as read_document counts them: its positions are in these lines.
    have_lines, want_lines = split_lines(ctx.text), split_lines(expected)
    if "\r" in ctx.text and "\r" not in expected:
        line = len(split_lines(ctx.text[: ctx.text.index("\r")]))
        message = (
            "line ending with a carriage return; render writes LF only: check out README.md "
            f"without line-ending conversion, {_fix(ctx)}"
        )
        yield ctx.at(line, 1, DRIFT, message)
    have = segments(ctx.document, have_lines)
    rests = ctx.document.rests if ctx.shortcuts else None
    want = expected_segments(have, have_lines, expected, want_lines, ctx.expected_outline, rests)
    have_keys, want_keys = _keys(have, have_lines), _keys(want, want_lines)
    chain = _chain(have_keys, want_keys)
    chained = {i for i, _ in chain}
    where = {key: j for j, key in enumerate(want_keys)}
    first = {key[:2]: i for i, key in reversed(list(enumerate(have_keys)))}
    aside: dict[int, int | None] = {}  # have segments reported on their own: moved, copies
    for i, key in enumerate(have_keys):
        if i in chained or key[0] == "frame":
            continue
        if key in where:
            aside[i] = where[key]
            yield _moved(ctx, have[i], want[where[key]])
            yield from _compare(ctx, (have[i], want[where[key]]), have_lines, want_lines)
        elif key[2] > 0:
            aside[i] = None
            yield _copy(ctx, have[i], have[first[key[:2]]])
    taken = set(aside.values())
    last_i, last_j = -1, -1
    for i, j in [*chain, (len(have), len(want))]:
        mine = [have[x] for x in range(last_i + 1, i) if x not in aside]
        theirs = [want[y] for y in range(last_j + 1, j) if y not in taken]
        following = have[last_i + 1] if last_i + 1 < len(have) else None
        after = _first_line(following, have_lines) if following else len(have_lines)
        yield from _gap(ctx, mine, theirs, have_lines, want_lines, after)
        if i < len(have):
            yield from _compare(ctx, (have[i], want[j]), have_lines, want_lines)
        last_i, last_j = i, j


def _compare(
    ctx: Context, pair: tuple[Segment, Segment], have_lines: list[str], want_lines: list[str]
) -> Iterator[Diagnostic]:
    """Report a matched pair of blocks if their text differs (matched frames are equal)."""
    (a, b, _), (c, d, _) = pair
    if have_lines[a:b] != want_lines[c:d]:
        yield _diagnostic(ctx, pair, have_lines, want_lines, a + 1)


def _gap(
    ctx: Context,
    mine: list[Segment],
    theirs: list[Segment],
    have_lines: list[str],
    want_lines: list[str],
    after: int,
) -> Iterator[Diagnostic]:
    """Report what lies between two matches: frames against frames, blocks against blocks."""
    for frames in (True, False):
        pairs: list[Pair] = list(
            zip_longest(
                [s for s in mine if (s[2] is None) == frames],
                [s for s in theirs if (s[2] is None) == frames],
            )
        )
        for old, new in pairs:
            if old is not None and new is not None and frames:
                lines = have_lines[old[0] : old[1]], want_lines[new[0] : new[1]]
                yield from _frame_drift(ctx, *lines, old[0])
            else:
                yield _diagnostic(ctx, (old, new), have_lines, want_lines, after)


def _frame_drift(ctx: Context, old: list[str], new: list[str], start: int) -> Iterator[Diagnostic]:
    """Changed lines outside the blocks: an overview row names its entry, the rest the template."""
    by_slug = {PurePosixPath(path).stem: path for path in ctx.entry_files.values()}
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        line = start + min(i1, max(len(old) - 1, 0)) + 1
        slugs = [
            m.group(1) for text in new[j1:j2] + old[i1:i2] for m in [_ROW_LINK.search(text)] if m
        ]
        source = next((by_slug[slug] for slug in slugs if slug in by_slug), None)
        if source is not None:
            fields = ""
            if tag == "replace" and i2 - i1 == j2 - j1 == 1:
                from awesome_tools.layouts.driftfields import in_fields
                from awesome_tools.layouts.table.driftfields import overview_row_fields

                fields = in_fields(overview_row_fields(old[i1], new[j1]))
            message = (
                f"overview row differs from {source}{fields}: edit {source}, not README.md, "
                f"{_fix(ctx)}"
            )
        else:
            message = _frame_message(ctx)
        yield ctx.at(line, 1, DRIFT, message)


def _moved(ctx: Context, mine: Segment, theirs: Segment) -> Diagnostic:
    """A block that is in both texts, but not where render puts it."""
    block = theirs[2]
    name = block.summary if block is not None else ""
    message = (
        f"block '{name}' (line {mine[0] + 1}) is out of order: render writes it at line "
        f"{theirs[0] + 1}; the order comes from entries/ and categories.yaml, not README.md, "
        f"{_fix(ctx)}"
    )
    return ctx.at(mine[0] + 1, 1, DRIFT, message)


def _copy(ctx: Context, mine: Segment, original: Segment) -> Diagnostic:
    """A second block of the same identity, which render never writes."""
    name = mine[2].summary if mine[2] is not None else ""
    message = (
        f"block '{name}' (line {mine[0] + 1}) repeats the block at line {original[0] + 1}; "
        f"render writes each model once: remove the copy from README.md, {_fix(ctx)}"
    )
    return ctx.at(mine[0] + 1, 1, DRIFT, message)


def _diagnostic(
    ctx: Context, pair: Pair, have_lines: list[str], want_lines: list[str], fallback_line: int
) -> Diagnostic:
    """One differing, added or missing segment, at its first differing line."""
    mine, theirs = pair
    line = fallback_line
    if mine is not None:
        line = _first_line(mine, have_lines)
        if theirs is not None:
            line = mine[0] + 1
            old, new = have_lines[mine[0] : mine[1]], want_lines[theirs[0] : theirs[1]]
            pairs = enumerate(zip(old, new, strict=False))
            line += next((i for i, (a, b) in pairs if a != b), min(len(old), len(new)))
    block = theirs[2] if theirs is not None else None
    if block is not None:
        source = ctx.entry_files.get(block.summary.casefold(), "its entry file")
        where = f"block '{block.summary}'" + (f" (line {mine[0] + 1})" if mine else "")
        verb = "differs from" if mine else "is missing; it comes from"
        fields = ""
        if mine is not None and mine[2] is not None:
            from awesome_tools.layouts.driftfields import in_fields
            from awesome_tools.layouts.table.driftfields import block_values, table_block_fields

            want = block.values if isinstance(block, Outlined) else block_values(block)
            fields = in_fields(table_block_fields(mine[2], want))
        message = f"{where} {verb} {source}{fields}: edit {source}, not README.md, {_fix(ctx)}"
    elif mine is not None and mine[2] is not None and theirs is None:
        message = (
            f"block '{mine[2].summary}' has no entry file: "
            f"`{ctx.fixes.import_file(ctx.path)}` turns it into one (or start from "
            f"`{ctx.fixes.new_model(mine[2].summary)}`), {_fix(ctx)}"
        )
    else:
        message = _frame_message(ctx)
    return ctx.at(line, 1, DRIFT, message)


def _first_line(segment: Segment, lines: list[str]) -> int:
    """The 1-based number of the segment's first line that is not blank."""
    start, end, _ = segment
    return 1 + next((i for i in range(start, end) if lines[i].strip()), start)


def _frame_message(ctx: Context) -> str:
    return f"text outside the model blocks differs from {ctx.frame}: edit that, {_fix(ctx)}"
