"""The panel layout's entries: the common entry, plus how an imported hand-written panel
differs from the layout's usual shape (`panel_quirks`), kept so that render writes it back byte
for byte. Only a panel list's entries may hold it (`PanelLayout.entry_model`); the core schema
knows nothing of it."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from awesome_tools.core.fieldtypes import (
    Digits,
    References,
    Text,
)
from awesome_tools.core.schema import Entry
from awesome_tools.core.strictmodel import StrictModel
from awesome_tools.layouts.panel.rules import NO_SUMMARY

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

    from awesome_tools.core.loaded import Loaded
    from awesome_tools.diagnostics import Diagnostic

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


class PanelEntry(Entry):
    """An entry of a panel list: the common fields, and the imported panel's quirks."""

    panel_quirks: PanelQuirks | None = Field(
        default=None,
        description="Optional: how an imported hand-written panel is laid out, to write it back.",
    )

    plain_text: ClassVar[tuple[str, ...]] = (*Entry.plain_text, "panel_quirks.figure_note")

    @classmethod
    def todo(
        cls, loaded: Loaded, missing: list[ErrorDetails]
    ) -> tuple[list[ErrorDetails], list[Diagnostic]]:
        """A panel imported without a summary (`panel_quirks.summary: none`): a summary to
        write (import makes none up), a to-do, not an error; once written, the quirk left over."""
        data = loaded.data
        quirks = data.get("panel_quirks") if isinstance(data, dict) else None
        if not isinstance(quirks, dict) or quirks.get("summary") != "none":
            return missing, []
        line, column = loaded.key_positions.get(("panel_quirks", "summary"), (1, 1))
        line_out = "'panel_quirks:' and this line" if len(quirks) == 1 else "this line"
        if "summary" in data:
            message = f"the entry has a summary now: remove {line_out}"
        elif any(e["loc"] == ("summary",) for e in missing):
            missing = [e for e in missing if e["loc"] != ("summary",)]
            message = (
                "no summary yet: the imported panel had none (render writes none); write the "
                "model's one-paragraph summary as 'summary: ...' at the top level and remove "
                f"{line_out}"
            )
        else:
            return missing, []
        return missing, [NO_SUMMARY.at(loaded.path, line, column, message, "warning")]


NO_QUIRKS = PanelQuirks()


def quirks_of(entry: Entry) -> PanelQuirks:
    """An entry's panel quirks: none for an entry of the common model, or one without them."""
    found = entry.panel_quirks if isinstance(entry, PanelEntry) else None
    return found or NO_QUIRKS
