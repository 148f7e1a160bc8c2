"""Lint a panel README: panel headings and figures, timeline coverage, HTML-block breaks, drift."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from awesome_tools.core.fixes import CONSOLE, Fixes
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.layouts.panel.context import PanelContext
from awesome_tools.layouts.panel.drift import panel_drift
from awesome_tools.layouts.panel.heads import at_level, find_heads, title_owners
from awesome_tools.layouts.panel.parts import (
    FIGURE_CLOSE,
    FIGURE_OPEN,
    HEADING,
    ROW,
    TIMELINE_HEADER,
    index_names,
    split_title,
    undated_names,
)
from awesome_tools.layouts.panel.rules import (
    PANEL_FIGURE,
    PANEL_HEADING,
    PANEL_SWALLOWED,
    TIMELINE_COVERAGE,
)
from awesome_tools.layouts.readme import Checks
from awesome_tools.layouts.rules import DRIFT, HTML_BLOCK_BREAK

if TYPE_CHECKING:
    from markdown_it.token import Token


# The panel layout's README checks, each under its rule (layouts/panel/rules.py): drift too, which
# finds nothing where the README is linted alone (`lint_alone`, maybe in another process) and
# runs after the others where the entries give the expected text.
CHECKS: Checks[PanelContext] = Checks()


@CHECKS.register(PANEL_HEADING)
def headings(ctx: PanelContext) -> Iterator[Diagnostic]:
    """`panel-heading`: among the panels, a heading at their level is `### **Name: Title**`."""
    lines, level = ctx.lines, ctx.heads.level
    shape = f"`{'#' * level} **Name: Title**`"
    for i in ctx.region:
        if at_level(lines[i], level) and not HEADING.match(lines[i]):
            message = (
                f"panel heading '{lines[i].strip()[:60]}' is not {shape}: "
                "the index, timeline and drift find panels by that shape"
            )
            yield ctx.at_line(i, PANEL_HEADING, message)


@CHECKS.register(PANEL_FIGURE)
def figures(ctx: PanelContext) -> Iterator[Diagnostic]:
    """`panel-figure`: a figure block closes with the id it opens with, and has alt text."""
    lines, heads = ctx.lines, frozenset(ctx.heads.lines)
    opened: tuple[int, str] | None = None
    for i in ctx.region:
        start, end = FIGURE_OPEN.match(lines[i]), FIGURE_CLOSE.match(lines[i])
        if i in heads and opened is not None:
            yield ctx.at_line(opened[0], PANEL_FIGURE, "figure block is not closed in its panel")
            opened = None
        if start:
            if opened is not None:
                yield ctx.at_line(opened[0], PANEL_FIGURE, "figure block is not closed")
            opened = (i, start["id"])
        elif end:
            if opened is None:
                yield ctx.at_line(i, PANEL_FIGURE, "figure block closed but never opened")
            elif opened[1] != end["id"]:
                message = f"figure block {opened[1]} is closed as {end['id']}"
                yield ctx.at_line(i, PANEL_FIGURE, message)
            opened = None
        elif opened is not None and "<img " in lines[i] and ' alt="' not in lines[i]:
            yield ctx.at_line(i, PANEL_FIGURE, "figure has no alt text: say what it shows")
    if opened is not None:
        yield ctx.at_line(opened[0], PANEL_FIGURE, "figure block is not closed")


@CHECKS.register(PANEL_SWALLOWED)
def swallowed(ctx: PanelContext) -> Iterator[Diagnostic]:
    """`panel-swallowed`: markdown-it sees every panel heading as a heading, and each panel's
    `<details>` folds close in it. A heading inside a block an earlier line opened (a code
    fence, an HTML block that runs to its end marker or the next blank line) is reported once
    per block, at the line the block starts; a fold left open, at its `<details>`."""
    from awesome_tools.core.mdsafe import kind

    parsed, lines, heads = ctx.parsed, ctx.lines, ctx.heads.lines
    if not heads:
        return
    tokens = [t for t in parsed.tokens if t.level == 0 and t.map and t.nesting != -1]
    seen = {t.map[0] for t in tokens if t.type == "heading_open" and t.map}
    owners: dict[int, list[int]] = {}
    for i in heads:
        if i in seen:
            continue
        owner = next((t for t in tokens if t.map and t.map[0] < i < t.map[1]), None)
        if owner is not None and owner.map is not None:
            owners.setdefault(owner.map[0], []).append(i)
            continue
    for start, swallowed_heads in owners.items():
        token = next(t for t in tokens if t.map and t.map[0] == start)
        title = HEADING.match(lines[swallowed_heads[0]])
        name = split_title(title["title"]) if title else lines[swallowed_heads[0]].strip()
        more = f" and {len(swallowed_heads) - 1} more" if len(swallowed_heads) > 1 else ""
        message = (
            f"this {kind(token)} runs over panel '{name}' (line {swallowed_heads[0] + 1}){more}: "
            "GitHub shows them as part of it; close it before the panel's end"
        )
        yield ctx.at_line(start, PANEL_SWALLOWED, message)
    yield from _folds(ctx, tokens, heads)


def _folds(ctx: PanelContext, tokens: list[Token], heads: list[int]) -> Iterator[Diagnostic]:
    """Each panel's `<details>` folds, as its HTML blocks open and close them, balanced."""
    from awesome_tools.core.mdsafe import DETAILS_TAG

    opened: list[int] = []
    panel = 0
    for token in tokens:
        if token.type != "html_block" or token.map is None or token.map[0] <= heads[0]:
            continue
        now = bisect.bisect_left(heads, token.map[0])
        if now != panel:
            yield from _unclosed(ctx, opened)
            opened, panel = [], now
        for tag in DETAILS_TAG.finditer(token.content):
            line = token.map[0] + token.content[: tag.start()].count("\n")
            if not tag[0].startswith("</"):
                opened.append(line)
            elif opened:
                opened.pop()
            else:
                message = "this </details> closes a fold its panel did not open"
                yield ctx.at_line(line, PANEL_SWALLOWED, message)
    yield from _unclosed(ctx, opened)


def _unclosed(ctx: PanelContext, opened: list[int]) -> Iterator[Diagnostic]:
    for line in opened:
        message = (
            "this <details> is not closed in its panel: GitHub folds every later panel into it; "
            "close it with </details>"
        )
        yield ctx.at_line(line, PANEL_SWALLOWED, message)


@CHECKS.register(TIMELINE_COVERAGE)
def coverage(ctx: PanelContext) -> Iterator[Diagnostic]:
    """`timeline-coverage`: every panel is in the release timeline exactly once."""
    lines, panels = ctx.lines, ctx.panels
    header = next((i for i, line in enumerate(lines) if line.strip() == TIMELINE_HEADER), None)
    if header is None:
        return  # a list without a timeline (an older panel README) has nothing to cover
    rows: list[tuple[int, str]] = []
    for i in range(header + 2, len(lines)):
        row = ROW.match(lines[i])
        if row is None:
            break
        rows.append((i, row["name"].replace("\\|", "|")))
    used: dict[int, int] = {}
    owners = title_owners(panels)
    # The index names each panel too: a title need not start with its name.
    place = {i: k for k, (i, _) in enumerate(panels)}
    for i, name in index_names(lines, [i for i, _ in panels]).items():
        owners.setdefault(name, place[i])
    # A panel the index lists as undated has no release to show in the timeline.
    first = panels[0][0] if panels else len(lines)
    undated = {owners[name] for name in undated_names(lines, first) if name in owners}
    for i, name in rows:
        owner = owners.get(name)
        if owner is None:
            yield ctx.at_line(i, TIMELINE_COVERAGE, f"timeline row '{name}' names no panel")
        elif owner in used:
            message = f"'{name}' is in the timeline twice (first at line {used[owner] + 1})"
            yield ctx.at_line(i, TIMELINE_COVERAGE, message)
        else:
            used[owner] = i
    for k, (i, title) in enumerate(panels):
        if k not in used and k not in undated:
            message = f"panel '{split_title(title)}' has no release timeline row"
            yield ctx.at_line(i, TIMELINE_COVERAGE, message)


def lint_panels(
    text: str,
    path: str,
    *,
    expected: str | None = None,
    entry_files: dict[str, str] | None = None,
    frame: str = "templates/README.md.j2",
    fixes: Fixes = CONSOLE,
    jobs: int = 1,
    alone: Callable[[], Alone] | None = None,
) -> list[Diagnostic]:
    """Run the panel layout's rules on README text; drift only when the expected text is given.

    `alone` gives `lint_alone(text, path)` where it was begun earlier (in another process, while
    the entries loaded). With `jobs` over 1 and a large README that differs from the expected
    one, the expected text's panel headings (for drift) are found in another process while this
    one parses the README and runs the other rules.
    """
    from awesome_tools.io.workers import MIN_PARALLEL, Pending

    # The text drift compares with: the expected one, where the README differs from it.
    other = expected if expected is not None and expected != text else None
    want: Pending[list[int]] | None = None
    try:
        if other is not None and jobs > 1 and len(text) > MIN_PARALLEL:
            want = Pending(partial(_head_lines, other))
        found, have_heads = alone() if alone is not None else lint_alone(text, path)
        if other is not None:
            ctx = PanelContext(
                path,
                text,
                expected=other,
                entry_files=entry_files or {},
                frame=frame,
                fixes=fixes,
                head_lines=have_heads,
                expected_heads=want.result if want is not None else None,
            )
            found += CHECKS.run(ctx, only=[DRIFT.id])
        return sorted(found)
    finally:
        if want is not None:
            want.cancel()


@CHECKS.register(DRIFT)
def _drift(ctx: PanelContext) -> Iterator[Diagnostic]:
    """`drift` (layouts/drift.py): each panel compared with the one its entry renders, the
    frame with the template; nothing where the README is linted alone."""
    other = ctx.expected
    if other is None or other == ctx.text:
        return
    have = ctx.head_lines if ctx.head_lines is not None else ctx.heads.lines
    want = ctx.expected_heads() if ctx.expected_heads is not None else _head_lines(other)
    names = (ctx.entry_files, ctx.frame, ctx.fixes)
    yield from panel_drift(ctx.path, ctx.text, ctx.lines, have, other, want, names)


# What `lint_alone` gives: the findings of the rules that need only the README, and the line
# indexes of its panel headings (drift's starting points).
Alone = tuple[list[Diagnostic], list[int]]


def lint_alone(text: str, path: str) -> Alone:
    """The panel rules that need no entry (headings, figures, timeline coverage, panels
    swallowed, HTML-block breaks), and the panel headings' lines."""
    ctx = PanelContext(path, text)
    return CHECKS.run(ctx), ctx.heads.lines


def _head_lines(text: str) -> list[int]:
    """The panel headings' line indexes of README text (the expected one, for drift)."""
    return find_heads(text.split("\n")).lines


@CHECKS.register(HTML_BLOCK_BREAK)
def html_breaks(ctx: PanelContext) -> Iterator[Diagnostic]:
    """`html-block-break` (`layouts/htmlbreak.py`): indented code, or a paragraph of table tags,
    after a blank line inside a `<details>`.

    Only those blocks can be one, so the README's HTML is read (most of this rule's time) only
    when a top-level block is of either kind.
    """
    from awesome_tools.core.blockread import read_document
    from awesome_tools.core.blocks import TABLE_TAGS
    from awesome_tools.layouts.htmlbreak import html_block_breaks

    tokens = ctx.parsed.tokens
    if not any(
        token.level == 0
        and (
            token.type == "code_block"
            or (token.type == "paragraph_open" and TABLE_TAGS.search(tokens[n + 1].content))
        )
        for n, token in enumerate(tokens)
    ):
        return
    # A deep dive is Markdown inside <details>: a fence there is meant as code.
    yield from html_block_breaks(ctx.path, read_document(ctx.parsed), fences_are_code=True)
