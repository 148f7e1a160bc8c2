"""What drift (`layouts/drift.py`) needs of the panel layout: each entry's panel in a README
(from its heading to the next, the last to the end of the panels' region), and which fields two
versions of a panel show differently."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from awesome_tools.core.fixes import Fixes
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.layouts.drift import Part, Side, drift, split_lines
from awesome_tools.layouts.driftwords import Names
from awesome_tools.layouts.panel.driftfields import panel_fields
from awesome_tools.layouts.panel.heads import panel_headings, panel_region
from awesome_tools.layouts.panel.parts import index_names, split_title

# Panels are ordered newest first, one day's by their `order` (layouts/panel/render.panel_order).
ORDER = "the entries' release dates (and `order` within a day)"


def panel_parts(lines: list[str], heads: list[int]) -> list[Part]:
    """Each panel of README lines whose panel headings are at `heads`: known by its title,
    named as the index names it (a title need not start with the name)."""
    panels = panel_headings(lines, heads)
    region = panel_region(lines, panels)
    names = index_names(lines, heads)
    return [
        Part(
            i,
            panels[k + 1][0] if k + 1 < len(panels) else region.stop,
            "panel",
            title,
            names.get(i) or split_title(title),
        )
        for k, (i, title) in enumerate(panels)
    ]


def _fields(mine: Part, have: Sequence[str], theirs: Part, want: Sequence[str]) -> list[str]:
    return panel_fields(have, want)


def panel_drift(
    path: str,
    text: str,
    lines: list[str],
    have_heads: list[int],
    expected: str,
    want_heads: list[int],
    names: tuple[dict[str, str], str, Fixes],
) -> Iterator[Diagnostic]:
    """`drift` of a panel README (its lines and panel headings as the lint found them) from the
    expected text (its panel headings `want_heads`); `names` are the entry files by name, the
    frame's template and the fixes."""
    want = split_lines(expected)
    have_side = Side(lines, panel_parts(lines, have_heads))
    want_side = Side(want, panel_parts(want, want_heads))
    yield from drift(
        text, expected, have_side, want_side, Names(path, *names, order=ORDER), _fields
    )
