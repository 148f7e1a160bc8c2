"""Lint a list-layout README: its entry lines and headings, and drift from what render writes.

`list-entry`: inside a category's part, a list item with a link that is not an entry line
(another bullet, a link that is not http(s), text after the link without ` - `), or an entry
line under another entry. `list-heading`: a category heading that skips a level or is not plain
text. `drift`: where README.md differs from the expected README, the entry line (naming the
entry file and the differing fields), the missing entry or the frame line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from awesome_tools.core.categories import category_problem
from awesome_tools.core.fixes import Fixes
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.layouts.drift import Part, Side, drift
from awesome_tools.layouts.driftwords import Names
from awesome_tools.layouts.list.shape import Line, Shape, read_shape
from awesome_tools.ruleids import RuleId


def _at(path: str, index: int, rule: RuleId, message: str) -> Diagnostic:
    return Diagnostic(path, index + 1, 1, rule, message)


def shape_checks(shape: Shape, path: str) -> Iterator[Diagnostic]:
    """`list-entry` and `list-heading`: the checks that need no entry."""
    for index, reason in shape.strays:
        text = shape.lines[index].strip()[:60]
        yield _at(path, index, "list-entry", f"not an entry line ({reason}): '{text}'")
    for index in shape.nested:
        message = (
            "an entry line under another entry: an entry is a line of its category, "
            "or of a list group (a plain-text item such as '- Drivers')"
        )
        yield _at(path, index, "list-entry", message)
    previous = 0
    for heading in shape.headings:
        if heading.category is not None and previous and heading.level > previous + 1:
            message = (
                f"heading skips a level ({'#' * previous} to {'#' * heading.level}): a "
                f"category heading is one level under its parent's"
            )
            yield _at(path, heading.index, "list-heading", message)
        if heading.category is not None:
            problem = category_problem(heading.text) if heading.text else "a heading has text"
            if problem:
                yield _at(path, heading.index, "list-heading", problem)
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
    frame: str = "the packaged template awesome_tools/templates/list/README.md.j2",
    fixes: Fixes | None = None,
) -> list[Diagnostic]:
    """Run the list layout's rules on README text; drift only when the expected text is given."""
    shape = read_shape(text)
    found = list(shape_checks(shape, path))
    if expected is not None and expected != text:
        # The lines list-entry reports are not drift too.
        strays = frozenset([*(index for index, _ in shape.strays), *shape.nested])
        names = Names(path, entry_files or {}, frame, fixes or Fixes())
        have, want = _side(shape, strays), _side(read_shape(expected))
        found += drift(text, expected, have, want, names, _fields)
    return sorted(found)
