"""README linter: structure of the model blocks, GitHub's HTML-block trap, drift from entries/."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache, partial

from awesome_tools.core.blockread import read_document
from awesome_tools.core.blocks import Block, Cell, Table
from awesome_tools.core.fixes import CONSOLE, Fixes
from awesome_tools.core.normalize import normalize_url
from awesome_tools.core.urls import BadUrl, split_url
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.io import workers
from awesome_tools.layouts.drift import Part
from awesome_tools.layouts.htmlbreak import html_block_breaks
from awesome_tools.layouts.readme import Checks
from awesome_tools.layouts.rules import DRIFT, HTML_BLOCK_BREAK
from awesome_tools.layouts.table.columns import column_key, headers
from awesome_tools.layouts.table.context import Context, unreadable
from awesome_tools.layouts.table.rules import (
    BLOCK_SUMMARY,
    BLOCK_TABLE,
    DUPLICATE_MODEL,
    EMPTY_CELL,
    HEADER_STYLE,
    HTML_PARSE,
    TABLE_HEADERS,
    TABLE_ROW,
    TITLE_LINK,
    UNCLOSED_DETAILS,
)
from awesome_tools.layouts.table.segments import far_apart, outline, table_drift

# The table's README checks, each under its rule (layouts/table/rules.py).
CHECKS: Checks[Context] = Checks()
rule = CHECKS.register


@rule(HTML_PARSE)
def _unreadable(ctx: Context) -> Iterator[Diagnostic]:
    if ctx.document.unreadable is not None:
        yield unreadable(
            ctx.path, ctx.document, "the rest of the README is checked once it is fixed"
        )


@rule(UNCLOSED_DETAILS)
def _unclosed(ctx: Context) -> Iterator[Diagnostic]:
    for block in ctx.document.unclosed:
        yield ctx.at(block.line, block.column, UNCLOSED_DETAILS, "<details> is never closed")
    for line, column in ctx.document.stray_closes:
        yield ctx.at(line, column, UNCLOSED_DETAILS, "</details> without a matching <details>")


@rule(BLOCK_SUMMARY)
def _summary(ctx: Context) -> Iterator[Diagnostic]:
    for block in ctx.document.models:
        if not block.summaries:
            yield ctx.at(block.line, block.column, BLOCK_SUMMARY, "model block has no <summary>")
        for line, column in block.summaries[1:]:
            yield ctx.at(line, column, BLOCK_SUMMARY, "model block has a second <summary>")
        if block.summaries and not block.summary:
            line, column = block.summaries[0]
            yield ctx.at(line, column, BLOCK_SUMMARY, "<summary> is empty")


@rule(BLOCK_TABLE)
def _table(ctx: Context) -> Iterator[Diagnostic]:
    for block in ctx.document.models:
        if not block.tables:
            name = f" '{block.summary}'" if block.summary else ""
            yield ctx.at(block.line, block.column, BLOCK_TABLE, f"model block{name} has no <table>")
        for table in block.tables[1:]:
            yield ctx.at(table.line, table.column, BLOCK_TABLE, "model block has a second <table>")


@lru_cache(maxsize=256)
def _expected_headers(found: tuple[str, ...]) -> list[str]:
    """The headers a table with these headers should have (each table of a list has the same:
    the answer is kept)."""
    with_alignment = any((column_key(h) or ("",))[0] == "alignment" for h in found)
    return headers(alignment=with_alignment)


@lru_cache(maxsize=256)
def _same_columns(found: tuple[str, ...]) -> bool:
    """Whether headers name the expected columns, however they are written."""
    wanted = _expected_headers(found)
    return [column_key(h) for h in found] == [column_key(h) for h in wanted]


def _header_texts(table: Table) -> tuple[str, ...]:
    return tuple(cell.text for cell in table.headers)


def _first_tables(ctx: Context) -> Iterator[Table]:
    """Yield each model block's first table (block-table reports any other)."""
    for block in ctx.document.models:
        if block.tables:
            yield block.tables[0]


def _first_rows(ctx: Context) -> Iterator[tuple[Table, list[Cell]]]:
    """Yield each first table with its first data row (table-row reports any other)."""
    for table in _first_tables(ctx):
        if table.rows:
            yield table, table.rows[0]


def _headers_match(table: Table) -> bool:
    return _same_columns(_header_texts(table))


@rule(TABLE_HEADERS)
def _headers(ctx: Context) -> Iterator[Diagnostic]:
    for table in _first_tables(ctx):
        if not _headers_match(table):
            found = _header_texts(table)
            wanted = ", ".join(_expected_headers(found))
            message = f"headers are {', '.join(found) or 'missing'}; expected {wanted}"
            yield ctx.at(table.line, table.column, TABLE_HEADERS, message)


@rule(HEADER_STYLE)
def _header_style(ctx: Context) -> Iterator[Diagnostic]:
    for table in _first_tables(ctx):
        found = _header_texts(table)
        if not _same_columns(found) or found == tuple(_expected_headers(found)):
            continue
        wanted = _expected_headers(found)
        cell, name = next((c, n) for c, n in zip(table.headers, wanted, strict=True) if c.text != n)
        message = f"headers are written like '{cell.text}'; this list writes them '{name}'"
        yield ctx.at(cell.line, cell.column, HEADER_STYLE, message, "warning")


@rule(TABLE_ROW)
def _rows(ctx: Context) -> Iterator[Diagnostic]:
    for table in _first_tables(ctx):
        if not table.rows:
            yield ctx.at(table.line, table.column, TABLE_ROW, "table has no data row")
            continue
        for row in table.rows[1:]:
            line, column = (row[0].line, row[0].column) if row else (table.line, table.column)
            yield ctx.at(line, column, TABLE_ROW, "table has more than one data row")
        row = table.rows[0]
        if table.headers and len(row) != len(table.headers):
            first = row[0] if row else table
            message = f"row has {len(row)} cells for {len(table.headers)} headers"
            yield ctx.at(first.line, first.column, TABLE_ROW, message)


def _title_link_problem(cell: Cell) -> tuple[int, int, str] | None:
    """Say where and why the Title cell's one link is not a readable http(s) link."""
    links = cell.links
    if len(links) != 1:
        return cell.line, cell.column, f"Title cell holds {len(links)} links; it holds exactly one"
    href = links[0].href or ""
    try:
        link = split_url(href)
    except BadUrl as exc:
        return links[0].line, links[0].column, f"Title link {exc}"
    if link.scheme not in ("http", "https") or not link.host:
        message = f"Title link '{href}' is not an absolute http(s) URL"
        return links[0].line, links[0].column, message
    return None


@rule(TITLE_LINK)
def _title(ctx: Context) -> Iterator[Diagnostic]:
    for _, row in _first_rows(ctx):
        if not row:
            continue
        cell = row[0]
        problem = _title_link_problem(cell)
        if problem is not None:
            yield ctx.at(problem[0], problem[1], TITLE_LINK, problem[2])
        if len(cell.links) == 1 and cell.outside:
            message = f"text '{cell.outside}' stands outside the Title link; put it inside"
            yield ctx.at(cell.line, cell.column, TITLE_LINK, message)


@rule(EMPTY_CELL)
def _empty(ctx: Context) -> Iterator[Diagnostic]:
    for table, row in _first_rows(ctx):
        for cell, header in zip(row, table.headers, strict=False):
            if not cell.text:
                yield ctx.at(cell.line, cell.column, EMPTY_CELL, f"{header.text} cell is empty")


@rule(DUPLICATE_MODEL)
def _duplicates(ctx: Context) -> Iterator[Diagnostic]:
    names: dict[str, Block] = {}
    for block in ctx.document.models:
        if block.summary:
            first = names.setdefault(block.summary.casefold(), block)
            if first is not block:
                line, column = block.summaries[0]
                message = f"model '{block.summary}' is already listed at line {first.line}"
                yield ctx.at(line, column, DUPLICATE_MODEL, message)
    links: dict[str, tuple[int, int]] = {}
    for _, row in _first_rows(ctx):
        link = row[0].links[0] if row and row[0].links else None
        if link is None or not link.href:
            continue
        # An unreadable link (title-link reports it) still matches its exact copy.
        seen = links.setdefault(normalize_url(link.href) or link.href, (link.line, link.column))
        if seen != (link.line, link.column):
            message = f"paper {link.href} is already linked at line {seen[0]}"
            yield ctx.at(link.line, link.column, DUPLICATE_MODEL, message)


@rule(HTML_BLOCK_BREAK)
def _breaks(ctx: Context) -> Iterator[Diagnostic]:
    # A model block is HTML throughout: a fence in it breaks the table too.
    yield from html_block_breaks(ctx.path, ctx.document, fences_are_code=False)


@rule(DRIFT)
def _drift(ctx: Context) -> Iterator[Diagnostic]:
    if ctx.expected is None or ctx.expected == ctx.text:
        return
    yield from table_drift(ctx, ctx.expected)


def lint_text(
    text: str,
    path: str,
    *,
    expected: str | None = None,
    entry_files: dict[str, str] | None = None,
    template: str = "templates/README.md.j2",
    fixes: Fixes = CONSOLE,
    jobs: int = 1,
    shortcuts: bool = True,
) -> list[Diagnostic]:
    """Run every rule on README text; drift only when the expected text is given.

    With `jobs` over 1 and texts that differ all over, the expected text is parsed in another
    process while this one parses the README. Without `shortcuts` the expected text is parsed
    whole, never only around the differences.
    """
    pending: workers.Pending[list[Part]] | None = None
    if (
        jobs > 1
        and expected is not None
        and len(text) > workers.MIN_PARALLEL
        and far_apart(text, expected)
    ):
        pending = workers.Pending(partial(outline, expected))
    try:
        ctx = Context(
            path,
            text,
            read_document(text),
            expected=expected,
            entry_files=entry_files or {},
            frame=template,
            fixes=fixes,
        )
        ctx.shortcuts = shortcuts
        if pending is not None:
            ctx.expected_outline = pending.result
        if ctx.document.unreadable is not None:
            # What was read is only part of the README: other rules would report phantoms.
            return list(_unreadable(ctx))
        return CHECKS.run(ctx)
    finally:
        if pending is not None:
            pending.cancel()
