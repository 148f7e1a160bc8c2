"""How an imported hand-written panel differs from the panel layout's usual shape, kept so that
render writes it back byte for byte."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from awesome_tools.core.fieldtypes import (
    Digits,
    References,
    Text,
)
from awesome_tools.core.strictmodel import StrictModel

Flag = Literal["yes", "no"]

# The panel text whose characters an imported README may have spelt as references.
ReferenceField = Literal[
    "name",
    "title",
    "summary",
    "contribution",
    "authors",
    "label",
    "figure.alt",
    "figure.caption",
    "figure_note",
]


class PanelQuirks(StrictModel):
    """How an imported hand-written panel differs from the panel layout's usual shape."""

    badges_split: Flag | None = Field(
        default=None, description="Optional: 'yes' puts each badge on a line of its own."
    )
    badges_end: Literal["br", "line"] | None = Field(
        default=None,
        description="Optional: what follows the badges: 'br' a <br> and the authors on the next "
        "line, 'line' the authors on the next line; by default a blank line.",
    )
    authors_br: Flag | None = Field(
        default=None,
        description="Optional: whether the authors line ends with <br> (by default when the "
        "release line follows it).",
    )
    released_line: Flag | None = Field(
        default=None,
        description="Optional: 'no' leaves out the panel's **Released:** line (the date is "
        "still in the timeline).",
    )
    figure_note: Text | None = Field(
        default=None,
        description="Optional: the note a panel shows instead of a figure (why there is none).",
    )
    figure_id: Digits | None = Field(
        default=None,
        description="Optional: the number of the panel's figure comments "
        "(<!-- architecture-figure:N -->) when it is not the panel's place in the list; used by "
        "a list whose settings say 'figure_markers: position' (slug markers name the figure "
        "by the entry instead).",
    )
    summary: Literal["none"] | None = Field(
        default=None,
        description="Optional: 'none' when the imported panel had no summary paragraph: render "
        "writes the panel without one, as it was, and check warns (no-summary) until the entry "
        "has a summary.",
    )
    summary_br: Flag | None = Field(
        default=None, description="Optional: 'yes' writes <br> after the deep dive's summary."
    )
    details_tight: Flag | None = Field(
        default=None,
        description="Optional: 'yes' closes the deep dive with no blank line before </details>.",
    )
    heading_level: Literal["2", "3"] | None = Field(
        default=None,
        description="Optional: the panel heading's level ('2': ##, '3': ###) when it is not the "
        "list's (awesome.yaml's panel_heading_level).",
    )
    references: dict[ReferenceField, References] | None = Field(
        default=None,
        description="Optional: by field, the HTML character references the README wrote for "
        "characters of its text (`figure.alt: '&#x27;'` writes each ' of the alt text as "
        "&#x27;), a space between two.",
    )
