"""The table layout's README as a frame and per-entry parts, as the panel layout's is.

The frame (`README.md.j2`, the list's or the packaged one) places `parts`: `parts.overview`, the
overview table, and `parts.sections`, each section's name, anchor, entries and `blocks` (its
model blocks, one blank line apart). Each block is `table/model.md.j2` rendered for its entry
and each overview row `table/row.md.j2`: for `render`, in the processes that check the entries
(`part_maker`); else in `jobs` processes for a large list (`partrender.render_parts`, the
routine the panel layout's panels go through too). The rows go into model.html.j2's
`overview_shell` (`table/overview.md.j2`).

A frame of the old single-file shape, which names no `parts` (it calls `model_block` and
`overview_table` of model.html.j2 itself, or writes its own markup), is rendered whole as before:
it keeps working, in one process.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from awesome_tools.core.packaged import TEMPLATES
from awesome_tools.core.templates import README, TemplateProblem
from awesome_tools.layouts.table.place import Block, marked_block

if TYPE_CHECKING:
    from markupsafe import Markup

    from awesome_tools.core.entrycheck import Make
    from awesome_tools.core.ordering import Section
    from awesome_tools.core.schema import Entry
    from awesome_tools.core.templates import Templates
    from awesome_tools.layouts.partrender import PartProblem

    # What the processes made of an entry (`part_maker`): its block and overview row, or why
    # not.
    TableMade = tuple[Block, str] | PartProblem | None

PARTS = "parts"
BLOCK = "table/model.md.j2"
ROW = "table/row.md.j2"
OVERVIEW = "table/overview.md.j2"
MODELS = "model.html.j2"
# The macros of model.html.j2 each packaged part template calls.
MACROS = {BLOCK: "model_block", ROW: "overview_row", OVERVIEW: "overview_shell"}
# At most this many templates (the frame and those it names) are read to find `parts`; one
# found only further on is `'parts' is undefined` where it is read.
DEPTH = 8


@dataclass(frozen=True)
class SectionParts:
    """A `##` section as the frame places it: its heading's text and anchor, its entries, and
    its model blocks, rendered, one blank line apart."""

    name: str
    anchor: str
    entries: list[Entry]
    blocks: Markup


@dataclass(frozen=True)
class TableParts:
    """What a frame places: the overview table and the sections with their blocks."""

    overview: Markup
    sections: list[SectionParts]


def uses_parts(templates: Templates, name: str) -> bool:
    """Whether the frame reads `parts`, itself or in a template it includes, imports or extends
    (followed by name; one named by an expression counts as reading them). A frame that does not
    parse is rendered the old way, which reports its error where it is."""
    import jinja2
    import jinja2.meta

    loader = templates.env.loader
    seen: set[str] = set()
    todo = [name]
    while todo and len(seen) < DEPTH:
        current = todo.pop()
        seen.add(current)
        try:
            source = loader.get_source(templates.env, current)[0] if loader else ""
            tree = templates.env.parse(source)
        except (jinja2.TemplateError, TemplateProblem):
            continue
        if PARTS in jinja2.meta.find_undeclared_variables(tree):
            return True
        for named in jinja2.meta.find_referenced_templates(tree):
            if named is None:
                return True
            if named not in seen and named != MODELS:
                todo.append(named)
    return False


def provide_columns(templates: Templates) -> None:
    """Hand the templates the block's headers and cells (model.html.j2's `table_headers` and
    `table_cells`): the one table of columns that import and lint read the README with."""
    from awesome_tools.layouts.table.columns import cells, headers

    def table_headers(alignment: bool) -> list[str]:
        return headers(alignment=alignment)

    templates.provide(table_headers=table_headers, table_cells=cells)


def part_maker(templates: Templates) -> Make | None:
    """What the processes that check the entries make of each (`Layout.entry_parts`): its
    model block (as `place.marked_block` gives it) and overview row, where the frame places
    `parts`; None for a frame of the old single-file shape, which renders whole. The part
    templates are compiled here, once, before the processes start; their errors are left to
    the render, which reports them."""
    from awesome_tools.layouts.partrender import parts_of

    try:
        if not uses_parts(templates, README):
            return None
    except Exception:  # the render reports it, within the budget
        return None
    provide_columns(templates)
    for name in (BLOCK, ROW, OVERVIEW):
        with suppress(Exception):  # the render reports it, at its line
            templates.env.get_template(name)

    def make(entries: Sequence[Entry], total: int) -> list[Any]:
        made = parts_of(templates, [BLOCK, ROW], entries, total, lambda entry: {"entry": entry})
        return [(marked_block(m[0]), m[1]) if isinstance(m, tuple) else m for m in made]

    return make


def made_parts(
    templates: Templates, ordered: Sequence[Entry], made: Mapping[int, TableMade]
) -> tuple[list[Block], list[str]]:
    """The blocks and rows of the entries in `ordered`, from what was made of each (by the
    entry's id); the first template that failed (`partrender.first_problem`) as its
    TemplateProblem, after a model.html.j2 that lacks a macro (`_check_macros`)."""
    from awesome_tools.layouts.partrender import first_problem

    _check_macros(templates)
    problem = first_problem(list(made.values()))
    if problem is not None:
        raise TemplateProblem(problem)
    blocks: list[Block] = []
    rows: list[str] = []
    for entry in ordered:
        part = made[id(entry)]
        if not isinstance(part, tuple):
            raise AssertionError("an entry without parts where no template failed")
        blocks.append(part[0])
        rows.append(part[1])
    return blocks, rows


def overview_text(
    templates: Templates, ordered: Sequence[Entry], rows: Sequence[str], overview: Sequence[Entry]
) -> str:
    """The overview table: the rows (of the entries in `ordered`) in the order of `overview`,
    in `table/overview.md.j2`."""
    import markupsafe

    place = {id(entry): n for n, entry in enumerate(ordered)}
    shown = "\n".join(rows[place[id(entry)]] for entry in overview)
    return templates.env.get_template(OVERVIEW).render(rows=markupsafe.Markup(shown))


def table_parts(
    grouped: Sequence[Section],
    overview: Sequence[Entry],
    templates: Templates,
    *,
    jobs: int = 1,
    made: Mapping[int, TableMade] | None = None,
) -> TableParts:
    """The overview (of `overview`, the entries in its order) and the sections' blocks, each
    entry's block and row rendered on its own (`jobs` processes share a large list), or taken
    from `made` (by the entry's id: what `part_maker` made of it where it was checked); within
    the caller's render budget."""
    import markupsafe

    from awesome_tools.layouts.partrender import render_parts

    ordered = [entry for section in grouped for entry in section.entries]
    if made is None:
        _check_macros(templates)
        blocks, rows = render_parts(
            templates, [BLOCK, ROW], len(ordered), lambda n: {"entry": ordered[n]}, jobs=jobs
        )
    else:
        marked, rows = made_parts(templates, ordered, made)
        blocks = [block[0] for block in marked]
    table = overview_text(templates, ordered, rows, overview)
    found, start = [], 0
    for section in grouped:
        end = start + len(section.entries)
        text = markupsafe.Markup("\n\n".join(blocks[start:end]))
        found.append(SectionParts(section.name, section.anchor, section.entries, text))
        start = end
    return TableParts(markupsafe.Markup(table), found)


def _check_macros(templates: Templates) -> None:
    """A list's own model.html.j2 of the old shape lacks a macro a packaged part template
    calls: a `template` error at its first line saying what to add, rather than a failure
    inside the package's template."""
    root = templates.root
    if root is None or not os.path.isfile(root / TEMPLATES / MODELS):
        return
    own = [name for name in MACROS if not os.path.lexists(root / TEMPLATES / name)]
    if not own:
        return
    module = templates.env.get_template(MODELS).module
    missing = [MACROS[name] for name in own if not hasattr(module, MACROS[name])]
    if not missing:
        return
    message = (
        f"the README frame places `parts` (the model blocks and the overview), which "
        f"{_words(own)} render with model.html.j2's macros; this model.html.j2 has no "
        f"{_words([f'`{macro}`' for macro in missing])}: add "
        f"{'it' if len(missing) == 1 else 'them'} (the packaged model.html.j2 has each), or keep "
        "a templates/README.md.j2 of the old shape, which calls `model_block` and "
        "`overview_table` itself"
    )
    raise TemplateProblem.at(f"{TEMPLATES}/{MODELS}", 1, 1, message)


def _words(items: Sequence[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)
