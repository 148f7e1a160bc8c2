"""The panel layout: each model a panel (heading, summary, badges, authors, figure and a
collapsible deep dive), a chronological index, a release timeline and a figure-credits file.

Its modules are imported when a method needs them: `render.py` (entries to README text and the
credits file), `read.py` with `parse.py` and `heads.py` (a README to entry files), `lint.py`
(its README rules), `parts.py` (its shapes as data).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from awesome_tools.layouts.base import LayoutDefaults

if TYPE_CHECKING:
    from awesome_tools.core.fixes import Fixes
    from awesome_tools.core.schema import Entry
    from awesome_tools.core.settings import Settings
    from awesome_tools.core.templates import Templates
    from awesome_tools.diagnostics import Diagnostic
    from awesome_tools.layouts.base import Layout
    from awesome_tools.layouts.importplan import ImportPlan

# The figure-credits file, by path from the list's root.
CREDITS = "assets/architectures/CREDITS.md"


def _lint_alone(text: str, path: str) -> Any:
    from awesome_tools.layouts.panel.lint import lint_alone

    return lint_alone(text, path)


class PanelLayout(LayoutDefaults):
    """Each model a panel: heading, summary, badges, authors, figure and a deep dive."""

    name = "panel"
    # A table-layout entry is a panel too: its sections stand in for the summary and deep dive,
    # so a list switches layout without rewriting its entries.
    required = frozenset(("name", "title", "url", "summary|architecture.overview"))
    extra_files = (CREDITS,)
    # Prose is written as Markdown by design: the README is always parsed whole (no
    # `lint_part`).
    lint_alone: Callable[[str, str], Any] | None = staticmethod(_lint_alone)

    @property
    def entry_model(self) -> type[Entry]:
        """The common entry, plus how an imported panel was laid out (`panel_quirks`)."""
        from awesome_tools.layouts.panel.quirks import PanelEntry

        return PanelEntry

    def recognises(self, text: str) -> bool:
        from awesome_tools.layouts.panel.read import is_panel_readme

        return is_panel_readme(text)

    def render(
        self,
        entries: Sequence[Entry],
        settings: Settings,
        templates: Templates,
        /,
        *,
        jobs: int = 1,
        made: Sequence[Any] | None = None,
    ) -> str:
        # Panels are not grouped by category: the index and timeline order them by date.
        # Nothing is `made` where the entries are checked (`entry_parts` is None).
        from awesome_tools.layouts.panel.render import render_panels

        return render_panels(
            entries,
            templates,
            markers=settings.figure_markers,
            title=settings.title,
            jobs=jobs,
            level=settings.panel_heading_level,
            shown=settings.readme_views,
        )

    def read(
        self, raw: bytes, path: str, /, *, categories: str | None, categories_path: str
    ) -> ImportPlan:
        from awesome_tools.layouts.panel.read import read_panel_readme

        return read_panel_readme(raw, path)

    def extras(
        self, entries: Sequence[Entry], settings: Settings, templates: Templates, /
    ) -> dict[str, str]:
        from awesome_tools.layouts.panel.render import credits_file

        if not any(entry.figure and entry.figure.source for entry in entries):
            return {}
        return {CREDITS: credits_file(entries, templates, markers=settings.figure_markers)}

    def frame(self, templates: Templates) -> str:
        from awesome_tools.layouts.panel.render import panel_frame

        return panel_frame(templates)

    def lint(
        self,
        text: str,
        path: str,
        /,
        *,
        expected: str | None,
        entry_files: dict[str, str],
        frame: str,
        fixes: Fixes,
        jobs: int = 1,
        shortcuts: bool = True,
        alone: Callable[[], Any] | None = None,
    ) -> list[Diagnostic]:
        # There is no shortcut to leave out: the panel README is always parsed whole.
        from awesome_tools.layouts.panel.lint import lint_panels

        return lint_panels(
            text,
            path,
            expected=expected,
            entry_files=entry_files,
            frame=frame,
            fixes=fixes,
            jobs=jobs,
            alone=alone,
        )


LAYOUT: Layout = PanelLayout()
