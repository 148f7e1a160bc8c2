"""The table layout's entries to README text, through the list's templates."""

from __future__ import annotations

from collections.abc import Sequence

from awesome_tools.core.ordering import newest_first, sections
from awesome_tools.core.schema import Entry
from awesome_tools.core.templates import README, Templates
from awesome_tools.layouts.table.columns import cells, headers


def render_readme(
    entries: Sequence[Entry],
    categories: Sequence[str],
    *,
    templates: Templates,
    title: str | None = None,
    jobs: int = 1,
) -> str:
    """Render README text; the same entries always give the same bytes.

    `title` is the list's (its settings'); a template may show it, the packaged one has its own.
    A frame that places `parts` gets each entry's block and overview row rendered on its own, in
    `jobs` processes for a large list (`frame.py`); one of the old single-file shape is
    rendered whole.
    """
    from awesome_tools.layouts.table.frame import PARTS, table_parts, uses_parts

    templates.provide(table_headers=_headers, table_cells=cells)
    grouped, overview = sections(entries, categories), newest_first(entries)
    with templates.rendering(len(entries), README):  # one budget for the parts and the frame
        parts = (
            {PARTS: table_parts(grouped, overview, templates, jobs=jobs)}
            if uses_parts(templates, README)
            else {}
        )
        text = templates.render(
            README,
            len(entries),
            sections=grouped,
            overview=overview,
            count=len(entries),
            title=title,
            **parts,
        )
    if not text.endswith("\n") or text.endswith("\n\n"):
        text = text.rstrip("\n") + "\n"
    if " \n" in text or "\t\n" in text:
        # A template that leaves trailing whitespace still gives a clean README.
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text


def _headers(alignment: bool) -> list[str]:
    """The block's table headers (model.html.j2's `table_headers`)."""
    return headers(alignment=alignment)
