"""Lint a list-layout README: its entry lines and headings, and drift from what render writes.

`list-entry`: inside a category's part, a list item with a link that is not an entry line
(another bullet, a link that is not http(s), text after the link without ` - `), or an entry
line under another entry. `list-heading`: a category heading that skips a level or is not plain
text. `drift`: where README.md differs from the expected README, the entry line (naming the
entry file and the differing fields), the missing entry or the frame line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from awesome_tools.core.categories import category_problem
from awesome_tools.core.fixes import CONSOLE, Fixes
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.layouts.drift import Part, Side, drift
from awesome_tools.layouts.driftwords import Names
from awesome_tools.layouts.list.rules import LIST_ENTRY, LIST_HEADING
from awesome_tools.layouts.list.shape import Line, Shape, read_shape
from awesome_tools.layouts.readme import Checks, ReadmeContext
from awesome_tools.layouts.rules import DRIFT


@dataclass
class ListContext(ReadmeContext):
    """A list-layout README, read once (its lines, entry lines and headings) for its rules."""

    @cached_property
    def shape(self) -> Shape:
        return read_shape(self.text)


# The list layout's README checks, each under its rule (layouts/list/rules.py), drift among them.
CHECKS: Checks[ListContext] = Checks()


@CHECKS.register(LIST_ENTRY)
def _entry_lines(ctx: ListContext) -> Iterator[Diagnostic]:
    """`list-entry`: a list item with a link that is not an entry line, or an entry line under
    another entry."""
    shape = ctx.shape
    for index, reason in shape.strays:
        text = shape.lines[index].strip()[:60]
        yield ctx.at_line(index, LIST_ENTRY, f"not an entry line ({reason}): '{text}'")
    for index in shape.nested:
        message = (
            "an entry line under another entry: an entry is a line of its category, "
            "or of a list group (a plain-text item such as '- Drivers')"
        )
        yield ctx.at_line(index, LIST_ENTRY, message)


@CHECKS.register(LIST_HEADING)
def _headings(ctx: ListContext) -> Iterator[Diagnostic]:
    """`list-heading`: a category heading one level under its parent's, in plain text."""
    previous = 0
    for heading in ctx.shape.headings:
        if heading.category is not None and previous and heading.level > previous + 1:
            message = (
                f"heading skips a level ({'#' * previous} to {'#' * heading.level}): a "
                f"category heading is one level under its parent's"
            )
            yield ctx.at_line(heading.index, LIST_HEADING, message)
        if heading.category is not None:
            problem = category_problem(heading.text) if heading.text else "a heading has text"
            if problem:
                yield ctx.at_line(heading.index, LIST_HEADING, problem)
        previous = heading.level


def _fields(mine: Part, have: Sequence[str], theirs: Part, want: Sequence[str]) -> list[str]:
    """The entry fields two entry lines show differently."""
    if not isinstance(mine.data, Line) or not isinstance(theirs.data, Line):
        return []
    found = [
        n for n in ("name", "url", "summary") if getattr(mine.data, n) != getattr(theirs.data, n)
    ]
    return found + (["category"] if mine.data.indent != theirs.data.indent else [])


def _side(shape: Shape, skip: frozenset[int] = frozenset()) -> Side:
    """A README's entry lines as drift's parts, each known by its name."""
    parts = [
        Part(line.index, line.index + 1, "entry line", line.name.casefold(), line.name, line)
        for line in shape.entries
    ]
    return Side(shape.lines, parts, skip)


def lint_list(
    text: str,
    path: str,
    expected: str | None = None,
    entry_files: dict[str, str] | None = None,
    frame: str = "the packaged template awesome_tools/layouts/list/templates/README.md.j2",
    fixes: Fixes | None = None,
) -> list[Diagnostic]:
    """Run the list layout's rules on README text; drift only when the expected text is given."""
    ctx = ListContext(
        path,
        text,
        expected=expected,
        entry_files=entry_files or {},
        frame=frame,
        fixes=fixes or CONSOLE,
    )
    return CHECKS.run(ctx)


@CHECKS.register(DRIFT)
def _drift(ctx: ListContext) -> Iterator[Diagnostic]:
    """`drift` (layouts/drift.py), each entry line its entry's part; nothing where the README
    is linted alone."""
    if ctx.expected is None or ctx.expected == ctx.text:
        return
    shape = ctx.shape
    # The lines list-entry reports are not drift too.
    strays = frozenset([*(index for index, _ in shape.strays), *shape.nested])
    names = Names(ctx.path, ctx.entry_files, ctx.frame, ctx.fixes)
    have, want = _side(shape, strays), _side(read_shape(ctx.expected))
    yield from drift(ctx.text, ctx.expected, have, want, names, _fields)
