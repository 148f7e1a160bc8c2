"""`drift` of a panel README: each panel compared with the one its entry renders, the frame
with the template."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesome_tools.core.fixes import Fixes
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.layouts.driftfields import in_fields
from awesome_tools.layouts.panel.driftfields import panel_fields
from awesome_tools.layouts.panel.heads import panel_headings, panel_region
from awesome_tools.layouts.panel.parts import (
    index_names,
    split_title,
)
from awesome_tools.layouts.panel.reader import at_line
from awesome_tools.layouts.rules import DRIFT

if TYPE_CHECKING:
    pass


def drift(
    path: str,
    lines: list[str],
    have_heads: list[int],
    expected: str,
    want_heads: list[int],
    entry_files: dict[str, str],
    frame: str,
    fixes: Fixes,
) -> Iterator[Diagnostic]:
    """`drift`: each panel (its heading lines `have_heads`, as the lint found them) compared with
    the one its entry renders (`want_heads` in the expected text), the frame with the
    template."""
    want = expected.split("\n")
    have_panels, want_panels = panel_headings(lines, have_heads), panel_headings(want, want_heads)
    # A panel is named as the index names it (a title need not start with the name).
    have_names, want_names = index_names(lines, have_heads), index_names(want, want_heads)
    have_region, want_region = panel_region(lines, have_panels), panel_region(want, want_panels)
    fix = f"then run `{fixes.render}`"

    def cut(text: list[str], panels: list[tuple[int, str]], end: int) -> dict[str, range]:
        spans: dict[str, range] = {}
        for k, (i, title) in enumerate(panels):
            spans.setdefault(title, range(i, panels[k + 1][0] if k + 1 < len(panels) else end))
        return spans

    have = cut(lines, have_panels, have_region.stop)
    theirs = cut(want, want_panels, want_region.stop)
    for title, span in have.items():
        name = have_names.get(span.start) or split_title(title)
        source = entry_files.get(name.casefold()) or entry_files.get(title.casefold())
        if title not in theirs:
            message = f"panel '{name}' has no entry file: add one in entries/ ({fixes.render})"
            yield at_line(path, span.start, DRIFT, message)
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
            yield at_line(path, span.start + k, DRIFT, message)
    for title, span in theirs.items():
        if title not in have:
            name = want_names.get(span.start) or split_title(title)
            message = f"panel '{name}' is missing: {fix}"
            yield at_line(path, have_region.start if have_region else 0, DRIFT, message)
    outside_have = [i for i in range(len(lines)) if i not in have_region]
    outside_want = [i for i in range(len(want)) if i not in want_region]
    for x, y in zip(outside_have, outside_want, strict=False):
        if lines[x].rstrip() != want[y]:
            message = f"the text outside the panels differs from {frame}: edit it there, {fix}"
            yield at_line(path, x, DRIFT, message)
            return
