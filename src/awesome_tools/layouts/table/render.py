"""The table layout's entries to README text, through the list's templates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from awesome_tools.core.normalize import slugify
from awesome_tools.core.ordering import Section, newest_first, sections
from awesome_tools.core.schema import Entry
from awesome_tools.core.templates import README, Templates
from awesome_tools.layouts.views import views


def render_readme(
    entries: Sequence[Entry],
    categories: Sequence[str],
    *,
    templates: Templates,
    title: str | None = None,
    jobs: int = 1,
    made: Sequence[Any] | None = None,
    shown: Sequence[str] = (),
) -> str:
    """Render README text; the same entries always give the same bytes.

    `title` is the list's (its settings'); a template may show it, the packaged one has its own.
    A frame that places `parts` gets each entry's block and overview row rendered on its own, in
    `jobs` processes for a large list (`frame.py`), or taken from `made` (aligned with
    `entries`: what `frame.part_maker` made of each where it was checked); one of the old
    single-file shape is rendered whole. Where the parts were made and the frame prints them
    bare, they do not pass through jinja2 (`place.py`). The views `shown` names (the settings'
    `readme_views`) are the frame's `views` (`layouts/views.py`), each model linking to its block.
    """
    from awesome_tools.layouts.table.frame import PARTS, provide_columns, table_parts, uses_parts
    from awesome_tools.layouts.table.place import prints_parts_bare

    provide_columns(templates)
    grouped, overview = sections(entries, categories), newest_first(entries)
    by_id = None if made is None else {id(e): m for e, m in zip(entries, made, strict=True)}
    context = {"sections": grouped, "overview": overview, "count": len(entries), "title": title}
    with templates.rendering(len(entries), README):  # one budget for the parts and the frame
        slugs = [slugify(entry.name) for entry in overview] if shown else []
        context["views"] = views(templates, "table", shown, overview if shown else [], slugs)
        parts = uses_parts(templates, README)
        if parts and by_id is not None and prints_parts_bare(templates, README):
            placed = _placed(templates, grouped, overview, by_id, context)
            if placed is not None:
                return placed
        if parts:
            context[PARTS] = table_parts(grouped, overview, templates, jobs=jobs, made=by_id)
        text = templates.render(README, len(entries), **context)
    if not text.endswith("\n") or text.endswith("\n\n"):
        text = text.rstrip("\n") + "\n"
    if " \n" in text or "\t\n" in text:
        # A template that leaves trailing whitespace still gives a clean README.
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text


def _placed(
    templates: Templates,
    grouped: Sequence[Section],
    overview: Sequence[Entry],
    made: Mapping[int, Any],
    context: dict[str, Any],
) -> str | None:
    """The README with the parts put into the frame rendered around marks (`place.placed`), as
    `render_readme` would make it; None where the frame places them otherwise."""
    import markupsafe

    from awesome_tools.core.budget import checked_output
    from awesome_tools.layouts.table.frame import (
        PARTS,
        SectionParts,
        TableParts,
        made_parts,
        overview_text,
    )
    from awesome_tools.layouts.table.place import new_marks, placed

    ordered = [entry for section in grouped for entry in section.entries]
    blocks, rows = made_parts(templates, ordered, made)
    table = overview_text(templates, ordered, rows, overview)
    marks = new_marks(len(grouped))
    found = [
        SectionParts(section.name, section.anchor, section.entries, markupsafe.Markup(mark))
        for section, mark in zip(grouped, marks[1], strict=True)
    ]
    parts = TableParts(markupsafe.Markup(marks[0]), found)
    frame = templates.render(README, len(ordered), **context, **{PARTS: parts})
    by_section, start = [], 0
    for section in grouped:
        by_section.append(blocks[start : start + len(section.entries)])
        start += len(section.entries)
    text = placed(frame, marks, table, by_section)
    return None if text is None else checked_output(text, "the output")
