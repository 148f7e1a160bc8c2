"""The table layout: each model a collapsible <details> block holding one 8-column table row,
under an overview table, by section.

Its modules are imported when a method needs them, so that naming the layout costs a one-file
`check` nothing: `render.py` (entries to README text), `importer.py` (a README to entry files),
`lint.py` (its README rules), `lintpart.py` (lint of only the part that differs), `segments.py`
(what drift needs of it: each entry's block and overview row).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from awesome_tools.layouts.base import LayoutDefaults

if TYPE_CHECKING:
    from awesome_tools.core.entrycheck import Make
    from awesome_tools.core.fixes import Fixes
    from awesome_tools.core.schema import Entry
    from awesome_tools.core.settings import Settings
    from awesome_tools.core.templates import Templates
    from awesome_tools.diagnostics import Diagnostic
    from awesome_tools.layouts.base import Layout, LintPart
    from awesome_tools.layouts.importplan import ImportPlan

# The table layout's identity and eight cells (the Alignment pair may be left out).
TABLE_REQUIRED = frozenset(
    [
        "name",
        "title",
        "url",
        "architecture.overview",
        "architecture.components",
        "training.methods",
        "datasets.used",
        "datasets.purpose",
    ]
)


def _lint_part(
    text: str, path: str, expected: str, entry_files: dict[str, str], frame: str, fixes: Fixes
) -> list[Diagnostic] | None:
    from awesome_tools.layouts.table.lintpart import lint_part

    return lint_part(text, path, expected, entry_files=entry_files, template=frame, fixes=fixes)


class TableLayout(LayoutDefaults):
    """Each model a collapsible <details> block holding one 8-column table row."""

    name = "table"
    required = TABLE_REQUIRED
    # Most models align vision and language; a vision encoder's author removes the section.
    suggested = frozenset(["alignment.techniques", "alignment.fusion_methods"])
    # The block's figure and sections, the overview's columns; not the panel's prose or links.
    shown: frozenset[str] | None = frozenset(
        [
            *("released", "category", "vision_encoder", "language_model", "connector"),
            *("code", "weights", "figure", "alignment"),
        ]
    )
    # Every text value reaches the README escaped: lint may trust a current README.
    lint_part: LintPart | None = staticmethod(_lint_part)

    def recognises(self, text: str) -> bool:
        # The default layout: a README no other layout recognises is read as a table README.
        return True

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
        # The entries' blocks and overview rows, made where they were checked or else shared
        # between `jobs` processes here (a frame of the old single-file shape renders whole);
        # the table layout writes no figure comments and has no heading level to choose.
        from awesome_tools.layouts.table.render import render_readme

        return render_readme(
            entries,
            settings.categories,
            templates=templates,
            title=settings.title,
            jobs=jobs,
            made=made,
            shown=settings.readme_views,
        )

    def entry_parts(self, templates: Templates, settings: Settings, /) -> Make | None:
        from awesome_tools.layouts.table.frame import part_maker

        return part_maker(templates)

    def read(
        self, raw: bytes, path: str, /, *, categories: str | None, categories_path: str
    ) -> ImportPlan:
        from awesome_tools.layouts.table.importer import plan_import

        return plan_import(raw, path, categories_text=categories, categories_path=categories_path)

    def frame(self, templates: Templates) -> str:
        from awesome_tools.core.templates import README

        return README

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
        from awesome_tools.layouts.table.lint import lint_text

        return lint_text(
            text,
            path,
            expected=expected,
            entry_files=entry_files,
            template=frame,
            fixes=fixes,
            jobs=jobs,
            shortcuts=shortcuts,
        )


LAYOUT: Layout = TableLayout()
