"""The README as the panel layout's rules read it: its lines, one block parse, the panel
headings and the lines the panels take, each found once and shared by every check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from awesome_tools.layouts.panel.heads import Heads, find_heads, panel_headings, panel_region
from awesome_tools.layouts.panel.parts import readme_lines
from awesome_tools.layouts.readme import ReadmeContext

if TYPE_CHECKING:
    from awesome_tools.core.blockread import Parsed


@dataclass
class PanelContext(ReadmeContext):
    """A panel README, read once for all its rules."""

    # The panel headings' lines where `lint_alone` found them (in another process), so that
    # drift here parses nothing again; and the expected text's, maybe from another process.
    head_lines: list[int] | None = field(default=None, kw_only=True)
    expected_heads: Callable[[], list[int]] | None = field(default=None, kw_only=True)

    @cached_property
    def lines(self) -> list[str]:
        return readme_lines(self.text)

    @cached_property
    def parsed(self) -> Parsed:
        """One block parse for every rule: at 10,000 panels a parse is a second and a half."""
        from awesome_tools.core.blockread import parse_blocks

        return parse_blocks("\n".join(self.lines))

    @cached_property
    def heads(self) -> Heads:
        return find_heads(self.lines, self.parsed)

    @cached_property
    def panels(self) -> list[tuple[int, str]]:
        """Each panel's heading: (line index, title)."""
        return panel_headings(self.lines, self.heads.lines)

    @cached_property
    def region(self) -> range:
        """The lines of the panels: from the first heading to the next `## ` section."""
        return panel_region(self.lines, self.panels)
