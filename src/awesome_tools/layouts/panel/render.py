"""The panel layout's text: one panel per entry, the year index, the release timeline, credits.

Pure: entries in, text out. The README's frame is a template (`templates/README.md.j2` of the
list, else the packaged `panel/README.md.j2`) with `{{ index }}`, `{{ timeline }}`,
`{{ panels }}` and `{{ count }}` where the generated parts go.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from awesome_tools.core.schema import Entry
from awesome_tools.layouts.frametext import frame_template
from awesome_tools.layouts.panel.parts import (
    DEFAULT_LEVEL,
    NONE,
    TIMELINE_HEADER,
    TIMELINE_RULE,
    UNDATED,
    anchors,
    label_markdown,
)
from awesome_tools.layouts.panel.pieces import (
    OFFICIAL,
    field_text,
    figure_marker,
    panel_name,
    panel_parts,
    panel_title,
)
from awesome_tools.layouts.partrender import strip_lines
from awesome_tools.layouts.views import views

if TYPE_CHECKING:
    from awesome_tools.core.settings import FigureMarkers
    from awesome_tools.core.templates import Templates

PACKAGED = "panel/README.md.j2"
# The README's heading when the list's settings give no title.
DEFAULT_TITLE = "Awesome List"  # title case: awesome-lint's awesome-heading asks for it


def panel_order(entries: Sequence[Entry]) -> list[Entry]:
    """Newest first; on one day by `order` (numbered first), then by name."""

    def key(entry: Entry) -> tuple[int, int, str]:
        order = int(entry.order) if entry.order else 1_000_000
        return (order, 0, entry.name.casefold())

    dated = sorted(entries, key=key)
    return sorted(dated, key=lambda e: e.released or "", reverse=True)


PANEL_TEMPLATE = "panel/panel.md.j2"


def _panel_context(entry: Entry, marker: str, level: int) -> dict[str, object]:
    """What the panel template is given: each prepared part (as markup) and the entry."""
    import markupsafe

    made = panel_parts(entry, marker, level)
    return {**{name: markupsafe.Markup(text) for name, text in made.items()}, "entry": entry}


def _panel(templates: Templates, entry: Entry, marker: str, level: int) -> str:
    return templates.render(PANEL_TEMPLATE, 1, **_panel_context(entry, marker, level))


def _panels(
    ordered: Sequence[Entry],
    templates: Templates,
    *,
    markers: FigureMarkers,
    jobs: int,
    strip: bool,
    level: int,
) -> list[str]:
    """Each panel's text, its line ends stripped if asked.

    A panel depends on its entry and number alone: `jobs` processes share a large list, as they
    share the table layout's blocks (`partrender.render_parts`).
    """
    from awesome_tools.layouts.partrender import render_parts

    def context(n: int) -> dict[str, object]:
        entry = ordered[n]
        return _panel_context(entry, figure_marker(entry, n + 1, markers), level)

    names = [PANEL_TEMPLATE]
    return render_parts(templates, names, len(ordered), context, jobs=jobs, strip=strip)[0]


@cache
def _packaged() -> Templates:
    from awesome_tools.core.templates import load_templates

    return load_templates(None)


def panel_text(entry: Entry, marker: str, *, level: int = DEFAULT_LEVEL) -> str:
    """One panel as the packaged panel template writes it (what import compares with)."""
    return _panel(_packaged(), entry, marker, level)


def index_text(ordered: Sequence[Entry], taken: list[str]) -> str:
    """The chronological index: one line per year, each name linking to its panel.

    Entries without a release date are grouped under "Undated", after the years (the panels'
    order puts them last).
    """
    slugs = anchors([panel_title(e) for e in ordered], taken)
    years: dict[str, list[str]] = {}
    for entry, slug in zip(ordered, slugs, strict=True):
        year = entry.released[:4] if entry.released else UNDATED
        name = label_markdown(field_text(entry, "name", panel_name(entry)))
        years.setdefault(year, []).append(f"[{name}](#{slug})")
    return "\n\n".join(f"**{year}:** {' | '.join(links)}" for year, links in years.items())


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def timeline_text(ordered: Sequence[Entry]) -> str:
    """The release timeline table, newest first: the entries released, each on its date.

    An entry without a release date has no place in a timeline; the index lists it as undated.
    """
    rows = [TIMELINE_HEADER, TIMELINE_RULE]
    for entry in ordered:
        if entry.released is None:
            continue
        what = _cell(field_text(entry, "contribution", entry.contribution or NONE))
        name = _cell(field_text(entry, "name", panel_name(entry)))
        rows.append(f"| {entry.released} | {name} | {what} |")
    return "\n".join(rows)


def credits_text(ordered: Sequence[Entry], head: str, *, markers: FigureMarkers) -> str:
    """The figure-credits table of every local figure, under the given head."""
    rows = ["| Entry | Source | Figure | Local file |", "| --- | --- | ---: | --- |"]

    def figure_id(item: tuple[int, Entry]) -> int:
        return int(figure_marker(item[1], item[0], markers)) if markers == "position" else item[0]

    # In the panels' order; by figure number where the figure comments number them.
    for _, entry in sorted(enumerate(ordered, 1), key=figure_id):
        figure, local = entry.figure, entry.local_figure
        if figure is None or local is None or figure.source is None:
            continue
        number = f"Fig. {figure.number}" if figure.number else OFFICIAL
        page = f", PDF p. {figure.page}" if figure.page else ""
        file = local.rsplit("/", 1)[-1]
        title = _cell(field_text(entry, "title", panel_title(entry)))
        rows.append(
            f"| {title} | [primary source]({figure.source}) | {number}{page} | [{file}]({file}) |"
        )
    return head.rstrip("\n") + "\n\n" + "\n".join(rows) + "\n"


def panel_frame(templates: Templates) -> str:
    """The template of the README's frame: the list's panel frame, else the packaged one.

    The list's `templates/panel/README.md.j2` first, then its `templates/README.md.j2` when that
    is a panel frame (import writes it there; it places `{{ panels }}`). A table frame there is
    left to the table layout, so that a list switches layout by its settings alone.
    """
    return frame_template(templates, PACKAGED, "panels")


def render_panels(
    entries: Sequence[Entry],
    templates: Templates,
    *,
    markers: FigureMarkers,
    title: str | None = None,
    jobs: int = 1,
    level: int = DEFAULT_LEVEL,
    shown: Sequence[str] = (),
) -> str:
    """The panel README: the list's frame (or the packaged one) around the generated parts,
    and the views `shown` names (the settings' `readme_views`, `layouts/views.py`), each model
    linking to its panel.

    The panels are nearly all of a large README. A frame that only prints them (`{{ panels }}`)
    is rendered with a mark in their place, and the panels, their lines stripped where they
    were made, are put in after: the whole text passes neither through jinja2 nor through a
    line-by-line strip. The result is the same as the frame rendered around them, stripped.
    """
    import markupsafe

    ordered = panel_order(entries)
    name = panel_frame(templates)
    splice = bool(ordered) and _prints_bare(templates, name, "panels")
    with templates.rendering(len(ordered), name):  # one budget for the panels and the frame
        slugs = anchors([panel_title(e) for e in ordered], []) if shown else []
        drawn = views(templates, "panel", shown, ordered if shown else [], slugs)
        panels = _panels(ordered, templates, markers=markers, jobs=jobs, strip=splice, level=level)
        text = templates.render(
            name,
            len(ordered),
            title=title or DEFAULT_TITLE,
            count=len(ordered),
            index=markupsafe.Markup(index_text(ordered, [])),
            timeline=markupsafe.Markup(timeline_text(ordered)),
            panels=markupsafe.Markup(_PANELS_MARK if splice else "\n\n".join(panels)),
            views=drawn,
        )
    if not splice:
        return strip_lines(text).rstrip("\n") + "\n"
    # The last line of the panels keeps its end where the frame writes more on that line.
    end = ordered[-1]
    marker = figure_marker(end, len(ordered), markers)
    last = _panel(templates, end, marker, level).rsplit("\n", 1)[-1]
    kept = panels[-1][: len(panels[-1]) - len(panels[-1].rsplit("\n", 1)[-1])] + last
    spread = [part for panel in panels[:-1] for part in (panel, "\n\n")]
    pieces = strip_lines(text).split(_PANELS_MARK)
    out = [pieces[0]]
    for piece in pieces[1:]:
        out += [*spread, kept if piece.split("\n", 1)[0].strip() else panels[-1], piece]
    readme = "".join(out)  # the one copy of the whole text
    if readme.endswith("\n") and not readme.endswith("\n\n"):
        return readme
    return readme.rstrip("\n") + "\n"


# Stands for the panels in the frame's output (`_prints_bare` makes sure it is printed as is).
_PANELS_MARK = "\x00panels\x00"


def _prints_bare(templates: Templates, name: str, variable: str) -> bool:
    """Whether the template prints `variable` only whole (`{{ panels }}`): no filter, test or
    other use of it, and no other template it includes, imports or extends."""
    import jinja2
    from jinja2 import nodes

    loader = templates.env.loader
    try:
        source = loader.get_source(templates.env, name)[0] if loader else ""
        tree = templates.env.parse(source)
    except jinja2.TemplateError:
        return False  # rendering reports it
    if any(tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport))):
        return False
    uses = [n for n in tree.find_all(nodes.Name) if n.name == variable]
    printed = [
        child
        for output in tree.find_all(nodes.Output)
        for child in output.nodes
        if isinstance(child, nodes.Name) and child.name == variable
    ]
    return bool(uses) and len(uses) == len(printed)


def credits_file(entries: Sequence[Entry], templates: Templates, *, markers: FigureMarkers) -> str:
    """The figure-credits file: the packaged head (or the list's) over the table."""
    head = templates.render("panel/CREDITS.md.j2", len(entries))
    return credits_text(panel_order(entries), head, markers=markers)
