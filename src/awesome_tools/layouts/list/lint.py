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

from awesome_tools.categories import category_problem
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.driftfields import in_fields
from awesome_tools.fixes import Fixes
from awesome_tools.layouts.list.shape import ENTRY, Shape, read_shape
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


def _name(line: str) -> str | None:
    found = ENTRY.fullmatch(line)
    return found["name"].casefold() if found else None


def _fields(have: str, want: str) -> list[str]:
    """The entry fields two entry lines show differently."""
    mine, theirs = ENTRY.fullmatch(have), ENTRY.fullmatch(want)
    if mine is None or theirs is None:
        return []
    pairs = (("name", "name"), ("url", "url"), ("summary", "summary"))
    found = [field for field, group in pairs if mine[group] != theirs[group]]
    if mine["indent"] != theirs["indent"]:
        found.append("category")
    return found


def drift(
    text: str,
    path: str,
    expected: str,
    entry_files: dict[str, str],
    frame: str,
    fixes: Fixes,
    strays: frozenset[int] = frozenset(),
) -> Iterator[Diagnostic]:
    """Each differing line of the README: an entry line names its entry file and fields; a
    missing entry names its file; any other line names the frame (but a line `list-entry`
    reports, in `strays`)."""
    have, want = text.split("\n"), expected.split("\n")
    fix = f"then run `{fixes.render}`"
    matcher = difflib.SequenceMatcher(None, have, want, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        wanted = {_name(line): line for line in want[j1:j2] if _name(line)}
        shown = {_name(line) for line in have[i1:i2]}
        for k in range(i1, i2):
            name = _name(have[k])
            if name is not None and name in wanted:
                if have[k] == wanted[name]:
                    continue
                source = entry_files.get(name, "its entry file")
                fields = in_fields(_fields(have[k], wanted[name]))
                message = f"entry line differs from {source}{fields}: edit {source}, {fix}"
            elif name is not None and name in entry_files:
                source = entry_files[name]
                message = (
                    f"entry line of {source} is not where render writes it (the category and "
                    f"order come from {source} and categories.yaml): {fix}"
                )
            elif name is not None:
                message = (
                    f"entry line has no entry file: `{fixes.import_file(path)}` turns it into "
                    f"one (or start from `{fixes.new_model()}`)"
                )
            elif k in strays:
                continue
            else:
                message = f"line differs from what {frame} writes: edit that, {fix}"
            yield _at(path, k, "drift", message)
        for name in wanted:
            if name in shown:
                continue
            source = entry_files.get(name or "", "its entry file")
            message = f"entry line of {source} is missing here: run `{fixes.render}`"
            yield _at(path, min(i1, len(have) - 1), "drift", message)


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
        strays = frozenset(index for index, _ in shape.strays)
        found += drift(text, path, expected, entry_files or {}, frame, fixes or Fixes(), strays)
    return sorted(found)
