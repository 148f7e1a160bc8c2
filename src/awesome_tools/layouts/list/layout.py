"""The list layout as one `Layout`: its functions import their modules when called."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from awesome_tools.layout import Layout

if TYPE_CHECKING:
    from awesome_tools.diagnostics import Diagnostic
    from awesome_tools.fixes import Fixes
    from awesome_tools.importer import ImportPlan
    from awesome_tools.schema import Entry
    from awesome_tools.settings import FigureMarkers
    from awesome_tools.templates import Templates


def _render(
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
    # One short line per entry: nothing to share between processes, no figure, no panel level.
    from awesome_tools.layouts.list.render import render_list

    return render_list(entries, categories, templates, title)


def _read(raw: bytes, path: str, categories: str | None, categories_path: str) -> ImportPlan:
    from awesome_tools.layouts.list.read import read_list_readme

    return read_list_readme(raw, path, categories, categories_path)


def _lint(
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
    # One block parse and a line diff: no shortcut or process to leave out.
    from awesome_tools.layouts.list.lint import lint_list

    return lint_list(text, path, expected, entry_files, frame, fixes)


def _frame(templates: Templates) -> str:
    from awesome_tools.layouts.list.render import list_frame

    return list_frame(templates)


def _recognises(text: str) -> bool:
    from awesome_tools.layouts.list.read import is_list_readme

    return is_list_readme(text)


LIST: Layout = Layout(
    "list",
    "Each entry one line, `- [Name](url) - Summary.`, under its category's heading (the "
    "classic awesome list).",
    "list/README.md.j2",
    _render,
    _read,
    _lint,
    # The line's name, link and summary; and `title`, which the schema requires of every entry
    # whatever its layout (import writes the link text), so that `new` asks for it too.
    frozenset(("name", "title", "url", "summary")),
    shown=frozenset(("category",)),
    frame=_frame,
    recognises=_recognises,
)
