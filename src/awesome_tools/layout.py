"""A README layout: how a list's entries are written to README.md and read back from it.

A layout is one object: the README template it renders, the fields its entries must have, and
the three functions that render a README, read one into entry files (`import`) and lint one.
The table layout (a `<details>` block with one table row per model) is the first; a list will
choose its layout in its settings. The functions import their modules when called, so that
choosing a layout costs nothing to a one-file `check`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awesome_tools.diagnostics import Diagnostic
    from awesome_tools.fixes import Fixes
    from awesome_tools.importer import ImportPlan
    from awesome_tools.schema import Entry
    from awesome_tools.templates import Templates

Render = Callable[[Sequence["Entry"], Sequence[str], "Templates"], str]
Read = Callable[[bytes, str, "str | None", str], "ImportPlan"]
Lint = Callable[[str, str, "str | None", "dict[str, str]", str, "Fixes"], "list[Diagnostic]"]


@dataclass(frozen=True)
class Layout:
    """What a README layout is made of."""

    name: str
    summary: str
    template: str  # the README template, looked up in templates/ and then in the package
    render: Render
    read: Read  # README bytes, display path, categories.yaml text, its display path
    lint: Lint  # text, path, expected README or None, entry files by name, frame, fixes

    @cached_property
    def required(self) -> frozenset[str]:
        """The dotted fields an entry of this layout must have (the scaffold's placeholders)."""
        from awesome_tools.scaffold import fields

        return frozenset(f.dotted for f in fields() if f.required)


def _render_table(entries: Sequence[Entry], categories: Sequence[str], templates: Templates) -> str:
    from awesome_tools.render import render_readme

    return render_readme(entries, categories, templates=templates)


def _read_table(raw: bytes, path: str, categories: str | None, categories_path: str) -> ImportPlan:
    from awesome_tools.importer import plan_import

    return plan_import(raw, path, categories_text=categories, categories_path=categories_path)


def _lint_table(
    text: str,
    path: str,
    expected: str | None,
    entry_files: dict[str, str],
    frame: str,
    fixes: Fixes,
) -> list[Diagnostic]:
    from awesome_tools.lint import lint_text

    return lint_text(
        text, path, expected=expected, entry_files=entry_files, template=frame, fixes=fixes
    )


TABLE = Layout(
    "table",
    "Each model a collapsible <details> block holding one 8-column table row.",
    "README.md.j2",
    _render_table,
    _read_table,
    _lint_table,
)

LAYOUTS = {layout.name: layout for layout in (TABLE,)}
