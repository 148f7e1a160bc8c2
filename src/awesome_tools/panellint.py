"""Lint a panel README: panel headings and figures, timeline coverage, HTML-block breaks, drift."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_tools.diagnostics import Diagnostic
from awesome_tools.driftfields import in_fields, panel_fields
from awesome_tools.fixes import CONSOLE, Fixes
from awesome_tools.panelparts import (
    FIGURE_CLOSE,
    FIGURE_OPEN,
    HEADING,
    ROW,
    SECTION,
    TIMELINE_HEADER,
    split_title,
)
from awesome_tools.ruleids import RuleId


def _at(path: str, index: int, rule: RuleId, message: str) -> Diagnostic:
    return Diagnostic(path, index + 1, 1, rule, message)


def _panels(lines: list[str]) -> list[tuple[int, str]]:
    """Each panel's heading: (line index, title)."""
    found = []
    for i, line in enumerate(lines):
        heading = HEADING.match(line)
        if heading:
            found.append((i, heading["title"]))
    return found


def _region(lines: list[str], panels: list[tuple[int, str]]) -> range:
    """The lines of the panels: from the first heading to the next `## ` section."""
    if not panels:
        return range(0)
    after = next((i for i in range(panels[-1][0], len(lines)) if SECTION.match(lines[i])), None)
    return range(panels[0][0], len(lines) if after is None else after)


def headings(path: str, lines: list[str], region: range) -> Iterator[Diagnostic]:
    """`panel-heading`: among the panels, a `###` heading is `### **Name: Title**`."""
    for i in region:
        if lines[i].startswith("###") and not HEADING.match(lines[i]):
            message = (
                f"panel heading '{lines[i].strip()[:60]}' is not `### **Name: Title**`: "
                "the index, timeline and drift find panels by that shape"
            )
            yield _at(path, i, "panel-heading", message)


def figures(path: str, lines: list[str], region: range) -> Iterator[Diagnostic]:
    """`panel-figure`: each figure block opens and closes with the same number, has alt text."""
    opened: tuple[int, str] | None = None
    for i in region:
        start, end = FIGURE_OPEN.match(lines[i]), FIGURE_CLOSE.match(lines[i])
        if HEADING.match(lines[i]) and opened is not None:
            yield _at(path, opened[0], "panel-figure", "figure block is not closed in its panel")
            opened = None
        if start:
            if opened is not None:
                yield _at(path, opened[0], "panel-figure", "figure block is not closed")
            opened = (i, start["number"])
        elif end:
            if opened is None:
                yield _at(path, i, "panel-figure", "figure block closed but never opened")
            elif opened[1] != end["number"]:
                message = f"figure block {opened[1]} is closed as {end['number']}"
                yield _at(path, i, "panel-figure", message)
            opened = None
        elif opened is not None and "<img " in lines[i] and ' alt="' not in lines[i]:
            yield _at(path, i, "panel-figure", "figure has no alt text: say what it shows")
    if opened is not None:
        yield _at(path, opened[0], "panel-figure", "figure block is not closed")


def _owners(panels: list[tuple[int, str]]) -> dict[str, int]:
    """Each name a timeline row may give, to the first panel it names.

    A row names a panel by the heading's whole text or by any part of it before a ': ' (the
    first such part is the model's name): one look-up per row instead of a scan of every panel,
    which made the rule quadratic (50 million comparisons at 10,000 panels).
    """
    owners: dict[str, int] = {}
    for k, (_, title) in enumerate(panels):
        owners.setdefault(title, k)
        colon = title.find(": ")
        while colon != -1:
            owners.setdefault(title[:colon], k)
            colon = title.find(": ", colon + 1)
    return owners


def coverage(path: str, lines: list[str], panels: list[tuple[int, str]]) -> Iterator[Diagnostic]:
    """`timeline-coverage`: every panel is in the release timeline exactly once."""
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
    owners = _owners(panels)
    for i, name in rows:
        owner = owners.get(name)
        if owner is None:
            yield _at(path, i, "timeline-coverage", f"timeline row '{name}' names no panel")
        elif owner in used:
            message = f"'{name}' is in the timeline twice (first at line {used[owner] + 1})"
            yield _at(path, i, "timeline-coverage", message)
        else:
            used[owner] = i
    for k, (i, title) in enumerate(panels):
        if k not in used:
            message = f"panel '{split_title(title)}' has no release timeline row"
            yield _at(path, i, "timeline-coverage", message)


def drift(
    path: str,
    lines: list[str],
    expected: str,
    entry_files: dict[str, str],
    frame: str,
    fixes: Fixes,
) -> Iterator[Diagnostic]:
    """`drift`: each panel compared with the one its entry renders, the frame with the template."""
    want = expected.split("\n")
    have_panels, want_panels = _panels(lines), _panels(want)
    have_region, want_region = _region(lines, have_panels), _region(want, want_panels)
    fix = f"then run `{fixes.render}`"

    def cut(text: list[str], panels: list[tuple[int, str]], end: int) -> dict[str, range]:
        spans: dict[str, range] = {}
        for k, (i, title) in enumerate(panels):
            spans.setdefault(title, range(i, panels[k + 1][0] if k + 1 < len(panels) else end))
        return spans

    have = cut(lines, have_panels, have_region.stop)
    theirs = cut(want, want_panels, want_region.stop)
    for title, span in have.items():
        name = split_title(title)
        source = entry_files.get(name.casefold()) or entry_files.get(title.casefold())
        if title not in theirs:
            message = f"panel '{name}' has no entry file: add one in entries/ ({fixes.render})"
            yield _at(path, span.start, "drift", message)
            continue
        mine = [lines[i].rstrip() for i in span]
        other = [want[i] for i in theirs[title]]
        k = next((k for k, (a, b) in enumerate(zip(mine, other, strict=False)) if a != b), None)
        if k is None and len([m for m in mine if m]) != len([o for o in other if o]):
            k = min(len(mine), len(other))
        if k is not None:
            where = source or "its entry file"
            fields = in_fields(panel_fields(mine, other))
            message = f"panel '{name}' differs from {where}{fields}: edit {where}, {fix}"
            yield _at(path, span.start + k, "drift", message)
    for title in theirs:
        if title not in have:
            message = f"panel '{split_title(title)}' is missing: {fix}"
            yield _at(path, have_region.start if have_region else 0, "drift", message)
    outside_have = [i for i in range(len(lines)) if i not in have_region]
    outside_want = [i for i in range(len(want)) if i not in want_region]
    for x, y in zip(outside_have, outside_want, strict=False):
        if lines[x].rstrip() != want[y]:
            message = f"the text outside the panels differs from {frame}: edit it there, {fix}"
            yield _at(path, x, "drift", message)
            return


def lint_panels(
    text: str,
    path: str,
    *,
    expected: str | None = None,
    entry_files: dict[str, str] | None = None,
    frame: str = "templates/README.md.j2",
    fixes: Fixes = CONSOLE,
) -> list[Diagnostic]:
    """Run the panel layout's rules on README text; drift only when the expected text is given."""
    from awesome_tools.blocks import read_document

    lines = text.replace("\r\n", "\n").split("\n")
    panels = _panels(lines)
    region = _region(lines, panels)
    found = [
        *headings(path, lines, region),
        *figures(path, lines, region),
        *coverage(path, lines, panels),
    ]
    for brk in read_document(text).breaks:
        if lines[brk.line - 1].lstrip().startswith(("```", "~~~")):
            continue  # a fenced block after a blank line inside <details> is meant as code
        message = (
            f"a blank line before this line ends the HTML block: GitHub shows what follows as a "
            f"{brk.kind}; remove the blank line or indent less than 4 spaces"
        )
        found.append(Diagnostic(path, brk.line, 1, "html-block-break", message))
    if expected is not None and expected != text:
        found += drift(path, lines, expected, entry_files or {}, frame, fixes)
    return sorted(found)
