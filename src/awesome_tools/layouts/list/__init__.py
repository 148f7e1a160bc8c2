"""The list layout: the classic awesome list, `- [Name](url) - Summary.` under category
headings (docs/list-layout.md).

Its modules are imported when a method needs them: `shape.py` (the entry line, the headings and
list groups as categories, one markdown-it block parse), `render.py` (entries placed by the
frame's `entries(...)` calls), `read.py` (a classic list README to an import plan), `lint.py`
(`list-entry`, `list-heading` and drift by entry line).
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


class ListLayout(LayoutDefaults):
    """Each entry one line, `- [Name](url) - Summary.`, under its category's heading."""

    name = "list"
    # The line's name, link and summary; and `title`, which the schema requires of every entry
    # whatever its layout (import writes the link text), so that `new` asks for it too.
    required = frozenset(("name", "title", "url", "summary"))
    shown: frozenset[str] | None = frozenset(("category",))
    # One block parse and a line diff: no shortcut or process to leave out (no `lint_part`,
    # no `lint_alone`).

    def recognises(self, text: str) -> bool:
        from awesome_tools.layouts.list.read import is_list_readme

        return is_list_readme(text)

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
        # One short line per entry: nothing to share between processes, no figure, no panel
        # heading level.
        # Nothing is `made` where the entries are checked (`entry_parts` is None).
        from awesome_tools.layouts.list.render import render_list

        return render_list(entries, settings.categories, templates, settings.title)

    def read(
        self, raw: bytes, path: str, /, *, categories: str | None, categories_path: str
    ) -> ImportPlan:
        from awesome_tools.layouts.list.read import read_list_readme

        return read_list_readme(raw, path, categories, categories_path)

    def frame(self, templates: Templates) -> str:
        from awesome_tools.layouts.list.render import list_frame

        return list_frame(templates)

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
        from awesome_tools.layouts.list.lint import lint_list

        return lint_list(text, path, expected, entry_files, frame, fixes)


LAYOUT: Layout = ListLayout()
