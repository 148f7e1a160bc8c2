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
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from awesome_tools.diagnostics import Diagnostic
    from awesome_tools.fixes import Fixes
    from awesome_tools.importer import ImportPlan
    from awesome_tools.schema import Entry
    from awesome_tools.settings import FigureMarkers
    from awesome_tools.templates import Templates


class Render(Protocol):
    """Entries, the list's categories, its templates and its title (None: the layout's default)
    to README text, its figure comments named as the settings say; `jobs` processes may share
    the work of a large list; `heading_level` is the panel layout's (awesome.yaml's
    `panel_heading_level`)."""

    def __call__(
        self,
        entries: Sequence[Entry],
        categories: Sequence[str],
        templates: Templates,
        title: str | None,
        /,
        *,
        figure_markers: FigureMarkers,
        jobs: int = 1,
        heading_level: int = 3,
    ) -> str: ...


Read = Callable[[bytes, str, "str | None", str], "ImportPlan"]


class Lint(Protocol):
    """Text, path, expected README or None, entry files by name, frame and fixes to the
    diagnostics; `jobs` processes may share the work of a large README; without `shortcuts`
    every text is parsed whole (`lint --no-shortcut`); `alone` gives what the layout's
    `lint_alone` found of this text, begun earlier (`Layout.lint_alone`)."""

    def __call__(
        self,
        text: str,
        path: str,
        expected: str | None,
        entry_files: dict[str, str],
        frame: str,
        fixes: Fixes,
        /,
        jobs: int = 1,
        shortcuts: bool = True,
        alone: Callable[[], Any] | None = None,
    ) -> list[Diagnostic]: ...


class Extras(Protocol):
    """Entries and templates to the files render writes besides README.md, by path."""

    def __call__(
        self, entries: Sequence[Entry], templates: Templates, /, *, figure_markers: FigureMarkers
    ) -> dict[str, str]: ...


# Text, path, expected README, entry files by name, frame, fixes: the diagnostics of the part
# that differs, or None when only the whole README can be linted.
LintPart = Callable[[str, str, str, "dict[str, str]", str, "Fixes"], "list[Diagnostic] | None"]
Frame = Callable[["Templates"], str]

# The panel layout's figure-credits file, by path from the list's root.
CREDITS = "assets/architectures/CREDITS.md"


def _no_extras(
    entries: Sequence[Entry], templates: Templates, /, *, figure_markers: FigureMarkers
) -> dict[str, str]:
    return {}


def _no_part(
    text: str, path: str, expected: str, entry_files: dict[str, str], frame: str, fixes: Fixes
) -> list[Diagnostic] | None:
    return None


def _readme_frame(templates: Templates) -> str:
    from awesome_tools.templates import README

    return README


@dataclass(frozen=True)
class Layout:
    """What a README layout is made of."""

    name: str
    summary: str
    template: str  # the README template, looked up in templates/ and then in the package
    render: Render
    read: Read  # README bytes, display path, categories.yaml text, its display path
    lint: Lint  # text, path, expected README or None, entry files by name, frame, fixes
    # The dotted fields every entry of this layout must have: `check` reports each one missing
    # (`missing-field`), `new` writes each as a placeholder. A section the schema knows but the
    # layout does not name may be left out; when given, it holds all its own fields. `a|b` is a
    # choice: either field will do (check names the first when neither is given).
    required: frozenset[str]
    # Fields `new` also writes as placeholders, though an entry may leave them out.
    suggested: frozenset[str] = frozenset()
    # The optional top-level fields and sections the README shows: `new -i` offers only these
    # (None: every field of the schema).
    shown: frozenset[str] | None = None
    # Files render writes besides README.md, by path from the list's root, and their text.
    extras: Extras = _no_extras
    # Every path `extras` may write: the hooks' patterns and the docs name them.
    extra_files: tuple[str, ...] = ()
    # The template the README's frame comes from, by name (the list's own or the packaged one).
    frame: Frame = _readme_frame
    # Whether every text value reaches the README escaped, so that lint may trust a current
    # README to templates that render probe entries clean (awesome_tools.proof). The panel
    # layout writes prose as Markdown by design: its README is always parsed.
    escapes_text: bool = False
    # Lint of only the part of a README that differs from the expected one (`escapes_text`).
    lint_part: LintPart = _no_part
    # The README checks that need no entry, run on (text, path) in another process while the
    # entries load and the expected README renders; `lint` takes the result as `alone`.
    lint_alone: Callable[[str, str], Any] | None = None


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


def _render_table(
    entries: Sequence[Entry],
    categories: Sequence[str],
    templates: Templates,
    title: str | None,
    /,
    *,
    figure_markers: FigureMarkers,
    jobs: int = 1,
    heading_level: int = 3,
) -> str:
    # The entries' blocks and overview rows are shared between `jobs` processes (a frame of the
    # old single-file shape renders whole); the table layout writes no figure comments.
    from awesome_tools.render import render_readme

    return render_readme(entries, categories, templates=templates, title=title, jobs=jobs)


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
    /,
    jobs: int = 1,
    shortcuts: bool = True,
    alone: Callable[[], Any] | None = None,
) -> list[Diagnostic]:
    from awesome_tools.lint import lint_text

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


def _lint_table_part(
    text: str, path: str, expected: str, entry_files: dict[str, str], frame: str, fixes: Fixes
) -> list[Diagnostic] | None:
    from awesome_tools.lintpart import lint_part

    return lint_part(text, path, expected, entry_files=entry_files, template=frame, fixes=fixes)


TABLE = Layout(
    "table",
    "Each model a collapsible <details> block holding one 8-column table row.",
    "README.md.j2",
    _render_table,
    _read_table,
    _lint_table,
    TABLE_REQUIRED,
    # Most models align vision and language; a vision encoder's author removes the section.
    frozenset(["alignment.techniques", "alignment.fusion_methods"]),
    # The block's figure and sections, the overview's columns; not the panel's prose or links.
    shown=frozenset(
        [
            *("released", "category", "vision_encoder", "language_model", "connector"),
            *("code", "weights", "figure", "figure_alt", "alignment"),
        ]
    ),
    escapes_text=True,
    lint_part=_lint_table_part,
)


def _render_panel(
    entries: Sequence[Entry],
    categories: Sequence[str],
    templates: Templates,
    title: str | None,
    /,
    *,
    figure_markers: FigureMarkers,
    jobs: int = 1,
    heading_level: int = 3,
) -> str:
    from awesome_tools.panel import render_panels

    return render_panels(
        entries, templates, markers=figure_markers, title=title, jobs=jobs, level=heading_level
    )


def _panel_frame(templates: Templates) -> str:
    from awesome_tools.panel import panel_frame

    return panel_frame(templates)


def _read_panel(raw: bytes, path: str, categories: str | None, categories_path: str) -> ImportPlan:
    from awesome_tools.panelread import read_panel_readme

    return read_panel_readme(raw, path)


def _lint_panel(
    text: str,
    path: str,
    expected: str | None,
    entry_files: dict[str, str],
    frame: str,
    fixes: Fixes,
    /,
    jobs: int = 1,
    shortcuts: bool = True,
    alone: Callable[[], Any] | None = None,
) -> list[Diagnostic]:
    # The panel README is always parsed whole: there is no shortcut to leave out.
    from awesome_tools.panellint import lint_panels

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


def _lint_panel_alone(text: str, path: str) -> Any:
    from awesome_tools.panellint import lint_alone

    return lint_alone(text, path)


def _panel_extras(
    entries: Sequence[Entry], templates: Templates, /, *, figure_markers: FigureMarkers
) -> dict[str, str]:
    from awesome_tools.panel import credits_file

    if not any(entry.figure_source for entry in entries):
        return {}
    return {CREDITS: credits_file(entries, templates, markers=figure_markers)}


PANEL = Layout(
    "panel",
    "Each model a panel: heading, summary, badges, authors, figure and a collapsible deep dive; "
    "a chronological index, a release timeline and a figure-credits file.",
    "panel/README.md.j2",
    _render_panel,
    _read_panel,
    _lint_panel,
    # A table-layout entry is a panel too: its sections stand in for the summary and deep dive,
    # so a list switches layout without rewriting its entries.
    frozenset(("name", "title", "url", "summary|architecture.overview")),
    extras=_panel_extras,
    extra_files=(CREDITS,),
    frame=_panel_frame,
    lint_alone=_lint_panel_alone,
)

LAYOUTS = {layout.name: layout for layout in (TABLE, PANEL)}


def layout_of_readme(text: str) -> Layout:
    """The layout a README is written in, read off its text (for import and a lone lint)."""
    from awesome_tools.panelread import is_panel_readme

    return PANEL if is_panel_readme(text) else TABLE
