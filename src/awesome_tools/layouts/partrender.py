"""Entries to their parts through per-entry templates: the one way both layouts render entries.

A layout's README is a frame template that places parts, and each entry's parts are what its
per-entry templates write for it alone: a panel (`panel/panel.md.j2`), a model block
(`table/model.md.j2`), an overview row (`table/row.md.j2`). Since a part depends on its entry
alone, `jobs` forked processes share a large list (`workers.map_runs`: runs in order, a failed
child's run redone here) and only the frame is rendered once, in this process.

Every part renders within the render budget (`Templates.rendering`): the caller holds one open
around the parts and the frame, so that the whole README has one budget; whatever a per-entry
template raises is its positioned `template` diagnostic, from whichever process it came.

A layout may have its parts made where the entries are checked instead (`parts_of`, the
`Layout.entry_parts` of the table layout): each process that loads and validates a share of the
entries renders their parts within a budget of its own, and the frame only places them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from awesome_tools.diagnostics import Diagnostic

if TYPE_CHECKING:
    from awesome_tools.core.schema import Entry
    from awesome_tools.core.templates import Templates

# The values one per-entry template is given for entry n (its `entry`, prepared parts).
Context = Callable[[int], Mapping[str, Any]]


def render_parts(
    templates: Templates,
    names: Sequence[str],
    count: int,
    context: Context,
    *,
    jobs: int = 1,
    strip: bool = False,
) -> list[list[str]]:
    """Each per-entry template of `names` rendered for entries 0 .. count-1, entry n with the
    values context(n): result[k][n] is template k's text for entry n. `strip` removes the
    whitespace at the end of each line of every part (where the frame's output would be)."""
    from awesome_tools.io.workers import map_runs

    def run(start: int, end: int) -> list[tuple[str, ...]]:
        columns = [_render_run(templates, name, count, context, start, end) for name in names]
        if strip:
            columns = [[strip_lines(text) for text in column] for column in columns]
        return list(zip(*columns, strict=True))

    rows = map_runs(run, count, jobs)
    return [[row[k] for row in rows] for k in range(len(names))]


@dataclass(frozen=True)
class PartProblem:
    """Why an entry has no parts: the template that failed for it first (its place in the
    names) and its diagnostic. Data, so that it comes back from another process."""

    template: int
    diagnostic: Diagnostic


# An entry's parts, one text per template: a PartProblem where one failed for it, None where
# its run stopped at an earlier entry's problem.
Made = tuple[str, ...] | PartProblem | None


def parts_of(
    templates: Templates,
    names: Sequence[str],
    entries: Sequence[Entry],
    total: int,
    context: Callable[[Entry], Mapping[str, Any]],
) -> list[Made]:
    """Each entry's parts, rendered here: what the processes that check a list's entries make
    of the ones they checked (`entrycheck.check_entries`' `make`), within the render budget of
    `total` entries. Each template renders for every entry before the next one; the first entry
    it fails for holds the problem and nothing more is rendered, so that the first problem of
    the whole list (`first_problem`) is the same however many processes share it."""
    from awesome_tools.core.templates import TemplateProblem

    columns: list[list[str]] = []
    count = len(entries)
    for k, name in enumerate(names):
        texts: list[str] = []
        try:
            _render_run(templates, name, total, lambda n: context(entries[n]), 0, count, texts)
        except TemplateProblem as problem:
            made: list[Made] = [None] * count
            made[len(texts)] = PartProblem(k, problem.diagnostic)
            return made
        columns.append(texts)
    return list(zip(*columns, strict=True))


def first_problem(made: Sequence[object]) -> Diagnostic | None:
    """The problem of the first template that failed, for the first entry (in `made`'s
    order) it failed for; None when every entry has its parts."""
    found = [
        (m.template, n, m.diagnostic) for n, m in enumerate(made) if isinstance(m, PartProblem)
    ]
    return min(found)[2] if found else None


def _render_run(
    templates: Templates,
    name: str,
    count: int,
    context: Context,
    start: int,
    end: int,
    texts: list[str] | None = None,
) -> list[str]:
    """One per-entry template's text for entries start .. end-1, within the budget for the
    whole list (the caller's, when one is open).

    What `Template.render` does, less its cost per call, which for a part as short as an
    overview row is most of the render: the template's globals are copied into a plain dict
    once, not read through their chain map twice per call (once for the context, once more for
    each `{% from %}` it runs, which finds no global of its own and takes the imported
    template's module as loaded). An error is rewritten to the template's lines as there.
    """
    from jinja2.runtime import new_context

    from awesome_tools.core.budget import checked_output

    with templates.rendering(count, name):
        template = templates.env.get_template(name)
        env, render, blocks = template.environment, template.root_render_func, template.blocks
        base = dict(template.globals)
        texts = [] if texts is None else texts
        for n in range(start, end):
            values = {**base, **context(n)}
            try:
                text = env.concat(render(new_context(env, name, blocks, values, shared=True)))
            except Exception:
                env.handle_exception()  # raises, at the template's line
            texts.append(checked_output(text, "a part"))
        return texts


def strip_lines(text: str) -> str:
    """The text with the whitespace at the end of each line removed."""
    return "\n".join(line.rstrip() for line in text.split("\n"))
