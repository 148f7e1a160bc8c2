"""Lint a list-layout README: its entry lines and headings, and drift from what render writes.

`list-entry`: inside a category's part, a list item with a link that is not an entry line
(another bullet, a link that is not http(s), text after the link without ` - `), or an entry
line under another entry. `list-heading`: a category heading that skips a level or is not plain
text. `drift`: where README.md differs from the expected README, the entry line (naming the
entry file and the differing fields), the missing entry or the frame line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from awesome_tools.core.categories import category_problem
from awesome_tools.core.fixes import Fixes
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.layouts.driftfields import in_fields
from awesome_tools.layouts.list.rules import LIST_ENTRY, LIST_HEADING
from awesome_tools.layouts.list.shape import Line, Shape, entry_parts, read_shape
from awesome_tools.layouts.readme import Checks, ReadmeContext
from awesome_tools.layouts.rules import DRIFT
from awesome_tools.rule import Rule


def _at(path: str, index: int, rule: Rule, message: str) -> Diagnostic:
    return rule.at(path, index + 1, 1, message)


@dataclass
class ListContext(ReadmeContext):
    """A list-layout README, read once (its lines, entry lines and headings) for its rules."""

    @cached_property
    def shape(self) -> Shape:
        return read_shape(self.text)


# The list layout's README checks, each under its rule (layouts/list/rules.py); drift, which
# needs the entries, runs after them.
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


@dataclass(frozen=True)
class _Drift:
    """What drift names: the README, the entry files by name, the frame, the fixes; and the
    lines `list-entry` reports (not drift again)."""

    path: str
    entry_files: dict[str, str]
    frame: str
    fixes: Fixes
    strays: frozenset[int]

    def at(self, index: int, message: str) -> Diagnostic:
        return _at(self.path, index, DRIFT, message)


def _fields(have: Line, want: Line) -> list[str]:
    """The entry fields two entry lines show differently."""
    found = [
        name for name in ("name", "url", "summary") if getattr(have, name) != getattr(want, name)
    ]
    return found + (["category"] if have.indent != want.indent else [])


def _region(
    ctx: _Drift, have: list[str], want: list[str], mine: range, theirs: range
) -> Iterator[Diagnostic]:
    """The drift of one differing part: README lines `mine`, expected lines `theirs`. An entry
    line is paired with the expected one of its name, else of its link."""
    wanted = {j: found for j in theirs if (found := entry_parts(want[j]))}
    paired: set[int] = set()
    fix = f"run `{ctx.fixes.render}`"
    for k in mine:
        line = entry_parts(have[k])
        if k in ctx.strays:
            continue
        if line is None:
            yield ctx.at(k, f"line differs from what {ctx.frame} writes: edit that, then {fix}")
            continue
        free = [j for j in wanted if j not in paired]
        j = next((j for j in free if wanted[j].name == line.name), None)
        j = j if j is not None else next((j for j in free if wanted[j].url == line.url), None)
        name = line.name.casefold()
        if j is not None:
            paired.add(j)
            source = ctx.entry_files.get(wanted[j].name.casefold(), "its entry file")
            fields = in_fields(_fields(line, wanted[j]))
            yield ctx.at(k, f"entry line differs from {source}{fields}: edit {source}, then {fix}")
        elif name in ctx.entry_files:
            source = ctx.entry_files[name]
            message = (
                f"entry line of {source} is not where render writes it (its category and order "
                f"come from {source} and categories.yaml): {fix}"
            )
            yield ctx.at(k, message)
        else:
            message = (
                f"entry line has no entry file: `{ctx.fixes.import_file(ctx.path)}` turns it "
                f"into one (or start from `{ctx.fixes.new_model(line.name)}`)"
            )
            yield ctx.at(k, message)
    for j in wanted:
        if j not in paired:
            source = ctx.entry_files.get(wanted[j].name.casefold(), "its entry file")
            yield ctx.at(
                min(mine.start, len(have) - 1), f"entry line of {source} is missing here: {fix}"
            )


def drift(text: str, expected: str, ctx: _Drift) -> Iterator[Diagnostic]:
    """Each differing line of the README, by a line diff with the expected README."""
    have, want = text.split("\n"), expected.split("\n")
    matcher = difflib.SequenceMatcher(None, have, want, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield from _region(ctx, have, want, range(i1, i2), range(j1, j2))


def lint_list(
    text: str,
    path: str,
    expected: str | None = None,
    entry_files: dict[str, str] | None = None,
    frame: str = "the packaged template awesome_tools/layouts/list/templates/README.md.j2",
    fixes: Fixes | None = None,
) -> list[Diagnostic]:
    """Run the list layout's rules on README text; drift only when the expected text is given."""
    ctx = ListContext(path, text)
    found = CHECKS.run(ctx)
    if expected is not None and expected != text:
        shape = ctx.shape
        strays = frozenset([*(index for index, _ in shape.strays), *shape.nested])
        found += drift(
            text, expected, _Drift(path, entry_files or {}, frame, fixes or Fixes(), strays)
        )
    return sorted(found)
