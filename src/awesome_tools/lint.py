"""README linter: structure of the model blocks, GitHub's HTML-block trap, drift from entries/."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from awesome_tools.blocks import Block, Document, read_document
from awesome_tools.columns import column_key, headers
from awesome_tools.diagnostics import Diagnostic, Severity
from awesome_tools.fixes import CONSOLE, Fixes
from awesome_tools.normalize import normalize_url
from awesome_tools.urls import BadUrl, split_url


@dataclass
class Context:
    """What the rules look at: the README, and what render would make of the entries."""

    path: str
    text: str
    document: Document
    expected: str | None = None
    entry_files: dict[str, str] = field(default_factory=dict)
    template: str = "templates/README.md.j2"
    fixes: Fixes = CONSOLE

    def at(
        self, line: int, column: int, rule: str, message: str, severity: Severity = "error"
    ) -> Diagnostic:
        return Diagnostic(self.path, line, column, rule, message, severity)


Check = Callable[[Context], Iterator[Diagnostic]]
Segment = tuple[int, int, Block | None]
CHECKS: dict[str, Check] = {}


def rule(rule_id: str) -> Callable[[Check], Check]:
    """Register a check under its rule id (documented in rules.py)."""

    def register(check: Check) -> Check:
        CHECKS[rule_id] = check
        return check

    return register


@rule("html-parse")
def _unreadable(ctx: Context) -> Iterator[Diagnostic]:
    found = ctx.document.unreadable
    if found is not None:
        message = found.message("the rest of the README is checked once it is fixed")
        yield ctx.at(found.line, found.column, "html-parse", message)


@rule("unclosed-details")
def _unclosed(ctx: Context) -> Iterator[Diagnostic]:
    for block in ctx.document.unclosed:
        yield ctx.at(block.line, block.column, "unclosed-details", "<details> is never closed")
    for line, column in ctx.document.stray_closes:
        yield ctx.at(line, column, "unclosed-details", "</details> without a matching <details>")


@rule("block-summary")
def _summary(ctx: Context) -> Iterator[Diagnostic]:
    for block in ctx.document.models:
        if not block.summaries:
            yield ctx.at(block.line, block.column, "block-summary", "model block has no <summary>")
        for line, column in block.summaries[1:]:
            yield ctx.at(line, column, "block-summary", "model block has a second <summary>")
        if block.summaries and not block.summary:
            line, column = block.summaries[0]
            yield ctx.at(line, column, "block-summary", "<summary> is empty")


@rule("block-table")
def _table(ctx: Context) -> Iterator[Diagnostic]:
    for block in ctx.document.models:
        if not block.tables:
            name = f" '{block.summary}'" if block.summary else ""
            yield ctx.at(
                block.line, block.column, "block-table", f"model block{name} has no <table>"
            )
        for table in block.tables[1:]:
            yield ctx.at(
                table.line, table.column, "block-table", "model block has a second <table>"
            )


def _expected_headers(found: Sequence[str]) -> list[str]:
    with_alignment = any((column_key(h) or ("",))[0] == "alignment" for h in found)
    return headers(alignment=with_alignment)


@rule("table-headers")
def _headers(ctx: Context) -> Iterator[Diagnostic]:
    for block in ctx.document.models:
        for table in block.tables[:1]:
            found = [cell.text for cell in table.headers]
            wanted = _expected_headers(found)
            keys = [column_key(h) for h in found]
            if keys != [column_key(h) for h in wanted]:
                yield ctx.at(
                    table.line,
                    table.column,
                    "table-headers",
                    f"headers are {', '.join(found) or 'missing'}; expected {', '.join(wanted)}",
                )
                continue
            spaced = [(c, n) for c, n in zip(table.headers, wanted, strict=True) if c.text != n]
            if spaced:
                cell, name = spaced[0]
                message = f"headers are written like '{cell.text}'; this list writes them '{name}'"
                yield ctx.at(cell.line, cell.column, "header-style", message, "warning")


@rule("table-row")
def _rows(ctx: Context) -> Iterator[Diagnostic]:
    for block in ctx.document.models:
        for table in block.tables[:1]:
            if not table.rows:
                yield ctx.at(table.line, table.column, "table-row", "table has no data row")
                continue
            for row in table.rows[1:]:
                line, column = (row[0].line, row[0].column) if row else (table.line, table.column)
                yield ctx.at(line, column, "table-row", "table has more than one data row")
            row = table.rows[0]
            if table.headers and len(row) != len(table.headers):
                first = row[0] if row else table
                yield ctx.at(
                    first.line,
                    first.column,
                    "table-row",
                    f"row has {len(row)} cells for {len(table.headers)} headers",
                )


@rule("title-link")
def _title(ctx: Context) -> Iterator[Diagnostic]:
    for block in ctx.document.models:
        for table in block.tables[:1]:
            if not table.rows or not table.rows[0]:
                continue
            cell = table.rows[0][0]
            links = cell.links
            if len(links) != 1:
                message = f"Title cell holds {len(links)} links; it holds exactly one"
                yield ctx.at(cell.line, cell.column, "title-link", message)
                continue
            href = links[0].href or ""
            try:
                link = split_url(href)
            except BadUrl as exc:
                message = f"Title link {exc}"
                yield ctx.at(links[0].line, links[0].column, "title-link", message)
            else:
                if link.scheme not in ("http", "https") or not link.host:
                    message = f"Title link '{href}' is not an absolute http(s) URL"
                    yield ctx.at(links[0].line, links[0].column, "title-link", message)
            if cell.outside:
                message = f"text '{cell.outside}' stands outside the Title link; put it inside"
                yield ctx.at(cell.line, cell.column, "title-link", message)


@rule("empty-cell")
def _empty(ctx: Context) -> Iterator[Diagnostic]:
    for block in ctx.document.models:
        for table in block.tables[:1]:
            for row in table.rows[:1]:
                for cell, header in zip(row, table.headers, strict=False):
                    if not cell.text:
                        yield ctx.at(
                            cell.line, cell.column, "empty-cell", f"{header.text} cell is empty"
                        )


@rule("duplicate-model")
def _duplicates(ctx: Context) -> Iterator[Diagnostic]:
    names: dict[str, Block] = {}
    links: dict[str, tuple[int, int]] = {}
    for block in ctx.document.models:
        if block.summary:
            first = names.setdefault(block.summary.casefold(), block)
            if first is not block:
                line, column = block.summaries[0]
                message = f"model '{block.summary}' is already listed at line {first.line}"
                yield ctx.at(line, column, "duplicate-model", message)
        for table in block.tables[:1]:
            for row in table.rows[:1]:
                for link in row[0].links[:1] if row else []:
                    if not link.href:
                        continue
                    # An unreadable link (title-link reports it) still matches its exact copy.
                    key = normalize_url(link.href) or link.href
                    seen = links.setdefault(key, (link.line, link.column))
                    if seen != (link.line, link.column):
                        message = f"paper {link.href} is already linked at line {seen[0]}"
                        yield ctx.at(link.line, link.column, "duplicate-model", message)


@rule("html-block-break")
def _breaks(ctx: Context) -> Iterator[Diagnostic]:
    for brk in ctx.document.breaks:
        message = (
            f"a blank line before this line ends the HTML block: GitHub shows what follows as a "
            f"{brk.kind}; remove the blank line or indent less than 4 spaces"
        )
        yield ctx.at(brk.line, 1, "html-block-break", message)


def _segments(document: Document, line_count: int) -> list[Segment]:
    """Cut the lines into runs: each top-level block alone, the frame between them."""
    cuts: list[Segment] = []
    position = 0
    for block in document.blocks:
        if block.parent is not None:
            continue
        start, end = block.line - 1, block.end_line or line_count
        if start > position:
            cuts.append((position, start, None))
        cuts.append((start, end, block))
        position = end
    if position < line_count:
        cuts.append((position, line_count, None))
    return cuts


@rule("drift")
def _drift(ctx: Context) -> Iterator[Diagnostic]:
    if ctx.expected is None or ctx.expected == ctx.text:
        return
    have_lines = ctx.text.split("\n")
    want_lines = ctx.expected.split("\n")
    have = _segments(ctx.document, len(have_lines))
    want = _segments(read_document(ctx.expected), len(want_lines))
    have_text = ["\n".join(have_lines[a:b]) for a, b, _ in have]
    want_text = ["\n".join(want_lines[a:b]) for a, b, _ in want]

    def blank(segment: Segment, lines: list[str]) -> bool:
        return segment[2] is None and not "".join(lines[segment[0] : segment[1]]).strip()

    matcher = difflib.SequenceMatcher(None, have_text, want_text, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        # Blank lines between blocks come and go with the blocks; they are not news.
        mine = [seg for seg in have[i1:i2] if not blank(seg, have_lines)]
        theirs = [seg for seg in want[j1:j2] if not blank(seg, want_lines)]
        after = next((seg[0] + 1 for seg in have[i1:] if not blank(seg, have_lines)), None)
        for index in range(max(len(mine), len(theirs))):
            pair = (
                mine[index] if index < len(mine) else None,
                theirs[index] if index < len(theirs) else None,
            )
            mine_seg, theirs_seg = pair
            if (
                mine_seg is not None
                and theirs_seg is not None
                and mine_seg[2] is None
                and theirs_seg[2] is None
            ):
                old = have_lines[mine_seg[0] : mine_seg[1]]
                new = want_lines[theirs_seg[0] : theirs_seg[1]]
                yield from _frame_drift(ctx, old, new, mine_seg[0])
            else:
                yield _drift_diagnostic(ctx, pair, have_lines, want_lines, after or len(have_lines))


_ROW_LINK = re.compile(r'href="#([^"]+)"')


def _frame_drift(ctx: Context, old: list[str], new: list[str], start: int) -> Iterator[Diagnostic]:
    """Changed lines outside the blocks: an overview row names its entry, the rest the template."""
    by_slug = {PurePosixPath(path).stem: path for path in ctx.entry_files.values()}
    fix = f"then run `{ctx.fixes.render}`"
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
            message = f"overview row differs from {source}: edit {source}, not README.md, {fix}"
        else:
            message = f"text outside the model blocks differs from {ctx.template}: edit that, {fix}"
        yield ctx.at(line, 1, "drift", message)


def _drift_diagnostic(
    ctx: Context,
    pair: tuple[Segment | None, Segment | None],
    have_lines: list[str],
    want_lines: list[str],
    fallback_line: int,
) -> Diagnostic:
    mine, theirs = pair
    fix = f"then run `{ctx.fixes.render}`"
    line = fallback_line
    if mine is not None:
        line = mine[0] + 1
        if theirs is not None:
            old, new = have_lines[mine[0] : mine[1]], want_lines[theirs[0] : theirs[1]]
            pairs = enumerate(zip(old, new, strict=False))
            line += next((i for i, (a, b) in pairs if a != b), min(len(old), len(new)))
    block = theirs[2] if theirs is not None else None
    if block is not None:
        source = ctx.entry_files.get(block.summary.casefold(), "its entry file")
        where = f"block '{block.summary}'" + (f" (line {mine[0] + 1})" if mine else "")
        verb = "differs from" if mine else "is missing; it comes from"
        message = f"{where} {verb} {source}: edit {source}, not README.md, {fix}"
    elif mine is not None and mine[2] is not None and theirs is None:
        message = (
            f"block '{mine[2].summary}' has no entry file: "
            f"`{ctx.fixes.import_file(ctx.path)}` turns it into one (or start from "
            f"`{ctx.fixes.new_model(mine[2].summary)}`), {fix}"
        )
    else:
        message = f"text outside the model blocks differs from {ctx.template}: edit that, {fix}"
    return ctx.at(line, 1, "drift", message)


def lint_text(
    text: str,
    path: str,
    *,
    expected: str | None = None,
    entry_files: dict[str, str] | None = None,
    template: str = "templates/README.md.j2",
    fixes: Fixes = CONSOLE,
) -> list[Diagnostic]:
    """Run every rule on README text; drift only when the expected text is given."""
    ctx = Context(path, text, read_document(text), expected, entry_files or {}, template, fixes)
    if ctx.document.unreadable is not None:
        # What was read is only part of the README: other rules would report phantoms.
        return list(_unreadable(ctx))
    return sorted(d for check in CHECKS.values() for d in check(ctx))
