"""The panel layout's text: one panel per entry, the year index, the release timeline, credits.

Pure: entries in, text out. The README's frame is a template (`templates/README.md.j2` of the
list, else the packaged `panel/README.md.j2`) with `{{ index }}`, `{{ timeline }}`,
`{{ panels }}` and `{{ count }}` where the generated parts go.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from awesome_tools.core.charrefs import Context, encode
from awesome_tools.core.links import link_label
from awesome_tools.core.mdsafe import plain_lines, plain_text
from awesome_tools.core.normalize import slugify
from awesome_tools.core.schema import Entry, PanelQuirks, ReferenceField
from awesome_tools.core.templates import README, TemplateProblem
from awesome_tools.layouts.panel.parts import (
    DEFAULT_LABEL,
    DEFAULT_LEVEL,
    DETAILS,
    MORE,
    NONE,
    NOTICE,
    TIMELINE_HEADER,
    TIMELINE_RULE,
    UNDATED,
    anchors,
    default_badge,
    label_markdown,
)
from awesome_tools.layouts.partrender import strip_lines

if TYPE_CHECKING:
    from awesome_tools.core.settings import FigureMarkers
    from awesome_tools.core.templates import Templates

PACKAGED = "panel/README.md.j2"
OFFICIAL = "Official architecture diagram"
NO_QUIRKS = PanelQuirks()
# The README's heading when the list's settings give no title.
DEFAULT_TITLE = "Awesome List"  # title case: awesome-lint's awesome-heading asks for it


# Where a panel's text goes, when not in Markdown prose: the figure's alt attribute and caption.
CONTEXTS: dict[str, Context] = {"figure.alt": "attribute", "figure.caption": "html"}


def _text(entry: Entry, field: ReferenceField, text: str) -> str:
    """Plain text as the README writes it: markup escaped, the README's own spellings kept."""
    quirks = entry.panel_quirks or NO_QUIRKS
    spelt = quirks.references.get(field) if quirks.references else None
    return encode(text, CONTEXTS.get(field, "markdown"), spelt)


def panel_name(entry: Entry) -> str:
    """The name the index and the timeline show: the entry's name."""
    return entry.name


def panel_title(entry: Entry) -> str:
    """The panel heading's text: the title as it is (`Name: Title` by convention). A title
    without its name's prefix is written so too: import reads the name off the index, which
    links it to the heading, so the title comes back as it was."""
    return entry.title


def panel_order(entries: Sequence[Entry]) -> list[Entry]:
    """Newest first; on one day by `order` (numbered first), then by name."""

    def key(entry: Entry) -> tuple[int, int, str]:
        order = int(entry.order) if entry.order else 1_000_000
        return (order, 0, entry.name.casefold())

    dated = sorted(entries, key=key)
    return sorted(dated, key=lambda e: e.released or "", reverse=True)


def _badges(entry: Entry) -> list[str]:
    if not entry.links:
        return _table_badges(entry)
    found = []
    for link in entry.links:
        label = link.label or DEFAULT_LABEL[link.kind]
        shown = label_markdown(_text(entry, "label", label))
        found.append(f"[![{shown}]({link.badge or default_badge(label)})]({link.url})")
    return found


def _table_badges(entry: Entry) -> list[str]:
    """An entry's links as badges when it gives no `links`: its url (named for what it is),
    code, weights; the paper is linked from every panel that has a url."""
    links: list[tuple[str, str | None]] = [(link_label(entry.url), entry.url)]
    links += [(label, url) for label, url in (("Code", entry.code), ("Weights", entry.weights))]
    return [f"[![{label}]({default_badge(label)})]({url})" for label, url in links if url]


def meta_lines(entry: Entry) -> list[str]:
    """The badges, authors and release lines under a panel's summary, blank lines included."""
    quirks = entry.panel_quirks or NO_QUIRKS
    badges = _badges(entry)
    released = entry.released is not None and quirks.released_line != "no"
    lines: list[str] = []
    if badges:
        lines = list(badges) if quirks.badges_split == "yes" else [" ".join(badges)]
    if entry.authors:
        # The authors' lines are joined by <br>, the one markup the field holds.
        parts = [_text(entry, "authors", part) for part in entry.authors.split("<br>")]
        authors = "<br>\n".join(parts).split("\n")
        wants_br = quirks.authors_br == "yes" if quirks.authors_br else released
        if wants_br:
            authors[-1] += "<br>"
        if lines and quirks.badges_end == "br":
            lines[-1] += "<br>"
        elif lines and quirks.badges_end != "line":
            lines.append("")
        first = len(lines)
        lines += authors
        # An author's line that would start a block (a fence, a list, an underline) is text.
        lines = plain_lines(lines, range(first, len(lines)))
    elif released and lines:
        lines.append("")
    if released:
        lines.append(f"**Released:** {entry.released}")
    return lines


def figure_marker(entry: Entry, number: int, markers: FigureMarkers) -> str:
    """The id of a panel's figure comments: its entry's slug, or its number in the list.

    A slug stays when other panels come and go; a number is the panel's place (or the
    `figure_id` an imported README gave it), so every later panel's changes with it.
    """
    if markers == "slug":
        return slugify(entry.name)
    quirks = entry.panel_quirks or NO_QUIRKS
    return quirks.figure_id or str(number)


def figure_lines(entry: Entry, marker: str) -> list[str]:
    """The figure block: the image and its caption, or the note saying why there is none."""
    quirks = entry.panel_quirks or NO_QUIRKS
    figure = entry.figure
    if figure is None and quirks.figure_note is None:
        return []
    lines = [f"<!-- architecture-figure:{marker} -->"]
    if figure is None:
        note = _text(entry, "figure_note", quirks.figure_note or "")
        lines.append(f"> **Architecture figure:** {note}")
    else:
        width = f' width="{figure.width}"' if figure.width else ""
        alt = _text(entry, "figure.alt", figure.alt)
        lines += [
            '<p align="center">',
            f'  <img src="{figure.file}" alt="{alt}"{width}>',
            "</p>",
        ]
        if figure.caption and figure.source:
            caption = _text(entry, "figure.caption", figure.caption)
            if figure.number:
                label, source = f"Figure {figure.number}.", "Source paper"
            else:
                label, source = f"{OFFICIAL}.", "Primary source"
            page = f", PDF p. {figure.page}" if figure.page else ""
            lines.append(
                f'<p align="center"><sub><b>{label}</b> {caption}. '
                f'<a href="{figure.source}">{source}</a>{page}. {NOTICE}.</sub></p>'
            )
    lines.append(f"<!-- /architecture-figure:{marker} -->")
    return lines


# Plain text made safe as Markdown prose: the characters that would start markup inline are
# backslash-escaped (CommonMark escapes any ASCII punctuation), so the text shows as written.
_PROSE_MARKUP = re.compile(r"([\\`*_\[\]<>&~])")


def _prose(text: str) -> str:
    return _PROSE_MARKUP.sub(r"\\\1", text)


def table_deep_dive(entry: Entry) -> list[str]:
    """A table-layout entry's fields as the deep dive: one paragraph under a short heading each."""
    parts = [
        ("Vision encoder", entry.vision_encoder),
        ("Language model", entry.language_model),
        ("Connector", entry.connector),
    ]
    if entry.architecture is not None:
        parts += [
            ("Architecture", entry.architecture.overview),
            ("Components", entry.architecture.components),
        ]
    if entry.training is not None:
        parts.append(("Training", entry.training.methods))
    if entry.alignment is not None:
        parts += [
            ("Alignment", entry.alignment.techniques),
            ("Fusion", entry.alignment.fusion_methods),
        ]
    if entry.datasets is not None:
        parts += [("Datasets", entry.datasets.used), ("Dataset purpose", entry.datasets.purpose)]
    paragraphs = [f"**{head}.** {_prose(text)}" for head, text in parts if text]
    return [line for n, p in enumerate(paragraphs) for line in ([p] if n == 0 else ["", p])]


def deep_dive_lines(entry: Entry) -> list[str]:
    """The collapsible "More Information" block: the deep-dive prose, else the table's fields."""
    body = entry.deep_dive.split("\n") if entry.deep_dive else table_deep_dive(entry)
    if not body:
        return []
    quirks = entry.panel_quirks or NO_QUIRKS
    summary = MORE + ("<br>" if quirks.summary_br == "yes" else "")
    tail = [] if quirks.details_tight == "yes" else [""]
    return [DETAILS, summary, "", *body, *tail, "</details>"]


PANEL_TEMPLATE = "panel/panel.md.j2"


def heading_line(entry: Entry, level: int = DEFAULT_LEVEL) -> str:
    """The panel's heading at the list's level (`panel_heading_level`), or at its own."""
    quirks = entry.panel_quirks or NO_QUIRKS
    hashes = "#" * int(quirks.heading_level or level)
    return f"{hashes} **{_text(entry, 'title', panel_title(entry))}**"


def panel_parts(entry: Entry, marker: str, level: int = DEFAULT_LEVEL) -> dict[str, str]:
    """The prepared text of each part of one panel, by the name the panel template uses."""
    return {
        "heading": heading_line(entry, level),
        "summary": plain_text(_text(entry, "summary", entry.summary or "")),
        "meta": "\n".join(meta_lines(entry)),
        "figure": "\n".join(figure_lines(entry, marker)),
        "deep_dive": "\n".join(deep_dive_lines(entry)),
    }


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
        name = label_markdown(_text(entry, "name", panel_name(entry)))
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
        what = _cell(_text(entry, "contribution", entry.contribution or NONE))
        name = _cell(_text(entry, "name", panel_name(entry)))
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
        title = _cell(_text(entry, "title", panel_title(entry)))
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
    import jinja2.meta

    root = templates.root
    if root is None:
        return PACKAGED
    if os.path.lexists(root / "templates" / PACKAGED):
        return PACKAGED  # the list's own (or a link render refuses): before the package's
    loader = templates.env.loader
    if loader is None or not os.path.lexists(root / "templates" / README):
        return PACKAGED
    try:
        # The loader refuses a link out or to nothing, and decodes as every read does.
        parsed = templates.env.parse(loader.get_source(templates.env, README)[0])
    except (jinja2.TemplateError, TemplateProblem):
        return README  # rendering it reports the problem with its position
    return README if "panels" in jinja2.meta.find_undeclared_variables(parsed) else PACKAGED


def render_panels(
    entries: Sequence[Entry],
    templates: Templates,
    *,
    markers: FigureMarkers,
    title: str | None = None,
    jobs: int = 1,
    level: int = DEFAULT_LEVEL,
) -> str:
    """The panel README: the list's frame (or the packaged one) around the generated parts.

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
        panels = _panels(ordered, templates, markers=markers, jobs=jobs, strip=splice, level=level)
        text = templates.render(
            name,
            len(ordered),
            title=title or DEFAULT_TITLE,
            count=len(ordered),
            index=markupsafe.Markup(index_text(ordered, [])),
            timeline=markupsafe.Markup(timeline_text(ordered)),
            panels=markupsafe.Markup(_PANELS_MARK if splice else "\n\n".join(panels)),
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
