"""The panel layout's text: one panel per entry, the year index, the release timeline, credits.

Pure: entries in, text out. The README's frame is a template (`templates/README.md.j2` of the
list, else the packaged `panel/README.md.j2`) with `{{ index }}`, `{{ timeline }}`,
`{{ panels }}` and `{{ count }}` where the generated parts go.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from awesome_tools.panelparts import (
    DEFAULT_LABEL,
    DETAILS,
    MORE,
    NONE,
    NOTICE,
    TIMELINE_HEADER,
    TIMELINE_RULE,
    anchors,
    default_badge,
    split_title,
)
from awesome_tools.schema import Entry, PanelQuirks
from awesome_tools.templates import README

if TYPE_CHECKING:
    from awesome_tools.templates import Templates

PACKAGED = "panel/README.md.j2"
OFFICIAL = "Official architecture diagram"
NO_QUIRKS = PanelQuirks()
CREDITS = "assets/architectures/CREDITS.md"


def panel_name(entry: Entry) -> str:
    """The name the index and the timeline show: the entry's name."""
    return entry.name


def panel_title(entry: Entry) -> str:
    """The panel heading's text: the title when it starts with the name, else name: title."""
    if entry.title == entry.name or split_title(entry.title) == entry.name:
        return entry.title
    if entry.title.startswith(f"{entry.name}: "):
        return entry.title
    return f"{entry.name}: {entry.title}"


def panel_order(entries: Sequence[Entry]) -> list[Entry]:
    """Newest first; on one day by `order` (numbered first), then by name."""

    def key(entry: Entry) -> tuple[int, int, str]:
        order = int(entry.order) if entry.order else 1_000_000
        return (order, 0, entry.name.casefold())

    dated = sorted(entries, key=key)
    return sorted(dated, key=lambda e: e.released or "", reverse=True)


def _badges(entry: Entry) -> list[str]:
    found = []
    for link in entry.links or []:
        label = link.label or DEFAULT_LABEL[link.kind]
        found.append(f"[![{label}]({link.badge or default_badge(label)})]({link.url})")
    return found


def meta_lines(entry: Entry) -> list[str]:
    """The badges, authors and release lines under a panel's summary, blank lines included."""
    quirks = entry.panel_quirks or NO_QUIRKS
    badges = _badges(entry)
    released = entry.released is not None and quirks.released_line != "no"
    lines: list[str] = []
    if badges:
        lines = list(badges) if quirks.badges_split == "yes" else [" ".join(badges)]
    if entry.authors:
        authors = entry.authors.replace("<br>", "<br>\n").split("\n")
        wants_br = quirks.authors_br == "yes" if quirks.authors_br else released
        if wants_br:
            authors[-1] += "<br>"
        if lines and quirks.badges_end == "br":
            lines[-1] += "<br>"
        elif lines and quirks.badges_end != "line":
            lines.append("")
        lines += authors
    elif released and lines:
        lines.append("")
    if released:
        lines.append(f"**Released:** {entry.released}")
    return lines


def figure_lines(entry: Entry, number: int) -> list[str]:
    """The figure block: the image and its caption, or the note saying why there is none."""
    quirks = entry.panel_quirks or NO_QUIRKS
    if entry.figure is None and quirks.figure_note is None:
        return []
    number = int(quirks.figure_id) if quirks.figure_id else number
    lines = [f"<!-- architecture-figure:{number} -->"]
    if entry.figure is None:
        lines.append(f"> **Architecture figure:** {quirks.figure_note}")
    else:
        width = f' width="{entry.figure_width}"' if entry.figure_width else ""
        lines += [
            '<p align="center">',
            f'  <img src="{entry.figure}" alt="{entry.figure_alt}"{width}>',
            "</p>",
        ]
        if entry.figure_caption and entry.figure_source:
            if entry.figure_number:
                label, source = f"Figure {entry.figure_number}.", "Source paper"
            else:
                label, source = f"{OFFICIAL}.", "Primary source"
            page = f", PDF p. {entry.figure_page}" if entry.figure_page else ""
            lines.append(
                f'<p align="center"><sub><b>{label}</b> {entry.figure_caption}. '
                f'<a href="{entry.figure_source}">{source}</a>{page}. {NOTICE}.</sub></p>'
            )
    lines.append(f"<!-- /architecture-figure:{number} -->")
    return lines


def deep_dive_lines(entry: Entry) -> list[str]:
    """The collapsible "More Information" block, from the deep-dive prose."""
    if not entry.deep_dive:
        return []
    quirks = entry.panel_quirks or NO_QUIRKS
    summary = MORE + ("<br>" if quirks.summary_br == "yes" else "")
    body = entry.deep_dive.split("\n")
    tail = [] if quirks.details_tight == "yes" else [""]
    return [DETAILS, summary, "", *body, *tail, "</details>"]


def panel_text(entry: Entry, number: int) -> str:
    """One panel: heading, summary, links and authors, figure, deep dive."""
    parts = [[f"### **{panel_title(entry)}**"]]
    if entry.summary:
        parts.append([entry.summary])
    for block in (meta_lines(entry), figure_lines(entry, number), deep_dive_lines(entry)):
        if block:
            parts.append(block)
    return "\n\n".join("\n".join(part) for part in parts)


def panels_text(ordered: Sequence[Entry]) -> str:
    """Every panel, numbered in order."""
    return "\n\n".join(panel_text(entry, n) for n, entry in enumerate(ordered, 1))


def index_text(ordered: Sequence[Entry], taken: list[str]) -> str:
    """The chronological index: one line per year, each name linking to its panel."""
    slugs = anchors([panel_title(e) for e in ordered], taken)
    years: dict[str, list[str]] = {}
    for entry, slug in zip(ordered, slugs, strict=True):
        year = (entry.released or "Undated")[:4]
        years.setdefault(year, []).append(f"[{panel_name(entry)}](#{slug})")
    return "\n\n".join(f"**{year}:** {' | '.join(links)}" for year, links in years.items())


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def timeline_text(ordered: Sequence[Entry]) -> str:
    """The release timeline table, newest first."""
    rows = [TIMELINE_HEADER, TIMELINE_RULE]
    for entry in ordered:
        what = _cell(entry.contribution or NONE)
        rows.append(f"| {entry.released or NONE} | {_cell(panel_name(entry))} | {what} |")
    return "\n".join(rows)


def credits_text(ordered: Sequence[Entry], head: str) -> str:
    """The figure-credits table of every local figure, under the given head."""
    rows = ["| Entry | Source | Figure | Local file |", "| --- | --- | ---: | --- |"]

    def figure_id(item: tuple[int, Entry]) -> int:
        quirks = item[1].panel_quirks or NO_QUIRKS
        return int(quirks.figure_id) if quirks.figure_id else item[0]

    # By figure number, as the figure comments number them.
    for _, entry in sorted(enumerate(ordered, 1), key=figure_id):
        if entry.figure is None or "://" in entry.figure or entry.figure_source is None:
            continue
        number = f"Fig. {entry.figure_number}" if entry.figure_number else OFFICIAL
        page = f", PDF p. {entry.figure_page}" if entry.figure_page else ""
        file = entry.figure.rsplit("/", 1)[-1]
        rows.append(
            f"| {_cell(panel_title(entry))} | [primary source]({entry.figure_source}) | "
            f"{number}{page} | [{file}]({file}) |"
        )
    return head.rstrip("\n") + "\n\n" + "\n".join(rows) + "\n"


def render_panels(
    entries: Sequence[Entry], templates: Templates, *, title: str | None = None
) -> str:
    """The panel README: the list's frame (or the packaged one) around the generated parts."""
    import jinja2
    import markupsafe

    ordered = panel_order(entries)
    own = templates.root is not None and (templates.root / "templates" / README).is_file()
    name = README if own else PACKAGED
    try:
        text = templates.env.get_template(name).render(
            # Title case: awesome-lint's awesome-heading asks for it.
            title=title or templates.title or "Awesome List",
            count=len(ordered),
            index=markupsafe.Markup(index_text(ordered, [])),
            timeline=markupsafe.Markup(timeline_text(ordered)),
            panels=markupsafe.Markup(panels_text(ordered)),
        )
    except jinja2.TemplateError as exc:
        raise templates.problem(exc, template=name) from None
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip("\n") + "\n"


def credits_file(entries: Sequence[Entry], templates: Templates) -> str:
    """The figure-credits file: the packaged head (or the list's) over the table."""
    import jinja2

    try:
        head = templates.env.get_template("panel/CREDITS.md.j2").render()
    except jinja2.TemplateError as exc:
        raise templates.problem(exc, template="panel/CREDITS.md.j2") from None
    return credits_text(panel_order(entries), head)
