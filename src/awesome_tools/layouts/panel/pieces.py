"""Each panel's pieces as text: its heading, badges and authors, figure and deep dive."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from awesome_tools.core.charrefs import Context, encode
from awesome_tools.core.links import link_label
from awesome_tools.core.mdsafe import plain_lines, plain_text
from awesome_tools.core.normalize import slugify
from awesome_tools.core.schema import Entry
from awesome_tools.layouts.panel.parts import (
    DEFAULT_LABEL,
    DEFAULT_LEVEL,
    DETAILS,
    MORE,
    NOTICE,
    default_badge,
    label_markdown,
)
from awesome_tools.layouts.panel.quirks import ReferenceField, quirks_of

if TYPE_CHECKING:
    from awesome_tools.core.settings import FigureMarkers


OFFICIAL = "Official architecture diagram"
# Where a panel's text goes, when not in Markdown prose: the figure's alt attribute and caption.
CONTEXTS: dict[str, Context] = {"figure.alt": "attribute", "figure.caption": "html"}


def field_text(entry: Entry, field: ReferenceField, text: str) -> str:
    """Plain text as the README writes it: markup escaped, the README's own spellings kept."""
    quirks = quirks_of(entry)
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


def _badges(entry: Entry) -> list[str]:
    if not entry.links:
        return _table_badges(entry)
    found = []
    for link in entry.links:
        label = link.label or DEFAULT_LABEL[link.kind]
        shown = label_markdown(field_text(entry, "label", label))
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
    quirks = quirks_of(entry)
    badges = _badges(entry)
    released = entry.released is not None and quirks.released_line != "no"
    lines: list[str] = []
    if badges:
        lines = list(badges) if quirks.badges_split == "yes" else [" ".join(badges)]
    if entry.authors:
        # The authors' lines are joined by <br>, the one markup the field holds.
        parts = [field_text(entry, "authors", part) for part in entry.authors.split("<br>")]
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
    quirks = quirks_of(entry)
    return quirks.figure_id or str(number)


def figure_lines(entry: Entry, marker: str) -> list[str]:
    """The figure block: the image and its caption, or the note saying why there is none."""
    quirks = quirks_of(entry)
    figure = entry.figure
    if figure is None and quirks.figure_note is None:
        return []
    lines = [f"<!-- architecture-figure:{marker} -->"]
    if figure is None:
        note = field_text(entry, "figure_note", quirks.figure_note or "")
        lines.append(f"> **Architecture figure:** {note}")
    else:
        width = f' width="{figure.width}"' if figure.width else ""
        alt = field_text(entry, "figure.alt", figure.alt)
        lines += [
            '<p align="center">',
            f'  <img src="{figure.file}" alt="{alt}"{width}>',
            "</p>",
        ]
        if figure.caption and figure.source:
            caption = field_text(entry, "figure.caption", figure.caption)
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
        ("Connector", " + ".join(entry.connectors) or None),
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
    quirks = quirks_of(entry)
    summary = MORE + ("<br>" if quirks.summary_br == "yes" else "")
    tail = [] if quirks.details_tight == "yes" else [""]
    return [DETAILS, summary, "", *body, *tail, "</details>"]


def heading_line(entry: Entry, level: int = DEFAULT_LEVEL) -> str:
    """The panel's heading at the list's level (`panel_heading_level`), or at its own."""
    quirks = quirks_of(entry)
    hashes = "#" * int(quirks.heading_level or level)
    return f"{hashes} **{field_text(entry, 'title', panel_title(entry))}**"


def panel_parts(entry: Entry, marker: str, level: int = DEFAULT_LEVEL) -> dict[str, str]:
    """The prepared text of each part of one panel, by the name the panel template uses."""
    return {
        "heading": heading_line(entry, level),
        "summary": plain_text(field_text(entry, "summary", entry.summary or "")),
        "meta": "\n".join(meta_lines(entry)),
        "figure": "\n".join(figure_lines(entry, marker)),
        "deep_dive": "\n".join(deep_dive_lines(entry)),
    }
